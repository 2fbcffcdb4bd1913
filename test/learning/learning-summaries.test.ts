/**
 * Maintained learning summaries on a real Kuzu store behind the real write path and HTTP server: after a
 * sequence of answers, after concurrent answers, after a day has passed and after a member moved, every
 * branch's stored figures equal a fresh recomputation from the branch gap report (the slow path) at the
 * same instant; the API reads them within the viewer's scope and refuses bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { branchLearningOfReport, learningDayStart } from '../../server/learning/summary/member-learning';
import { createWritePath, type WritePath } from '../../server/write-path/index';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { buildApiWorld, buildQuestion } from '../support/builders';

const DAY = 86_400_000;
const BRANCHES = ['b-1', 'b-2', 'b-3'];
const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created } }';
const SUMMARIES = `query($ids: [ID!]!) { branchLearningSummaries(branchIds: $ids) {
  branchId asOf members mastery completion requiredCells metCells areas { area mastery } masteryBands { from to cells } gapCount membersWithGaps } }`;

let plain: GraphStore;
let dispose: () => Promise<void>;
let wp: WritePath;
let server: TestServer;
const tokens = new Map<string, string>();
const gqlAs = async (memberId: string, query: string, variables?: Record<string, unknown>) => {
  if (!tokens.has(memberId)) tokens.set(memberId, await server.tokenFor(memberId));
  return server.gql(query, variables, tokens.get(memberId));
};

/** The slow path: each branch's full gap report at the day's start, summed, on a learner of its own. */
async function recomputed(now: number) {
  const T = learningDayStart(now);
  const learner = createLearnerServices(plain);
  const out = new Map<string, unknown>();
  for (const id of BRANCHES) {
    const members = (await plain.listMembers({ branchIds: [id] }, 100)).items;
    const b = branchLearningOfReport(id, await learner.gapReportRows(members, T), T);
    if (b) out.set(id, b);
  }
  return out;
}

const stored = async () => plain.getBranchLearning(BRANCHES);
let seq = 0;
const answer = (memberId: string, q: number, choice: number) => gqlAs(memberId, ANSWER, { i: { id: `ls-${seq++}`, memberId, questionId: `q-${q}`, choice, seconds: 20 } });

beforeAll(async () => {
  const t = await openTempStore();
  plain = t.store;
  dispose = t.dispose;
  await buildApiWorld(plain);
  for (let i = 2; i <= 6; i++) {
    await buildQuestion(plain, { id: `q-${i}`, topics: [{ topicId: i % 2 ? 'history.founding' : 'constitution.basics', weight: 1, source: 'MANUAL', confidence: 1 }] });
  }
  wp = createWritePath(plain, (s) => createLearnerServices(s));
  server = await startTestServer(wp.store, { deps: { learning: { learner: wp.learner } } });
  await wp.worker.summaries.rebuild();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await wp?.close();
  await dispose?.();
});

describe('maintained learning summaries', () => {
  it('are built for every branch by rebuild and equal the recomputation', async () => {
    const got = await stored();
    expect([...got.keys()].sort()).toEqual(BRANCHES);
    expect(got).toEqual(await recomputed(Date.now()));
  });

  it('follow a sequence of answers through the write path', async () => {
    const before = (await stored()).get('b-1')!;
    for (const [m, q, c] of [
      ['m-a', 1, 1],
      ['m-a', 2, 0],
      ['m-b', 3, 1],
      ['m-c', 4, 0],
      ['m-a', 5, 1],
      ['m-d', 6, 0],
    ] as const) {
      expect((await answer(m, q, c)).body.data.recordAnswer.created).toBe(true);
    }
    await wp.worker.drain();
    const got = await stored();
    expect(got).toEqual(await recomputed(Date.now()));
    // The answers moved the figures of the branches whose members answered.
    expect(got.get('b-1')!.areaMilli).not.toEqual(before.areaMilli);
  });

  it('stay exact under concurrent answers from members of the same branches', async () => {
    const people = ['m-a', 'm-b', 'm-sec', 'm-cm', 'm-c', 'm-d'];
    const replies = await Promise.all(Array.from({ length: 48 }, (_, i) => answer(people[i % people.length], 1 + (i % 6), i % 3 ? 1 : 0)));
    expect(replies.every((r) => r.body.data?.recordAnswer?.created === true)).toBe(true);
    // And summary updates racing the worker's own.
    await Promise.all([wp.worker.summaries.update(['m-a', 'm-b'], Date.now()), wp.learner.summaries.update(['m-sec', 'm-a'], Date.now()), wp.worker.drain()]);
    await wp.worker.drain();
    expect(await stored()).toEqual(await recomputed(Date.now()));
  });

  it('a read on a later day starts a refresh that brings every branch to that day', async () => {
    const tomorrow = Date.now() + DAY;
    const before = await wp.learner.summaries.branchFigures(BRANCHES, tomorrow);
    expect([...before.values()].every((b) => b.asOf < learningDayStart(tomorrow))).toBe(true);
    await wp.learner.summaries.refresh(tomorrow);
    const got = await stored();
    expect([...got.values()].map((b) => b.asOf)).toEqual(BRANCHES.map(() => learningDayStart(tomorrow)));
    expect(got).toEqual(await recomputed(tomorrow));
  });

  it('a member who moved leaves the old branch sums at the next refresh', async () => {
    await plain.moveMember({ id: 'move-ls', memberId: 'm-b', toBranchId: 'b-2', at: Date.now(), reason: '转入' });
    const now = Date.now() + DAY;
    await wp.learner.summaries.refresh(now);
    const got = await stored();
    expect(got.get('b-2')!.members).toBe(3); // m-cadmin, m-c and m-b
    expect(got).toEqual(await recomputed(now));
  });
});

describe('branchLearningSummaries (API)', () => {
  it('answers the stored figures in the order asked, for a university administrator', async () => {
    const r = await gqlAs('m-uadmin', SUMMARIES, { ids: ['b-3', 'b-1'] });
    expect(r.body.errors).toBeUndefined();
    const got = await stored();
    const [b3, b1] = r.body.data.branchLearningSummaries;
    expect([b3.branchId, b1.branchId]).toEqual(['b-3', 'b-1']);
    const b = got.get('b-1')!;
    expect(b1).toMatchObject({
      members: b.members,
      requiredCells: b.required,
      metCells: b.met,
      gapCount: b.gaps,
      membersWithGaps: b.membersWithGaps,
      mastery: b.areaMilli.reduce((s, v) => s + v, 0) / 1000 / (b.members * 8),
      completion: b.required ? b.met / b.required : null,
    });
    expect(b1.masteryBands.map((x: { cells: number }) => x.cells)).toEqual(b.bands);
    expect(b1.areas.map((a: { mastery: number }) => a.mastery)).toEqual(b.areaMilli.map((v) => v / 1000 / b.members));
  });

  it('refuses branches outside the viewer scope, unknown ids and empty lists, naming them', async () => {
    const forbidden = await gqlAs('m-sec', SUMMARIES, { ids: ['b-1', 'b-3'] });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(forbidden.body.errors[0].message).toMatch(/b-3/);
    expect((await gqlAs('m-sec', SUMMARIES, { ids: ['b-1'] })).body.data.branchLearningSummaries[0].branchId).toBe('b-1');
    const member = await gqlAs('m-a', SUMMARIES, { ids: ['b-1'] });
    expect(member.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await gqlAs('m-uadmin', SUMMARIES, { ids: ['b-404'] });
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.body.errors[0].message).toMatch(/b-404/);
    const empty = await gqlAs('m-uadmin', SUMMARIES, { ids: [] });
    expect(empty.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'branchIds' });
  });
});
