/** accessRecords: the trail of who read a member's personal data; auditLogExport: the audit log as CSV. */
import { listAccessTo } from '../audit/access-service';
import { exportAuditLog } from '../audit/audit-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    accessRecords: async (_, { memberId, first }, ctx) => listAccessTo(await ctx.session(), memberId, first ?? 20),
    auditLogExport: async (_, { from, to }, ctx) => exportAuditLog(await ctx.session(), from, to),
  },
};

export const auditModule: ApiModule = { name: 'audit', typeDefs: readSdl('audit.graphql', import.meta.url), resolvers };
