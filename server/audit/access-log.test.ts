/**
 * AccessLog on a real Kuzu store: a burst of notes is written while the request goes on, later
 * notes at flush, each record once; a failed early write makes flush fail (the data is withheld).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import type { AccessRecord } from '../../graph';
import { AccessLog } from './access-log';

const T0 = Date.UTC(2025, 2, 1);
let dir: string;
let store: KuzuStore;
const calls: number[] = [];
let failNext = false;
/** The real store's appendAccess, counted (records per call) and optionally failing. */
const writer = {
  appendAccess: async (records: AccessRecord[]) => {
    calls.push(records.length);
    if (failNext) throw new Error('access log unwritable');
    return store.appendAccess(records);
  },
};
const turn = () => new Promise((resolve) => setImmediate(resolve));
const trail = async (viewerId: string) => (await store.listAccess({ viewerId, limit: 50 })).map((a) => `${a.action} ${a.targetId}`).sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-access-log-'));
  store = new KuzuStore({ dir });
  await store.init();
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('AccessLog', () => {
  it('writes a burst of notes early in one call, later notes at flush, and each read once', async () => {
    calls.length = 0;
    const log = new AccessLog('m-v1', () => T0, { writeEarly: writer });
    log.note('READ_MEMBER', 'Member', 'm-1');
    log.note('READ_HISTORY', 'Member', 'm-1');
    log.note('READ_MEMBER', 'Member', 'm-1');
    expect(calls).toEqual([]);
    await turn();
    expect(calls).toEqual([2]);
    log.note('READ_MEMBER', 'Member', 'm-1');
    log.note('READ_LEARNING', 'Member', 'm-2');
    expect(await log.flush(writer)).toBe(3);
    expect(calls).toEqual([2, 1]);
    expect(await trail('m-v1')).toEqual(['READ_HISTORY m-1', 'READ_LEARNING m-2', 'READ_MEMBER m-1']);
  });

  it('writes everything at flush in one call when nothing is written early', async () => {
    calls.length = 0;
    const log = new AccessLog('m-v2', () => T0);
    for (const id of ['m-1', 'm-2', 'm-3']) log.note('READ_MEMBER', 'Member', id);
    await turn();
    expect(calls).toEqual([]);
    expect(await log.flush(writer)).toBe(3);
    expect(calls).toEqual([3]);
    expect(await log.flush(writer)).toBe(3);
    expect(calls).toEqual([3]);
  });

  it('writeNow hands the notes so far to the store at once (no turn of the event loop), each read once', async () => {
    calls.length = 0;
    const log = new AccessLog('m-v4', () => T0, { writeEarly: writer });
    log.note('READ_LEARNING', 'Member', 'm-1');
    log.writeNow();
    expect(calls).toEqual([1]);
    log.writeNow(); // nothing new noted: no second write
    await turn();
    expect(calls).toEqual([1]);
    log.note('READ_LEARNING', 'Member', 'm-1');
    expect(await log.flush(writer)).toBe(1);
    expect(calls).toEqual([1]);
    expect(await trail('m-v4')).toEqual(['READ_LEARNING m-1']);
    // Without writeEarly it writes nothing before flush.
    const late = new AccessLog('m-v5', () => T0);
    late.note('READ_LEARNING', 'Member', 'm-2');
    late.writeNow();
    expect(calls).toEqual([1]);
    expect(await late.flush(writer)).toBe(1);
    expect(calls).toEqual([1, 1]);
  });

  it('fails the flush when an early write failed, even with nothing left to write', async () => {
    calls.length = 0;
    const log = new AccessLog('m-v3', () => T0, { writeEarly: writer });
    failNext = true;
    log.note('READ_MEMBER', 'Member', 'm-1');
    await turn();
    failNext = false;
    await expect(log.flush(writer)).rejects.toThrow('access log unwritable');
    expect(calls).toEqual([1]);
    expect(await trail('m-v3')).toEqual([]);
  });
});
