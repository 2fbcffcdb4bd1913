/**
 * Ranked course recommendations for one member, with explanations and paths, from maintained state: the
 * member's stored mastery rows and gaps (kept current by the write path's outbox), their recent events,
 * and their branch's context (recommend/branch-context.ts, kept in memory). Nothing is replayed on read.
 */
import type { Member } from '../../../graph';
import { requireInt } from '../../validate';
import type { NotAssessed } from '../gaps/compute-gaps';
import type { LearnerSnapshot } from '../mastery/learner-snapshot';
import type { BranchContext } from '../recommend/branch-context';
import { type CourseRecommendation, rankCourses } from '../recommend/rank-courses';
import { similarMembersHelped } from '../recommend/similar-members';
import type { Gap } from '../../../graph';
import type { LearnerCore, LearnerReads } from './learner-core';

/** Fewer events than this: the member is new, and popularity counts for more. */
const COLD_START_EVENTS = 5;

export async function recommendCourses(core: LearnerCore, member: Member, first: number, now: number, started?: LearnerReads): Promise<CourseRecommendation[]> {
  requireInt('first', first, 1, 50);
  const { snap, branch, gaps, notAssessed } = await core.learnerState(member, now, undefined, started);
  return rankForSnapshot(snap, branch, gaps, first, notAssessed);
}

/** Rank the courses for a snapshot, its branch and its gaps (also the candidates of a study plan). Pure. */
export function rankForSnapshot(snap: LearnerSnapshot, branch: BranchContext, gaps: Gap[], first: number, toAssess: NotAssessed[] = []): CourseRecommendation[] {
  const helped = similarMembersHelped(snap.member.id, gaps, branch.peers);
  const events = snap.history.answers.length + snap.history.studies.length;
  return rankCourses(
    {
      view: snap.view,
      member: snap.member,
      masteryOf: snap.masteryOf,
      gaps,
      courseProgress: snap.courseProgress,
      popularity: branch.popularity,
      helped: helped.members ? helped : undefined,
      coldStart: events < COLD_START_EVENTS,
      toAssess,
      requiredTopics: new Set(snap.requirement.topics.map((t) => t.topicId)),
    },
    first,
  );
}
