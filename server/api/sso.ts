/** The second factor after campus single sign-on (server/auth/oidc-second-factor.ts). */
import { hashSessionId } from '../auth/browser-sessions';
import { readSessionCookie, sessionCookie } from '../auth/cookies';
import { completeSsoSignIn, pendingCookie } from '../auth/oidc-second-factor';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Mutation: {
    completeSsoSignIn: async (_, { input }, ctx) => {
      const now = ctx.deps.now ?? Date.now;
      const sso = ctx.deps.oidc ?? null;
      const r = await completeSsoSignIn({ store: ctx.deps.store, config: ctx.deps.config, throttle: ctx.signInThrottle, now }, sso, ctx.request, {
        totpCode: input.totpCode,
        recoveryCode: input.recoveryCode,
      });
      if (r.step === 'SIGNED_IN') {
        const old = readSessionCookie(ctx.request);
        if (old) await ctx.deps.store.revokeAuthSessions(r.memberId, now(), { only: hashSessionId(old) });
        ctx.setCookie(sessionCookie(r.issued.cookieValue, ctx.secure, r.issued.record.expiresAt - r.issued.record.createdAt));
        if (sso) ctx.setCookie(pendingCookie(sso, null, ctx.secure));
        return { step: r.step, memberId: r.memberId, role: r.role, recoveryCodes: r.recoveryCodes };
      }
      if (r.step === 'TOTP_ENROLMENT_REQUIRED') return { step: r.step, totpSecret: r.secret, totpUri: r.uri };
      return { step: r.step };
    },
  },
};

export const ssoModule: ApiModule = { name: 'sso', typeDefs: readSdl('./sso.graphql', import.meta.url), resolvers };
