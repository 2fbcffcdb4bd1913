/** Topics (SUBTOPIC_OF, PREREQUISITE_OF), courses and questions with their topic tags. */
import { alreadyExists, notFound } from '../errors';
import type { Area, Course, Page, Question, Topic } from '../model';
import type { CourseFilter, CoursePatch, NewCourse, QuestionFilter } from '../store';
import type { KuzuExecutor, Params, Runner } from './executor';
import { exists, requireIds } from './guards';
import { COURSE_COLUMNS, inIdOrder, QUESTION_COLUMNS, toCourse, toQuestion, toTopic } from './mapping';
import { readTags, replaceAllTags } from './tags';

/**
 * Filter fragments, chosen by which filters are set (a closed set of static texts; values stay
 * parameters). Kuzu 0.11 loses a parameter used inside `EXISTS {}` when the same WHERE has another
 * parameter or an OR ("Parameter areas not found"), so a disabled filter is left out of the text
 * rather than switched off with a flag, and subquery filters sit in their own `WITH ... WHERE`.
 */
function tagFilter(alias: 'c' | 'q', rel: 'COVERS' | 'TESTS', f: { topicIds?: string[]; areas?: Area[] }): string[] {
  return [
    ...(f.topicIds ? [`EXISTS { MATCH (${alias})-[:${rel}]->(t:Topic) WHERE t.id IN $topicIds }`] : []),
    ...(f.areas ? [`EXISTS { MATCH (${alias})-[:${rel}]->(ta:Topic) WHERE ta.area IN $areas }`] : []),
  ];
}
const courseConds = (f: CourseFilter): string[] => [...(f.kinds ? ['c.kind IN $kinds'] : []), ...(f.titleContains ? ['c.title CONTAINS $title'] : [])];
/** Page query and count query over the same conditions; only the page one has the cursor. */
function pageQueries(label: 'Course' | 'Question', alias: 'c' | 'q', columns: string, conds: string[], subs: string[]) {
  const where = (xs: string[]) => (xs.length ? `WHERE ${xs.join(' AND ')}` : '');
  const body = (xs: string[]) => `MATCH (${alias}:${label}) ${where(xs)} WITH ${alias} ${where(subs)}`;
  return {
    page: `${body([`${alias}.id > $after`, ...conds])} RETURN ${columns} ORDER BY ${alias}.id LIMIT $limit`,
    count: `${body(conds)} RETURN count(${alias}) AS n`,
  };
}

const Q = {
  topics: `MATCH (t:Topic) OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(p:Topic) OPTIONAL MATCH (pre:Topic)-[:PREREQUISITE_OF]->(t)
    RETURN t.id AS id, t.name AS name, t.area AS area, t.description AS description, p.id AS parentId,
      collect(pre.id) AS prerequisiteIds ORDER BY id`,
  mergeTopic: 'MERGE (t:Topic {id: $id}) SET t.name = $name, t.area = $area, t.description = $description',
  dropParent: 'MATCH (:Topic {id: $id})-[r:SUBTOPIC_OF]->(:Topic) DELETE r',
  setParent: 'MATCH (t:Topic {id: $id}), (p:Topic {id: $parentId}) CREATE (t)-[:SUBTOPIC_OF]->(p)',
  dropPrereqs: 'MATCH (:Topic)-[r:PREREQUISITE_OF]->(:Topic {id: $id}) DELETE r',
  addPrereq: 'MATCH (t:Topic {id: $id}), (p:Topic {id: $pre}) CREATE (p)-[:PREREQUISITE_OF]->(t)',
  coursesByIds: `MATCH (c:Course) WHERE c.id IN $ids RETURN ${COURSE_COLUMNS}`,
  createCourse: `CREATE (:Course {id: $id, title: $title, summary: $summary, kind: $kind, minutes: $minutes,
    createdAt: $now, updatedAt: $now})`,
  updateCourse: `MATCH (c:Course {id: $id}) SET c.title = $title, c.summary = $summary, c.kind = $kind,
    c.minutes = $minutes, c.updatedAt = $now`,
  questionsByIds: `MATCH (q:Question) WHERE q.id IN $ids RETURN ${QUESTION_COLUMNS}`,
  mergeQuestion: `MERGE (q:Question {id: $id}) SET q.stem = $stem, q.options = $options, q.answer = $answer,
    q.explanation = $explanation, q.difficulty = $difficulty`,
} as const;

const nonEmpty = (xs: string[] | undefined): string[] => (xs?.length ? xs : ['']);
/** Parameters of the fragments in use only (Kuzu rejects unknown parameters). */
const topicParams = (f: { topicIds?: string[]; areas?: Area[] }): Params => ({
  ...(f.topicIds ? { topicIds: nonEmpty(f.topicIds) } : {}),
  ...(f.areas ? { areas: nonEmpty(f.areas) } : {}),
});

function page<T extends { id: string }>(rows: T[], first: number, total: number): Page<T> {
  const items = rows.slice(0, Math.max(0, first));
  return { items, totalCount: total, endCursor: items.length ? items[items.length - 1].id : null, hasNextPage: rows.length > first };
}

export class CurriculumQueries {
  private readonly read: Runner;
  constructor(private readonly ex: KuzuExecutor) {
    this.read = { run: (q, p) => ex.read(q, p) };
  }

  async listTopics(): Promise<Topic[]> {
    return (await this.ex.read(Q.topics)).map(toTopic);
  }

  async upsertTopic(t: Topic): Promise<void> {
    await this.ex.write(async (tx) => {
      const refs = [...(t.parentId ? [t.parentId] : []), ...t.prerequisiteIds].filter((x) => x !== t.id);
      await requireIds(tx, 'Topic', refs);
      await tx.run(Q.mergeTopic, { id: t.id, name: t.name, area: t.area, description: t.description });
      await tx.run(Q.dropParent, { id: t.id });
      if (t.parentId) await tx.run(Q.setParent, { id: t.id, parentId: t.parentId });
      await tx.run(Q.dropPrereqs, { id: t.id });
      for (const pre of new Set(t.prerequisiteIds)) await tx.run(Q.addPrereq, { id: t.id, pre });
    });
  }

  async getCoursesByIds(ids: string[], r: Runner = this.read): Promise<Course[]> {
    if (ids.length === 0) return [];
    const rows = await r.run(Q.coursesByIds, { ids });
    const tags = await readTags(r, 'Course', ids);
    return inIdOrder(
      ids,
      rows.map((x) => toCourse(x, tags.get(String(x.id)) ?? [])),
    );
  }

  async listCourses(filter: CourseFilter, first: number, after?: string | null): Promise<Page<Course>> {
    const params: Params = {
      ...topicParams(filter),
      ...(filter.kinds ? { kinds: nonEmpty(filter.kinds) } : {}),
      ...(filter.titleContains ? { title: filter.titleContains } : {}),
    };
    const q = pageQueries('Course', 'c', COURSE_COLUMNS, courseConds(filter), tagFilter('c', 'COVERS', filter));
    return this.ex.readMany(async (r) => {
      const rows = await r.run(q.page, { ...params, after: after ?? '', limit: Math.max(0, first) + 1 });
      const total = Number((await r.run(q.count, params))[0]?.n ?? 0);
      const tags = await readTags(
        r,
        'Course',
        rows.map((x) => String(x.id)),
      );
      return page(
        rows.map((x) => toCourse(x, tags.get(String(x.id)) ?? [])),
        first,
        total,
      );
    });
  }

  async createCourse(c: NewCourse): Promise<Course> {
    await this.ex.write(async (tx) => {
      if (await exists(tx, 'Course', c.id)) throw alreadyExists('Course', c.id);
      await requireIds(
        tx,
        'Topic',
        c.topics.map((t) => t.topicId),
      );
      await tx.run(Q.createCourse, { id: c.id, title: c.title, summary: c.summary, kind: c.kind, minutes: c.minutes, now: Date.now() });
      await replaceAllTags(tx, 'Course', c.id, c.topics);
    });
    return (await this.getCoursesByIds([c.id]))[0];
  }

  async updateCourse(id: string, patch: CoursePatch): Promise<Course> {
    await this.ex.write(async (tx) => {
      const [cur] = await this.getCoursesByIds([id], tx);
      if (!cur) throw notFound('Course', id);
      const next = { ...cur, ...patch };
      await tx.run(Q.updateCourse, { id, title: next.title, summary: next.summary, kind: next.kind, minutes: next.minutes, now: Date.now() });
    });
    return (await this.getCoursesByIds([id]))[0];
  }

  async getQuestionsByIds(ids: string[]): Promise<Question[]> {
    if (ids.length === 0) return [];
    return this.ex.readMany(async (r) => {
      const rows = await r.run(Q.questionsByIds, { ids });
      const tags = await readTags(r, 'Question', ids);
      return inIdOrder(
        ids,
        rows.map((x) => toQuestion(x, tags.get(String(x.id)) ?? [])),
      );
    });
  }

  async listQuestions(filter: QuestionFilter, first: number, after?: string | null): Promise<Page<Question>> {
    const params = topicParams(filter);
    const q = pageQueries('Question', 'q', QUESTION_COLUMNS, [], tagFilter('q', 'TESTS', filter));
    return this.ex.readMany(async (r) => {
      const rows = await r.run(q.page, { ...params, after: after ?? '', limit: Math.max(0, first) + 1 });
      const total = Number((await r.run(q.count, params))[0]?.n ?? 0);
      const tags = await readTags(
        r,
        'Question',
        rows.map((x) => String(x.id)),
      );
      return page(
        rows.map((x) => toQuestion(x, tags.get(String(x.id)) ?? [])),
        first,
        total,
      );
    });
  }

  async upsertQuestion(q: Question): Promise<void> {
    await this.ex.write(async (tx) => {
      await requireIds(
        tx,
        'Topic',
        q.topics.map((t) => t.topicId),
      );
      await tx.run(Q.mergeQuestion, {
        id: q.id,
        stem: q.stem,
        options: JSON.stringify(q.options),
        answer: q.answer,
        explanation: q.explanation,
        difficulty: q.difficulty,
      });
      await replaceAllTags(tx, 'Question', q.id, q.topics);
    });
  }
}
