/**
 * Everything the gap, recommendation and plan services need to know about one member at one
 * instant, read in a fixed number of store calls: stored mastery rows, recent history, and the
 * curriculum view.
 */
import type { GraphStore, Mastery, Member, MemberHistory } from '../../../graph';
import { rollUpMastery } from '../model/roll-up';
import { requirementOf, type StageRequirement } from '../requirements';
import type { CurriculumView } from './curriculum-view';
import type { MasteryService } from './mastery-service';

/** Recent events read per member for evidence, completion and progress. */
export const SNAPSHOT_HISTORY = 500;

/** The two store reads of a snapshot, in flight. */
export interface SnapshotReads {
  mastery: Promise<Map<string, Mastery[]>>;
  history: Promise<MemberHistory>;
}

/** Start the store reads of `memberId`'s snapshot. */
export function startSnapshotReads(store: GraphStore, memberId: string): SnapshotReads {
  return {
    mastery: store.getMasteryForMembers([memberId]),
    history: store.getMemberHistory(memberId, { limit: SNAPSHOT_HISTORY, attendance: false }),
  };
}

export interface LearnerSnapshot {
  member: Member;
  view: CurriculumView;
  now: number;
  rows: Map<string, Mastery>;
  history: MemberHistory;
  /** Current mastery (forgetting applied) of any topic; areas are rolled up from subtopics. */
  masteryOf(topicId: string): number;
  /** Highest progress reached on each course the member has studied. */
  courseProgress: Map<string, number>;
  /** What the member's stage must master, as in force at `now`. */
  requirement: StageRequirement;
}

/** Max progress per course over the given study events. */
export function progressByCourse(studies: { courseId: string; progress: number; at: number }[], since = -Infinity): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of studies) if (s.at >= since) out.set(s.courseId, Math.max(out.get(s.courseId) ?? 0, s.progress));
  return out;
}

/** Build a snapshot from already-loaded parts (pure). */
export function makeSnapshot(
  mastery: MasteryService,
  member: Member,
  view: CurriculumView,
  rows: Map<string, Mastery>,
  history: MemberHistory,
  now: number,
  requirement: StageRequirement = requirementOf(member.stage),
): LearnerSnapshot {
  const model = mastery.model;
  const leaf = new Map(view.leaves.map((t) => [t.id, model.currentMastery(rows.get(t.id), now, t.id, member.stage)]));
  const rolled = rollUpMastery([...view.topics.values()], leaf, model.currentMastery(undefined, now));
  return {
    member,
    view,
    now,
    rows,
    history,
    masteryOf: (id) => rolled.get(id) ?? model.currentMastery(rows.get(id), now, id, member.stage),
    courseProgress: progressByCourse(history.studies),
    requirement,
  };
}

/**
 * Read a member's snapshot: their stored mastery rows and recent history, two reads. Only a member who
 * has events but no rows yet (a bulk load or an import the start-up backfill has not reached) has
 * their history replayed, once (the rows are stored).
 */
export async function loadSnapshot(
  mastery: MasteryService,
  view: CurriculumView,
  member: Member,
  now: number,
  requirement?: StageRequirement,
  started?: SnapshotReads,
): Promise<LearnerSnapshot> {
  const reads = started ?? startSnapshotReads(mastery.store, member.id);
  const [stored, history] = await Promise.all([reads.mastery, reads.history]);
  const list = stored.get(member.id) ?? [];
  let rows = new Map(list.map((r) => [r.topicId, r]));
  if (!list.length && (history.answers.length || history.studies.length)) rows = (await mastery.ensureRows(view, [member])).rows.get(member.id) ?? rows;
  return makeSnapshot(mastery, member, view, rows, history, now, requirement);
}
