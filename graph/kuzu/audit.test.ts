/**
 * The access log's one-statement append and its fallback: a batch that repeats records already
 * written (a retry) or an id within itself still writes each record exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRecord } from '../model';
import { KuzuStore } from './kuzu-store';

const T0 = Date.UTC(2025, 2, 1);
const rec = (id: string, at: number, targetId: string): AccessRecord =>
  ({ id, at, viewerId: 'm-v', action: 'READ_MEMBER', targetKind: 'Member', targetId });

let dir: string;
let store: KuzuStore;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-audit-'));
  store = new KuzuStore({ dir });
  await store.init();
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('appendAccess', () => {
  it('writes a batch with old and new records once each, keeping the old ones as they were', async () => {
    await store.appendAccess([rec('ac-1', T0, 'm-1'), rec('ac-2', T0 + 1, 'm-2')]);
    await store.appendAccess([{ ...rec('ac-1', T0 + 9, 'm-9') }, rec('ac-3', T0 + 2, 'm-3'), rec('ac-3', T0 + 2, 'm-3')]);
    expect(await store.listAccess({ viewerId: 'm-v', limit: 10 })).toEqual([
      rec('ac-3', T0 + 2, 'm-3'), rec('ac-2', T0 + 1, 'm-2'), rec('ac-1', T0, 'm-1'),
    ]);
  });

  it('writes 100 records of one request in one go, times and ids intact', async () => {
    const batch = Array.from({ length: 100 }, (_, i) => ({ ...rec(`bulk-${String(i).padStart(3, '0')}`, T0 + 1000 + i, `m-${i}`), viewerId: 'm-w' }));
    await store.appendAccess(batch);
    const got = await store.listAccess({ viewerId: 'm-w', limit: 200 });
    expect(got).toEqual([...batch].reverse());
  });
});
