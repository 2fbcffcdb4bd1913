/** Topics (SUBTOPIC_OF, PREREQUISITE_OF), courses and questions with their topic tags. */
import { alreadyExists } from '../errors';
import type { Course, Page, Question, Topic } from '../model';
import type { CourseFilter, CoursePatch, NewCourse, QuestionFilter } from '../store';
import type { Executor, Params, Tx } from './executor';
import { requireIds } from './guards';
import { inIdOrder, int, num, toCourse, toQuestion, toTopic } from './mapping';
import { toPage } from './members';
import { MISSING, Q } from './queries';
import { replaceAllTags } from './tags';

const topicFilter = (f: QuestionFilter): Params => ({ topicIds: f.topicIds ?? null, areas: f.areas ?? null });
const courseFilter = (f: CourseFilter): Params => ({
  ...topicFilter(f),
  kinds: f.kinds ?? null,
  titleContains: f.titleContains || null,
});

export class CurriculumOps {
  constructor(private readonly ex: Executor) {}

  async listTopics(): Promise<Topic[]> {
    return (await this.ex.read((tx) => tx.rows(Q.listTopics))).map(toTopic);
  }

  /** Sets the topic and replaces its parent and prerequisites; referenced topics must exist. */
  upsertTopic(t: Topic): Promise<void> {
    return this.ex.write(async (tx) => {
      const prerequisiteIds = [...new Set(t.prerequisiteIds)].filter((x) => x !== t.id);
      await requireIds(tx, 'Topic', [...(t.parentId && t.parentId !== t.id ? [t.parentId] : []), ...prerequisiteIds]);
      await tx.write(Q.upsertTopic, { id: t.id, name: t.name, area: t.area, description: t.description });
      if (t.parentId && t.parentId !== t.id) await tx.write(Q.linkTopicParent, { id: t.id, parentId: t.parentId });
      if (prerequisiteIds.length) await tx.write(Q.linkTopicPrerequisites, { id: t.id, prerequisiteIds });
    });
  }

  async getCoursesByIds(ids: string[]): Promise<Course[]> {
    if (ids.length === 0) return [];
    return this.ex.read((tx) => this.coursesByIds(tx, ids));
  }

  listCourses(filter: CourseFilter, first: number, after?: string | null): Promise<Page<Course>> {
    const params = courseFilter(filter);
    return this.ex.read(async (tx) => {
      const rows = await tx.rows(Q.listCourses, { ...params, after: after ?? null, limit: int(Math.max(0, first) + 1) });
      const [count] = await tx.rows<{ total: unknown }>(Q.countCourses, params);
      return toPage(rows.map(toCourse), first, count ? num(count.total) : 0);
    });
  }

  createCourse(c: NewCourse): Promise<Course> {
    return this.ex.write(async (tx) => {
      const [exists] = await tx.rows<{ missing: string[] }>(MISSING.Course, { ids: [c.id] });
      if (exists && exists.missing.length === 0) throw alreadyExists('Course', c.id);
      await requireIds(
        tx,
        'Topic',
        c.topics.map((t) => t.topicId),
      );
      await tx.write(Q.createCourse, {
        id: c.id,
        title: c.title,
        summary: c.summary,
        kind: c.kind,
        minutes: int(c.minutes),
        now: int(Date.now()),
      });
      await replaceAllTags(tx, 'Course', c.id, c.topics);
      return (await this.coursesByIds(tx, [c.id]))[0]!;
    });
  }

  updateCourse(id: string, patch: CoursePatch): Promise<Course> {
    return this.ex.write(async (tx) => {
      await requireIds(tx, 'Course', [id]);
      const props: Params = {};
      if (patch.title !== undefined) props.title = patch.title;
      if (patch.summary !== undefined) props.summary = patch.summary;
      if (patch.kind !== undefined) props.kind = patch.kind;
      if (patch.minutes !== undefined) props.minutes = int(patch.minutes);
      await tx.write(Q.updateCourse, { id, props, now: int(Date.now()) });
      return (await this.coursesByIds(tx, [id]))[0]!;
    });
  }

  async getQuestionsByIds(ids: string[]): Promise<Question[]> {
    if (ids.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows(Q.getQuestionsByIds, { ids }));
    return inIdOrder(ids, rows.map(toQuestion));
  }

  listQuestions(filter: QuestionFilter, first: number, after?: string | null): Promise<Page<Question>> {
    const params = topicFilter(filter);
    return this.ex.read(async (tx) => {
      const rows = await tx.rows(Q.listQuestions, { ...params, after: after ?? null, limit: int(Math.max(0, first) + 1) });
      const [count] = await tx.rows<{ total: unknown }>(Q.countQuestions, params);
      return toPage(rows.map(toQuestion), first, count ? num(count.total) : 0);
    });
  }

  /** Sets the question and replaces all its tags with `q.topics`; topics must exist. */
  upsertQuestion(q: Question): Promise<void> {
    return this.ex.write(async (tx) => {
      await requireIds(
        tx,
        'Topic',
        q.topics.map((t) => t.topicId),
      );
      await tx.write(Q.upsertQuestion, {
        id: q.id,
        stem: q.stem,
        options: q.options,
        answer: int(q.answer),
        explanation: q.explanation,
        difficulty: q.difficulty,
      });
      await replaceAllTags(tx, 'Question', q.id, q.topics);
    });
  }

  private async coursesByIds(tx: Tx, ids: string[]): Promise<Course[]> {
    return inIdOrder(ids, (await tx.rows(Q.getCoursesByIds, { ids })).map(toCourse));
  }
}
