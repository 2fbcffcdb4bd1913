/** Practice questions on a member's gap topics, and the placement quiz's next step. */
import type { Member } from '../../../graph';
import { requireInt } from '../../validate';
import { assertOwnPlacement, placementFor, type PlacementStepResult } from '../diagnostic/placement-service';
import { pickPracticeQuestions, type PracticeQuestion } from '../recommend/practice';
import type { LearnerCore } from './learner-core';

/** Recent answers the practice picker avoids repeating. */
const RECENT_ANSWERS = 50;

/** Questions on the member's gap topics (the answer is revealed only by recordAnswer). */
export async function practiceQuestions(core: LearnerCore, member: Member, first: number, now: number): Promise<PracticeQuestion[]> {
  requireInt('first', first, 1, 20);
  const snap = await core.snapshot(member, now);
  const gaps = await core.gapsOf(member, now, snap);
  return pickPracticeQuestions(snap.view, core.model, gaps, snap.masteryOf, snap.history.answers.slice(0, RECENT_ANSWERS), first);
}

/** The placement quiz's next step for a member given the questions it asked so far (the member only). */
export async function placementStep(core: LearnerCore, viewerMemberId: string | null | undefined, member: Member, asked: string[], now: number): Promise<PlacementStepResult> {
  assertOwnPlacement(viewerMemberId, member);
  const snap = await core.snapshot(member, now);
  // Ask about what is not yet assessed, as of before the quiz (its answers would shrink the list as it goes).
  const before = { ...snap, history: { ...snap.history, answers: snap.history.answers.filter((a) => !asked.includes(a.questionId)) } };
  const { notAssessed } = await core.gaps.assess(before);
  const focus = new Set(notAssessed.flatMap((n) => [n.topicId, ...(snap.view.topics.get(n.topicId)?.prerequisiteIds ?? [])]));
  return placementFor(snap, asked, focus);
}
