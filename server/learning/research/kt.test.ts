import { describe, expect, it } from 'vitest';
import { SkillIndex, detectFormat, parseDataset } from './dataset';
import { computeMetrics } from './metrics';
import { fitBktSkill } from './bkt';
import { evaluateDatasets, firstCopies } from './evaluate';
import { simulateKt, splitByStudent, toCsv, toLines } from './synthetic-kt';

describe('KT datasets', () => {
  it('parses the 3-line format with trailing commas and blank lines', () => {
    const text = '3\n7,7,9,\n1,0,1,\n\n2\n9,4\n0,0\n';
    const ds = parseDataset(text, new SkillIndex());
    expect(detectFormat(text)).toBe('lines');
    expect(ds.responses).toBe(5);
    expect(ds.skills).toEqual(['7', '9', '4']);
    expect(Array.from(ds.sequences[0].skills)).toEqual([0, 0, 1]);
    expect(Array.from(ds.sequences[1].correct)).toEqual([0, 0]);
  });

  it('parses a long CSV with header aliases and keeps time order per student', () => {
    const text = 'user_id,skill_id,correct,timestamp\nu1,a,1,100\nu2,b,0,50\nu1,b,0,200\n';
    const ds = parseDataset(text, new SkillIndex());
    expect(detectFormat(text)).toBe('csv');
    expect(ds.sequences.map((s) => s.student)).toEqual(['u1', 'u2']);
    expect(Array.from(ds.sequences[0].skills)).toEqual([0, 1]);
    expect(Array.from(ds.sequences[0].times ?? [])).toEqual([100, 200]);
  });

  it('says what is wrong with a malformed file', () => {
    expect(() => parseDataset('3\n1,2\n1,0,1\n', new SkillIndex(), { format: 'lines' })).toThrow(/says 3 responses but has 2 skills/);
    expect(() => parseDataset('who,what\n1,2\n', new SkillIndex(), { format: 'csv' })).toThrow(/must name student, skill and correct/);
    expect(() => parseDataset('student,skill,correct\nu,a,2\n', new SkillIndex())).toThrow(/correct must be 0\/1/);
  });
});

describe('metrics', () => {
  it('computes AUC with ties, RMSE and accuracy', () => {
    const m = computeMetrics([0.9, 0.8, 0.3, 0.3, 0.1], [1, 0, 1, 0, 0]);
    // positives {0.9, 0.3} vs negatives {0.8, 0.3, 0.1}: 0.9 wins 3; 0.3 loses 1, ties 1 (½), wins 1 → 4.5 of 6
    expect(m.auc).toBeCloseTo(4.5 / 6, 10);
    expect(m.accuracy).toBeCloseTo(3 / 5, 10);
    expect(m.rmse).toBeCloseTo(Math.sqrt((0.01 + 0.64 + 0.49 + 0.09 + 0.01) / 5), 10);
  });
});

describe('BKT', () => {
  it('recovers the parameters of data drawn from a BKT process', () => {
    let s = 42;
    const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const truth = { l0: 0.3, t: 0.15, g: 0.2, s: 0.1 };
    const seqs: Uint8Array[] = [];
    for (let k = 0; k < 3000; k++) {
      let learned = r() < truth.l0;
      const obs: number[] = [];
      for (let i = 0; i < 12; i++) {
        obs.push(r() < (learned ? 1 - truth.s : truth.g) ? 1 : 0);
        if (!learned && r() < truth.t) learned = true;
      }
      seqs.push(Uint8Array.from(obs));
    }
    const fit = fitBktSkill(seqs);
    expect(fit.l0).toBeCloseTo(truth.l0, 1);
    expect(fit.t).toBeCloseTo(truth.t, 1);
    expect(fit.g).toBeCloseTo(truth.g, 1);
    expect(fit.s).toBeCloseTo(truth.s, 1);
  });
});

describe('evaluation on a synthetic world', () => {
  const { train, test } = splitByStudent(simulateKt({ students: 1500, skills: 40, meanLength: 40, seed: 3 }));
  for (const [format, encode] of [
    ['lines', toLines],
    ['csv', toCsv],
  ] as const) {
    it(`ranks the product model with the best, hybrid-kt and lr-kt above BKT above the per-skill mean (${format})`, () => {
      const index = new SkillIndex();
      const ev = evaluateDatasets(parseDataset(encode(train), index), parseDataset(encode(test), index));
      const auc = Object.fromEntries(ev.results.map((r) => [r.model, r.auc]));
      expect(ev.test.responses).toBeGreaterThan(5000);
      expect(auc['skill-mean']).toBeGreaterThan(0.55);
      expect(auc.bkt).toBeGreaterThan(auc['skill-mean']);
      expect(auc['lr-kt']).toBeGreaterThan(auc.bkt);
      expect(auc['hybrid-kt']).toBeGreaterThan(auc.bkt);
      expect(ev.primary).toBe('learner-model');
      // The product's model is the best of them or within 0.005 AUC of the best.
      expect(auc['learner-model']).toBeGreaterThan(Math.max(...ev.results.map((r) => r.auc)) - 0.005);
      for (const r of ev.results) expect(r.rmse).toBeLessThan(0.5);
    });
  }
});

describe('firstCopies', () => {
  it('marks the second of an adjacent pair with different skills and the same outcome', () => {
    const ds = parseDataset('5\n1,2,2,3,3\n1,1,0,0,1\n', new SkillIndex());
    // 1→2 same outcome: copy; 2→2 same skill: kept; 2→3 same outcome: copy; 3→3: kept.
    expect(Array.from(firstCopies(ds))).toEqual([1, 0, 1, 0, 1]);
  });
});
