/**
 * The placement belief on a small hand-made curriculum: how one answer moves every subtopic (its own
 * most, then along the prerequisite graph in both directions, then its area, then everything), that the
 * next question is the one with the largest expected gain, and that the quiz stops at its budget.
 */
import { describe, expect, it } from 'vitest';
import type { Question, Topic } from '../../../graph';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { PlacementBelief, placementStep } from './placement';

const topic = (id: string, area: Topic['area'], prerequisiteIds: string[] = []): Topic => ({
  id,
  name: id,
  area,
  description: '',
  parentId: area,
  prerequisiteIds,
});
const areaTopic = (id: Topic['area']): Topic => ({ id, name: id, area: id, description: '', parentId: null, prerequisiteIds: [] });
// history: a ← b ← c (c builds on b, b on a), d unrelated in the same area; theory: e alone.
const topics = [
  areaTopic('history'),
  areaTopic('theory'),
  topic('h.a', 'history'),
  topic('h.b', 'history', ['h.a']),
  topic('h.c', 'history', ['h.b']),
  topic('h.d', 'history'),
  topic('t.e', 'theory'),
];
const question = (id: string, topicId: string, difficulty: number): Question => ({
  id,
  stem: id,
  options: ['A', 'B', 'C', 'D'],
  answer: 0,
  explanation: '',
  difficulty,
  topics: [{ topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
});
const questions = ['h.a', 'h.b', 'h.c', 'h.d', 't.e'].flatMap((t) => [question(`${t}-1`, t, 0.2), question(`${t}-2`, t, 0.5), question(`${t}-3`, t, 0.8)]);
const view = buildCurriculumView(topics, [], questions);
const prior = () => 0.5;

function moved(correct: boolean): Record<string, number> {
  const b = new PlacementBelief(view, prior);
  const before = new Map(b.known);
  b.observe({ questionId: 'h.b-2', correct });
  return Object.fromEntries([...b.known].map(([id, p]) => [id, p - before.get(id)!]));
}

describe('PlacementBelief', () => {
  it('a right answer raises its topic most, then its prerequisite and what builds on it, then its area, then everything', () => {
    const d = moved(true);
    expect(d['h.b']).toBeGreaterThan(d['h.a']);
    expect(d['h.a']).toBeGreaterThan(d['h.d']);
    expect(d['h.c']).toBeGreaterThan(d['h.d']);
    expect(d['h.d']).toBeGreaterThan(d['t.e']);
    expect(d['t.e']).toBeGreaterThan(0);
  });

  it('a wrong answer lowers the same topics in the same order', () => {
    const d = moved(false);
    expect(d['h.b']).toBeLessThan(d['h.a']);
    expect(d['h.a']).toBeLessThan(d['h.d']);
    expect(d['h.c']).toBeLessThan(d['h.d']);
    expect(d['h.d']).toBeLessThan(d['t.e']);
    expect(d['t.e']).toBeLessThan(0);
  });

  it('asks the unasked question with the largest expected gain, within the candidates when given', () => {
    const b = new PlacementBelief(view, (t) => (t === 'h.d' ? 0.9 : 0.5));
    b.observe({ questionId: 'h.a-2', correct: true });
    const asked = new Set(['h.a-2']);
    const open = questions.filter((q) => !asked.has(q.id));
    const best = open.reduce((x, y) => (b.expectedGain(y.id) > b.expectedGain(x.id) ? y : x));
    expect(b.nextQuestion(asked)?.id).toBe(best.id);
    const inTheory = b.nextQuestion(asked, new Set(['t.e']));
    expect(inTheory?.id.startsWith('t.e')).toBe(true);
    // A topic that is almost certainly known is worth less to ask about than an uncertain one.
    expect(b.expectedGain('h.d-2')).toBeLessThan(b.expectedGain('h.c-2'));
  });

  it('each answer lowers the uncertainty; the quiz stops at its budget', () => {
    const answers = [
      { questionId: 'h.a-1', correct: true },
      { questionId: 't.e-3', correct: false },
    ];
    const u = [0, 1, 2].map((k) => placementStep(view, prior, answers.slice(0, k)).belief.uncertainty());
    expect(u[0]).toBeCloseTo(1, 6);
    expect(u[1]).toBeLessThan(u[0]);
    expect(u[2]).toBeLessThan(u[1]);
    const stopped = placementStep(view, prior, answers, 2);
    expect(stopped).toMatchObject({ done: true, next: null, asked: 2 });
    const going = placementStep(view, prior, answers, 3);
    expect(going.done).toBe(false);
    expect(answers.map((a) => a.questionId)).not.toContain(going.next?.id);
  });
});
