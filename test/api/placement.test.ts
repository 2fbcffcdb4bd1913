/**
 * The adaptive placement quiz (摸底测评) over HTTP on a real Kuzu store with the hand-written
 * curriculum: a fresh member is asked the most informative question, answers through recordAnswer,
 * and the quiz ends within 20 questions with less uncertainty and fewer topics "not yet assessed".
 * Bad input is refused naming the field and changes nothing; only the member may take it.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { useLearningWorld } from './learning-world';
import { questions } from '../../seeds/curriculum/index';

const h = useLearningWorld();
const STEP = `query($id: ID!, $asked: [ID!]!) { placementStep(memberId: $id, asked: $asked) {
  done asked budget uncertainty question { id stem options } topic { id } estimates { topic { id } known } } }`;
const OPEN = 'query($id: ID!) { mastery(memberId: $id) { notAssessed { topic { id } } } }';
const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }';
const byId = new Map(questions.map((q) => [q.id, q]));

describe('placementStep', () => {
  it('asks a fresh member the most informative questions and stops within 20, with less uncertainty and fewer unassessed topics', async () => {
    const as = h.as('m-e');
    const openBefore = (await as(OPEN, { id: 'm-e' })).body.data.mastery.notAssessed.length;
    const asked: string[] = [];
    let step = (await as(STEP, { id: 'm-e', asked })).body.data.placementStep;
    expect(step).toMatchObject({ done: false, asked: 0, budget: 20 });
    const first = step.uncertainty;
    for (let i = 0; !step.done; i++) {
      expect(i).toBeLessThan(20);
      const q = byId.get(step.question.id)!;
      expect(asked).not.toContain(q.id);
      expect(step.topic.id).toBeTruthy();
      // Right on the first half, wrong on the second: a member who knows some and not others.
      const right = i % 2 === 0;
      const r = await as(ANSWER, { i: { memberId: 'm-e', questionId: q.id, choice: right ? q.answer : (q.answer + 1) % q.options.length, seconds: 25 } });
      expect(r.body.data.recordAnswer.correct).toBe(right);
      asked.push(q.id);
      step = (await as(STEP, { id: 'm-e', asked })).body.data.placementStep;
    }
    expect(step.asked).toBe(asked.length);
    expect(asked.length).toBeLessThanOrEqual(20);
    expect(step.question).toBeNull();
    expect(step.uncertainty).toBeLessThan(first);
    expect(step.estimates.length).toBeGreaterThan(30);
    for (const e of step.estimates) expect(e.known).toBeGreaterThanOrEqual(0);
    const openAfter = (await as(OPEN, { id: 'm-e' })).body.data.mastery.notAssessed.length;
    expect(openAfter).toBeLessThan(openBefore);
  });

  it('refuses questions the member never answered, repeats and more than 20, naming the field; nothing is written', async () => {
    const as = h.as('m-f');
    const before = await h.store.getMemberHistory('m-f', { limit: 100 });
    const unanswered = await as(STEP, { id: 'm-f', asked: [questions[0].id] });
    expect(unanswered.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(unanswered.body.errors[0].message).toMatch(/^asked: question .+ has no recorded answer by this member/);
    const twice = await as(STEP, { id: 'm-f', asked: [questions[0].id, questions[0].id] });
    expect(twice.body.errors[0].message).toBe('asked: a question id appears twice');
    const many = await as(STEP, { id: 'm-f', asked: questions.slice(0, 21).map((q) => q.id) });
    expect(many.body.errors[0]).toMatchObject({ message: 'asked: at most 20 questions, got 21', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await h.store.getMemberHistory('m-f', { limit: 100 })).toEqual(before);
  });

  it("is the member's own: the branch secretary is FORBIDDEN, an unknown member NOT_FOUND", async () => {
    expect(codes(await h.as('m-sec')(STEP, { id: 'm-e', asked: [] }))).toEqual(['FORBIDDEN']);
    expect(codes(await h.as('m-e')(STEP, { id: 'm-nobody', asked: [] }))).toEqual(['NOT_FOUND']);
  });
});
