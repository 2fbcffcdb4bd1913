import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultCurriculum, validateCurriculum } from './curriculum-input';
import { generateWorld } from './generate';
import { readRows } from './test-world';
import { makeTempDir } from '../../test/support/temp-dirs';

describe('generator on the hand-written curriculum', () => {
  it('validates it and gives the demo learner m-4 visible gaps in admission', async () => {
    const curriculum = await loadDefaultCurriculum();
    expect(() => validateCurriculum(curriculum)).not.toThrow();
    const dir = path.join(makeTempDir('hongtu-default-'), 'demo');
    const { manifest } = await generateWorld({ scale: 'demo', outDir: dir });
    expect(manifest.counts.Topic).toBe(curriculum.topics.length);
    expect(manifest.counts.Question).toBe(curriculum.questions.length);

    const truth = readRows(dir, 'truth/mastery.csv').filter((r) => r.memberId === 'm-4');
    const mean = (area: string) => {
      const ps = truth.filter((r) => r.topicId.startsWith(`${area}.`)).map((r) => Number(r.p));
      return ps.reduce((a, b) => a + b, 0) / ps.length;
    };
    expect(mean('admission')).toBeLessThan(0.3);
    expect(mean('history')).toBeGreaterThan(mean('admission') + 0.25);

    const areaOf = new Map<string, string>();
    for (const r of readRows(dir, 'TESTS.csv')) if (!areaOf.has(r.from)) areaOf.set(r.from, r.to.split('.')[0]);
    const answers = readRows(dir, 'ANSWERED.csv').filter((a) => a.from === 'm-4');
    const accuracy = (area: string) => {
      const xs = answers.filter((a) => areaOf.get(a.to) === area);
      return xs.filter((a) => a.correct === 'true').length / xs.length;
    };
    expect(answers.filter((a) => areaOf.get(a.to) === 'admission').length).toBeGreaterThan(10);
    expect(accuracy('admission')).toBeLessThan(accuracy('history'));
  });
});
