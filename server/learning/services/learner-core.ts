/**
 * What every learner service shares: the store, the learner model, the cached curriculum view, stored
 * mastery and stored gaps, and one member's snapshot at an instant. The concern-specific services
 * (recommendations, plans, profiles, branch reports, ...) are functions over a LearnerCore.
 */
import type { Gap, GraphStore, Member } from '../../../graph';
import { GapService } from '../gaps/gap-service';
import type { MasteryModel } from '../mastery-model';
import { CurriculumCache, type CurriculumView } from '../mastery/curriculum-view';
import { type LearnerSnapshot, loadSnapshot } from '../mastery/learner-snapshot';
import { MasteryService } from '../mastery/mastery-service';
import { DEFAULT_REQUIREMENTS, type RequirementsSource, type RequirementTable } from '../requirements';

export const DAY = 86_400_000;
/** Gaps older than this are recomputed on read (forgetting moves mastery even without events). */
export const GAP_MAX_AGE = DAY;

/**
 * True when a member's stored gaps must be recomputed: never computed, older than GAP_MAX_AGE, or
 * computed before the stage requirements in force changed (`since`).
 */
export const gapsAreStale = (stored: Gap[], now: number, since = 0) => !stored.length || stored.some((g) => now - g.updatedAt >= GAP_MAX_AGE || g.updatedAt < since);

export class LearnerCore {
  readonly curriculum: CurriculumCache;
  readonly mastery: MasteryService;
  readonly gaps: GapService;
  private requirementsSource: RequirementsSource = DEFAULT_REQUIREMENTS;

  constructor(
    readonly store: GraphStore,
    readonly model: MasteryModel,
  ) {
    this.curriculum = new CurriculumCache(store);
    this.mastery = new MasteryService(store, model);
    this.gaps = new GapService(store);
  }

  /** Read stage requirements from here from now on (the app binds the rules engine: overrides apply). */
  readRequirementsFrom(source: RequirementsSource): void {
    this.requirementsSource = source;
  }

  /** The stage requirements in force at `now`. */
  requirements(now: number): Promise<RequirementTable> {
    return this.requirementsSource.at(now);
  }

  /** The curriculum view, with the model bound to it (MasteryModel.useView). */
  async view(): Promise<CurriculumView> {
    const view = await this.curriculum.get();
    this.model.useView?.(view);
    return view;
  }

  async snapshot(member: Member, now: number): Promise<LearnerSnapshot> {
    const [view, table] = await Promise.all([this.view(), this.requirements(now)]);
    return loadSnapshot(this.mastery, view, member, now, table[member.stage]);
  }

  /** Stored gaps, recomputed first when never computed or older than a day. */
  async gapsOf(member: Member, now: number, snap?: LearnerSnapshot): Promise<Gap[]> {
    const stored = (await this.store.getGapsForMembers([member.id])).get(member.id) ?? [];
    const current = snap ?? (await this.snapshot(member, now));
    if (!gapsAreStale(stored, now, current.requirement.since)) return stored;
    return this.gaps.refresh(current);
  }
}
