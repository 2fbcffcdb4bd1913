/**
 * The write path over real HTTP on a real Kuzu store: concurrent answers share transactions and are
 * each acknowledged; a bad row fails only its own caller; mastery and gaps follow from the outbox,
 * each event applied once; access records join the group commit and stay fail-closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
/** While set, any transaction that carries access records fails (the audit trail is unwritable). */
let failAccess = false;
const tokens = new Map<string, string>();

const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }';
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
  // The real store, except that access records can be made to fail, alone or inside a batch.
  const flaky = new Proxy(plain as GraphStore, {
    get(target, prop, receiver) {
      if (prop === 'appendAccess' && failAccess)
        return async () => {
          throw new Error('access log unwritable');
        };
      if (prop === 'recordEventBatch' && failAccess) {
        return async (events: Parameters<GraphStore['recordEventBatch']>[0], access: Parameters<GraphStore['recordEventBatch']>[1]) => {
          if (access.length) throw new Error('access log unwritable');
          return target.recordEventBatch(events, access);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  wp = createWritePath(flaky, (s) => createLearnerServices(s));
  server = await startTestServer(wp.store, { deps: { learning: { learner: wp.learner } } });
});

afterAll(async () => {
  await server?.close();
  await wp?.close();
  await dispose?.();
});

describe('write path', () => {
  it('acknowledges 60 concurrent answers, in fewer transactions than answers, and applies each once', async () => {
    const before = { ...wp.commit.stats };
    const people = ['m-a', 'm-b', 'm-c', 'm-d'];
    const sent = Array.from({ length: 60 }, (_, i) => ({
      id: `wp-${i}`,
      memberId: people[i % 4],
      questionId: `q-${1 + (i % 6)}`,
      choice: i % 3 === 0 ? 0 : 1,
      seconds: 10 + i,
    }));
    const replies = await Promise.all(sent.map((i) => gqlAs(i.memberId, ANSWER, { i })));
    expect(replies.map((r) => r.body)).toEqual(sent.map((i) => ({ data: { recordAnswer: { created: true, correct: i.choice === 1 } } })));
    expect(wp.commit.stats.events - before.events).toBe(60);
    expect(wp.commit.stats.batches - before.batches).toBeLessThan(60);
    await wp.worker.drain();
    expect(await plain.listOutbox(10)).toEqual([]);
    expect(await plain.outboxAppliedCounts(people)).toEqual(new Map(people.map((p) => [p, 15])));
    const view = await wp.learner.curriculum.get();
    const histories = await plain.getHistoriesForMembers(people, { limit: REPLAY_LIMIT });
    const stored = await plain.getMasteryForMembers(people);
    const members = new Map((await plain.getMembersByIds(people)).map((m) => [m.id, m]));
    for (const p of people) {
      expect(histories.get(p)!.answers).toHaveLength(15);
      const expected = [...wp.learner.mastery.fromHistory(members.get(p)!, view, histories.get(p)!).values()].sort((a, b) => a.topicId.localeCompare(b.topicId));
      expect(stored.get(p)).toEqual(expected);
    }
    // A retry of acknowledged answers changes nothing and queues nothing.
    const again = await Promise.all(sent.slice(0, 8).map((i) => gqlAs(i.memberId, ANSWER, { i })));
    expect(again.map((r) => r.body.data.recordAnswer.created)).toEqual(Array(8).fill(false));
    await wp.worker.drain();
    expect(await plain.outboxAppliedCounts(people)).toEqual(new Map(people.map((p) => [p, 15])));
  });

  it('fails only the caller whose row is bad, with its own error', async () => {
    await gqlAs('m-b', ANSWER, { i: { id: 'taken', memberId: 'm-b', questionId: 'q-1', choice: 1, seconds: 5 } });
    const good = Array.from({ length: 10 }, (_, i) => ({ id: `ok-${i}`, memberId: 'm-a', questionId: 'q-2', choice: 1, seconds: 5 }));
    const bad = { id: 'taken', memberId: 'm-a', questionId: 'q-1', choice: 1, seconds: 5 };
    const replies = await Promise.all([...good, bad].map((i) => gqlAs(i.memberId, ANSWER, { i })));
    expect(replies.slice(0, 10).every((r) => r.body.data?.recordAnswer?.created === true)).toBe(true);
    expect(replies[10].body.errors.map((e: { extensions: { code: string }; message: string }) => [e.extensions.code, e.message])).toEqual([
      ['CONFLICT', 'Event id "taken" was already used for another question or member; send a new id'],
    ]);
    const h = await plain.getMemberHistory('m-a', { limit: 100 });
    expect(h.answers.filter((a) => a.id.startsWith('ok-'))).toHaveLength(10);
    expect(h.answers.some((a) => a.id === 'taken')).toBe(false);
  });

  it('shows a member the effect of their own answer on the next read', async () => {
    const gapsQ = 'query($id: ID!) { member(id: $id) { id gaps { topic { id } } } }';
    await gqlAs('m-d', ANSWER, { i: { id: 'seen-1', memberId: 'm-d', questionId: 'q-1', choice: 0, seconds: 5 } });
    const r = await gqlAs('m-d', gapsQ, { id: 'm-d' });
    expect(r.body.errors).toBeUndefined();
    expect(await plain.outboxAppliedCounts(['m-d'])).toEqual(new Map([['m-d', 16]]));
  });

  it('withholds data when its access record cannot be written, while answers in the same batches still commit', async () => {
    const memberQ = 'query($id: ID!) { member(id: $id) { id name } }';
    failAccess = true;
    try {
      const answers = Array.from({ length: 6 }, (_, i) => ({ id: `fc-${i}`, memberId: 'm-c', questionId: 'q-3', choice: 1, seconds: 5 }));
      const [read, ...written] = await Promise.all([gqlAs('m-sec', memberQ, { id: 'm-a' }), ...answers.map((i) => gqlAs('m-c', ANSWER, { i }))]);
      expect(read.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'UNAVAILABLE' } })] });
      expect(written.every((r) => r.body.data?.recordAnswer?.created === true)).toBe(true);
    } finally {
      failAccess = false;
    }
    expect((await plain.listAccess({ viewerId: 'm-sec', limit: 50 })).filter((a) => a.targetId === 'm-a')).toEqual([]);
    const ok = await gqlAs('m-sec', memberQ, { id: 'm-a' });
    expect(ok.body).toEqual({ data: { member: { id: 'm-a', name: '张三' } } });
    expect((await plain.listAccess({ viewerId: 'm-sec', limit: 50 })).filter((a) => a.targetId === 'm-a')).toHaveLength(1);
  });
});
