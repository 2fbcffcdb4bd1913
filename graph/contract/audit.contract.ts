/**
 * The hash-chained audit log (graph/audit-log.ts): appends get consecutive seqs and chained hashes in
 * one order whatever runs concurrently; retries are skipped by id; reads and account actions are listed
 * for "who read my data", denied attempts and writes are not; pruning removes a prefix and leaves the
 * checkpoint, and refuses a checkpoint that is not in the log or does not advance.
 */
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, walkChain } from '../audit-log';
import type { BatchEvent } from '../event-batch';
import type { AccessRecord } from '../model';
import type { GetStore } from './index';
import { T0 } from './fixtures';

const rec = (id: string, at = T0, extra: Partial<AccessRecord> = {}): AccessRecord => ({
  id,
  at,
  viewerId: 'm-02',
  action: 'READ_MEMBER',
  targetKind: 'Member',
  targetId: 'm-01',
  ...extra,
});

export function auditContract(get: GetStore): void {
  describe('audit log chain', () => {
    it('starts empty at the genesis hash, then chains each entry to the one before', async () => {
      const s = get();
      expect(await s.auditHead()).toEqual({ seq: 0, hash: GENESIS_HASH });
      await s.appendAccess([rec('a-1'), rec('a-2', T0 + 1, { action: 'DENIED', targetKind: 'Query.member', outcome: 'FORBIDDEN' })]);
      await s.appendAccess([rec('a-3', T0 + 2, { action: 'WRITE', targetKind: 'Mutation.updateMember', outcome: 'OK', viewerId: '' })]);
      const all = await s.listAudit({ limit: 10 });
      expect(all.map((e) => [e.seq, e.id, e.outcome, e.viewerId])).toEqual([
        [1, 'a-1', '', 'm-02'],
        [2, 'a-2', 'FORBIDDEN', 'm-02'],
        [3, 'a-3', 'OK', ''],
      ]);
      let prev = GENESIS_HASH;
      for (const e of all) {
        expect(e.hash).toBe(entryHash(prev, e));
        prev = e.hash;
      }
      expect(await s.auditHead()).toEqual({ seq: 3, hash: prev });
      expect(await walkChain(s)).toMatchObject({ ok: true, checked: 3, brokenAt: null });
    });

    it('skips ids already in the log and repeated ids, so a retry adds nothing', async () => {
      const s = get();
      await s.appendAccess([rec('r-1'), rec('r-2')]);
      await s.appendAccess([rec('r-2', T0 + 5), rec('r-3'), rec('r-3')]);
      expect((await s.listAudit({ limit: 10 })).map((e) => `${e.seq}:${e.id}:${e.at}`)).toEqual([`1:r-1:${T0}`, `2:r-2:${T0}`, `3:r-3:${T0}`]);
      expect((await walkChain(s)).ok).toBe(true);
    });

    it('lists reads and account actions for "who read my data", not denied attempts or writes', async () => {
      const s = get();
      await s.appendAccess([
        rec('l-1', T0),
        rec('l-2', T0 + 1, { action: 'DENIED', outcome: 'FORBIDDEN' }),
        rec('l-3', T0 + 2, { action: 'WRITE', outcome: 'OK' }),
        rec('l-4', T0 + 3, { action: 'SIGN_IN', targetKind: 'Account' }),
      ]);
      expect((await s.listAccess({ targetId: 'm-01', limit: 10 })).map((a) => a.id)).toEqual(['l-4', 'l-1']);
    });

    it('pages by seq and filters by time', async () => {
      const s = get();
      await s.appendAccess(Array.from({ length: 7 }, (_, i) => rec(`p-${i}`, T0 + i * 1000)));
      expect((await s.listAudit({ afterSeq: 2, limit: 3 })).map((e) => e.seq)).toEqual([3, 4, 5]);
      expect((await s.listAudit({ fromAt: T0 + 2000, toAt: T0 + 5000, limit: 10 })).map((e) => e.id)).toEqual(['p-2', 'p-3', 'p-4']);
    });

    it('gives many concurrent appends (plain and with learning events) one unbroken chain', async () => {
      const s = get();
      const answer = (i: number): BatchEvent => ({ kind: 'ANSWER', event: { id: `c-ans-${i}`, memberId: 'm-01', questionId: 'q-01', at: T0 + i, correct: true, seconds: 5 } });
      const writes = Array.from({ length: 40 }, (_, i) =>
        i % 4 === 0
          ? s.recordEventBatch([answer(i)], [rec(`c-${i}-a`, T0 + i), rec(`c-${i}-b`, T0 + i)]).then(() => undefined)
          : s.appendAccess([rec(`c-${i}-a`, T0 + i), rec(`c-${i}-b`, T0 + i), rec(`c-${i}-c`, T0 + i)]),
      );
      await Promise.all(writes);
      const expected = 10 * 2 + 30 * 3;
      const report = await walkChain(s, 7);
      expect(report).toMatchObject({ ok: true, checked: expected, head: { seq: expected } });
      const ids = (await s.listAudit({ limit: 1000 })).map((e) => e.id);
      expect(new Set(ids).size).toBe(expected);
    });

    it('prunes a prefix and keeps the checkpoint; the rest still chains from it', async () => {
      const s = get();
      await s.appendAccess(Array.from({ length: 10 }, (_, i) => rec(`x-${i}`, T0 + i)));
      const fourth = (await s.listAudit({ afterSeq: 3, limit: 1 }))[0];
      const cp = { seq: 4, hash: fourth.hash, at: T0 + 100, signature: 'sig-4' };
      expect(await s.pruneAudit(cp)).toBe(4);
      expect(await s.getAuditCheckpoint()).toEqual(cp);
      expect((await s.listAudit({ limit: 20 })).map((e) => e.seq)).toEqual([5, 6, 7, 8, 9, 10]);
      expect(await walkChain(s)).toMatchObject({ ok: true, checked: 6, from: { seq: 4, hash: fourth.hash } });
      expect((await s.auditHead()).seq).toBe(10);
      await s.appendAccess([rec('x-after')]);
      expect((await s.listAudit({ afterSeq: 10, limit: 5 })).map((e) => [e.seq, e.id])).toEqual([[11, 'x-after']]);
    });

    it('refuses a checkpoint that is not in the log or does not advance, changing nothing', async () => {
      const s = get();
      await s.appendAccess(Array.from({ length: 5 }, (_, i) => rec(`y-${i}`, T0 + i)));
      const [second, third] = await s.listAudit({ afterSeq: 1, limit: 2 });
      await expect(s.pruneAudit({ seq: 3, hash: second.hash, at: T0, signature: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(s.pruneAudit({ seq: 9, hash: third.hash, at: T0, signature: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await s.getAuditCheckpoint()).toBeNull();
      expect((await s.listAudit({ limit: 10 })).length).toBe(5);
      expect(await s.pruneAudit({ seq: 3, hash: third.hash, at: T0, signature: 'x' })).toBe(3);
      await expect(s.pruneAudit({ seq: 2, hash: second.hash, at: T0, signature: 'y' })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await s.getAuditCheckpoint())?.signature).toBe('x');
    });
  });
}
