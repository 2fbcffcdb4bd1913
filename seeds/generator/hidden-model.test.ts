import { describe, expect, it } from 'vitest';
import { answerProbability, forget, initialMastery, pCorrect, practiceGain, studyCourse, studyGain } from './hidden-model';

const base = { ability: 0, kind: 'STUDENT', area: 'admission', requiredFor: [], prereqDepth: 0, noise: 0 } as const;

describe('hidden learner model', () => {
  it('starts later stages and abler members higher, and candidates higher on admission', () => {
    const applicant = initialMastery({ ...base, stage: 'APPLICANT' });
    const candidate = initialMastery({ ...base, stage: 'CANDIDATE' });
    expect(candidate).toBeGreaterThan(applicant + 0.2);
    expect(initialMastery({ ...base, stage: 'APPLICANT', ability: 1 })).toBeGreaterThan(applicant);
    expect(initialMastery({ ...base, stage: 'CANDIDATE', area: 'history' })).toBeLessThan(candidate);
    expect(initialMastery({ ...base, stage: 'APPLICANT', prereqDepth: 2 })).toBeLessThan(applicant);
  });

  it('raises mastery with study, more for more minutes, with diminishing returns and weak prerequisites slowing it', () => {
    const m = 0.3;
    const g30 = studyGain(m, 1, 30, 0) - m;
    const g60 = studyGain(m, 1, 60, 0) - m;
    expect(g30).toBeGreaterThan(0);
    expect(g60).toBeGreaterThan(g30);
    expect(g60).toBeLessThan(2 * g30);
    expect(studyGain(m, 0.5, 30, 0) - m).toBeLessThan(g30);
    expect(studyGain(m, 1, 30, 0, 0) - m).toBeLessThan(g30);
    expect(studyGain(0.9, 1, 30, 0) - 0.9).toBeLessThan(g30);
    expect(studyGain(0.99, 1, 10_000, 2)).toBeLessThanOrEqual(1);
    expect(practiceGain(m, 1)).toBeGreaterThan(m);
  });

  it('forgets toward a floor and composes over split intervals', () => {
    expect(forget(0.8, 0)).toBe(0.8);
    expect(forget(0.8, 100)).toBeLessThan(0.8);
    expect(forget(0.8, 10_000)).toBeCloseTo(0.1, 3);
    expect(forget(0.05, 100)).toBe(0.05);
    expect(forget(forget(0.8, 40), 60)).toBeCloseTo(forget(0.8, 100), 12);
  });

  it('answers correctly more often with mastery and less often with difficulty, bounded by guess and slip', () => {
    expect(pCorrect(0.9, 0.5)).toBeGreaterThan(pCorrect(0.3, 0.5) + 0.3);
    expect(pCorrect(0.5, 0.8)).toBeLessThan(pCorrect(0.5, 0.2));
    expect(pCorrect(0, 1, 0.25)).toBeGreaterThanOrEqual(0.25);
    expect(pCorrect(1, 0, 0.25)).toBeLessThanOrEqual(0.92);
  });

  it('studies a course and scores a question by topic ids for simulators', () => {
    const state = new Map([
      ['a.x', 0.2],
      ['a.y', 0.2],
      ['a.z', 0.9],
    ]);
    const prereqs = (id: string) => (id === 'a.y' ? ['a.x'] : []);
    const q = { topics: { 'a.x': 1, 'a.y': 1 }, difficulty: 0.5, options: ['1', '2', '3', '4'] };
    const before = answerProbability(state, q);
    studyCourse(state, { 'a.x': 1, 'a.y': 1, history: 1 }, 30, 0, prereqs);
    expect(state.get('a.x')).toBeCloseTo(studyGain(0.2, 1, 30, 0), 12);
    expect(state.get('a.y')).toBeCloseTo(studyGain(0.2, 1, 30, 0, 0.2), 12);
    expect(state.has('history')).toBe(false);
    expect(state.get('a.z')).toBe(0.9);
    expect(answerProbability(state, q)).toBeGreaterThan(before);
  });
});
