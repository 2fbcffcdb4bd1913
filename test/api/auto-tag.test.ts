/**
 * A course or meeting record written through the API is embedded and tagged with AUTO topics at once
 * (real server over HTTP, Kuzu store, offline lexical embedder); manual tags stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../seeds/curriculum/topics';
import { createTextServices } from '../../server/learning/text-services';
import { buildApiWorld } from '../support/builders';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';

let server: TestServer;
let admin: string;
let secretary: string;
let dispose: () => Promise<void>;
let store: Awaited<ReturnType<typeof openTempStore>>['store'];

beforeAll(async () => {
  const t = await openTempStore();
  ({ store, dispose } = t);
  const world = await buildApiWorld(store);
  for (const s of topics) {
    await store.upsertTopic({ id: s.id, name: s.name, area: s.area, description: s.description, parentId: s.parentId, prerequisiteIds: [] });
  }
  const quiet = { info() {}, warn() {} };
  const text = await createTextServices({ embedder: 'lexical', modelName: 'x', modelsDir: null, modelCacheDir: '/nonexistent' }, store, quiet);
  await text.syncEmbeddings();
  server = await startTestServer(store, { deps: { learning: { tagger: text.tagger, search: text.search, embedder: text.info } } });
  admin = await server.tokenFor(world.people.uadmin.id);
  secretary = await server.tokenFor(world.people.sec.id);
});

afterAll(async () => {
  await server?.close();
  await dispose?.();
});

const TAGS = 'topics { topic { id area } source weight confidence }';

describe('auto-tagging on write', () => {
  it('tags a new course by its text and keeps its manual tag', async () => {
    const r = await server.gql(
      `mutation($i: CreateCourseInput!) { createCourse(input: $i) { id ${TAGS} } }`,
      {
        i: {
          id: 'c-new-1',
          title: '发展党员的程序与预备期考察',
          kind: 'ARTICLE',
          minutes: 20,
          summary: '本文讲解入党申请、确定入党积极分子、发展对象政治审查、支部大会讨论接收预备党员和预备期满转正的程序。',
          topics: [{ topicId: 'constitution.membership', weight: 0.3 }],
        },
      },
      admin,
    );
    expect(r.body.errors).toBeUndefined();
    const tags = r.body.data.createCourse.topics as { topic: { id: string; area: string }; source: string; confidence: number }[];
    expect(tags.filter((t) => t.source === 'MANUAL').map((t) => t.topic.id)).toEqual(['constitution.membership']);
    const auto = tags.filter((t) => t.source === 'AUTO');
    expect(auto.length).toBeGreaterThan(0);
    expect(auto[0].topic.area).toBe('admission');
    const stored = (await store.getCoursesByIds(['c-new-1']))[0];
    expect(stored.topics.some((t) => t.source === 'AUTO' && t.topicId.startsWith('admission.'))).toBe(true);
  });

  it('tags a meeting record with DISCUSSED topics', async () => {
    const r = await server.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id ${TAGS} } }`,
      {
        i: {
          id: 'mt-new-1',
          branchId: 'b-1',
          kind: 'PARTY_LECTURE',
          title: '专题党课',
          at: '2026-10-10T14:00:00+08:00',
          minutes: 90,
          record: '书记讲授党史专题党课，回顾遵义会议和长征精神，结合新民主主义革命历史开展讨论。',
        },
      },
      secretary,
    );
    expect(r.body.errors).toBeUndefined();
    const auto = (r.body.data.createMeeting.topics as { topic: { area: string }; source: string }[]).filter((t) => t.source === 'AUTO');
    expect(auto.length).toBeGreaterThan(0);
    expect(auto[0].topic.area).toBe('history');
  });
});
