/** The organization tree: university → committees → branches → groups, members and meetings. */
import { branchLife, listMeetings } from '../life/meeting-service';
import { listMembers } from '../members/member-service';
import { getBranch, getCommittee, getUniversity, listCommitteeBranches, listCommittees, listGroups } from '../org/org-service';
import { memberFilterOf } from './members';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    university: async (_, __, ctx) => getUniversity(await ctx.session()),
    committee: async (_, { id }, ctx) => getCommittee(await ctx.session(), id),
    branch: async (_, { id }, ctx) => getBranch(await ctx.session(), id),
  },
  University: {
    committees: async (_, __, ctx) => listCommittees(await ctx.session()),
  },
  Committee: {
    university: async (_, __, ctx) => getUniversity(await ctx.session()),
    branches: async (c, _, ctx) => listCommitteeBranches(await ctx.session(), c.id),
  },
  Branch: {
    committee: async (b, _, ctx) => getCommittee(await ctx.session(), b.committeeId),
    groups: async (b, _, ctx) => listGroups(await ctx.session(), b.id),
    members: async (b, { filter, first, after }, ctx) => listMembers(await ctx.session(), { ...memberFilterOf(filter), branchIds: [b.id] }, first ?? 20, after ?? null),
    meetings: async (b, { from, to }, ctx) => listMeetings(await ctx.session(), b.id, from, to),
    life: async (b, { from, to }, ctx) => branchLife(await ctx.session(), b.id, from, to),
  },
  Group: {
    branch: async (g, _, ctx) => getBranch(await ctx.session(), g.branchId),
  },
};

export const orgModule: ApiModule = { name: 'org', typeDefs: readSdl('org.graphql', import.meta.url), resolvers };
