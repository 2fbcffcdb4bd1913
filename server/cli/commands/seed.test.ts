import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KuzuStore } from '../../../graph/kuzu/kuzu-store';
import { testCurriculum } from '../../../seeds/generator/test-curriculum';
import { parseSeedOptions, runSeed } from './seed';
import { makeTempDir } from '../../../test/support/temp-dirs';

describe('hongtu seed', () => {
  it('validates --scale and --seed with actionable messages', () => {
    expect(parseSeedOptions({})).toEqual({ scale: 'demo', out: undefined, seed: 1, force: false, load: false });
    expect(parseSeedOptions({ scale: 'medium', seed: '42', load: true })).toMatchObject({ scale: 'medium', seed: 42, load: true });
    expect(() => parseSeedOptions({ scale: 'huge' })).toThrow('--scale must be one of demo, medium, large, got "huge"');
    expect(() => parseSeedOptions({ seed: 'x' })).toThrow('--seed must be a non-negative integer, got "x"');
  });

  it("generates, reuses a matching directory, and with --load replaces the store's data", async () => {
    const root = makeTempDir('hongtu-seed-');
    const dataDir = path.join(root, 'kuzu');
    const open = async () => new KuzuStore({ dir: dataDir });
    const labels = new Set<string>();
    const first = await runSeed({ scale: 'demo', seed: 3, curriculum: testCurriculum }, (_d, _t, l) => labels.add(l), open, dataDir);
    expect(first).toMatchObject({ dir: path.join(root, 'bulk', 'demo'), reused: false, loaded: null });
    expect(labels.has('branches')).toBe(true);

    const loaded = await runSeed({ scale: 'demo', seed: 3, load: true, curriculum: testCurriculum }, () => {}, open, dataDir);
    expect(loaded.reused).toBe(true);
    expect(loaded.loaded!.Member).toBe(300);
    // Loading again clears first instead of failing on a non-empty store or duplicating rows.
    const reloaded = await runSeed({ scale: 'demo', seed: 3, load: true, curriculum: testCurriculum }, () => {}, open, dataDir);
    expect(reloaded.loaded!.Member).toBe(300);
    const store = await open();
    await store.init();
    try {
      expect((await store.listMembers({}, 1)).totalCount).toBe(300);
    } finally {
      await store.close();
    }
  });
});
