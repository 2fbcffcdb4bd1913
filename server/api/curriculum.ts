/** Topics (tree), courses and questions; course management for administrators. */
import type { Topic } from '../../graph';
import type { CourseFilter, QuestionFilter } from '../../graph';
import { createCourse, getCourse, listCourses, listQuestions, listTopics, updateCourse } from '../curriculum/course-service';
import { notFound } from '../errors';
import type { ApiContext } from './context';
import type { CourseFilterInput, QuestionFilterInput, Resolvers } from './generated/resolvers-types';
import { edgesOf } from './members';
import { tagAfterWrite } from './tag-after-write';
import { type ApiModule, readSdl } from './module';

/** All topics once per request, indexed for parent/children/prerequisite lookups. */
const topicIndexes = new WeakMap<object, Promise<Map<string, Topic>>>();
export async function topicIndex(ctx: ApiContext): Promise<Map<string, Topic>> {
  let p = topicIndexes.get(ctx.loaders);
  if (!p) {
    p = ctx
      .session()
      .then(listTopics)
      .then((ts) => new Map(ts.map((t) => [t.id, t])));
    topicIndexes.set(ctx.loaders, p);
  }
  return p;
}

function courseFilterOf(f: CourseFilterInput | null | undefined): CourseFilter {
  const out: CourseFilter = {};
  if (f?.topicIds) out.topicIds = f.topicIds;
  if (f?.areas) out.areas = f.areas;
  if (f?.kinds) out.kinds = f.kinds;
  if (f?.titleContains != null) out.titleContains = f.titleContains;
  return out;
}

function questionFilterOf(f: QuestionFilterInput | null | undefined): QuestionFilter {
  const out: QuestionFilter = {};
  if (f?.topicIds) out.topicIds = f.topicIds;
  if (f?.areas) out.areas = f.areas;
  return out;
}

const byId = (a: Topic, b: Topic) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const resolvers: Resolvers = {
  Query: {
    topics: async (_, __, ctx) => [...(await topicIndex(ctx)).values()].sort(byId),
    topicTree: async (_, __, ctx) => [...(await topicIndex(ctx)).values()].filter((t) => t.parentId === null).sort(byId),
    topic: async (_, { id }, ctx) => (await topicIndex(ctx)).get(id) ?? Promise.reject(notFound('Topic', id)),
    course: async (_, { id }, ctx) => getCourse(await ctx.session(), id),
    courses: async (_, { filter, first, after }, ctx) => listCourses(await ctx.session(), courseFilterOf(filter), first ?? 20, after ?? null),
    questions: async (_, { filter, first }, ctx) => listQuestions(await ctx.session(), questionFilterOf(filter), first ?? 20),
  },
  Mutation: {
    createCourse: async (_, { input }, ctx) => {
      const s = await ctx.session();
      const created = await createCourse(s, input);
      await tagAfterWrite(ctx, s, 'Course', created.id);
      return getCourse(s, created.id);
    },
    updateCourse: async (_, { id, input }, ctx) => {
      const s = await ctx.session();
      const updated = await updateCourse(s, id, input);
      if (input.title != null || input.summary != null) await tagAfterWrite(ctx, s, 'Course', id);
      return input.title != null || input.summary != null ? getCourse(s, id) : updated;
    },
  },
  Topic: {
    parent: async (t, _, ctx) => (t.parentId ? ((await topicIndex(ctx)).get(t.parentId) ?? null) : null),
    children: async (t, _, ctx) => [...(await topicIndex(ctx)).values()].filter((c) => c.parentId === t.id).sort(byId),
    prerequisites: async (t, _, ctx) => {
      const idx = await topicIndex(ctx);
      return t.prerequisiteIds.map((id) => idx.get(id)).filter((x): x is Topic => x !== undefined);
    },
  },
  TopicTag: {
    topic: async (tag, _, ctx) => (await topicIndex(ctx)).get(tag.topicId) ?? Promise.reject(notFound('Topic', tag.topicId)),
  },
  CourseConnection: {
    edges: (p) => edgesOf(p),
    nodes: (p) => p.items,
    pageInfo: (p) => ({ endCursor: p.endCursor, hasNextPage: p.hasNextPage }),
  },
  QuestionConnection: {
    nodes: (p) => p.items,
    pageInfo: (p) => ({ endCursor: p.endCursor, hasNextPage: p.hasNextPage }),
  },
};

export const curriculumModule: ApiModule = { name: 'curriculum', typeDefs: readSdl('curriculum.graphql', import.meta.url), resolvers };
