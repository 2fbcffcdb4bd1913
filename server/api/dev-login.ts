/**
 * Demo sign-in: `login(memberId)` and `demoAccounts`. The module is only part of the schema when
 * config.devLogin is on, so in production the fields do not exist at all. `login` opens a
 * server-side session (cookie) like a password sign-in, and also answers a demo token for scripts.
 */
import { issueSession } from '../auth/browser-sessions';
import { sessionCookie } from '../auth/cookies';
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
      const now = (ctx.deps.now ?? Date.now)();
      const { token, expiresAt } = await signToken(ctx.deps.config.jwtSecret, member.id, now);
      // The browser signs in with a server-side session (cookie), as with a password; the token is for scripts and tests.
      const issued = await issueSession(ctx.deps.store, ctx.deps.config.auth, {
        memberId: member.id,
        role: member.role,
        method: 'DEMO',
        userAgent: ctx.request.headers.get('user-agent'),
        now,
      });
      ctx.setCookie(sessionCookie(issued.cookieValue, ctx.secure, issued.record.expiresAt - now));
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
