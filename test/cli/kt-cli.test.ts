import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { simulateKt, splitByStudent, toCsv, toLines } from '../../server/learning/research/synthetic-kt';
import { childEnv } from '../support/child-env';
import { makeTempDir } from '../support/temp-dirs';

const hongtu = (args: string[]) => spawnSync(process.execPath, ['bin/hongtu.mjs', ...args], { encoding: 'utf8', env: childEnv({}) });

describe('hongtu kt evaluate', () => {
  const dir = makeTempDir('hongtu-kt-');
  const { train, test } = splitByStudent(simulateKt({ students: 600, skills: 20, meanLength: 30, seed: 5 }));
  writeFileSync(path.join(dir, 'train.txt'), toLines(train));
  writeFileSync(path.join(dir, 'test.txt'), toLines(test));
  writeFileSync(path.join(dir, 'train.csv'), toCsv(train));
  writeFileSync(path.join(dir, 'test.csv'), toCsv(test));

  it('prints a table for the 3-line format', () => {
    const r = hongtu(['kt', 'evaluate', '--train', path.join(dir, 'train.txt'), '--test', path.join(dir, 'test.txt'), '--format', 'lines']);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    for (const m of ['learner-model*', 'skill-mean', 'bkt', 'lr-kt', 'hybrid-kt']) expect(r.stdout).toContain(m);
    expect(r.stdout).toContain('dedup AUC');
    expect(r.stdout).toMatch(/AUC\s+RMSE\s+ACC/);
  });

  it('prints JSON for a long CSV', () => {
    const r = hongtu(['kt', 'evaluate', '--train', path.join(dir, 'train.csv'), '--test', path.join(dir, 'test.csv'), '--json']);
    expect(r.status).toBe(0);
    const ev = JSON.parse(r.stdout);
    expect(ev.primary).toBe('learner-model');
    expect(ev.results.map((x: { model: string }) => x.model)).toEqual(['learner-model', 'skill-mean', 'bkt', 'lr-kt', 'hybrid-kt']);
    for (const x of ev.results) {
      expect(x.auc).toBeGreaterThan(0.5);
      expect(x.n).toBe(ev.test.responses);
    }
  });

  it('rejects an unknown format and a malformed file with a clear message', () => {
    const bad = hongtu(['kt', 'evaluate', '--train', 'a', '--test', 'b', '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be csv or lines');
    writeFileSync(path.join(dir, 'broken.txt'), '3\n1,2\n1,0,1\n');
    const broken = hongtu(['kt', 'evaluate', '--train', path.join(dir, 'broken.txt'), '--test', path.join(dir, 'test.txt'), '--format', 'lines']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('says 3 responses but has 2 skills');
  });
});
