/**
 * The placement quiz for one member: the answers they recorded to the questions the quiz asked so far
 * (client-held list of question ids; the answers themselves are read from the store, so the quiz
 * cannot be fed answers that were never given) are replayed from the member's current estimate (the
 * stage prior for a new member), and the next most informative question is chosen.
 */
import type { Member, Question } from '../../../graph';
import { badInput, forbidden } from '../../errors';
import type { LearnerSnapshot } from '../mastery/learner-snapshot';
import { PLACEMENT_BUDGET, placementStep } from './placement';

export interface PlacementStepResult {
  done: boolean;
  asked: number;
  budget: number;
  uncertainty: number;
  question: Question | null;
  topicId: string | null;
  estimates: { topicId: string; known: number }[];
}

/** Only the member takes their own placement quiz. */
export function assertOwnPlacement(viewerMemberId: string | null | undefined, member: Member): void {
  if (viewerMemberId !== member.id) throw forbidden('Only the member themself can take their placement quiz');
}

/**
 * `focus`: the subtopics to ask about first (what the member has not been assessed on, with their
 * prerequisites); when none of them has an unasked question, any subtopic.
 */
export function placementFor(snap: LearnerSnapshot, asked: string[], focus?: Set<string>): PlacementStepResult {
  if (asked.length > PLACEMENT_BUDGET) throw badInput('asked', `asked: at most ${PLACEMENT_BUDGET} questions, got ${asked.length}`);
  if (new Set(asked).size !== asked.length) throw badInput('asked', 'asked: a question id appears twice');
  const latest = new Map<string, boolean>();
  for (const a of snap.history.answers) if (!latest.has(a.questionId)) latest.set(a.questionId, a.correct); // newest first
  const answers = asked.map((id) => {
    const correct = latest.get(id);
    if (correct === undefined) throw badInput('asked', `asked: question ${id} has no recorded answer by this member; record it with recordAnswer first`);
    return { questionId: id, correct };
  });
  const s = placementStep(snap.view, (t) => snap.masteryOf(t), answers, PLACEMENT_BUDGET, focus?.size ? focus : undefined);
  const b = s.belief;
  return {
    done: s.done,
    asked: s.asked,
    budget: PLACEMENT_BUDGET,
    uncertainty: Math.round(b.uncertainty() * 1000) / 1000,
    question: s.next,
    topicId: s.next ? (b.topicOf(s.next.id) ?? null) : null,
    estimates: [...b.known].map(([topicId, known]) => ({ topicId, known: Math.round(known * 1000) / 1000 })),
  };
}
