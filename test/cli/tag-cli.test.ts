/**
 * `hongtu tag --stdin --json` through the real CLI (bin/hongtu.mjs → tsx → commander), as on a fresh
 * clone: no store yet, no model folder (auto falls back to the lexical embedder), so the topics come
 * straight from the hand-written curriculum.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { TOP_AREAS } from '../../graph/model';
import { childEnv } from '../support/child-env';
import { makeTempDir } from '../support/temp-dirs';

describe('hongtu tag --stdin --json', () => {
  const dir = makeTempDir('hongtu-tag-');
  const dataDir = path.join(dir, 'kuzu');
  const vars = { HONGTU_DATA_DIR: dataDir, HONGTU_EMBEDDER: 'auto', HONGTU_MODELS_DIR: path.join(dir, 'models') };
  const env = childEnv(vars);
  const run = (input: string, args: string[] = []) => spawnSync(process.execPath, ['bin/hongtu.mjs', 'tag', '--stdin', '--json', ...args], { input, encoding: 'utf8', env });

  it('prints one JSON line per input line with ranked topics and their areas', () => {
    const r = run('遵义会议确立了毛泽东同志在党中央和红军的领导地位\n\n党员应当按月交纳党费\n', ['--first', '2']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].text).toBe('遵义会议确立了毛泽东同志在党中央和红军的领导地位');
    expect(lines[0].topics).toHaveLength(2);
    for (const t of lines[0].topics) {
      expect(Object.keys(t).sort()).toEqual(['area', 'id', 'score']);
      expect(TOP_AREAS).toContain(t.area);
      expect(typeof t.score).toBe('number');
    }
    expect(lines[0].topics[0].area).toBe('history');
    expect(lines[0].topics[0].score).toBeGreaterThanOrEqual(lines[0].topics[1].score);
    // An empty line keeps its place, with no topics and the reason.
    expect(lines[1]).toEqual({ text: '', topics: [], error: 'text must not be empty' });
    expect(lines[2].topics[0].area).toBe('organization');
    // The model folder is missing: one line on stderr says so, and nothing else is printed there.
    expect(r.stderr.trim().split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/using the offline lexical embedder/);
    // A fresh clone stays fresh: tagging from stdin creates no database.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('uses the curriculum when a running server holds the embedded store', async () => {
    const held = path.join(dir, 'held');
    const store = new KuzuStore({ dir: held });
    await store.init();
    try {
      const r = spawnSync(process.execPath, ['bin/hongtu.mjs', 'tag', '--stdin', '--json'], {
        input: '党员应当按月交纳党费\n',
        encoding: 'utf8',
        env: childEnv({ ...vars, HONGTU_DATA_DIR: held, HONGTU_EMBEDDER: 'lexical' }),
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).topics[0].area).toBe('organization');
      expect(r.stderr).toMatch(/store not available .*; using the curriculum in seeds\/curriculum/);
    } finally {
      await store.close();
    }
  });

  it('rejects --first out of range', () => {
    const r = run('党章\n', ['--first', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--first must be an integer 1–50/);
  });
});
