/**
 * What every learner service shares: the store, the learner model, the cached curriculum view, stored
 * mastery and stored gaps, and one member's snapshot at an instant. The concern-specific services
 * (recommendations, plans, profiles, branch reports, ...) are functions over a LearnerCore.
 */
import type { Gap, GraphStore, Member, StudyPlan } from '../../../graph';
import type { NotAssessed } from '../gaps/compute-gaps';
import { assessSnapshot, GapService } from '../gaps/gap-service';
import type { MasteryModel } from '../mastery-model';
import { CurriculumCache, type CurriculumView } from '../mastery/curriculum-view';
import { type LearnerSnapshot, loadSnapshot, SNAPSHOT_HISTORY, type SnapshotReads } from '../mastery/learner-snapshot';
import { MasteryService } from '../mastery/mastery-service';
import { type BranchContext, BranchContextCache } from '../recommend/branch-context';
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

  /** The branch figures reads use (recommend/branch-context.ts). */
  readonly branches: BranchContextCache;

  constructor(
    readonly store: GraphStore,
    readonly model: MasteryModel,
  ) {
    this.curriculum = new CurriculumCache(store);
    this.mastery = new MasteryService(store, model);
    this.gaps = new GapService(store);
    this.branches = new BranchContextCache(store, () => this.view());
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

  async snapshot(member: Member, now: number, started?: SnapshotReads): Promise<LearnerSnapshot> {
    const [view, table] = await Promise.all([this.view(), this.requirements(now)]);
    return loadSnapshot(this.mastery, view, member, now, table[member.stage], started);
  }

  /** The member's stored gaps (none stored: an empty list). */
  private storedGaps(memberId: string): Promise<Gap[]> {
    return this.store.getGapsForMembers([memberId]).then((m) => m.get(memberId) ?? []);
  }

  /**
   * Start the store reads learnerState makes for `memberId` (mastery, recent history, stored gaps, newest
   * plan), for a caller that knows the member before it may use them: it hands them to learnerState
   * only for that member and only after its scope check. A rejection surfaces where they are used.
   */
  startReads(memberId: string): LearnerReads {
    // Two reads, so that they hold at most two of the store's read connections and the request's other
    // reads (the viewer's rows, which its scope check waits for) are not queued behind them: the recent
    // history, and the stored mastery, gaps and newest plan together.
    const history = this.store.getMemberHistory(memberId, { limit: SNAPSHOT_HISTORY, attendance: false });
    const rows = this.store.getLearnerRows(memberId);
    const snapshot: SnapshotReads = { mastery: rows.then((r) => new Map([[memberId, r.mastery]])), history };
    const reads: LearnerReads = { memberId, snapshot, gaps: rows.then((r) => r.gaps), plan: rows.then((r) => r.plan) };
    for (const p of [snapshot.mastery, snapshot.history, reads.gaps, reads.plan]) p.catch(() => undefined);
    return reads;
  }

  /** Stored gaps, recomputed first when never computed or older than a day. */
  async gapsOf(member: Member, now: number, snap?: LearnerSnapshot): Promise<Gap[]> {
    return (await this.learnerState(member, now, snap)).gaps;
  }

  /**
   * What a read needs about one member, in one round of reads: the snapshot, the branch's context, and
   * the member's stored gaps (maintained by the write path) with the topics not yet assessed as of `now`.
   * Stored gaps that are stale (gapsAreStale) are replaced by the ones assessed now; a member with no
   * gaps before or after writes nothing (no gaps is not stored as such).
   */
  async learnerState(member: Member, now: number, snap?: LearnerSnapshot, started?: LearnerReads): Promise<LearnerState> {
    const early = started?.memberId === member.id ? started : undefined;
    const [current, branch, stored, plan] = await Promise.all([
      snap ?? this.snapshot(member, now, early?.snapshot),
      this.branches.get(member.branchId, now),
      early?.gaps ?? this.storedGaps(member.id),
      early?.plan ?? this.store.getStudyPlan(member.id),
    ]);
    const assessed = assessSnapshot(current, branch.meetingTopics, plan);
    const base = { snap: current, branch, plan, notAssessed: assessed.notAssessed };
    if (!gapsAreStale(stored, now, current.requirement.since)) return { ...base, gaps: stored };
    if (stored.length || assessed.gaps.length) await this.store.replaceGaps(member.id, assessed.gaps);
    return { ...base, gaps: assessed.gaps };
  }
}

/** One member's learner reads, started ahead of their use (LearnerCore.startReads). */
export interface LearnerReads {
  memberId: string;
  snapshot: SnapshotReads;
  gaps: Promise<Gap[]>;
  plan: Promise<StudyPlan | null>;
}

export interface LearnerState {
  snap: LearnerSnapshot;
  branch: BranchContext;
  plan: StudyPlan | null;
  gaps: Gap[];
  notAssessed: NotAssessed[];
}

/** The branch's meeting topics in the form GapService takes (one branch, already read). */
export const meetingTopicsOf = (branch: BranchContext) => new Map([[branch.branchId, Promise.resolve(branch.meetingTopics)]]);
