/** Sign-in, sessions, the account page, personal access tokens and administrators' account actions. */
import type { Account, AccessToken, AuthSession } from '../../graph';
import { createAccountFor, memberInAdminScope, resetPasswordFor, resetTotpFor, setAccountDisabled, signOutEverywhere } from '../auth/account-admin';
import { auditAccount } from '../auth/account-audit';
import { changePassword, confirmTotp, createOwnToken, disableTotp, endOwnSession, readMyAccount, revokeOwnToken, startTotp } from '../auth/account-self';
import { hashSessionId } from '../auth/browser-sessions';
import { clearSessionCookie, readSessionCookie, sessionCookie } from '../auth/cookies';
import { OIDC_START } from '../auth/oidc-routes';
import { signIn } from '../auth/sign-in';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

/** An account as the API shows it (no secrets). */
export const accountInfo = (a: Account, now: number) => ({
  memberId: a.memberId,
  loginName: a.loginName,
  status: a.status,
  mustChangePassword: a.mustChangePassword,
  totpEnabled: a.totpEnabled,
  recoveryCodesLeft: a.recoveryCodeHashes.length,
  locked: now < a.lockedUntil,
  failedAttempts: a.failedAttempts,
  createdAt: a.createdAt,
});
const tokenInfo = (t: AccessToken) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  introspect: t.introspect,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt || null,
  revoked: t.revokedAt !== 0,
});
const sessionInfo = (s: AuthSession, currentId: string | null) => ({
  id: s.id,
  createdAt: s.createdAt,
  lastSeenAt: s.lastSeenAt,
  expiresAt: s.expiresAt,
  method: s.method,
  userAgent: s.userAgent,
  current: s.id === currentId,
});

/** The id of the session this request is signed in with, if it uses the cookie. */
async function currentSessionId(ctx: ApiContext): Promise<string | null> {
  const c = await ctx.credentials();
  return c.kind === 'session' ? c.session.id : null;
}

const now = (ctx: ApiContext) => (ctx.deps.now ?? Date.now)();

const resolvers: Resolvers = {
  Query: {
    // Campus single sign-on when HONGTU_OIDC_ISSUER is set (server/auth/oidc-routes.ts serves the button's address).
    signInOptions: (_, __, ctx) => {
      const sso = ctx.deps.oidc;
      return { password: true, sso: sso ? { label: sso.cfg.label, url: OIDC_START } : null };
    },
    myAccount: async (_, __, ctx) => {
      const s = await ctx.session();
      const mine = await readMyAccount(s);
      const current = await currentSessionId(ctx);
      return {
        account: mine.account && accountInfo(mine.account, s.now()),
        totpRequired: mine.totpRequired,
        sessions: mine.sessions.map((x) => sessionInfo(x, current)),
        accessTokens: mine.tokens.map(tokenInfo),
        tokenMaxDays: ctx.deps.config.auth.tokenMaxDays,
      };
    },
    account: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      await memberInAdminScope(s, memberId);
      const a = await s.store.getAccount(memberId);
      if (a) s.audit.note('READ_ACCOUNT', 'Account', memberId);
      return a && accountInfo(a, s.now());
    },
  },
  Mutation: {
    signIn: async (_, { input }, ctx) => {
      const r = await signIn(
        { store: ctx.deps.store, config: ctx.deps.config, throttle: ctx.signInThrottle, now: () => now(ctx) },
        {
          loginName: input.loginName,
          password: input.password,
          newPassword: input.newPassword,
          totpCode: input.totpCode,
          recoveryCode: input.recoveryCode,
          userAgent: ctx.request.headers.get('user-agent'),
        },
      );
      if (r.step === 'SIGNED_IN') {
        // A new id on every sign-in: a session id planted before sign-in (fixation) is ended.
        const old = readSessionCookie(ctx.request);
        if (old) await ctx.deps.store.revokeAuthSessions(r.memberId, now(ctx), { only: hashSessionId(old) });
        ctx.setCookie(sessionCookie(r.issued.cookieValue, ctx.secure, r.issued.record.expiresAt - r.issued.record.createdAt));
        return { step: r.step, memberId: r.memberId, role: r.role, recoveryCodes: r.recoveryCodes };
      }
      if (r.step === 'TOTP_ENROLMENT_REQUIRED') return { step: r.step, totpSecret: r.secret, totpUri: r.uri };
      return { step: r.step };
    },
    signOut: async (_, __, ctx) => {
      ctx.setCookie(clearSessionCookie(ctx.secure));
      const c = await ctx.credentials().catch(() => null);
      if (c?.kind === 'session') {
        await ctx.deps.store.revokeAuthSessions(c.memberId, now(ctx), { only: c.session.id });
        await auditAccount(ctx.deps.store, [{ viewerId: c.memberId, action: 'SIGN_OUT', memberId: c.memberId, at: now(ctx) }]);
      }
      return true;
    },
    signOutEverywhere: async (_, { memberId }, ctx) => signOutEverywhere(await ctx.session(), memberId ?? null, await currentSessionId(ctx)),
    endSession: async (_, { id }, ctx) => endOwnSession(await ctx.session(), id),
    changePassword: async (_, { currentPassword, newPassword }, ctx) => {
      await changePassword(await ctx.session(), await currentSessionId(ctx), currentPassword, newPassword);
      return true;
    },
    startTotpEnrolment: async (_, __, ctx) => startTotp(await ctx.session(), ctx.deps.config),
    confirmTotpEnrolment: async (_, { code }, ctx) => confirmTotp(await ctx.session(), ctx.deps.config, code),
    disableTotp: async (_, { code }, ctx) => {
      await disableTotp(await ctx.session(), ctx.deps.config, code);
      return true;
    },
    createAccessToken: async (_, { input }, ctx) => {
      const { token, record } = await createOwnToken(await ctx.session(), ctx.deps.config, {
        name: input.name,
        scope: input.scope,
        introspect: input.introspect ?? false,
        days: input.days,
      });
      return { token, accessToken: tokenInfo(record) };
    },
    revokeAccessToken: async (_, { id }, ctx) => {
      await revokeOwnToken(await ctx.session(), id);
      return true;
    },
    createAccount: async (_, { memberId, loginName }, ctx) => {
      const s = await ctx.session();
      const r = await createAccountFor(s, memberId, loginName);
      return { account: accountInfo(r.account, s.now()), oneTimePassword: r.oneTimePassword };
    },
    resetPassword: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      const r = await resetPasswordFor(s, memberId);
      return { account: accountInfo(r.account, s.now()), oneTimePassword: r.oneTimePassword };
    },
    resetTotp: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      return accountInfo(await resetTotpFor(s, memberId), s.now());
    },
    disableAccount: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      return accountInfo(await setAccountDisabled(s, memberId, true), s.now());
    },
    enableAccount: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      return accountInfo(await setAccountDisabled(s, memberId, false), s.now());
    },
  },
};

export const accountModule: ApiModule = { name: 'account', typeDefs: readSdl('auth.graphql', import.meta.url), resolvers };
