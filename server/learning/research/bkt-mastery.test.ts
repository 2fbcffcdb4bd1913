import { describe, expect, it } from 'vitest';
import { DEFAULT_MASTERY_PARAMS, createBktMasteryModel } from './bkt-mastery';
import { fitMasteryParams, type AnswerRow } from './fit-mastery';
import { rollUpMastery } from '../model/roll-up';
import type { Mastery, Topic, TopicTag } from '../../../graph';

const DAY = 86_400_000;
const tag = (topicId: string, weight = 1): TopicTag => ({ topicId, weight, source: 'MANUAL', confidence: 1 });
const model = createBktMasteryModel();

describe('BKT mastery model with forgetting', () => {
  it('raises mastery after a correct answer and lowers it after a wrong one', () => {
    const start = new Map<string, Mastery>([['t1', { memberId: 'm', topicId: 't1', p: 0.5, updatedAt: 0 }]]);
    const [up] = model.observeAnswer('m', start, { at: 1000, correct: true, difficulty: 0.5, topics: [tag('t1')] });
    const [down] = model.observeAnswer('m', start, { at: 1000, correct: false, difficulty: 0.5, topics: [tag('t1')] });
    expect(up.p).toBeGreaterThan(0.5);
    expect(down.p).toBeLessThan(0.5);
    expect(up.updatedAt).toBe(1000);
  });

  it('never raises mastery on a wrong answer, at any level', () => {
    for (const p of [0.02, 0.1, 0.25, 0.5, 0.9]) {
      const rows = new Map<string, Mastery>([['t', { memberId: 'm', topicId: 't', p, updatedAt: 0 }]]);
      for (const difficulty of [0.1, 0.5, 0.9]) {
        const [after] = model.observeAnswer('m', rows, { at: 0, correct: false, difficulty, topics: [tag('t')] });
        expect(after.p).toBeLessThan(p);
      }
    }
  });

  it('learns more from a correct hard answer than from a correct easy one', () => {
    const rows = new Map<string, Mastery>();
    const [easy] = model.observeAnswer('m', rows, { at: 0, correct: true, difficulty: 0.1, topics: [tag('t')] });
    const [hard] = model.observeAnswer('m', rows, { at: 0, correct: true, difficulty: 0.9, topics: [tag('t')] });
    expect(hard.p).toBeGreaterThan(easy.p);
  });

  it('forgets towards the floor over time, halving the excess each half-life', () => {
    const row: Mastery = { memberId: 'm', topicId: 't', p: 0.9, updatedAt: 0 };
    const { floor, halfLifeDays } = DEFAULT_MASTERY_PARAMS;
    expect(model.currentMastery(row, 0)).toBeCloseTo(0.9, 10);
    expect(model.currentMastery(row, halfLifeDays * DAY)).toBeCloseTo(floor + (0.9 - floor) / 2, 10);
    expect(model.currentMastery(undefined, 0)).toBe(DEFAULT_MASTERY_PARAMS.l0);
  });

  it('moves topics a course covers in proportion to weight and completion', () => {
    const rows = new Map<string, Mastery>();
    const full = model.observeStudy('m', rows, { at: 0, seconds: 600, progress: 1, topics: [tag('a', 1), tag('b', 0.3)] });
    const half = model.observeStudy('m', rows, { at: 0, seconds: 300, progress: 0.5, topics: [tag('a', 1)] });
    expect(full[0].p).toBeGreaterThan(full[1].p);
    expect(full[1].p).toBeGreaterThan(DEFAULT_MASTERY_PARAMS.l0);
    expect(half[0].p).toBeLessThan(full[0].p);
  });
});

describe('fitting the mastery model', () => {
  it('finds a finite half-life when members forget between sessions', () => {
    const rows: AnswerRow[] = [];
    let s = 7;
    const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let m = 0; m < 300; m++) {
      let p = 0.2;
      let at = 0;
      for (let i = 0; i < 30; i++) {
        const gap = r() < 0.3 ? 120 * DAY : DAY / 24;
        at += gap;
        if (gap > DAY) p = 0.1 + (p - 0.1) * 0.25; // strong forgetting after long gaps
        const correct = r() < 0.15 + 0.8 * p;
        rows.push({ memberId: `m${m}`, topicId: 't', at, correct, difficulty: 0.5 });
        if (correct) p = Math.min(1, p + (1 - p) * 0.25); // learning from practice that went right
      }
    }
    const report = fitMasteryParams(rows);
    expect(Number.isFinite(report.params.halfLifeDays)).toBe(true);
    expect(report.params.halfLifeDays).toBeLessThanOrEqual(180);
    expect(report.answers).toBe(9000);
  });
});

describe('roll-up', () => {
  it('averages children up the tree, counting unknown leaves at the prior', () => {
    const t = (id: string, parentId: string | null): Topic => ({ id, name: id, area: 'history', description: '', parentId, prerequisiteIds: [] });
    const topics = [t('history', null), t('h.a', 'history'), t('h.b', 'history'), t('h.b.x', 'h.b'), t('h.b.y', 'h.b')];
    const up = rollUpMastery(
      topics,
      new Map([
        ['h.a', 0.8],
        ['h.b.x', 0.6],
      ]),
      0.2,
    );
    expect(up.get('h.b')).toBeCloseTo(0.4, 10);
    expect(up.get('history')).toBeCloseTo(0.6, 10);
  });
});
