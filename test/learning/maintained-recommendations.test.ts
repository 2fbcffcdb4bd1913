/**
 * Recommendations read maintained state (stored mastery and gaps kept by the write path's outbox, the
 * branch's figures kept in memory and patched by it). Over HTTP on a real Kuzu store:
 *  - the answer equals a from-scratch recomputation on the same data: mastery replayed from the whole
 *    history, gaps assessed now, the branch read with the plain per-member store calls;
 *  - an answer recorded through the API changes the member's next recommendations (read-your-writes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, Member, TopicTag } from '../../graph';
import { courses, questions, topics } from '../../seeds/curriculum/index';
import { createLearnerServices } from '../../server/learning/learner-services';
import { makeSnapshot, SNAPSHOT_HISTORY } from '../../server/learning/mastery/learner-snapshot';
import { REPLAY_LIMIT } from '../../server/learning/mastery/mastery-service';
import { isCompleted } from '../../server/learning/progress';
import type { BranchPeerState } from '../../server/learning/recommend/branch-context';
import { type CourseRecommendation, rankCourses } from '../../server/learning/recommend/rank-courses';
import { similarMembersHelped } from '../../server/learning/recommend/similar-members';
import { createWritePath, type WritePath } from '../../server/write-path/index';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { buildApiWorld, buildMember } from '../support/builders';

const DAY = 86_400_000;
const NOW = Date.now();
const tags = (t: Record<string, number>): TopicTag[] => Object.entries(t).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 }));
const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created } }';
const STUDY = 'mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }';
const RECS = 'query($id: ID!) { recommendations(memberId: $id, first: 5) { course { id } kind explanation } }';

let plain: GraphStore;
let dispose: () => Promise<void>;
let wp: WritePath;
let server: TestServer;
const tokens = new Map<string, string>();
const gqlAs = async (memberId: string, query: string, variables?: Record<string, unknown>) => {
  if (!tokens.has(memberId)) tokens.set(memberId, await server.tokenFor(memberId));
  const r = await server.gql(query, variables, tokens.get(memberId));
  expect(r.body.errors).toBeUndefined();
  return r.body.data;
};
let n = 0;
const answer = (memberId: string, topicId: string, right: boolean, count: number) => {
  const on = questions.filter((q) => (q.topics[topicId] ?? 0) >= 0.5).slice(0, count);
  expect(on).toHaveLength(count);
  return Promise.all(
    on.map((q) => gqlAs(memberId, ANSWER, { i: { id: `mr-${n++}`, memberId, questionId: q.id, choice: right ? q.answer : (q.answer + 1) % q.options.length, seconds: 40 } })),
  );
};
const study = (memberId: string, courseId: string, progress: number) => gqlAs(memberId, STUDY, { i: { memberId, courseId, seconds: 1800, progress } });

/** The recommendations recomputed from scratch: no stored rows or gaps, no kept branch figures. */
async function fromScratch(memberId: string, first: number): Promise<CourseRecommendation[]> {
  const fresh = createLearnerServices(plain);
  const view = await fresh.view();
  const [member] = (await plain.getMembersByIds([memberId])) as Member[];
  const rows = fresh.mastery.fromHistory(member, view, await plain.getMemberHistory(memberId, { limit: REPLAY_LIMIT }));
  const recent = await plain.getMemberHistory(memberId, { limit: SNAPSHOT_HISTORY });
  const snap = makeSnapshot(fresh.mastery, member, view, rows, recent, NOW, (await fresh.requirements(NOW))[member.stage]);
  const { gaps, notAssessed } = await fresh.gaps.assess(snap);
  // The branch, member by member: every member's gaps, and their study in the last 180 days.
  const since = NOW - 180 * DAY;
  const branch = (await plain.listMembers({ branchIds: [member.branchId] }, 200)).items.map((m) => m.id);
  const [theirGaps, histories, popularity] = await Promise.all([
    plain.getGapsForMembers(branch),
    plain.getHistoriesForMembers(branch, { limit: REPLAY_LIMIT, since }),
    plain.countStudiesByCourse({ branchIds: [member.branchId], since }),
  ]);
  const peers: BranchPeerState[] = branch.map((id) => ({
    id,
    gaps: new Set((theirGaps.get(id) ?? []).map((g) => g.topicId)),
    completed: new Set(
      histories
        .get(id)!
        .studies.filter((s) => isCompleted(s.progress))
        .map((s) => s.courseId),
    ),
    sessions: new Map(),
  }));
  const helped = similarMembersHelped(memberId, gaps, peers);
  return rankCourses(
    {
      view,
      member,
      masteryOf: snap.masteryOf,
      gaps,
      courseProgress: snap.courseProgress,
      popularity,
      helped: helped.members ? helped : undefined,
      coldStart: recent.answers.length + recent.studies.length < 5,
      toAssess: notAssessed,
      requiredTopics: new Set(snap.requirement.topics.map((t) => t.topicId)),
    },
    first,
  );
}

beforeAll(async () => {
  const t = await openTempStore();
  plain = t.store;
  dispose = t.dispose;
  await buildApiWorld(plain);
  for (const pass of [false, true]) {
    for (const s of topics)
      await plain.upsertTopic({ id: s.id, name: s.name, area: s.area, description: s.description, parentId: s.parentId, prerequisiteIds: pass ? s.prerequisiteIds : [] });
  }
  for (const c of courses) await plain.createCourse({ id: c.id, title: c.title, summary: c.summary, kind: c.kind, minutes: c.minutes, topics: tags(c.topics) });
  for (const q of questions) {
    await plain.upsertQuestion({ id: q.id, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty, topics: tags(q.topics) });
  }
  for (const id of ['m-r1', 'm-r2', 'm-r3', 'm-r4', 'm-r5']) await buildMember(plain, { id, name: `同志${id}`, branchId: 'b-1', stage: 'ACTIVIST' });
  wp = createWritePath(plain, (s) => createLearnerServices(s), { worker: { now: () => NOW } });
  server = await startTestServer(wp.store, { deps: { learning: { learner: wp.learner }, now: () => NOW } });
});

afterAll(async () => {
  await server?.close();
  await wp?.close();
  await dispose?.();
});

describe('recommendations from maintained state', () => {
  it('equal a from-scratch recomputation on the same data, also after other members of the branch answered and studied', async () => {
    // The branch's figures are read now (a first recommendation), then kept current by the outbox.
    await gqlAs('m-r1', RECS, { id: 'm-r1' });
    expect(wp.learner.branches.size).toBe(1);
    for (const id of ['m-r1', 'm-r2', 'm-r3', 'm-r4']) await answer(id, 'admission.application', false, 3);
    await answer('m-r1', 'constitution.member-duties', true, 2);
    await wp.worker.drain();
    const first = await fromScratch('m-r1', 10);
    const target = first.find((r) => r.kind !== 'POPULAR')!.course.id;
    await Promise.all([study('m-r2', target, 1), study('m-r3', target, 1), study('m-r4', target, 1), study('m-r5', courses[0].id, 0.5)]);
    await wp.worker.drain();
    const [member] = await wp.store.getMembersByIds(['m-r1']);
    const maintained = await wp.learner.recommend(member, 10, NOW);
    const reference = await fromScratch('m-r1', 10);
    expect(maintained).toEqual(reference);
    // The others' study is in it: the course three similar members completed says so.
    expect(maintained.find((r) => r.course.id === target)?.explanation).toContain('REC_PEERS_COMPLETED');
    for (const id of ['m-r2', 'm-r5']) {
      const [m] = await wp.store.getMembersByIds([id]);
      expect(await wp.learner.recommend(m, 10, NOW)).toEqual(await fromScratch(id, 10));
    }
  });

  it('change with an answer recorded through the API, on the next read', async () => {
    const before = (await gqlAs('m-r5', RECS, { id: 'm-r5' })).recommendations as { course: { id: string }; kind: string; explanation: string }[];
    expect(before.some((r) => r.kind === 'GAP')).toBe(false);
    await answer('m-r5', 'discipline.political-discipline', false, 3);
    // No drain: the read waits for the member's own answers to be applied.
    const after = (await gqlAs('m-r5', RECS, { id: 'm-r5' })).recommendations as typeof before;
    expect(after).not.toEqual(before);
    const gapTopics = new Set((await plain.getGapsForMembers(['m-r5'])).get('m-r5')!.map((g) => g.topicId));
    expect(gapTopics.has('discipline.political-discipline')).toBe(true);
    expect(after.some((r) => r.kind === 'GAP' || r.kind === 'PREREQUISITE')).toBe(true);
    const [member] = await wp.store.getMembersByIds(['m-r5']);
    expect(await wp.learner.recommend(member, 5, NOW)).toEqual(await fromScratch('m-r5', 5));
  });
});

describe("the member's reads started before the scope check", () => {
  const shape = (rs: { course: { id: string }; kind: string }[]) => rs.map((r) => [r.course.id, r.kind]);

  it('give a secretary over HTTP what the services give, and are used only for the member they were started for', async () => {
    const [member] = await wp.store.getMembersByIds(['m-r1']);
    const expected = await wp.learner.recommend(member, 5, NOW);
    const over = (await gqlAs('m-sec', RECS, { id: 'm-r1' })).recommendations as { course: { id: string }; kind: string }[];
    expect(shape(over)).toEqual(shape(expected));
    expect(expected).toEqual(await fromScratch('m-r1', 5));
    // Reads started for the same member give the same answer; reads started for another member are not used.
    expect(await wp.learner.recommend(member, 5, NOW, wp.learner.startReads('m-r1'))).toEqual(expected);
    expect(await wp.learner.recommend(member, 5, NOW, wp.learner.startReads('m-r2'))).toEqual(expected);
  });

  it('are dropped with the request when the viewer may not read the member: NOT_FOUND (as for no such member), and no read of theirs noted', async () => {
    if (!tokens.has('m-r1')) tokens.set('m-r1', await server.tokenFor('m-r1'));
    const r = await server.gql(RECS, { id: 'm-r2' }, tokens.get('m-r1'));
    expect(r.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.body.data?.recommendations ?? null).toBeNull();
    // The refusal is in the audit chain before the answer is sent; a read of the member's learning data is not.
    const entries = (await plain.listAudit({ fromAt: NOW, limit: 5000 })).filter((a) => a.viewerId === 'm-r1' && a.targetId === 'm-r2');
    expect(entries.map((a) => a.action)).toContain('DENIED');
    expect(entries.map((a) => a.action)).not.toContain('READ_LEARNING');
  });
});
