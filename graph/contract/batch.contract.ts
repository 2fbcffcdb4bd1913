/**
 * Group commit and the learning outbox (graph/event-batch.ts): one transaction for many events and
 * access records with an outcome per row; an outbox entry for every created event; a completion that
 * writes mastery and gaps and consumes its entries exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { BatchEvent } from '../event-batch';
import type { AccessRecord, AnswerEvent, StudyEvent } from '../model';
import type { GraphStore } from '../store';
import type { GetStore } from './index';
import { MEMBERS, T0 } from './fixtures';

const answer = (id: string, memberId: string, questionId: string, at = T0): BatchEvent => ({
  kind: 'ANSWER',
  event: { id, memberId, questionId, at, correct: true, seconds: 30 } satisfies AnswerEvent,
});
const study = (id: string, memberId: string, courseId: string, at = T0): BatchEvent => ({
  kind: 'STUDY',
  event: { id, memberId, courseId, at, seconds: 600, progress: 0.5 } satisfies StudyEvent,
});
const access = (id: string, targetId: string): AccessRecord => ({ id, at: T0, viewerId: 'm-01', action: 'READ_MEMBER', targetKind: 'Member', targetId });

/** More members than a store handles with one statement per key (keyed.ts on Kuzu: 32), so its set statements run. */
const MANY = 40;

async function addMembers(s: GraphStore, prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
  for (const id of ids) await s.createMember({ ...MEMBERS[0], id, name: `成员${id}`, groupId: null, phone: null, idNumber: null });
  return ids;
}

const sortedAnswers = (h: Map<string, { answers: { id: string; at: number; correct: boolean }[] }>, id: string) =>
  h
    .get(id)!
    .answers.map((a) => [a.id, a.at, a.correct])
    .sort();

export function batchContract(get: GetStore): void {
  describe('group commit and outbox', () => {
    it('writes a batch in one call with an outcome per row; failed rows write nothing', async () => {
      const s = get();
      expect(await s.recordAnswer({ id: 'old', memberId: 'm-01', questionId: 'q-01', at: T0 - 1, correct: false, seconds: 5 })).toEqual({ created: true });
      const out = await s.recordEventBatch(
        [
          answer('b-1', 'm-01', 'q-01', T0 + 1),
          answer('old', 'm-01', 'q-01'), // replay of a stored event
          answer('old', 'm-02', 'q-01'), // the same id for another member
          answer('b-2', 'ghost', 'q-01'),
          study('b-3', 'm-02', 'k-404'),
          study('b-4', 'm-02', 'k-01', T0 + 2),
          study('b-4', 'm-02', 'k-01', T0 + 2), // sent twice in one batch
          study('b-4', 'm-01', 'k-01'), // and once more with other endpoints
        ],
        [access('acc-1', 'm-02'), access('acc-2', 'm-03')],
      );
      expect(out.map((o) => o.status)).toEqual(['created', 'replay', 'conflict', 'not-found', 'not-found', 'created', 'replay', 'conflict']);
      expect(out[2].error?.message).toMatch(/"old"/);
      expect(out[3].error?.message).toMatch(/ghost/);
      expect(out[4].error?.message).toMatch(/k-404/);
      const h = await s.getHistoriesForMembers(['m-01', 'm-02'], { limit: 10 });
      expect(h.get('m-01')!.answers.map((a) => a.id)).toEqual(['b-1', 'old']);
      expect(h.get('m-01')!.studies).toEqual([]);
      expect(h.get('m-02')!.studies.map((x) => x.id)).toEqual(['b-4']);
      expect(h.get('m-02')!.answers).toEqual([]);
      expect((await s.listAccess({ viewerId: 'm-01', limit: 10 })).map((a) => a.id).sort()).toEqual(['acc-1', 'acc-2']);
      // Only the events this batch created have outbox entries (the single write above has none).
      expect((await s.listOutbox(10)).map((e) => [e.key, e.kind, e.eventId, e.memberId, e.at])).toEqual([
        ['A:b-1', 'ANSWER', 'b-1', 'm-01', T0 + 1],
        ['S:b-4', 'STUDY', 'b-4', 'm-02', T0 + 2],
      ]);
    });

    it('gives a batch of distinct ids the same outcomes whether or not one of them is stored already', async () => {
      const s = get();
      expect(await s.recordAnswer({ id: 'd-old', memberId: 'm-01', questionId: 'q-01', at: T0 - 1, correct: true, seconds: 5 })).toEqual({ created: true });
      // No id stored: fresh rows are written, rows with a missing member or target are refused.
      const first = await s.recordEventBatch(
        [answer('d-1', 'm-01', 'q-01', T0 + 1), answer('d-2', 'ghost', 'q-01'), answer('d-3', 'm-02', 'q-404'), study('d-4', 'm-02', 'k-01', T0 + 2)],
        [access('d-acc-1', 'm-02')],
      );
      expect(first.map((o) => o.status)).toEqual(['created', 'not-found', 'not-found', 'created']);
      expect(first[1].error?.message).toMatch(/ghost/);
      expect(first[2].error?.message).toMatch(/q-404/);
      // One id stored (a replay) and one reused for another member, beside fresh and refused rows.
      const second = await s.recordEventBatch(
        [answer('d-5', 'm-02', 'q-01', T0 + 3), answer('d-old', 'm-01', 'q-01'), answer('d-1', 'm-02', 'q-01'), answer('d-6', 'ghost', 'q-01')],
        [access('d-acc-2', 'm-03')],
      );
      expect(second.map((o) => o.status)).toEqual(['created', 'replay', 'conflict', 'not-found']);
      const h = await s.getHistoriesForMembers(['m-01', 'm-02'], { limit: 10 });
      expect(
        h
          .get('m-01')!
          .answers.map((a) => a.id)
          .sort(),
      ).toEqual(['d-1', 'd-old']);
      expect(h.get('m-02')!.answers.map((a) => a.id)).toEqual(['d-5']);
      expect(h.get('m-02')!.studies.map((x) => x.id)).toEqual(['d-4']);
      expect((await s.listOutbox(10)).map((e) => e.key)).toEqual(['A:d-1', 'S:d-4', 'A:d-5']);
      expect((await s.listAccess({ viewerId: 'm-01', limit: 10 })).map((a) => a.id).sort()).toEqual(['d-acc-1', 'd-acc-2']);
    });

    it('a replayed batch creates nothing and queues nothing again', async () => {
      const s = get();
      const batch = [answer('r-1', 'm-01', 'q-01'), study('r-2', 'm-01', 'k-01')];
      expect((await s.recordEventBatch(batch, [])).map((o) => o.status)).toEqual(['created', 'created']);
      const entries = await s.listOutbox(10);
      expect(await s.completeOutbox({ entries, mastery: [], gaps: new Map() })).toBe(2);
      expect((await s.recordEventBatch(batch, [])).map((o) => o.status)).toEqual(['replay', 'replay']);
      expect(await s.listOutbox(10)).toEqual([]);
      expect((await s.getMemberHistory('m-01', { limit: 10 })).answers).toHaveLength(1);
    });

    it('completes entries with their mastery and gaps in one step, exactly once', async () => {
      const s = get();
      await s.recordEventBatch([answer('c-1', 'm-01', 'q-01'), answer('c-2', 'm-02', 'q-02')], []);
      const entries = await s.listOutbox(10);
      expect(entries).toHaveLength(2);
      const mastery = [{ memberId: 'm-01', topicId: 'constitution.duties', p: 0.7, updatedAt: T0 }];
      const gaps = new Map([['m-01', [{ memberId: 'm-01', topicId: 'history.founding', severity: 0.4, reasons: ['理由'], updatedAt: T0 }]]]);
      expect(await s.completeOutbox({ entries: [entries[0]], mastery, gaps })).toBe(1);
      expect(await s.listOutbox(10)).toEqual([entries[1]]);
      expect((await s.getMasteryForMembers(['m-01'])).get('m-01')).toEqual(mastery);
      expect((await s.getGapsForMembers(['m-01'])).get('m-01')!.map((g) => [g.topicId, g.severity, g.reasons])).toEqual([['history.founding', 0.4, ['理由']]]);
      // Applying the same entry again is refused and writes nothing.
      const again = [{ memberId: 'm-01', topicId: 'constitution.duties', p: 0.9, updatedAt: T0 + 1 }];
      await expect(s.completeOutbox({ entries: [entries[0], entries[1]], mastery: again, gaps: new Map() })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await s.getMasteryForMembers(['m-01'])).get('m-01')).toEqual(mastery);
      expect(await s.listOutbox(10)).toEqual([entries[1]]);
      expect(await s.completeOutbox({ entries: [entries[1]], mastery: [], gaps: new Map() })).toBe(1);
      expect(await s.outboxAppliedCounts()).toEqual(
        new Map([
          ['m-01', 1],
          ['m-02', 1],
        ]),
      );
      expect(await s.outboxAppliedCounts(['m-02', 'm-03'])).toEqual(new Map([['m-02', 1]]));
    });

    it('gives a long batch the same outcomes and rows as the same rows sent a few at a time', async () => {
      const s = get();
      const ids = await addMembers(s, 'm-k', MANY);
      // The same rows twice, under two id prefixes: once as one batch, once three rows per batch.
      const rows = (p: string) => [
        ...ids.map((m, i) => answer(`${p}-${i}`, m, i % 2 ? 'q-01' : 'q-02', T0 + i)),
        answer(`${p}-ghost`, 'ghost', 'q-01'),
        answer(`${p}-q404`, ids[3], 'q-404'),
        study(`${p}-s`, ids[5], 'k-01', T0 + 99),
        study(`${p}-k404`, ids[6], 'k-404'),
      ];
      const long = await s.recordEventBatch(rows('L'), []);
      const short = [];
      const few = rows('F');
      for (let i = 0; i < few.length; i += 3) short.push(...(await s.recordEventBatch(few.slice(i, i + 3), [])));
      const view = (o: typeof long) => o.map((x) => [x.status, (x.error as { code?: string } | undefined)?.code ?? null, x.error?.message.replace(/"[LF]-/g, '"') ?? null]);
      expect(view(long)).toEqual(view(short));
      expect(long.filter((o) => o.status === 'created')).toHaveLength(MANY + 1);
      expect(long[MANY].error?.message).toMatch(/ghost/);
      expect(long[MANY + 1].error?.message).toMatch(/q-404/);
      expect(long[MANY + 3].error?.message).toMatch(/k-404/);
      const h = await s.getHistoriesForMembers(ids, { limit: 10 });
      for (const [i, m] of ids.entries()) {
        expect(sortedAnswers(h, m)).toEqual([
          [`F-${i}`, T0 + i, true],
          [`L-${i}`, T0 + i, true],
        ]);
      }
      expect(
        h
          .get(ids[5])!
          .studies.map((x) => x.id)
          .sort(),
      ).toEqual(['F-s', 'L-s']);
      const queued = await s.listOutbox(500);
      expect(queued).toHaveLength(2 * (MANY + 1));
      // Sent again as one long batch (the checked path: a stored key), beside one fresh row and one reused id.
      const again = await s.recordEventBatch([...rows('L'), answer('L-new', ids[0], 'q-01'), answer('L-1', ids[2], 'q-01')], []);
      expect(again.map((o) => o.status)).toEqual([...Array(MANY).fill('replay'), 'not-found', 'not-found', 'replay', 'not-found', 'created', 'conflict']);
      expect(again[MANY].error?.message).toMatch(/ghost/);
      expect(again[MANY + 5].error?.message).toMatch(/"L-1"/);
      expect(await s.listOutbox(500)).toHaveLength(2 * (MANY + 1) + 1);
    });

    it('completes entries of many members in one step as of a few, and names the first unknown member or topic', async () => {
      const s = get();
      const ids = await addMembers(s, 'm-o', MANY);
      await s.recordEventBatch(
        ids.map((m, i) => answer(`o-${i}`, m, 'q-01', T0 + i)),
        [],
      );
      const entries = await s.listOutbox(500);
      expect(entries).toHaveLength(MANY);
      const mastery = (members: string[], p: number, at: number) =>
        members.flatMap((m, i) => [
          { memberId: m, topicId: 'constitution.duties', p: p + i / 1000, updatedAt: at },
          { memberId: m, topicId: 'history.founding', p: p / 2, updatedAt: at },
        ]);
      const gaps = (members: string[], topicId: string, at: number) =>
        new Map(members.map((m) => [m, [{ memberId: m, topicId, severity: 0.25, reasons: ['理由'], updatedAt: at }]]));
      // An unknown member late in a long list, or in a short one, is named; nothing is written or consumed.
      const unknown = [...ids.slice(0, 35), 'm-ghost', ...ids.slice(35)];
      await expect(s.completeOutbox({ entries, mastery: mastery(unknown, 0.5, T0), gaps: new Map() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/m-ghost/),
      });
      await expect(s.completeOutbox({ entries: entries.slice(0, 2), mastery: mastery([ids[0], 'm-ghost', 'm-ghost2'], 0.5, T0), gaps: new Map() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/m-ghost\b/),
      });
      await expect(s.completeOutbox({ entries, mastery: [], gaps: gaps(ids, 'no.such.topic', T0) })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/no\.such\.topic/),
      });
      expect(await s.listOutbox(500)).toHaveLength(MANY);
      expect([...(await s.getMasteryForMembers(ids)).values()].flat()).toEqual([]);
      expect([...(await s.getGapsForMembers(ids)).values()].flat()).toEqual([]);
      // All members at once (new rows), then a few of them (updated and new rows), then all again (updates).
      expect(await s.completeOutbox({ entries: entries.slice(0, MANY - 2), mastery: mastery(ids, 0.5, T0), gaps: gaps(ids, 'history.founding', T0) })).toBe(MANY - 2);
      const few = ids.slice(0, 3);
      const fewRows = [...mastery(few, 0.6, T0 + 1), { memberId: few[0], topicId: 'constitution.rights', p: 0.3, updatedAt: T0 + 1 }];
      expect(await s.completeOutbox({ entries: entries.slice(MANY - 2), mastery: fewRows, gaps: gaps(few, 'constitution.duties', T0 + 1) })).toBe(2);
      await expect(s.completeOutbox({ entries: entries.slice(0, 1), mastery: [], gaps: new Map() })).rejects.toMatchObject({ code: 'CONFLICT' });
      const expected = new Map(ids.map((m) => [m, mastery(ids, 0.5, T0).filter((r) => r.memberId === m)]));
      for (const m of few)
        expected.set(
          m,
          mastery(few, 0.6, T0 + 1).filter((r) => r.memberId === m),
        );
      expected.get(few[0])!.push({ memberId: few[0], topicId: 'constitution.rights', p: 0.3, updatedAt: T0 + 1 });
      const sortRows = <R extends { topicId: string }>(rs: R[]) => [...rs].sort((a, b) => a.topicId.localeCompare(b.topicId));
      const got = await s.getMasteryForMembers(ids);
      for (const m of ids) expect(sortRows(got.get(m)!)).toEqual(sortRows(expected.get(m)!));
      const gotGaps = await s.getGapsForMembers(ids);
      for (const m of ids) expect(gotGaps.get(m)!.map((g) => g.topicId)).toEqual([few.includes(m) ? 'constitution.duties' : 'history.founding']);
      // The same members in one long completion again (no entries): every existing row is updated in place.
      expect(await s.completeOutbox({ entries: [], mastery: mastery(ids, 0.8, T0 + 2), gaps: gaps(ids, 'constitution.rights', T0 + 2) })).toBe(0);
      const last = await s.getMasteryForMembers(ids);
      const final = new Map(ids.map((m) => [m, mastery(ids, 0.8, T0 + 2).filter((r) => r.memberId === m)]));
      final.get(few[0])!.push({ memberId: few[0], topicId: 'constitution.rights', p: 0.3, updatedAt: T0 + 1 });
      for (const m of ids) expect(sortRows(last.get(m)!)).toEqual(sortRows(final.get(m)!));
      const lastGaps = await s.getGapsForMembers(ids);
      for (const m of ids) expect(lastGaps.get(m)!.map((g) => [g.topicId, g.updatedAt])).toEqual([['constitution.rights', T0 + 2]]);
      expect(await s.listOutbox(500)).toEqual([]);
      const tallies = await s.outboxAppliedCounts(ids);
      expect([...tallies.values()]).toEqual(ids.map(() => 1));
    });

    it('fails the whole batch when an access record id is taken, so the caller can retry row by row', async () => {
      const s = get();
      await s.appendAccess([access('dup', 'm-02')]);
      const tried = s.recordEventBatch([answer('d-1', 'm-01', 'q-01')], [access('dup', 'm-02'), access('fresh', 'm-03')]);
      // Kuzu refuses the duplicate key; Neo4j's MERGE keeps the first record. Either way nothing is half-written.
      const result = await tried.then(
        (o) => o.map((x) => x.status),
        (e: { code?: string }) => e.code,
      );
      const h = await s.getMemberHistory('m-01', { limit: 10 });
      if (result === 'CONFLICT') {
        expect(h.answers).toEqual([]);
        expect(await s.listOutbox(10)).toEqual([]);
      } else {
        expect(result).toEqual(['created']);
        expect(h.answers.map((a) => a.id)).toEqual(['d-1']);
      }
      expect((await s.listAccess({ viewerId: 'm-01', limit: 10 })).filter((a) => a.id === 'dup')).toHaveLength(1);
    });
  });
}
