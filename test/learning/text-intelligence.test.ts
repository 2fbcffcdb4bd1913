/**
 * Embedding maintenance, topic tagging and search against a real Kuzu store in a temp dir, loaded with
 * the hand-written curriculum (topics and courses with their MANUAL tags) and the lexical embedder.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import type { Course } from '../../graph/model';
import { courses as courseSeeds } from '../../seeds/curriculum/courses';
import { topics as topicSeeds } from '../../seeds/curriculum/topics';
import { EmbeddingService } from '../../server/learning/embed/embedding-service';
import { LexicalEmbedder } from '../../server/learning/embed/lexical-embedder';
import { SearchService } from '../../server/learning/search/search';
import { TopicTagger } from '../../server/learning/tagging/topic-tagger';
import { makeTempDir } from '../support/temp-dirs';

let store: KuzuStore;
const embedder = new LexicalEmbedder();
let embeddings: EmbeddingService;

beforeAll(async () => {
  store = new KuzuStore({ dir: path.join(makeTempDir('hongtu-text-'), 'db') });
  await store.init();
  // Parents before children, prerequisites before dependants: the seed order already is.
  for (const t of topicSeeds) {
    await store.upsertTopic({ id: t.id, name: t.name, area: t.area, description: t.description, parentId: t.parentId, prerequisiteIds: [] });
  }
  for (const c of courseSeeds) {
    await store.createCourse({
      id: c.id,
      title: c.title,
      summary: c.summary,
      kind: c.kind,
      minutes: c.minutes,
      topics: Object.entries(c.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })),
    });
  }
  embeddings = new EmbeddingService(store, embedder);
});

afterAll(async () => {
  await store?.close();
});

describe('EmbeddingService', () => {
  it('embeds every node once, then only what changed', async () => {
    const first = await embeddings.sync();
    expect(first.map((r) => [r.kind, r.embedded, r.total])).toEqual([
      ['Topic', topicSeeds.length, topicSeeds.length],
      ['Course', courseSeeds.length, courseSeeds.length],
      ['Question', 0, 0],
    ]);
    const again = await embeddings.sync();
    expect(again.map((r) => r.embedded)).toEqual([0, 0, 0]);

    await store.updateCourse('c-1', { summary: '改写后的简介：党章是党内根本大法。' });
    const afterEdit = await embeddings.sync();
    expect(afterEdit.map((r) => r.embedded)).toEqual([0, 1, 0]);
    const [row] = await store.getEmbeddings('Course', ['c-1']);
    expect(row).toMatchObject({ id: 'c-1', embedderId: 'lexical-v1/2048' });
    expect(row.vector).toHaveLength(2048);
    expect((await store.health()).vectorIndexes).toMatchObject({ Topic: 2048, Course: 2048 });
  });

  it('detects a change of embedder and rebuilds vectors and indexes with the new dimension', async () => {
    const small = new EmbeddingService(store, new LexicalEmbedder({ dimensions: 256 }));
    expect((await small.status()).find((s) => s.kind === 'Course')).toMatchObject({ stale: courseSeeds.length, embedderIds: ['lexical-v1/2048'] });
    const reports = await small.sync();
    expect(reports.find((r) => r.kind === 'Course')).toMatchObject({ embedded: courseSeeds.length, replacedEmbedders: ['lexical-v1/2048'] });
    expect((await store.health()).vectorIndexes).toMatchObject({ Topic: 256, Course: 256 });
    // And back, as `hongtu reembed` would after switching again.
    const back = await embeddings.sync({ force: true });
    expect(back.find((r) => r.kind === 'Topic')).toMatchObject({ embedded: topicSeeds.length, replacedEmbedders: ['lexical-v1/256'] });
    expect((await store.health()).vectorIndexes).toMatchObject({ Topic: 2048, Course: 2048 });
  });
});

describe('TopicTagger on the store', () => {
  it('suggests topics of the right area for Chinese texts', async () => {
    const tagger = TopicTagger.forStore(store, embeddings);
    const cases: [string, string][] = [
      ['支部召开组织生活会，党员逐一开展批评和自我批评', 'organization'],
      ['遵义会议在长征途中召开，确立了正确的军事路线', 'history'],
      ['入党积极分子经过一年培养后被确定为发展对象，接受政治审查', 'admission'],
      ['严守中央八项规定精神，拒收礼品礼金，保持廉洁', 'discipline'],
    ];
    for (const [text, area] of cases) {
      const [best] = await tagger.suggestTopics(text, 3);
      expect(best.area, text).toBe(area);
      expect(best.confidence).toBeGreaterThan(0);
      expect(best.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('returns no topics for a text without content words', async () => {
    const tagger = TopicTagger.forStore(store, embeddings);
    expect(await tagger.suggestTopics('的了，和与！', 3)).toEqual([]);
  });

  it('rejects empty or oversized texts and first out of range, naming the field', async () => {
    const tagger = TopicTagger.forStore(store, embeddings);
    await expect(tagger.suggestTopics('   ', 3)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'text' } });
    await expect(tagger.suggestTopics('党'.repeat(2001), 3)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'text' } });
    await expect(tagger.suggestTopics('党章', 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
    await expect(tagger.suggestTopics('党章', 51)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
  });

  it('retags in bulk with AUTO tags and leaves MANUAL tags as they were', async () => {
    await store.createCourse({
      id: 'c-new',
      title: '党费的交纳与使用',
      summary: '党员每月按工资收入比例交纳党费，支部要公开党费收缴情况。',
      kind: 'ARTICLE',
      minutes: 10,
      topics: [],
    });
    await store.upsertQuestion({
      id: 'q-new',
      stem: '预备党员的预备期是多长时间？',
      options: ['半年', '一年', '两年'],
      answer: 1,
      explanation: '预备党员的预备期为一年，从支部大会通过其为预备党员之日算起。',
      difficulty: 0.3,
      topics: [],
    });
    await store.createUniversity({ id: 'u-1', name: '红图大学党委' });
    await store.createCommittee({ id: 'cm-1', name: '计算机学院党委', universityId: 'u-1' });
    await store.createBranch({ id: 'b-1', name: '计算机学生第一党支部', committeeId: 'cm-1' });
    await store.createMeeting({
      id: 'mt-1',
      branchId: 'b-1',
      kind: 'PARTY_LECTURE',
      title: '专题党课：长征精神',
      at: Date.UTC(2025, 2, 1),
      minutes: 90,
      record: '书记讲述红军长征途中召开遵义会议、四渡赤水、飞夺泸定桥的历史，党员交流学习党史的体会。',
    });
    const before = await store.getCoursesByIds(courseSeeds.map((c) => c.id));
    const tagger = TopicTagger.forStore(store, embeddings);
    const counts = await tagger.retagAll(store);
    expect(counts).toEqual({ Course: courseSeeds.length + 1, Question: 1, Meeting: 1 });
    const [question] = await store.getQuestionsByIds(['q-new']);
    expect(question.topics.every((t) => t.source === 'AUTO')).toBe(true);
    expect(topicSeeds.find((t) => t.id === question.topics[0].topicId)?.area).toBe('admission');
    const [meeting] = await store.getMeetingsByIds(['mt-1']);
    expect(meeting.topics.length).toBeGreaterThanOrEqual(1);
    expect(meeting.topics.every((t) => t.source === 'AUTO')).toBe(true);
    expect(topicSeeds.find((t) => t.id === meeting.topics[0].topicId)?.area).toBe('history');

    const [fresh] = await store.getCoursesByIds(['c-new']);
    expect(fresh.topics.length).toBeGreaterThanOrEqual(1);
    expect(fresh.topics.length).toBeLessThanOrEqual(3);
    expect(fresh.topics.every((t) => t.source === 'AUTO' && t.confidence > 0 && t.confidence <= 1)).toBe(true);
    expect(topicSeeds.find((t) => t.id === fresh.topics[0].topicId)?.area).toBe('organization');

    const manual = (c: Course) => c.topics.filter((t) => t.source === 'MANUAL').sort((a, b) => a.topicId.localeCompare(b.topicId));
    const after = await store.getCoursesByIds(courseSeeds.map((c) => c.id));
    let withAuto = 0;
    after.forEach((c, i) => {
      expect(manual(c)).toEqual(manual(before[i]));
      const manualIds = new Set(manual(c).map((t) => t.topicId));
      const auto = c.topics.filter((t) => t.source === 'AUTO');
      expect(auto.some((t) => manualIds.has(t.topicId))).toBe(false);
      if (auto.length) withAuto++;
    });
    // Most courses have a second plausible topic next to their manual ones, but not all.
    expect(withAuto).toBeGreaterThan(0);
  });

  it('tags and embeds a course created after the bulk run', async () => {
    await store.createCourse({ id: 'c-late', title: '遵义会议的历史意义', summary: '长征途中召开的遵义会议挽救了党、挽救了红军。', kind: 'VIDEO', minutes: 20, topics: [] });
    const tagger = TopicTagger.forStore(store, embeddings);
    await tagger.tagItems(store, 'Course', ['c-late', 'no-such-course']);
    const [late] = await store.getCoursesByIds(['c-late']);
    expect(late.topics.length).toBeGreaterThanOrEqual(1);
    expect(topicSeeds.find((t) => t.id === late.topics[0].topicId)?.area).toBe('history');
    const [row] = await store.getEmbeddings('Course', ['c-late']);
    expect(row).toMatchObject({ embedderId: embedder.id });
  });
});

describe('SearchService', () => {
  it('finds a course by a Chinese query', async () => {
    const search = new SearchService(store, embeddings);
    const results = await search.search('党费怎么交', 5);
    expect(results.slice(0, 3).some((r) => r.kind === 'COURSE' && r.title.includes('党费'))).toBe(true);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['id', 'kind', 'score', 'title']);
  });

  it('returns topics too, best first', async () => {
    const search = new SearchService(store, embeddings);
    const results = await search.search('民主集中制', 10);
    expect(results.some((r) => r.kind === 'TOPIC' && r.id === 'constitution.democratic-centralism')).toBe(true);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('answers a query without content words with nothing rather than noise', async () => {
    const search = new SearchService(store, embeddings);
    expect(await search.search('的了，和与', 5)).toEqual([]);
  });

  it('rejects an empty query and first out of range', async () => {
    const search = new SearchService(store, embeddings);
    await expect(search.search('', 5)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'query' } });
    await expect(search.search('党章', 100)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
  });
});
