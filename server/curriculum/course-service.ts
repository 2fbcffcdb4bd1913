/**
 * Topics, courses and questions: readable by every signed-in viewer; courses are created and
 * edited by administrators, with manual topic tags.
 */
import { randomUUID } from 'node:crypto';
import type { Course, Page, Question, Topic, TopicTag } from '../../graph';
import { COURSE_KINDS } from '../../graph';
import type { CourseFilter, CoursePatch, QuestionFilter } from '../../graph';
import { assertCanManageCourses } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, conflict, notFound } from '../errors';
import { optionalId, optionalText, requireInt, requireNumber, requireOneOf, requirePageSize, requireText } from '../validate';

export async function listTopics(s: Session): Promise<Topic[]> {
  return s.store.listTopics();
}

export async function getCourse(s: Session, id: string): Promise<Course> {
  const c = await s.loaders.course.load(id);
  if (!c) throw notFound('Course', id);
  return c;
}

export async function listCourses(s: Session, filter: CourseFilter, first: number, after: string | null): Promise<Page<Course>> {
  requirePageSize(first);
  if (filter.titleContains !== undefined) optionalText('filter.titleContains', filter.titleContains, 100);
  const page = await s.store.listCourses(filter, first, after);
  for (const c of page.items) s.loaders.course.prime(c.id, c);
  return page;
}

export async function listQuestions(s: Session, filter: QuestionFilter, first: number): Promise<Page<Question>> {
  requirePageSize(first);
  return s.store.listQuestions(filter, first, null);
}

export interface TopicWeightInput {
  topicId: string;
  weight: number;
}
export interface CreateCourseInput {
  id?: string | null;
  title: string;
  summary: string;
  kind: string;
  minutes: number;
  topics?: TopicWeightInput[] | null;
}

async function manualTags(s: Session, topics: TopicWeightInput[]): Promise<TopicTag[]> {
  if (topics.length > 20) throw badInput('topics', 'topics must list at most 20 topics');
  const known = new Set((await s.store.listTopics()).map((t) => t.id));
  const seen = new Set<string>();
  return topics.map((t, i) => {
    if (!known.has(t.topicId)) throw notFound('Topic', t.topicId);
    if (seen.has(t.topicId)) throw badInput(`topics[${i}].topicId`, `Topic "${t.topicId}" is listed twice`);
    seen.add(t.topicId);
    return { topicId: t.topicId, weight: requireNumber(`topics[${i}].weight`, t.weight, 0.01, 1), source: 'MANUAL', confidence: 1 };
  });
}

/** Create a course with manual topic tags (administrators). */
export async function createCourse(s: Session, input: CreateCourseInput): Promise<Course> {
  assertCanManageCourses(s.viewer);
  const id = optionalId('id', input.id) ?? `c-${randomUUID()}`;
  const course = {
    id,
    title: requireText('title', input.title, 100),
    summary: requireText('summary', input.summary, 2000),
    kind: requireOneOf('kind', input.kind, COURSE_KINDS),
    minutes: requireInt('minutes', input.minutes, 1, 600),
    topics: await manualTags(s, input.topics ?? []),
  };
  if (input.id && (await s.loaders.course.load(input.id))) throw conflict(`Course id "${input.id}" is already in use; use updateCourse to change it`, { field: 'id' });
  const created = await s.store.createCourse(course);
  s.loaders.course.clear(id).prime(id, created);
  return created;
}

export interface UpdateCourseInput {
  title?: string | null;
  summary?: string | null;
  kind?: string | null;
  minutes?: number | null;
}

/** Edit a course's text, kind or length (administrators). */
export async function updateCourse(s: Session, id: string, input: UpdateCourseInput): Promise<Course> {
  assertCanManageCourses(s.viewer);
  const patch: CoursePatch = {};
  if (input.title != null) patch.title = requireText('title', input.title, 100);
  if (input.summary != null) patch.summary = requireText('summary', input.summary, 2000);
  if (input.kind != null) patch.kind = requireOneOf('kind', input.kind, COURSE_KINDS);
  if (input.minutes != null) patch.minutes = requireInt('minutes', input.minutes, 1, 600);
  const current = await getCourse(s, id);
  if (Object.keys(patch).length === 0) return current;
  const updated = await s.store.updateCourse(id, patch);
  s.loaders.course.clear(id).prime(id, updated);
  return updated;
}
