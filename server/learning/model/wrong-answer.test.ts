/**
 * Property-style cases over the product model and the hand-written curriculum: after any history, a
 * wrong answer never raises the estimate of a topic it tests (the stored row against the estimate a
 * reader saw just before, faded to the answer's time), and its listed evidence never moves up. Histories
 * are random (seeded): answers right or wrong, study sessions, pauses of seconds to months, all stages.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerEvent, Course, MemberStage, Question, StudyEvent, Topic, TopicTag } from '../../../graph';
import { MEMBER_STAGES } from '../../../graph';
import { courses, questions, topics } from '../../../seeds/curriculum/index';
import { Rng } from '../../../seeds/generator/rng';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { requiredTopicIds } from '../requirements';
import { createProductModel } from './product-model';

const tags = (t: Record<string, number>): TopicTag[] => Object.entries(t).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 }));
const view = buildCurriculumView(
  topics.map((t): Topic => ({ id: t.id, name: t.name, area: t.area, description: t.description, parentId: t.parentId, prerequisiteIds: t.prerequisiteIds })),
  courses.map((c): Course => ({ id: c.id, title: c.title, summary: c.summary, kind: c.kind, minutes: c.minutes, createdAt: 0, updatedAt: 0, topics: tags(c.topics) })),
  questions.map((q): Question => ({ id: q.id, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty, topics: tags(q.topics) })),
);
const model = createProductModel(null, requiredTopicIds());
const qs = [...view.questionById.values()];
const cs = [...view.courseById.values()];
const T0 = Date.UTC(2025, 0, 1);
const PAUSES = [5_000, 60_000, 3_600_000, 86_400_000, 30 * 86_400_000, 120 * 86_400_000];

function randomHistory(rng: Rng, n: number): { answers: AnswerEvent[]; studies: StudyEvent[]; end: number } {
  const answers: AnswerEvent[] = [];
  const studies: StudyEvent[] = [];
  let t = T0;
  for (let i = 0; i < n; i++) {
    t += rng.pick(PAUSES) * rng.uniform(0.5, 1.5);
    if (rng.chance(0.75)) answers.push({ id: `a${i}`, memberId: 'm', questionId: rng.pick(qs).id, at: Math.round(t), correct: rng.chance(0.6), seconds: 60 });
    else studies.push({ id: `s${i}`, memberId: 'm', courseId: rng.pick(cs).id, at: Math.round(t), seconds: rng.int(60, 1800), progress: 1 });
  }
  return { answers, studies, end: t };
}

describe("a wrong answer never raises a topic's estimate", () => {
  it('holds over 400 random histories, every stage, every topic the question tests', () => {
    const rng = new Rng(20251206, 'wrong-answer');
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const stage: MemberStage = MEMBER_STAGES[k % MEMBER_STAGES.length];
      const member = { id: 'm', stage };
      const h = randomHistory(rng, rng.int(0, 40));
      const q = rng.pick(qs);
      const at = Math.round(h.end + rng.pick(PAUSES));
      const wrong: AnswerEvent = { id: 'zz-wrong', memberId: 'm', questionId: q.id, at, correct: false, seconds: 60 };
      const before = model.rowsFromHistory(member, view, h);
      const after = model.rowsFromHistory(member, view, { ...h, answers: [...h.answers, wrong] });
      const evidence = model.explain(member, view, { ...h, answers: [...h.answers, wrong] }, 100);
      for (const { topicId } of view.questionTopics.get(q.id) ?? []) {
        const seen = model.currentMastery(before.get(topicId), at, topicId, stage);
        // Stored rows are rounded to 4 decimals.
        expect(after.get(topicId)!.p, `case ${k}, ${topicId}`).toBeLessThanOrEqual(seen + 1e-4);
        const mine = evidence.get(topicId)?.find((e) => e.eventId === wrong.id);
        if (mine) expect(mine.delta, `case ${k}, ${topicId}`).toBeLessThanOrEqual(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
