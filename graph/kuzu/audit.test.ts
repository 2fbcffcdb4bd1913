/**
 * The access log's one-statement append and its fallback: a batch that repeats records already
 * written (a retry) or an id within itself still writes each record exactly once. Migration 7 moves the
 * unchained AccessLog rows of a version-6 store into the chain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRecord } from '../model';
import { walkChain } from '../audit-log';
import { appendChained } from './audit';
import { KuzuExecutor, type Params } from './executor';
import { KuzuStore } from './kuzu-store';

const T0 = Date.UTC(2025, 2, 1);
const rec = (id: string, at: number, targetId: string): AccessRecord => ({ id, at, viewerId: 'm-v', action: 'READ_MEMBER', targetKind: 'Member', targetId });

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
    expect(await store.listAccess({ viewerId: 'm-v', limit: 10 })).toEqual([rec('ac-3', T0 + 2, 'm-3'), rec('ac-2', T0 + 1, 'm-2'), rec('ac-1', T0, 'm-1')]);
  });

  it('writes 100 records of one request in one go, times and ids intact', async () => {
    const batch = Array.from({ length: 100 }, (_, i) => ({ ...rec(`bulk-${String(i).padStart(3, '0')}`, T0 + 1000 + i, `m-${i}`), viewerId: 'm-w' }));
    await store.appendAccess(batch);
    const got = await store.listAccess({ viewerId: 'm-w', limit: 200 });
    expect(got).toEqual([...batch].reverse());
  });
});

/** A write transaction that appends `record` (updating the chain head) and then fails, so it is rolled back. */
async function rolledBackAppend(ex: KuzuExecutor, record: AccessRecord): Promise<void> {
  await expect(
    ex.write(async (tx) => {
      await appendChained(tx, [record]);
      throw new Error('rolled back on purpose');
    }),
  ).rejects.toThrow(/on purpose/);
}

describe('the chain head after rolled-back transactions', () => {
  it('continues from the committed head after a rolled-back append and a failed batch', async () => {
    const ex = new KuzuExecutor(dir);
    try {
      await store.appendAccess([rec('hd-1', T0 + 5000, 'm-1')]);
      // An append inside a transaction that then fails: its entries and its head are rolled back.
      await rolledBackAppend(ex, rec('hd-lost', T0 + 5001, 'm-1'));
      // A batch whose access record id is taken fails whole, its chained entries with it.
      await expect(store.recordEventBatch([], [rec('hd-1', T0 + 5002, 'm-1'), rec('hd-lost-2', T0 + 5002, 'm-1')])).rejects.toMatchObject({ code: 'CONFLICT' });
      await store.appendAccess([rec('hd-2', T0 + 5003, 'm-2')]);
      const all = await store.listAudit({ limit: 1000 });
      expect(all.map((e) => e.id)).not.toContain('hd-lost');
      expect(all.map((e) => e.id)).not.toContain('hd-lost-2');
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(await store.auditHead()).toMatchObject({ seq: all.length, hash: all[all.length - 1].hash });
      expect(await walkChain(store)).toMatchObject({ ok: true, checked: all.length });
    } finally {
      await ex.close();
    }
  });

  it('appends after the head this process wrote last in one statement, and reads the head when that one was rolled back', async () => {
    const ex = new KuzuExecutor(dir);
    const kind = (q: string) => (q.startsWith('MATCH (h:AuditHead') ? 'guarded append' : q.startsWith('MERGE (h:AuditHead') ? 'head read' : 'append');
    /** The statements of one committed append of `record`. */
    const append = (record: AccessRecord) =>
      ex.write(async (tx) => {
        const seen: string[] = [];
        const run = (q: string, p?: Params) => {
          seen.push(kind(q.trim()));
          return tx.run(q, p);
        };
        await appendChained({ database: tx.database, run }, [record]);
        return seen;
      });
    try {
      await append(rec('hn-1', T0 + 5500, 'm-1'));
      // The head just written is the hint: entries and new head in one statement, guarded by the old head.
      expect(await append(rec('hn-2', T0 + 5501, 'm-1'))).toEqual(['guarded append']);
      await rolledBackAppend(ex, rec('hn-lost', T0 + 5502, 'm-1'));
      // The hint is the rolled-back head: the guarded statement writes nothing, the head is read, then written.
      expect(await append(rec('hn-3', T0 + 5503, 'm-2'))).toEqual(['guarded append', 'head read', 'append']);
      const all = await store.listAudit({ limit: 1000 });
      const ids = all.map((e) => e.id);
      expect(ids.filter((id) => id.startsWith('hn-'))).toEqual(['hn-1', 'hn-2', 'hn-3']);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(await walkChain(store)).toMatchObject({ ok: true, checked: all.length });
    } finally {
      await ex.close();
    }
  });

  it('keeps accepting head updates after many rolled-back head updates, the chain verifiable throughout', async () => {
    // Each round commits an append, then rolls back a transaction whose append updated the head. Without
    // the checkpoint after such a rollback, Kuzu 0.11 refused a later head update in about half the rounds.
    const ex = new KuzuExecutor(dir);
    try {
      for (let i = 0; i < 8; i++) {
        await store.appendAccess([rec(`rr-${i}`, T0 + 6000 + i, 'm-1')]);
        await rolledBackAppend(ex, rec(`rr-lost-${i}`, T0 + 6000 + i, 'm-1'));
      }
      await store.appendAccess([rec('rr-end', T0 + 6100, 'm-2')]);
      const all = await store.listAudit({ limit: 1000 });
      const ids = all.map((e) => e.id);
      expect(ids.filter((id) => id.startsWith('rr-lost'))).toEqual([]);
      expect(ids.filter((id) => id.startsWith('rr-'))).toEqual([...Array.from({ length: 8 }, (_, i) => `rr-${i}`), 'rr-end']);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(await store.auditHead()).toMatchObject({ seq: all.length, hash: all[all.length - 1].hash });
      expect(await walkChain(store)).toMatchObject({ ok: true, checked: all.length });
    } finally {
      await ex.close();
    }
  });

  it('starts again at the first entry after the store is cleared', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-audit-clear-'));
    const s = new KuzuStore({ dir: other });
    try {
      await s.init();
      await s.appendAccess([rec('cl-1', T0, 'm-1'), rec('cl-2', T0 + 1, 'm-1')]);
      await s.clear();
      await s.appendAccess([rec('cl-3', T0 + 2, 'm-1')]);
      expect((await s.listAudit({ limit: 10 })).map((e) => `${e.seq}:${e.id}`)).toEqual(['1:cl-3']);
      expect(await walkChain(s)).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await s.close();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('migration to the chained log (schema 7)', () => {
  it("moves a version-6 store's AccessLog rows into the chain, oldest first, and drops the old table", async () => {
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-audit-v5-'));
    try {
      const fresh = new KuzuStore({ dir: old });
      await fresh.init();
      await fresh.appendAccess([rec('new-1', T0 + 50, 'm-9')]);
      await fresh.close();
      // Make it look like version 6: the old table with rows, the version set back.
      const ex = new KuzuExecutor(old);
      await ex.ddl(async (r) => {
        await r.raw('CREATE NODE TABLE AccessLog(id STRING PRIMARY KEY, at INT64, viewerId STRING, action STRING, targetKind STRING, targetId STRING)');
        await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 6");
      });
      await ex.write(async (tx) => {
        for (const [id, at] of [
          ['old-b', T0 + 2],
          ['old-a', T0 + 1],
          ['old-c', T0 + 3],
        ] as const) {
          await tx.run("CREATE (:AccessLog {id: $id, at: $at, viewerId: 'm-v', action: 'READ_MEMBER', targetKind: 'Member', targetId: 'm-1'})", { id, at });
        }
      });
      await ex.close();
      const migrated = new KuzuStore({ dir: old });
      await migrated.init();
      try {
        expect((await migrated.listAudit({ limit: 10 })).map((e) => `${e.seq}:${e.id}`)).toEqual(['1:new-1', '2:old-a', '3:old-b', '4:old-c']);
        expect(await walkChain(migrated)).toMatchObject({ ok: true, checked: 4 });
        expect((await migrated.health()).counts.AccessLog).toBeUndefined();
      } finally {
        await migrated.close();
      }
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
  });
});
