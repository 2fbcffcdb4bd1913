/**
 * Keeps HAS_GAP edges in step with a member's learning: `refresh` recomputes one member's gaps from
 * their snapshot, the branch's recent meetings and their study plan, and replaces the stored edges.
 * Called by the event hooks after every answer and study session (only that member), and on first
 * read for members whose gaps were never computed.
 */
import type { Gap, Meeting, StudyPlan } from '../../../graph';
import type { GraphStore } from '../../../graph';
import { resolveTags, type CurriculumView } from '../mastery/curriculum-view';
import type { LearnerSnapshot } from '../mastery/learner-snapshot';
import { assessGaps, countedEvidence, type GapAssessment } from './compute-gaps';
import { isCompleted } from '../progress';

const DAY = 86_400_000;
/** "Recent" branch meetings for gap reasons. */
export const BRANCH_WINDOW_DAYS = 90;

/** Subtopic → number of the branch's meetings in the window that discussed it (tag weight ≥ 0.3). */
export async function branchMeetingTopics(store: GraphStore, view: CurriculumView, branchId: string, now: number): Promise<Map<string, number>> {
  return countMeetingTopics(view, await store.listMeetings([branchId], now - BRANCH_WINDOW_DAYS * DAY, now + 1));
}

/** Subtopic → number of the given meetings that discussed it (tag weight ≥ 0.3). */
export function countMeetingTopics(view: CurriculumView, meetings: readonly Pick<Meeting, 'topics'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of meetings) {
    for (const tw of resolveTags(m.topics, view.topics, view.leavesByArea)) {
      if (tw.weight >= 0.3) out.set(tw.topicId, (out.get(tw.topicId) ?? 0) + 1);
    }
  }
  return out;
}

/** Prerequisite subtopic → titles of plan courses (not yet completed) that build on it. */
export function planPrerequisites(view: CurriculumView, plan: StudyPlan | null, progress: Map<string, number>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!plan) return out;
  for (const item of plan.items) {
    if (item.kind !== 'LEARN' || isCompleted(progress.get(item.courseId) ?? 0)) continue;
    const course = view.courseById.get(item.courseId);
    if (!course) continue;
    const covered = new Set((view.courseTopics.get(course.id) ?? []).map((t) => t.topicId));
    for (const t of covered) {
      for (const pre of view.topics.get(t)?.prerequisiteIds ?? []) {
        if (covered.has(pre)) continue;
        const titles = out.get(pre) ?? [];
        if (!titles.includes(course.title)) titles.push(course.title);
        out.set(pre, titles);
      }
    }
  }
  return out;
}

export class GapService {
  constructor(private readonly store: GraphStore) {}

  /**
   * The member's gaps as of the snapshot (nothing written). `branchCache` shares one meeting read per
   * branch when many members of a branch are computed together.
   */
  /** `plans`: members' newest plans read beforehand (getStudyPlansForMembers); a member not in it is read now. */
  async compute(snap: LearnerSnapshot, branchCache?: Map<string, Promise<Map<string, number>>>, plans?: ReadonlyMap<string, StudyPlan | null>): Promise<Gap[]> {
    return (await this.assess(snap, branchCache, plans)).gaps;
  }

  /** Gaps and the required topics not yet assessed, as of the snapshot (nothing written). */
  async assess(snap: LearnerSnapshot, branchCache?: Map<string, Promise<Map<string, number>>>, plans?: ReadonlyMap<string, StudyPlan | null>): Promise<GapAssessment> {
    const branchRead = () => branchMeetingTopics(this.store, snap.view, snap.member.branchId, snap.now);
    let topics = branchCache?.get(snap.member.branchId);
    if (!topics) {
      topics = branchRead();
      branchCache?.set(snap.member.branchId, topics);
    }
    const known = plans?.get(snap.member.id);
    const [branchTopics, plan] = await Promise.all([topics, known !== undefined ? known : this.store.getStudyPlan(snap.member.id)]);
    return assessSnapshot(snap, branchTopics, plan);
  }

  /** Recompute and store the member's gaps; returns them. */
  async refresh(snap: LearnerSnapshot, branchCache?: Map<string, Promise<Map<string, number>>>): Promise<Gap[]> {
    const gaps = await this.compute(snap, branchCache);
    await this.store.replaceGaps(snap.member.id, gaps);
    return gaps;
  }
}

/** Gaps and the required topics not yet assessed, from a snapshot, its branch's meeting topics and the member's plan (pure). */
export function assessSnapshot(snap: LearnerSnapshot, branchTopics: Map<string, number>, plan: StudyPlan | null): GapAssessment {
  const areaIds = [...snap.view.leavesByArea.keys()];
  const areaMastery = new Map(areaIds.map((a) => [a, snap.masteryOf(a)]));
  const { evidence, studied } = countedEvidence(snap.view, snap.history);
  return assessGaps({
    member: snap.member,
    view: snap.view,
    now: snap.now,
    requirement: snap.requirement,
    studied,
    storedOf: (id) => snap.rows.get(id)?.p,
    masteryOf: snap.masteryOf,
    areaMasteryOf: (a) => areaMastery.get(a) ?? snap.masteryOf(a),
    evidence,
    branchTopics,
    planPrerequisites: planPrerequisites(snap.view, plan, snap.courseProgress),
  });
}
