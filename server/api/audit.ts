/** accessRecords: the trail of who read a member's personal data. */
import { listAccessTo } from '../audit/access-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    accessRecords: async (_, { memberId, first }, ctx) => listAccessTo(await ctx.session(), memberId, first ?? 20),
  },
};

export const auditModule: ApiModule = { name: 'audit', typeDefs: readSdl('audit.graphql', import.meta.url), resolvers };
