/** Members: reads within scope (masked), connections, history, and management mutations. */
import type { Page } from '../../graph';
import type { MemberFilter } from '../../graph';
import { notFound } from '../errors';
import { createMember, getMember, getMemberHistory, listMembers, listTransfers, moveMember, updateMember } from '../members/member-service';
import { getBranch } from '../org/org-service';
import { requireInt } from '../validate';
import type { MemberFilterInput, Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';
import { selectsField } from './selection';

/** GraphQL filter input → store filter (nulls dropped). */
export function memberFilterOf(f: MemberFilterInput | null | undefined): MemberFilter {
  const out: MemberFilter = {};
  if (!f) return out;
  if (f.branchIds) out.branchIds = f.branchIds;
  if (f.committeeIds) out.committeeIds = f.committeeIds;
  if (f.stages) out.stages = f.stages;
  if (f.kinds) out.kinds = f.kinds;
  if (f.roles) out.roles = f.roles;
  if (f.nameContains != null) out.nameContains = f.nameContains;
  return out;
}

/**
 * Edges of a page. The store orders by id and its cursor is the last id of the page, so each
 * item's own id is a valid `after` cursor.
 */
export const edgesOf = <T extends { id: string }>(p: Page<T>) => p.items.map((node) => ({ cursor: node.id, node }));

const resolvers: Resolvers = {
  Query: {
    member: async (_, { id }, ctx, info) => {
      const session = ctx.session();
      ctx.prefetchMembers([id], { history: selectsField(info, 'recentActivity') });
      return getMember(await session, id);
    },
    members: async (_, { filter, first, after }, ctx) => listMembers(await ctx.session(), memberFilterOf(filter), first ?? 20, after ?? null),
  },
  Mutation: {
    createMember: async (_, { input }, ctx) => createMember(await ctx.session(), input),
    updateMember: async (_, { id, input }, ctx) => updateMember(await ctx.session(), id, input),
    moveMember: async (_, { input }, ctx) => moveMember(await ctx.session(), input),
  },
  Member: {
    branch: async (m, _, ctx) => getBranch(await ctx.session(), m.branchId),
    recentActivity: async (m, { first }, ctx) => {
      const n = requireInt('first', first ?? 10, 1, 50);
      return { history: await getMemberHistory(await ctx.session(), m), first: n };
    },
    transfers: async (m, _, ctx) => listTransfers(await ctx.session(), m),
  },
  MemberActivity: {
    studies: (a) => a.history.studies.slice(0, a.first),
    answers: (a) => a.history.answers.slice(0, a.first),
    attendance: (a) => a.history.attendance.slice(0, a.first),
  },
  StudyRecord: {
    course: async (e, _, ctx) => (await ctx.loaders.course.load(e.courseId)) ?? Promise.reject(notFound('Course', e.courseId)),
  },
  AnswerRecord: {
    question: async (e, _, ctx) => (await ctx.loaders.question.load(e.questionId)) ?? Promise.reject(notFound('Question', e.questionId)),
  },
  MemberConnection: {
    edges: (p) => edgesOf(p),
    nodes: (p) => p.items,
    pageInfo: (p) => ({ endCursor: p.endCursor, hasNextPage: p.hasNextPage }),
  },
};

export const membersModule: ApiModule = { name: 'members', typeDefs: readSdl('members.graphql', import.meta.url), resolvers };
