/**
 * suggestTopics and search through the real server (createApp over HTTP) on a Kuzu store holding the
 * API world plus the hand-written topics and courses, with the offline lexical embedder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courses } from '../../seeds/curriculum/courses';
import { topics } from '../../seeds/curriculum/topics';
import { createTextServices } from '../../server/learning/text-services';
import { buildApiWorld } from '../support/builders';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { codes } from '../support/api-world';

let server: TestServer;
let token: string;
let dispose: () => Promise<void>;
const logLines: string[] = [];

beforeAll(async () => {
  const t = await openTempStore();
  dispose = t.dispose;
  const world = await buildApiWorld(t.store);
  for (const s of topics) {
    await t.store.upsertTopic({ id: s.id, name: s.name, area: s.area, description: s.description, parentId: s.parentId, prerequisiteIds: [] });
  }
  for (const c of courses) {
    await t.store.createCourse({
      id: c.id,
      title: c.title,
      summary: c.summary,
      kind: c.kind,
      minutes: c.minutes,
      topics: Object.entries(c.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })),
    });
  }
  const log = { info: (m: string) => logLines.push(m), warn: (m: string) => logLines.push(m) };
  const text = await createTextServices({ embedder: 'lexical', modelName: 'x', modelsDir: null, modelCacheDir: '/nonexistent' }, t.store, log);
  await text.syncEmbeddings();
  server = await startTestServer(t.store, { deps: { learning: { tagger: text.tagger, search: text.search, embedder: text.info } } });
  token = await server.tokenFor(world.people.a.id);
});

afterAll(async () => {
  await server?.close();
  await dispose?.();
});

const gql = (query: string, variables?: Record<string, unknown>) => server.gql(query, variables, token);

describe('suggestTopics', () => {
  it('ranks topics for a Chinese text with score, confidence and area', async () => {
    const r = await gql('query($t: String!) { suggestTopics(text: $t, first: 3) { id name area score confidence } }', { t: '支部每月召开党小组会，每季度上一次党课' });
    expect(r.body.errors).toBeUndefined();
    const list = r.body.data.suggestTopics;
    expect(list).toHaveLength(3);
    expect(list[0].area).toBe('organization');
    expect(list[0].score).toBeGreaterThanOrEqual(list[1].score);
    expect(list[0].confidence).toBeGreaterThan(0);
  });

  it('rejects empty and oversized texts and first out of range, naming the field', async () => {
    const q = 'query($t: String!, $n: Int) { suggestTopics(text: $t, first: $n) { id } }';
    const empty = await gql(q, { t: '  ', n: 3 });
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.body.errors![0].message).toBe('text must not be empty');
    const long = await gql(q, { t: '党'.repeat(2001), n: 3 });
    expect(long.body.errors![0]).toMatchObject({ message: 'text must be at most 2000 characters, got 2001', extensions: { code: 'BAD_USER_INPUT' } });
    const first = await gql(q, { t: '党章', n: 0 });
    expect(first.body.errors![0]).toMatchObject({ message: 'first must be 1–50, got 0', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('needs a signed-in viewer', async () => {
    const r = await server.gql('{ suggestTopics(text: "党章") { id } }', undefined, null);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('search', () => {
  it('finds courses and topics for a Chinese query, best first', async () => {
    const r = await gql('{ search(query: "遵义会议", first: 5) { kind id title score } }');
    expect(r.body.errors).toBeUndefined();
    const hits = r.body.data.search;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h: { kind: string; title: string }) => h.kind === 'COURSE' && h.title.includes('遵义'))).toBe(true);
    expect(['COURSE', 'TOPIC']).toContain(hits[0].kind);
  });

  it('rejects an oversized query', async () => {
    const r = await gql('query($q: String!) { search(query: $q) { id } }', { q: 'x'.repeat(2001) });
    expect(r.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(r.body.errors![0].message).toMatch(/^query must be at most 2000 characters/);
  });
});
