/**
 * Cypher injection through every free-text argument of the API: each string is stored (or searched
 * for) verbatim, and afterwards the whole world is still there. Ids that are not ids are refused by
 * name or answered NOT_FOUND naming them as given. Real server, real Kuzu store, real lexical
 * embedder behind search and suggestTopics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph';
import { createTextServices } from '../../server/learning/text-services';
import { buildApiWorld } from '../support/builders';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';

const INJECTIONS = ["x'}) DETACH DELETE n //", '"}) MATCH (n) DETACH DELETE n //', "') CALL db.clearQueryCaches() //", '` MATCH (n) DELETE n //'];

let store: GraphStore;
let server: TestServer;
let dispose: () => Promise<void>;
const tokens: Record<string, string> = {};
const as = (id: string) => (q: string, v?: Record<string, unknown>) => server.gql(q, v, tokens[id]);

/** Everything the world had before: counts that any DELETE would lower. */
async function census() {
  const members = await store.listMembers({}, 100, null);
  return {
    members: members.totalCount,
    branches: (await store.listBranches(['c-1', 'c-2'])).length,
    committees: (await store.listCommittees()).length,
    university: (await store.getUniversity())?.id,
    topics: (await store.listTopics()).length,
    courses: (await store.listCourses({}, 100, null)).totalCount,
    questions: (await store.listQuestions({}, 100, null)).totalCount,
  };
}

beforeAll(async () => {
  const t = await openTempStore();
  dispose = t.dispose;
  store = t.store;
  await buildApiWorld(t.store);
  const quiet = { info() {}, warn() {} };
  const text = await createTextServices({ embedder: 'lexical', modelName: 'x', modelsDir: null, modelCacheDir: '/nonexistent' }, t.store, quiet);
  await text.syncEmbeddings();
  server = await startTestServer(t.store, { deps: { learning: { tagger: text.tagger, search: text.search, embedder: text.info } } });
  for (const id of ['m-sec', 'm-uadmin', 'm-a']) tokens[id] = await server.tokenFor(id);
});

afterAll(async () => {
  await server?.close();
  await dispose?.();
});

describe.each(INJECTIONS.map((s, i) => [s, i] as const))('%s', (inj, i) => {
  it('is stored verbatim in every stored text, and nothing is deleted', async () => {
    const before = await census();
    const sec = as('m-sec');
    const uadmin = as('m-uadmin');
    const m = await sec('mutation($i: CreateMemberInput!) { createMember(input: $i) { name } }', {
      i: { id: `inj-m-${i}`, name: inj, kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1' },
    });
    expect(m.body.data.createMember.name).toBe(inj.trim());
    const u = await sec('mutation($id: ID!, $n: String) { updateMember(id: $id, input: { name: $n }) { name } }', { id: `inj-m-${i}`, n: `${inj}改` });
    expect(u.body.errors).toBeUndefined();
    const mv = await sec('mutation($i: MoveMemberInput!) { moveMember(input: $i) { transfer { reason } } }', {
      i: { id: `inj-t-${i}`, memberId: `inj-m-${i}`, toBranchId: 'b-2', reason: inj },
    });
    expect(mv.body.data.moveMember.transfer.reason).toBe(inj.trim());
    const mt = await sec('mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { title record } }', {
      i: { id: `inj-mt-${i}`, branchId: 'b-1', kind: 'THEME_DAY', title: inj, record: inj, at: '2025-03-01T06:00:00Z', minutes: 30 },
    });
    expect(mt.body.data.createMeeting).toEqual({ title: inj.trim(), record: inj.trim() });
    const c = await uadmin('mutation($i: CreateCourseInput!) { createCourse(input: $i) { title summary } }', {
      i: { id: `inj-c-${i}`, title: inj, summary: inj, kind: 'ARTICLE', minutes: 5 },
    });
    expect(c.body.data.createCourse).toEqual({ title: inj.trim(), summary: inj.trim() });
    const uc = await uadmin('mutation($id: ID!, $t: String) { updateCourse(id: $id, input: { title: $t, summary: $t }) { title } }', { id: 'course-2', t: inj });
    expect(uc.body.data.updateCourse.title).toBe(inj.trim());

    const [member] = await store.getMembersByIds([`inj-m-${i}`]);
    expect(member.name).toBe(`${inj}改`.trim());
    expect((await store.listTransfers(`inj-m-${i}`))[0].reason).toBe(inj.trim());
    expect((await store.getMeetingsByIds([`inj-mt-${i}`]))[0]).toMatchObject({ title: inj.trim(), record: inj.trim() });
    expect((await store.getCoursesByIds([`inj-c-${i}`, 'course-2'])).map((x) => x.summary)).toEqual([inj.trim(), inj.trim()]);
    expect(await census()).toEqual({ ...before, members: before.members + 1, courses: before.courses + 1 });
  });

  it('is searched for verbatim in every filter and text query, and nothing is deleted', async () => {
    const before = await census();
    const a = as('m-uadmin');
    const r = await a(
      `query($s: String!) {
      members(filter: { nameContains: "zzz-none" }) { totalCount }
      byName: members(filter: { nameContains: $s }) { nodes { id } }
      courses(filter: { titleContains: $s }) { nodes { id } }
      search(query: $s) { kind id }
      suggestTopics(text: $s) { id } }`,
      { s: inj },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.byName.nodes).toEqual([{ id: `inj-m-${i}` }]);
    expect(r.body.data.courses.nodes.map((x: { id: string }) => x.id)).toContain(`inj-c-${i}`);
    expect(await census()).toEqual(before);
  });

  it('as an id: refused by name, or NOT_FOUND naming it as given; nothing written', async () => {
    const before = await census();
    const a = as('m-a');
    const bad = await as('m-sec')('mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { id: inj, name: '某人', kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1' },
    });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const nf = await a('query($id: ID!) { member(id: $id) { id } }', { id: inj });
    expect(nf.body.errors[0]).toMatchObject({ message: `Member "${inj}" not found`, extensions: { code: 'NOT_FOUND' } });
    const study = await a('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', { i: { memberId: 'm-a', courseId: inj, seconds: 10, progress: 0.1 } });
    expect(study.body.errors[0]).toMatchObject({ message: `Course "${inj}" not found`, extensions: { code: 'NOT_FOUND' } });
    const login = await server.gql('mutation($id: ID!) { login(memberId: $id) { token } }', { id: inj });
    expect(login.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await store.getMemberHistory('m-a', { limit: 10 })).studies).toEqual([]);
    expect(await census()).toEqual(before);
  });
});
