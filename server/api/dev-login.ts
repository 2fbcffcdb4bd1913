/**
 * Demo sign-in: `login(memberId)` and `demoAccounts`. The module is only part of the schema when
 * config.devLogin is on, so in production the fields do not exist at all.
 */
import { listDemoAccounts } from '../auth/demo-accounts';
import { signToken } from '../auth/tokens';
import { notFound } from '../errors';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    demoAccounts: (_, __, ctx) => listDemoAccounts(ctx.deps.store),
  },
  Mutation: {
    login: async (_, { memberId }, ctx) => {
      const member = await ctx.loaders.member.load(memberId);
      if (!member) throw notFound('Member', memberId);
      const { token, expiresAt } = await signToken(ctx.deps.config.jwtSecret, member.id, (ctx.deps.now ?? Date.now)());
      return { token, expiresAt, memberId: member.id, role: member.role };
    },
  },
};

export const devLoginModule: ApiModule = {
  name: 'dev-login',
  typeDefs: readSdl('dev-login.graphql', import.meta.url),
  resolvers,
  enabled: (config) => config.devLogin,
};
