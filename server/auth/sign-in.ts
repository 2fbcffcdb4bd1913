/**
 * Password sign-in, one step at a time. Each call sends the login name and password again (the
 * client keeps them in memory only), plus what the previous answer asked for:
 *   PASSWORD_CHANGE_REQUIRED  the password was a one-time password from an administrator: send newPassword;
 *   TOTP_ENROLMENT_REQUIRED   an administrator role needs an authenticator app: scan the secret, send totpCode;
 *   TOTP_REQUIRED             send totpCode (or a recoveryCode);
 *   SIGNED_IN                 a new session was issued (and recovery codes, once, after an enrolment).
 * Nothing changes until every step passes. An unknown login name, a missing password and a wrong one
 * give the same answer after the same argon2 work; the bookkeeping of a failure (counter, lock,
 * audit row) runs after the answer, so it does not change the timing either.
 */
import type { Account } from '../../graph';
import type { Role } from '../../graph';
import type { GraphStore } from '../../graph';
import type { Config } from '../config';
import { badInput, rateLimited, unauthenticated } from '../errors';
import { type AccountAction, auditAccount } from './account-audit';
import { issueSession, type IssuedSession } from './browser-sessions';
import { lockDuration, type SignInThrottle } from './lockout';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { checkPasswordPolicy } from './password-policy';
import { checkTotp, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri, useRecoveryCode } from './totp';

/** Roles that must sign in with a second factor. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'];

export interface SignInInput {
  loginName: string;
  password: string;
  newPassword?: string | null;
  totpCode?: string | null;
  recoveryCode?: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { step: 'SIGNED_IN'; memberId: string; role: Role; issued: IssuedSession; recoveryCodes: string[] | null }
  | { step: 'PASSWORD_CHANGE_REQUIRED' }
  | { step: 'TOTP_REQUIRED' }
  | { step: 'TOTP_ENROLMENT_REQUIRED'; secret: string; uri: string };

export interface SignInDeps {
  store: GraphStore;
  config: Readonly<Config>;
  throttle: SignInThrottle;
  now: () => number;
}

const WRONG = 'Wrong login name or password';

export async function signIn(deps: SignInDeps, input: SignInInput): Promise<SignInResult> {
  const name = input.loginName.trim().toLowerCase();
  if (!name || name.length > 64) throw badInput('loginName', 'loginName must be 1–64 characters: your staff or student number');
  if (!input.password || input.password.length > 256) throw badInput('password', 'password must be 1–256 characters');
  return deps.throttle.serial(name, () => attempt(deps, name, input));
}

async function attempt(deps: SignInDeps, name: string, input: SignInInput): Promise<{ result: SignInResult } | { error: Error; after: Promise<unknown> }> {
  const { store, throttle } = deps;
  const now = deps.now();
  const account = await store.findAccountByLogin(name);
  const lockedUntil = account ? account.lockedUntil : throttle.unknownLockedUntil(name);
  if (now < lockedUntil) {
    const after = auditAccount(store, [{ viewerId: '', action: 'SIGN_IN_LOCKED', memberId: account?.memberId, login: name, at: now }]);
    return { error: rateLimited('Too many failed sign-ins with this login name; wait and try again', (lockedUntil - now) / 1000), after };
  }
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash()), input.password);
  if (!account?.passwordHash || !ok) return fail(deps, account, name, now, 'SIGN_IN_FAILED', WRONG);
  if (account.status !== 'ACTIVE') {
    const after = auditAccount(store, [{ viewerId: '', action: 'SIGN_IN_DISABLED', memberId: account.memberId, at: now }]);
    return { error: unauthenticated('This account is disabled; ask your branch secretary or an administrator'), after };
  }
  const [member] = await store.getMembersByIds([account.memberId]);
  if (!member) return fail(deps, account, name, now, 'SIGN_IN_FAILED', WRONG);

  let passwordHash = account.passwordHash;
  if (account.mustChangePassword) {
    if (!input.newPassword) return { result: { step: 'PASSWORD_CHANGE_REQUIRED' } };
    checkPasswordPolicy(input.newPassword, name);
    if (input.newPassword === input.password) throw badInput('newPassword', 'newPassword must differ from the one-time password');
    passwordHash = await hashPassword(input.newPassword);
  }

  const patch: Partial<Account> = { failedAttempts: 0, lockedUntil: 0, passwordHash, mustChangePassword: false };
  let recoveryCodes: string[] | null = null;
  let method = 'PASSWORD';
  const secret = account.totpSecret ? openTotpSecret(deps.config.jwtSecret, account.totpSecret) : null;
  if (account.totpEnabled) {
    method = 'PASSWORD_TOTP';
    if (input.recoveryCode) {
      const left = await useRecoveryCode(account.recoveryCodeHashes, input.recoveryCode);
      if (!left) return fail(deps, account, name, now, 'SIGN_IN_FAILED', 'Wrong recovery code');
      patch.recoveryCodeHashes = left;
      method = 'PASSWORD_RECOVERY_CODE';
    } else if (!input.totpCode) {
      return { result: { step: 'TOTP_REQUIRED' } };
    } else if (!secret || !(await checkTotp(secret, input.totpCode))) {
      return fail(deps, account, name, now, 'SIGN_IN_FAILED', 'Wrong authenticator code');
    }
  } else if (TOTP_REQUIRED_ROLES.includes(member.role)) {
    // Enrolment: a pending secret is kept (encrypted) until a code from it is confirmed.
    if (!secret || !input.totpCode) {
      const fresh = secret ?? newTotpSecret();
      if (!secret) await store.updateAccount(account.memberId, { totpSecret: sealTotpSecret(deps.config.jwtSecret, fresh) });
      return { result: { step: 'TOTP_ENROLMENT_REQUIRED', secret: fresh, uri: totpUri(fresh, name) } };
    }
    if (!(await checkTotp(secret, input.totpCode))) return fail(deps, account, name, now, 'SIGN_IN_FAILED', 'Wrong authenticator code');
    const rc = await newRecoveryCodes();
    patch.totpEnabled = true;
    patch.recoveryCodeHashes = rc.hashes;
    recoveryCodes = rc.codes;
    method = 'PASSWORD_TOTP';
  }

  await store.updateAccount(account.memberId, patch);
  const issued = await issueSession(store, deps.config.auth, { memberId: member.id, role: member.role, method, userAgent: input.userAgent, now });
  const rows: { action: AccountAction }[] = [{ action: 'SIGN_IN' }];
  if (account.mustChangePassword) rows.push({ action: 'PASSWORD_CHANGE' });
  if (recoveryCodes) rows.push({ action: 'TOTP_ENROL' });
  if (method === 'PASSWORD_RECOVERY_CODE') rows.push({ action: 'RECOVERY_CODE_USED' });
  await auditAccount(
    store,
    rows.map((r) => ({ viewerId: member.id, action: r.action, memberId: member.id, at: now })),
  );
  return { result: { step: 'SIGNED_IN', memberId: member.id, role: member.role, issued, recoveryCodes } };
}

/** A failed attempt: the answer now, the counting (and lock) and audit row after it. */
function fail(deps: SignInDeps, account: Account | null, name: string, now: number, action: AccountAction, message: string) {
  const { store, throttle } = deps;
  const after = (async () => {
    if (account) {
      const n = await store.addFailedSignIn(account.memberId);
      const d = lockDuration(n);
      if (d) await store.updateAccount(account.memberId, { lockedUntil: now + d });
    } else {
      throttle.failUnknown(name, now);
    }
    await auditAccount(store, [{ viewerId: '', action, memberId: account?.memberId, login: name, at: now }]);
  })();
  return { error: unauthenticated(message), after };
}
