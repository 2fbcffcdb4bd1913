/**
 * One group commit per recorded answer: over real HTTP on a real Kuzu store, an acknowledged
 * recordAnswer writes its event and its WRITE audit entry in one transaction (exactly one of each,
 * chained after the head); a replay and a refused answer are audited as before; and when the audit
 * entry cannot be written, its caller fails and no event is stored, while the other answers of the same
 * transaction commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, walkChain } from '../../graph/audit-log';
import type { GraphStore } from '../../graph/store';
import { withWriteEntry } from '../../server/audit/write-entry';
import { createLearnerServices } from '../../server/learning/learner-services';
import { createWritePath, type WritePath } from '../../server/write-path/index';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { buildApiWorld } from '../support/builders';

let plain: GraphStore;
let dispose: () => Promise<void>;
let wp: WritePath;
let server: TestServer;
let token: string;

const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }';

beforeAll(async () => {
  const t = await openTempStore();
  plain = t.store;
  dispose = t.dispose;
  await buildApiWorld(plain);
  wp = createWritePath(plain, (s) => createLearnerServices(s));
  server = await startTestServer(wp.store, { deps: { learning: { learner: wp.learner } } });
  token = await server.tokenFor('m-a');
});

afterAll(async () => {
  await server?.close();
  await wp?.close();
  await dispose?.();
});

const allAudit = () => plain.listAudit({ limit: 100_000 });
const answerIds = async (memberId: string) => (await plain.getMemberHistory(memberId, { limit: 1000 })).answers.map((a) => a.id);
/** The entries added after `before`, in chain order. */
const since = (before: AuditEntry[], after: AuditEntry[]) => after.filter((e) => e.seq > (before.at(-1)?.seq ?? 0));

/** Wait until the group commit has nothing queued or in flight (the request's own early writes included). */
async function quiet(): Promise<void> {
  let last = -1;
  while (last !== wp.commit.stats.batches) {
    last = wp.commit.stats.batches;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('one group commit per recordAnswer', () => {
  it('writes the event and exactly one WRITE entry in one transaction, chained after the head', async () => {
    await quiet();
    const before = await allAudit();
    const stats = { ...wp.commit.stats };
    const r = await server.gql(ANSWER, { i: { id: 'one-1', memberId: 'm-a', questionId: 'q-1', choice: 1, seconds: 7 } }, token);
    expect(r.body).toEqual({ data: { recordAnswer: { created: true, correct: true } } });
    await quiet();
    expect(wp.commit.stats.batches - stats.batches).toBe(1);
    expect(wp.commit.stats.events - stats.events).toBe(1);
    expect((await answerIds('m-a')).filter((id) => id === 'one-1')).toHaveLength(1);
    const after = await allAudit();
    const added = since(before, after);
    expect(added.map((e) => [e.viewerId, e.action, e.targetKind, e.targetId, e.outcome])).toEqual([['m-a', 'WRITE', 'Mutation.recordAnswer', 'one-1,m-a,q-1', 'OK']]);
    expect(added[0].seq).toBe((before.at(-1)?.seq ?? 0) + 1);
    expect(await plain.auditHead()).toEqual({ seq: added[0].seq, hash: added[0].hash });
    expect(await walkChain(plain)).toMatchObject({ ok: true, checked: after.length });
  });

  it('audits a replay once, in its one transaction, and stores nothing more', async () => {
    await quiet();
    const before = await allAudit();
    const stats = { ...wp.commit.stats };
    const r = await server.gql(ANSWER, { i: { id: 'one-1', memberId: 'm-a', questionId: 'q-1', choice: 1, seconds: 7 } }, token);
    expect(r.body).toEqual({ data: { recordAnswer: { created: false, correct: true } } });
    await quiet();
    expect(wp.commit.stats.batches - stats.batches).toBe(1);
    expect((await answerIds('m-a')).filter((id) => id === 'one-1')).toHaveLength(1);
    const added = since(before, await allAudit());
    expect(added.map((e) => `${e.action} ${e.targetKind}:${e.targetId} ${e.outcome}`)).toEqual(['WRITE Mutation.recordAnswer:one-1,m-a,q-1 OK']);
  });

  it('audits a refused answer with its code after execution, as before, and stores no event', async () => {
    await quiet();
    const before = await allAudit();
    const r = await server.gql(ANSWER, { i: { id: 'one-bad', memberId: 'm-a', questionId: 'q-missing', choice: 0, seconds: 7 } }, token);
    expect(r.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['NOT_FOUND']);
    await quiet();
    expect(await answerIds('m-a')).not.toContain('one-bad');
    const added = since(before, await allAudit());
    expect(added.map((e) => `${e.action} ${e.targetKind}:${e.targetId} ${e.outcome}`)).toEqual(['WRITE Mutation.recordAnswer:one-bad,m-a,q-missing NOT_FOUND']);
  });

  it('fails only the caller whose audit entry cannot be written, and stores no event for it', async () => {
    await quiet();
    const before = await allAudit();
    // An entry whose id is already in the chain cannot be written (the key refuses it): its transaction fails.
    const taken = before.at(-1)!;
    const ctx = {};
    const event = (id: string) => ({ id, memberId: 'm-b', questionId: 'q-1', at: Date.UTC(2025, 3, 1), correct: true, seconds: 5 });
    const entry = (id: string) => ({ id, at: Date.UTC(2025, 3, 1), viewerId: 'm-b', action: 'WRITE', targetKind: 'Mutation.recordAnswer', targetId: id, outcome: 'OK' });
    const stats = { ...wp.commit.stats };
    // Queued in the same turn: both rows start in one transaction.
    const [bad, good] = await Promise.allSettled([
      withWriteEntry(ctx, 'bad', { ...entry('x'), id: taken.id }, () => wp.store.recordAnswer(event('ae-bad'))),
      withWriteEntry(ctx, 'good', entry('ae-good-entry'), () => wp.store.recordAnswer(event('ae-good'))),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE' } });
    expect(good).toEqual({ status: 'fulfilled', value: { created: true } });
    expect(wp.commit.stats.fallbacks - stats.fallbacks).toBe(1);
    const ids = await answerIds('m-b');
    expect(ids).toContain('ae-good');
    expect(ids).not.toContain('ae-bad');
    await wp.worker.drain();
    expect(await plain.listOutbox(10)).toEqual([]);
    const after = await allAudit();
    expect(since(before, after).map((e) => e.id)).toEqual(['ae-good-entry']);
    expect(after.filter((e) => e.id === taken.id)).toEqual([taken]);
    expect(await walkChain(plain)).toMatchObject({ ok: true, checked: after.length });
    // The rolled-back transactions leave the chain head writable: the next answer over HTTP is audited.
    const next = await server.gql(ANSWER, { i: { id: 'one-after', memberId: 'm-a', questionId: 'q-1', choice: 0, seconds: 3 } }, token);
    expect(next.body).toEqual({ data: { recordAnswer: { created: true, correct: false } } });
    await quiet();
    const last = since(after, await allAudit());
    expect(last.map((e) => `${e.action} ${e.targetKind}:${e.targetId} ${e.outcome}`)).toEqual(['WRITE Mutation.recordAnswer:one-after,m-a,q-1 OK']);
    expect(await walkChain(plain)).toMatchObject({ ok: true, checked: after.length + 1 });
  });
});
