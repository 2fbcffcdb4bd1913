import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBulkDir } from '../../../graph/contract/bulk-fixture';
import { KuzuStore } from '../../../graph/kuzu/kuzu-store';
import { loadConfig } from '../../config';
import { runCheck } from './check';

const root = mkdtempSync(path.join(tmpdir(), 'hongtu-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function withStore(dir: string, fn: (s: KuzuStore) => Promise<void>): Promise<void> {
  const s = new KuzuStore({ dir });
  try {
    await s.init();
    await fn(s);
  } finally {
    await s.close();
  }
}

describe('hongtu check', () => {
  it('reports a data directory with no store, and does not create one', async () => {
    const dir = path.join(root, 'none');
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: dir }));
    expect(r.problems).toEqual([expect.stringContaining(`No store at ${path.join(dir, 'hongtu.kuzu')}`)]);
    expect(existsSync(dir)).toBe(false);
  });

  it('reports an initialised but empty store', async () => {
    const dir = path.join(root, 'empty');
    await withStore(dir, async () => {});
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: dir }));
    expect(r).toMatchObject({ backend: 'kuzu', schema: 'ok' });
    expect(r.problems).toEqual([expect.stringMatching(/^The store is empty/)]);
  });

  it('reports a half-loaded store after a load that failed part way', async () => {
    const bulk = path.join(root, 'bulk-bad');
    writeBulkDir(bulk);
    const members = path.join(bulk, 'Member.csv');
    writeFileSync(members, `${readFileSync(members, 'utf8')}m-99,too,few,columns\n`);
    const dir = path.join(root, 'half');
    await withStore(dir, async (s) => {
      await expect(s.bulkLoad(bulk)).rejects.toThrow();
    });
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: dir }));
    expect(r.counts?.Member).toBe(0);
    expect(r.problems).toEqual(expect.arrayContaining([expect.stringMatching(/half loaded: .*Member=0/)]));
  });

  it('reports curriculum nodes without embeddings or vector indexes', async () => {
    const bulk = path.join(root, 'bulk-ok');
    writeBulkDir(bulk);
    const dir = path.join(root, 'loaded');
    await withStore(dir, async (s) => {
      await s.bulkLoad(bulk);
    });
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: dir }));
    expect(r.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^Course: \d+ nodes but no embeddings or vector index; run `hongtu reembed`/)]));
    expect(r.problems.some((p) => /empty|half loaded/.test(p))).toBe(false);
  });

  it('refuses a data directory inside a file before opening anything, naming the variable', () => {
    const file = path.join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => loadConfig({ HONGTU_DATA_DIR: path.join(file, 'kuzu') })).toThrow(/HONGTU_DATA_DIR cannot be a directory: a part of .*not-a-dir.* is a file/);
  });
});
