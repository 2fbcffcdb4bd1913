/**
 * Administrators' account actions, within scope: a committee administrator for members of the
 * committee's branches, a university administrator for everyone; never for someone whose role
 * outranks their own. Create an account (with a one-time password), reset a password (a new one-time
 * password; sessions end; the lock clears), remove a lost authenticator app, disable and re-enable,
 * sign someone out everywhere. Each is audited. `disableAccountOnExit` is the hook for a member who
 * leaves the university (transfer out).
 */
import type { Account } from '../../graph';
import { ROLES, type Member } from '../../graph';
import type { GraphStore } from '../../graph';
import { badInput, forbidden, notFound } from '../errors';
import { type AccountAction, auditAccount } from './account-audit';
import { newOneTimePassword } from './one-time-password';
import { hashPassword } from './passwords';
import { canManageBranch } from './scope';
import type { Session } from './session';

export const ADMIN_ROLES = ['COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'];

/** The member, when the viewer may administer their account; FORBIDDEN (or NOT_FOUND) otherwise. */
export async function memberInAdminScope(s: Session, memberId: string): Promise<Member> {
  if (!ADMIN_ROLES.includes(s.viewer.role)) throw forbidden('Only committee or university administrators manage accounts');
  const [m] = await s.store.getMembersByIds([memberId]);
  if (!m || !canManageBranch(s.viewer, m.branchId)) throw notFound('Member', memberId);
  if (ROLES.indexOf(m.role) > ROLES.indexOf(s.viewer.role)) throw forbidden(`You may not manage the account of member "${memberId}": their role outranks yours`);
  return m;
}

async function accountOf(s: Session, memberId: string): Promise<Account> {
  const a = await s.store.getAccount(memberId);
  if (!a) throw notFound('Account', memberId);
  return a;
}

const audit = (s: Session, action: AccountAction, memberId: string) => auditAccount(s.store, [{ viewerId: s.viewer.memberId, action, memberId, at: s.now() }]);

/** Create the member's account; returns the one-time password (shown once). */
export async function createAccountFor(s: Session, memberId: string, loginName: string): Promise<{ account: Account; oneTimePassword: string }> {
  await memberInAdminScope(s, memberId);
  const login = loginName.trim().toLowerCase();
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(login)) {
    throw badInput('loginName', 'loginName must be 2–64 letters, digits or . _ @ - (usually the staff or student number)');
  }
  const oneTimePassword = newOneTimePassword();
  const account = await s.store.createAccount({
    memberId,
    loginName: login,
    status: 'ACTIVE',
    passwordHash: await hashPassword(oneTimePassword),
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: 0,
    totpSecret: null,
    totpEnabled: false,
    recoveryCodeHashes: [],
  });
  await audit(s, 'ACCOUNT_CREATE', memberId);
  return { account, oneTimePassword };
}

/** A new one-time password; the account's sessions end and its lock clears. */
export async function resetPasswordFor(s: Session, memberId: string): Promise<{ account: Account; oneTimePassword: string }> {
  await memberInAdminScope(s, memberId);
  await accountOf(s, memberId);
  const oneTimePassword = newOneTimePassword();
  const account = await s.store.updateAccount(memberId, {
    passwordHash: await hashPassword(oneTimePassword),
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: 0,
  });
  await s.store.revokeAuthSessions(memberId, s.now());
  await audit(s, 'PASSWORD_RESET', memberId);
  return { account, oneTimePassword };
}

/** Remove a lost authenticator app: the next sign-in enrols a new one (or goes without, where optional). */
export async function resetTotpFor(s: Session, memberId: string): Promise<Account> {
  await memberInAdminScope(s, memberId);
  await accountOf(s, memberId);
  const account = await s.store.updateAccount(memberId, { totpEnabled: false, totpSecret: null, recoveryCodeHashes: [] });
  await s.store.revokeAuthSessions(memberId, s.now());
  await audit(s, 'TOTP_DISABLE', memberId);
  return account;
}

export async function setAccountDisabled(s: Session, memberId: string, disabled: boolean): Promise<Account> {
  await memberInAdminScope(s, memberId);
  if (disabled && memberId === s.viewer.memberId) throw badInput('memberId', 'You cannot disable your own account');
  await accountOf(s, memberId);
  const account = await s.store.updateAccount(memberId, { status: disabled ? 'DISABLED' : 'ACTIVE', failedAttempts: 0, lockedUntil: 0 });
  if (disabled) {
    await s.store.revokeAuthSessions(memberId, s.now());
    await s.store.revokeAccessTokens(memberId, s.now());
  }
  await audit(s, disabled ? 'ACCOUNT_DISABLE' : 'ACCOUNT_ENABLE', memberId);
  return account;
}

/**
 * End every session: the person's own (keeping `keepSessionId`, the one asking), or — for an
 * administrator in scope — another member's sessions and personal access tokens. Returns how many ended.
 */
export async function signOutEverywhere(s: Session, memberId: string | null, keepSessionId: string | null): Promise<number> {
  const target = memberId ?? s.viewer.memberId;
  let n: number;
  if (target === s.viewer.memberId) {
    n = await s.store.revokeAuthSessions(target, s.now(), keepSessionId ? { except: keepSessionId } : {});
  } else {
    await memberInAdminScope(s, target);
    n = await s.store.revokeAuthSessions(target, s.now());
    n += await s.store.revokeAccessTokens(target, s.now());
  }
  await audit(s, 'SIGN_OUT_EVERYWHERE', target);
  return n;
}

/**
 * A member left the university (transferred out): their account is disabled and every session and
 * token ends. No-op without an account. `viewerId` is who recorded the departure.
 */
export async function disableAccountOnExit(store: GraphStore, memberId: string, viewerId: string, at: number): Promise<void> {
  const a = await store.getAccount(memberId);
  if (!a) return;
  if (a.status !== 'DISABLED') await store.updateAccount(memberId, { status: 'DISABLED' });
  await store.revokeAuthSessions(memberId, at);
  await store.revokeAccessTokens(memberId, at);
  await auditAccount(store, [{ viewerId, action: 'ACCOUNT_DISABLED_ON_EXIT', memberId, at }]);
}
