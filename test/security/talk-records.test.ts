/**
 * Talk records (谈心谈话): the role × own/other matrix, bad input, who-read, and the paths they must never reach
 * (search, suggestTopics, tagging, embeddings, recommendations, the member and network reads, export). The real
 * lexical embedder runs behind a recorder that keeps every text it was asked to embed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { courses } from '../../seeds/curriculum/courses';
import { topics } from '../../seeds/curriculum/topics';
import { createEmbedder } from '../../server/learning/embed/create-embedder';
import { EmbeddingService } from '../../server/learning/embed/embedding-service';
import { createLearnerServices } from '../../server/learning/learner-services';
import { SearchService } from '../../server/learning/search/search';
import { TopicTagger } from '../../server/learning/tagging/topic-tagger';
import { useApiWorld, codes } from '../support/api-world';
import type { AppDeps } from '../../server/app-deps';

const embedded: string[] = [];
const MARK = '谈话机密标记甲乙丙';
const SUMMARY = `${MARK}：谈到学习党章和发展党员工作中的困难，家庭经济情况`;
const CREATE = 'mutation($i: CreateTalkRecordInput!) { createTalkRecord(input: $i) { id kind subject { id } participants { id } summary forCommittee } }';
const talk = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  subjectId: 'm-b',
  participantIds: ['m-sec', 'm-b'],
  kind: 'YEARLY',
  at: '2025-06-01T02:00:00Z',
  summary: SUMMARY,
  ...extra,
});

/** The curriculum and the real text and learner services, on the world's store, with a recorder on the embedder. */
async function learningDeps(store: GraphStore): Promise<Partial<AppDeps>> {
  for (const s of topics) await store.upsertTopic({ id: s.id, name: s.name, area: s.area, description: s.description, parentId: s.parentId, prerequisiteIds: [] });
  for (const c of courses.slice(0, 20)) {
    await store.createCourse({
      id: c.id,
      title: c.title,
      summary: c.summary,
      kind: c.kind,
      minutes: c.minutes,
      topics: Object.entries(c.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })),
    });
  }
  const { embedder, info } = await createEmbedder({ embedder: 'lexical', modelName: 'x', modelsDir: null, modelCacheDir: '/nonexistent' }, { info: () => {}, warn: () => {} });
  const recording = {
    id: embedder.id,
    kind: embedder.kind,
    dimensions: embedder.dimensions,
    embed: (texts: string[]) => {
      embedded.push(...texts);
      return embedder.embed(texts);
    },
  };
  const embeddings = new EmbeddingService(store, recording);
  const tagger = TopicTagger.forStore(store, embeddings, async () => (await import('../../server/learning/tagging/seeds-corpus')).loadCorpusFromSeeds());
  const learner = createLearnerServices(store);
  await embeddings.ensureSynced();
  return { learning: { tagger, search: new SearchService(store, embeddings), embedder: info, learner, hooks: learner.hooks } };
}

const t = useApiWorld({ deps: learningDeps });
let exportDir = '';
afterAll(() => {
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
});

describe('talk records', () => {
  it('are written by a secretary or branch committee member who took part; bad input writes nothing', async () => {
    expect((await t.as('sec')(CREATE, { i: talk('tk-1') })).body.data.createTalkRecord).toEqual({
      id: 'tk-1',
      kind: 'YEARLY',
      subject: { id: 'm-b' },
      participants: [{ id: 'm-b' }, { id: 'm-sec' }],
      summary: SUMMARY,
      forCommittee: false,
    });
    expect((await t.as('sec')(CREATE, { i: talk('tk-2', { forCommittee: true, kind: 'CONCERN' }) })).body.errors).toBeUndefined();
    // A member may not read a branch mate: the answer of a member who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('a')(CREATE, { i: talk('tk-x', { participantIds: ['m-a', 'm-b'] }) }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('sec')(CREATE, { i: talk('tk-x', { participantIds: ['m-cm', 'm-b'] }) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('sec')(CREATE, { i: talk('tk-x', { kind: 'GOSSIP' }) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('sec')(CREATE, { i: talk('tk-x', { at: '2099-01-01T00:00:00Z' }) }))).toEqual(['BAD_USER_INPUT']);
    // A subject in another branch, whom the secretary may not read: the answer of a member who does not exist.
    expect(codes(await t.as('sec')(CREATE, { i: talk('tk-x', { subjectId: 'm-c', participantIds: ['m-sec', 'm-c'] }) }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('cadmin')(CREATE, { i: talk('tk-1', { participantIds: ['m-cadmin', 'm-b'] }) }))).toEqual(['CONFLICT']);
    expect(await t.store.getTalkRecordsByIds(['tk-x'])).toEqual([]);
    expect((await t.store.getTalkRecordsByIds(['tk-1']))[0]!.participantIds).toEqual(['m-b', 'm-sec']);
  });

  it('reach only their people, the secretary, and the committee when marked (role × own/other)', async () => {
    const read = async (who: Parameters<typeof t.as>[0], id: string) => codes(await t.as(who)(`{ talkRecord(id: "${id}") { summary } }`));
    const matrix: [Parameters<typeof t.as>[0], string, unknown[]][] = [
      ['b', 'tk-1', []],
      ['sec', 'tk-1', []],
      ['a', 'tk-1', ['NOT_FOUND']],
      ['cm', 'tk-1', ['NOT_FOUND']],
      ['c', 'tk-1', ['NOT_FOUND']],
      ['cadmin', 'tk-1', ['NOT_FOUND']],
      ['cadmin', 'tk-2', []],
      ['uadmin', 'tk-1', ['NOT_FOUND']],
      ['uadmin', 'tk-2', ['NOT_FOUND']],
      ['d', 'tk-2', ['NOT_FOUND']],
    ];
    for (const [who, id, expected] of matrix) expect([who, id, await read(who, id)]).toEqual([who, id, expected]);
    expect((await t.as('cadmin')('{ talkRecords(memberId: "m-b") { id } }')).body.data.talkRecords).toEqual([{ id: 'tk-2' }]);
    expect((await t.as('b')('{ talkRecords(memberId: "m-b") { id } }')).body.data.talkRecords.map((x: { id: string }) => x.id).sort()).toEqual(['tk-1', 'tk-2']);
    expect((await t.as('uadmin')('{ talkRecords(memberId: "m-b") { id } }')).body.data.talkRecords).toEqual([]);
    const counts = await t.as('uadmin')('{ talkCounts(from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { branch { id } count } }');
    expect(counts.body.data.talkCounts).toEqual([{ branch: { id: 'b-1' }, count: 2 }]);
    expect(codes(await t.as('sec')('{ talkCounts(from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { count } }'))).toEqual(['FORBIDDEN']);
  });

  it('show the member talked with who read them and when', async () => {
    const r = await t.as('b')('{ talkRecordReads(id: "tk-2") { reader { id } at } }');
    expect(new Set(r.body.data.talkRecordReads.map((x: { reader: { id: string } }) => x.reader.id))).toEqual(new Set(['m-sec', 'm-b', 'm-cadmin']));
    expect(codes(await t.as('cadmin')('{ talkRecordReads(id: "tk-2") { at } }'))).toEqual(['NOT_FOUND']);
  });

  it('list members with no yearly talk for the secretary', async () => {
    const r = await t.as('sec')('{ membersWithoutYearlyTalk(branchId: "b-1", year: 2025) { id } }');
    const ids = r.body.data.membersWithoutYearlyTalk.map((m: { id: string }) => m.id);
    expect(ids).not.toContain('m-b');
    expect(ids).toContain('m-cm');
    expect(codes(await t.as('b')('{ membersWithoutYearlyTalk(branchId: "b-1", year: 2025) { id } }'))).toEqual(['FORBIDDEN']);
  });

  it('never reach search, suggestTopics, tagging, embeddings, recommendations, member and network reads, or export', async () => {
    const answers = await Promise.all([
      t.as('sec')(`{ search(query: "学习党章 发展党员工作中的困难", first: 50) { kind id score } }`),
      t.as('sec')('{ suggestTopics(text: "发展党员工作中的困难", first: 20) { area confidence } }'),
      t.as('b')('{ recommendations(memberId: "m-b", first: 10) { course { id title } explanation } }'),
      t.as('sec')('{ member(id: "m-b") { id name recentActivity { attendance { meetingId status } } } }'),
      t.as('sec')('{ members(first: 50, filter: { branchIds: ["b-1"] }) { edges { node { id name } } } }'),
      t.as('sec')('{ branchGaps(branchId: "b-1") { rows { member { id } } } }'),
    ]);
    for (const a of answers) {
      expect(a.body.errors).toBeUndefined();
      expect(JSON.stringify(a.body)).not.toContain(MARK);
    }
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded.filter((x) => x.includes(MARK) || x.includes('家庭经济情况'))).toEqual([]);
    for (const kind of ['Topic', 'Course', 'Question'] as const) {
      expect((await t.store.getEmbeddingMeta(kind)).filter((m) => m.id.startsWith('tk-'))).toEqual([]);
    }
    exportDir = mkdtempSync(path.join(tmpdir(), 'hongtu-talk-export-'));
    await t.store.exportBulk(exportDir);
    const files = readdirSync(exportDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect([f, readFileSync(path.join(exportDir, f), 'utf8').includes(MARK)]).toEqual([f, false]);
  });
});
