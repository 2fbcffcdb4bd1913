/** `viewer`: who is signed in and their scope. */
import { getMember } from '../members/member-service';
import { getBranch, getCommittee } from '../org/org-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const sorted = (set: ReadonlySet<string> | null) => (set === null ? null : [...set].sort());

const resolvers: Resolvers = {
  Query: {
    viewer: async (_, __, ctx) => (await ctx.session()).viewer,
  },
  Viewer: {
    member: async (v, _, ctx) => getMember(await ctx.session(), v.memberId),
    branch: async (v, _, ctx) => getBranch(await ctx.session(), v.branchId),
    committee: async (v, _, ctx) => getCommittee(await ctx.session(), v.committeeId),
    readableBranchIds: (v) => sorted(v.branchIds),
    manageableBranchIds: (v) => sorted(v.manageBranchIds),
    canManageCourses: (v) => v.role === 'COMMITTEE_ADMIN' || v.role === 'UNIVERSITY_ADMIN',
  },
};

export const viewerModule: ApiModule = { name: 'viewer', typeDefs: readSdl('viewer.graphql', import.meta.url), resolvers };
