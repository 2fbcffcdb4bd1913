/**
 * Practice questions on a member's gap topics: round-robin over the most severe gaps, preferring
 * questions the member has not answered correctly lately and whose difficulty suits their mastery
 * (predicted P(correct) near 0.65 — hard enough to teach, easy enough not to discourage).
 */
import type { Gap, Question } from '../../../graph';
import type { MasteryModel } from '../mastery-model';
import type { CurriculumView } from '../mastery/curriculum-view';
import { encodeReason, reason } from '../../i18n/reasons';

/** `reason` is stored-form (server/i18n/reasons.ts): a code with parameters, rendered when read. */
export interface PracticeQuestion {
  question: Question;
  topicId: string;
  reason: string;
}

const TARGET_P = 0.65;

/**
 * `gaps` empty (nothing is required that the member lacks) → practise the least-mastered topics instead,
 * so the member always has something to answer.
 */
export function pickPracticeQuestions(
  view: CurriculumView,
  model: MasteryModel,
  gapList: Gap[],
  masteryOf: (id: string) => number,
  recent: { questionId: string; correct: boolean }[],
  first: number,
): PracticeQuestion[] {
  const review = gapList.length === 0;
  const gaps = review
    ? view.leaves
        .map((t) => ({ topicId: t.id, m: masteryOf(t.id) }))
        .sort((a, b) => a.m - b.m || a.topicId.localeCompare(b.topicId))
        .slice(0, 5)
        .map((x): Gap => ({ memberId: '', topicId: x.topicId, severity: 0, reasons: [], updatedAt: 0 }))
    : gapList;
  const rightLately = new Set(recent.filter((a) => a.correct).map((a) => a.questionId));
  const seen = new Set(recent.map((a) => a.questionId));
  const perTopic = gaps
    .map((g) => {
      const m = masteryOf(g.topicId);
      const qs = (view.questionsByTopic.get(g.topicId) ?? [])
        .filter((q) => !rightLately.has(q.id))
        .map((q) => ({ q, fit: Math.abs(model.predictCorrect(m, q.difficulty) - TARGET_P) + (seen.has(q.id) ? 0.2 : 0) }))
        .sort((a, b) => a.fit - b.fit || a.q.id.localeCompare(b.q.id));
      return { g, m, qs };
    })
    .filter((t) => t.qs.length);
  const out: PracticeQuestion[] = [];
  const taken = new Set<string>();
  for (let round = 0; out.length < first && perTopic.some((t) => t.qs.length > round); round++) {
    for (const t of perTopic) {
      if (out.length >= first) break;
      const pick = t.qs.slice(round).find((x) => !taken.has(x.q.id));
      if (!pick) continue;
      taken.add(pick.q.id);
      const why = reason(review ? 'PRACTICE_REVIEW' : 'PRACTICE_GAP', { topic: t.g.topicId, mastery: t.m });
      out.push({ question: pick.q, topicId: t.g.topicId, reason: encodeReason(why) });
    }
  }
  return out;
}
