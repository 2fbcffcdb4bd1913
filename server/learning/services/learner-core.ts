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

export const DAY = 86_400_000;
/** Gaps older than this are recomputed on read (forgetting moves mastery even without events). */
export const GAP_MAX_AGE = DAY;

/** True when a member's stored gaps must be recomputed: never computed, or older than GAP_MAX_AGE. */
export const gapsAreStale = (stored: Gap[], now: number) => !stored.length || stored.some((g) => now - g.updatedAt >= GAP_MAX_AGE);

export class LearnerCore {
  readonly curriculum: CurriculumCache;
  readonly mastery: MasteryService;
  readonly gaps: GapService;

  constructor(readonly store: GraphStore, readonly model: MasteryModel) {
    this.curriculum = new CurriculumCache(store);
    this.mastery = new MasteryService(store, model);
    this.gaps = new GapService(store);
  }

  /** The curriculum view, with the model bound to it (MasteryModel.useView). */
  async view(): Promise<CurriculumView> {
    const view = await this.curriculum.get();
    this.model.useView?.(view);
    return view;
  }

  async snapshot(member: Member, now: number): Promise<LearnerSnapshot> {
    return loadSnapshot(this.mastery, await this.view(), member, now);
  }

  /** Stored gaps, recomputed first when never computed or older than a day. */
  async gapsOf(member: Member, now: number, snap?: LearnerSnapshot): Promise<Gap[]> {
    const stored = (await this.store.getGapsForMembers([member.id])).get(member.id) ?? [];
    if (!gapsAreStale(stored, now)) return stored;
    return this.gaps.refresh(snap ?? (await this.snapshot(member, now)));
  }
}
