/** Ranked course recommendations for one member, with explanations and paths. */
import type { Gap, Member } from '../../../graph';
import { requireInt } from '../../validate';
import type { NotAssessed } from '../gaps/compute-gaps';
import type { LearnerSnapshot } from '../mastery/learner-snapshot';
import { type CourseRecommendation, rankCourses } from '../recommend/rank-courses';
import { similarMembersHelped } from '../recommend/similar-members';
import { DAY, type LearnerCore } from './learner-core';

/** How far back the branch's study counts and similar members' completions are read. */
const POPULARITY_WINDOW = 180 * DAY;
/** Fewer events than this: the member is new, and popularity counts for more. */
const COLD_START_EVENTS = 5;

export async function recommendCourses(core: LearnerCore, member: Member, first: number, now: number): Promise<CourseRecommendation[]> {
  requireInt('first', first, 1, 50);
  const snap = await core.snapshot(member, now);
  const [gaps, assessment] = await Promise.all([core.gapsOf(member, now, snap), core.gaps.assess(snap)]);
  return rankForSnapshot(core, snap, gaps, first, assessment.notAssessed);
}

/** Rank the courses for a snapshot and its gaps (also the candidates of a study plan). */
export async function rankForSnapshot(core: LearnerCore, snap: LearnerSnapshot, gaps: Gap[], first: number, toAssess: NotAssessed[] = []): Promise<CourseRecommendation[]> {
  const [helped, popularity] = await Promise.all([
    similarMembersHelped(core.store, snap.member, gaps, snap.now - POPULARITY_WINDOW),
    core.store.countStudiesByCourse({ branchIds: [snap.member.branchId], since: snap.now - POPULARITY_WINDOW }),
  ]);
  const events = snap.history.answers.length + snap.history.studies.length;
  return rankCourses(
    {
      view: snap.view,
      member: snap.member,
      masteryOf: snap.masteryOf,
      gaps,
      courseProgress: snap.courseProgress,
      popularity,
      helped: helped.members ? helped : undefined,
      coldStart: events < COLD_START_EVENTS,
      toAssess,
      requiredTopics: new Set(snap.requirement.topics.map((t) => t.topicId)),
    },
    first,
  );
}
