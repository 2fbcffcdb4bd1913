/** Topics with hierarchy and prerequisites, courses and questions with filters and paging. */
import { describe, expect, it } from 'vitest';
import type { GetStore } from './index';
import { COURSES, expectCode, manual, QUESTIONS, snapshot, TOPICS } from './fixtures';

export function curriculumContract(get: GetStore): void {
  describe('curriculum', () => {
    it('lists topics with parent and prerequisites', async () => {
      const topics = (await get().listTopics()).sort((a, b) => a.id.localeCompare(b.id));
      expect(topics).toEqual([...TOPICS].sort((a, b) => a.id.localeCompare(b.id)));
    });

    it('upserting a topic replaces its fields, parent and prerequisites', async () => {
      const s = get();
      await s.upsertTopic({ ...TOPICS[3], name: '党员权利', parentId: 'history', prerequisiteIds: ['history.founding', 'constitution.duties'] });
      const t = (await s.listTopics()).find((x) => x.id === 'constitution.rights')!;
      expect(t).toMatchObject({ name: '党员权利', parentId: 'history' });
      expect([...t.prerequisiteIds].sort()).toEqual(['constitution.duties', 'history.founding']);
      await s.upsertTopic({ ...TOPICS[3], prerequisiteIds: [] });
      expect((await s.listTopics()).find((x) => x.id === 'constitution.rights')!.prerequisiteIds).toEqual([]);
    });

    it('rejects a topic whose parent or prerequisite is unknown, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.upsertTopic({ ...TOPICS[4], id: 'history.new', parentId: 'nope' }), 'NOT_FOUND', /nope/);
      await expectCode(s.upsertTopic({ ...TOPICS[4], id: 'history.new', prerequisiteIds: ['nope2'] }), 'NOT_FOUND', /nope2/);
      expect((await s.listTopics()).map((t) => t.id)).not.toContain('history.new');
      expect(await snapshot(s)).toEqual(before);
    });

    it('creates and reads courses with their tags', async () => {
      const s = get();
      const [c] = await s.getCoursesByIds(['k-01']);
      expect(c).toMatchObject(COURSES[0]);
      expect(c.createdAt).toBeGreaterThan(0);
      expect((await s.getCoursesByIds(['k-03', 'nope', 'k-01'])).map((x) => x.id)).toEqual(['k-03', 'k-01']);
      await expectCode(s.createCourse({ ...COURSES[0] }), 'CONFLICT', /k-01/);
      const before = await snapshot(s);
      await expectCode(s.createCourse({ ...COURSES[0], id: 'k-09', topics: [manual('nope')] }), 'NOT_FOUND', /nope/);
      expect(await s.getCoursesByIds(['k-09'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });

    it('updates only the fields given', async () => {
      const s = get();
      const c = await s.updateCourse('k-02', { minutes: 50, title: '党史纵览（修订）' });
      expect(c).toMatchObject({ ...COURSES[1], minutes: 50, title: '党史纵览（修订）' });
      expect(c.updatedAt).toBeGreaterThanOrEqual(c.createdAt);
      await expectCode(s.updateCourse('nope', { minutes: 1 }), 'NOT_FOUND', /nope/);
    });

    it('filters and pages courses', async () => {
      const s = get();
      const ids = async (f: Parameters<typeof s.listCourses>[0]) => (await s.listCourses(f, 10)).items.map((c) => c.id);
      expect(await ids({})).toEqual(['k-01', 'k-02', 'k-03']);
      expect(await ids({ areas: ['constitution'] })).toEqual(['k-01', 'k-03']);
      expect(await ids({ topicIds: ['history.founding'] })).toEqual(['k-02']);
      expect(await ids({ kinds: ['VIDEO', 'LESSON'] })).toEqual(['k-02', 'k-03']);
      expect(await ids({ titleContains: '党章' })).toEqual(['k-01']);
      expect(await ids({ areas: ['constitution'], kinds: ['LESSON'] })).toEqual(['k-03']);
      expect(await ids({ topicIds: [] })).toEqual([]);
      const p1 = await s.listCourses({ areas: ['constitution'] }, 1);
      expect(p1).toMatchObject({ totalCount: 2, hasNextPage: true });
      const p2 = await s.listCourses({ areas: ['constitution'] }, 1, p1.endCursor);
      expect(p2.items.map((c) => c.id)).toEqual(['k-03']);
      expect(p2.hasNextPage).toBe(false);
    });

    it('upserts, reads and filters questions', async () => {
      const s = get();
      expect(await s.getQuestionsByIds(['q-02', 'q-01'])).toEqual([QUESTIONS[1], QUESTIONS[0]]);
      const tricky = { ...QUESTIONS[0], options: ['含,逗号', '含"引号"', '换\n行'], stem: '新题干', difficulty: 0.75 };
      await s.upsertQuestion(tricky);
      expect(await s.getQuestionsByIds(['q-01'])).toEqual([tricky]);
      const page = await s.listQuestions({ areas: ['history'] }, 10);
      expect(page.items.map((q) => q.id)).toEqual(['q-02']);
      expect(page.totalCount).toBe(1);
      expect((await s.listQuestions({ topicIds: ['constitution.duties'] }, 10)).items.map((q) => q.id)).toEqual(['q-01']);
      const p1 = await s.listQuestions({}, 1);
      expect(p1).toMatchObject({ totalCount: 2, hasNextPage: true });
      await expectCode(s.upsertQuestion({ ...QUESTIONS[0], id: 'q-09', topics: [manual('nope')] }), 'NOT_FOUND', /nope/);
      expect(await s.getQuestionsByIds(['q-09'])).toEqual([]);
    });
  });
}
