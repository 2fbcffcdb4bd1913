/**
 * What a signed-in person does with their own account: read it, change the password, enrol or drop
 * the authenticator app, renew recovery codes, list and end their sessions, and manage personal
 * access tokens. Every change is audited (account-audit.ts).
 */
import type { Account, AccessToken, AuthSession, TokenScope } from '../../graph';
import type { Config } from '../config';
import { badInput, forbidden, notFound, unauthenticated } from '../errors';
import { auditAccount } from './account-audit';
import { createAccessToken } from './access-tokens';
import { hashPassword, verifyPassword } from './passwords';
import { checkPasswordPolicy } from './password-policy';
import type { Session } from './session';
import { TOTP_REQUIRED_ROLES } from './sign-in';
import { checkTotp, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from './totp';

export interface MyAccount {
  account: Account | null;
  sessions: AuthSession[];
  tokens: AccessToken[];
  totpRequired: boolean;
}

export async function readMyAccount(s: Session): Promise<MyAccount> {
  const id = s.viewer.memberId;
  const [account, sessions, tokens] = await Promise.all([s.store.getAccount(id), s.store.listAuthSessions(id, s.now()), s.store.listAccessTokens(id)]);
  return { account, sessions, tokens, totpRequired: TOTP_REQUIRED_ROLES.includes(s.viewer.role) };
}

async function ownAccount(s: Session): Promise<Account> {
  const a = await s.store.getAccount(s.viewer.memberId);
  if (!a) throw notFound('Account', s.viewer.memberId);
  return a;
}

/** Change the password; every other session of the person ends. */
export async function changePassword(s: Session, currentSessionId: string | null, current: string, next: string): Promise<void> {
  const a = await ownAccount(s);
  if (!a.passwordHash || !(await verifyPassword(a.passwordHash, current))) {
    throw badInput('currentPassword', 'currentPassword is not your current password');
  }
  checkPasswordPolicy(next, a.loginName);
  await s.store.updateAccount(a.memberId, { passwordHash: await hashPassword(next), mustChangePassword: false });
  await s.store.revokeAuthSessions(a.memberId, s.now(), currentSessionId ? { except: currentSessionId } : {});
  await auditAccount(s.store, [{ viewerId: a.memberId, action: 'PASSWORD_CHANGE', memberId: a.memberId, at: s.now() }]);
}

/** Start (or restart) enrolling an authenticator app; the secret is confirmed by `confirmTotp`. */
export async function startTotp(s: Session, config: Readonly<Config>): Promise<{ secret: string; uri: string }> {
  const a = await ownAccount(s);
  if (a.totpEnabled) throw badInput('totp', 'An authenticator app is already set up; remove it first to set up another');
  const secret = newTotpSecret();
  await s.store.updateAccount(a.memberId, { totpSecret: sealTotpSecret(config.jwtSecret, secret) });
  return { secret, uri: totpUri(secret, a.loginName) };
}

/** Confirm enrolment with a current code; returns the recovery codes (shown once). */
export async function confirmTotp(s: Session, config: Readonly<Config>, code: string): Promise<string[]> {
  const a = await ownAccount(s);
  const secret = a.totpSecret ? openTotpSecret(config.jwtSecret, a.totpSecret) : null;
  if (a.totpEnabled || !secret) throw badInput('code', 'Start setting up an authenticator app first');
  if (!(await checkTotp(secret, code))) throw badInput('code', "code is not the current code of your authenticator app; check the phone's clock");
  const rc = await newRecoveryCodes();
  await s.store.updateAccount(a.memberId, { totpEnabled: true, recoveryCodeHashes: rc.hashes });
  await auditAccount(s.store, [{ viewerId: a.memberId, action: 'TOTP_ENROL', memberId: a.memberId, at: s.now() }]);
  return rc.codes;
}

/** Remove the authenticator app (not for roles that require it). */
export async function disableTotp(s: Session, config: Readonly<Config>, code: string): Promise<void> {
  if (TOTP_REQUIRED_ROLES.includes(s.viewer.role)) throw forbidden('Your role must sign in with an authenticator app; it cannot be removed');
  const a = await ownAccount(s);
  const secret = a.totpSecret ? openTotpSecret(config.jwtSecret, a.totpSecret) : null;
  if (!a.totpEnabled || !secret) throw badInput('code', 'No authenticator app is set up');
  if (!(await checkTotp(secret, code))) throw badInput('code', 'code is not the current code of your authenticator app');
  await s.store.updateAccount(a.memberId, { totpEnabled: false, totpSecret: null, recoveryCodeHashes: [] });
  await auditAccount(s.store, [{ viewerId: a.memberId, action: 'TOTP_DISABLE', memberId: a.memberId, at: s.now() }]);
}

/** End one of the person's own sessions (by its listed id). */
export async function endOwnSession(s: Session, sessionId: string): Promise<boolean> {
  const n = await s.store.revokeAuthSessions(s.viewer.memberId, s.now(), { only: sessionId });
  if (n) await auditAccount(s.store, [{ viewerId: s.viewer.memberId, action: 'SIGN_OUT', memberId: s.viewer.memberId, at: s.now() }]);
  return n > 0;
}

export async function createOwnToken(
  s: Session,
  config: Readonly<Config>,
  input: { name: string; scope: TokenScope; introspect: boolean; days: number },
): Promise<{ token: string; record: AccessToken }> {
  const out = await createAccessToken(s.store, s.viewer.memberId, input, config.auth.tokenMaxDays, s.now());
  await auditAccount(s.store, [{ viewerId: s.viewer.memberId, action: 'TOKEN_CREATE', memberId: s.viewer.memberId, at: s.now() }]);
  return out;
}

export async function revokeOwnToken(s: Session, id: string): Promise<void> {
  const n = await s.store.revokeAccessTokens(s.viewer.memberId, s.now(), { only: id });
  if (!n) throw notFound('AccessToken', id);
  await auditAccount(s.store, [{ viewerId: s.viewer.memberId, action: 'TOKEN_REVOKE', memberId: s.viewer.memberId, at: s.now() }]);
}

export const requireSignedIn = (memberId: string | null): string => {
  if (!memberId) throw unauthenticated();
  return memberId;
};
