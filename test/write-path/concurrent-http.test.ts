/**
 * Many answers and personal-data reads at once, over real HTTP on a real Kuzu store, with the outbox
 * applied a few members per transaction: every answer is acknowledged, stored once, applied to mastery
 * once (the tally and the rows equal a refold of the stored history); every read and every answer has
 * exactly one audit entry, and the hash chain still verifies from start to head.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkChain } from '../../graph';
import type { GraphStore } from '../../graph/store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { REPLAY_LIMIT } from '../../server/learning/mastery/mastery-service';
import { createWritePath, type WritePath } from '../../server/write-path/index';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { buildApiWorld, buildQuestion } from '../support/builders';

let plain: GraphStore;
let dispose: () => Promise<void>;
let wp: WritePath;
let server: TestServer;
const tokens = new Map<string, string>();

const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }';
const MEMBER = 'query($id: ID!) { member(id: $id) { id name } }';
const gqlAs = async (memberId: string, query: string, variables?: Record<string, unknown>) => {
  if (!tokens.has(memberId)) tokens.set(memberId, await server.tokenFor(memberId));
  return server.gql(query, variables, tokens.get(memberId));
};

beforeAll(async () => {
  const t = await openTempStore();
  plain = t.store;
  dispose = t.dispose;
  await buildApiWorld(plain);
  for (let i = 2; i <= 6; i++) {
    await buildQuestion(plain, { id: `q-${i}`, topics: [{ topicId: i % 2 ? 'history.founding' : 'constitution.basics', weight: 1, source: 'MANUAL', confidence: 1 }] });
  }
  // Two members per outbox transaction, so a pass over five members is three transactions.
  wp = createWritePath(plain, (s) => createLearnerServices(s), { worker: { membersPerCommit: 2 } });
  server = await startTestServer(wp.store, { deps: { learning: { learner: wp.learner } } });
});

afterAll(async () => {
  await server?.close();
  await wp?.close();
  await dispose?.();
});

describe('write path under concurrent load', () => {
  it('acknowledges every answer and read, stores and applies each answer once, and keeps one unbroken audit chain', async () => {
    const people = ['m-a', 'm-b', 'm-c', 'm-d', 'm-sec'];
    const sent = Array.from({ length: 150 }, (_, i) => ({
      id: `cc-${i}`,
      memberId: people[i % people.length],
      questionId: `q-${1 + (i % 6)}`,
      choice: i % 4 === 0 ? 0 : 1,
      seconds: 3 + (i % 50),
    }));
    const readers = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'm-a' : 'm-b'));
    const headBefore = await plain.auditHead();
    const [answers, reads] = await Promise.all([Promise.all(sent.map((i) => gqlAs(i.memberId, ANSWER, { i }))), Promise.all(readers.map((id) => gqlAs('m-sec', MEMBER, { id })))]);
    expect(answers.map((r) => r.body)).toEqual(sent.map((i) => ({ data: { recordAnswer: { created: true, correct: i.choice === 1 } } })));
    expect(reads.map((r) => r.body.data?.member?.id)).toEqual(readers);

    // Each answer stored once.
    const histories = await plain.getHistoriesForMembers(people, { limit: REPLAY_LIMIT });
    const stored = people.flatMap((p) => histories.get(p)!.answers.map((a) => a.id)).filter((id) => id.startsWith('cc-'));
    expect(stored.sort()).toEqual(sent.map((i) => i.id).sort());

    // Each applied once: the tally counts every answer, nothing is left, the rows equal a refold.
    await wp.worker.drain();
    expect(await plain.listOutbox(10)).toEqual([]);
    expect(await plain.outboxAppliedCounts(people)).toEqual(new Map(people.map((p) => [p, 30])));
    const view = await wp.learner.curriculum.get();
    const rows = await plain.getMasteryForMembers(people);
    const members = new Map((await plain.getMembersByIds(people)).map((m) => [m.id, m]));
    for (const p of people) {
      const expected = [...wp.learner.mastery.fromHistory(members.get(p)!, view, histories.get(p)!).values()].sort((a, b) => a.topicId.localeCompare(b.topicId));
      expect(rows.get(p)).toEqual(expected);
    }

    // One WRITE entry per answer and one READ_MEMBER entry per read request, in one chain that verifies.
    const entries = await plain.listAudit({ afterSeq: headBefore.seq, limit: 10_000 });
    const writes = entries.filter((e) => e.action === 'WRITE' && e.targetKind === 'Mutation.recordAnswer');
    expect(writes.map((e) => e.targetId.split(',')[0]).sort()).toEqual(sent.map((i) => i.id).sort());
    expect(writes.every((e) => e.outcome === 'OK')).toBe(true);
    const readEntries = entries.filter((e) => e.action === 'READ_MEMBER' && e.viewerId === 'm-sec');
    expect(readEntries.map((e) => e.targetId).sort()).toEqual([...readers].sort());
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, k) => headBefore.seq + 1 + k));
    const chain = await walkChain(plain);
    expect(chain).toMatchObject({ ok: true, brokenAt: null });
    expect(chain.head.seq).toBe(entries[entries.length - 1].seq);
  });
});
