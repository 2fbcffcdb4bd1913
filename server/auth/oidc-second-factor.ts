/**
 * The second factor after campus sign-on, for roles that need an authenticator app (committee and
 * university administrators), unless HONGTU_OIDC_TRUST_IDP_MFA says the identity service's own
 * multi-factor sign-in is enough. The callback leaves a pending cookie (sealed member id, 5 minutes,
 * HttpOnly, SameSite=Strict); the sign-in page then asks for the code and sends `completeSsoSignIn`,
 * which works like the TOTP steps of password sign-in: the code (or a recovery code), or the app's
 * enrolment when none is set up yet. Wrong codes count toward the account's lock as wrong passwords do.
 * A pending sign-on completes once.
 */
import { randomUUID } from 'node:crypto';
import type { Account } from '../../graph';
import { AppError, badInput, rateLimited, unauthenticated } from '../errors';
import { type AccountAction, auditAccount } from './account-audit';
import { issueSession } from './browser-sessions';
import { lockDuration } from './lockout';
import type { OidcSignIn } from './oidc';
import { open, seal } from './secret-box';
import type { SignInDeps, SignInResult } from './sign-in';
import { checkTotp, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri, useRecoveryCode } from './totp';

const PENDING = 'hongtu_sso_pending';
const PURPOSE = 'oidc-pending';
export const PENDING_MS = 5 * 60_000;

interface Pending {
  id: string;
  memberId: string;
  expiresAt: number;
}

/** Set-Cookie for a pending second factor of `memberId` (or, with null, one that removes it). */
export function pendingCookie(sso: OidcSignIn, memberId: string | null, secure: boolean): string {
  const value = memberId ? seal(sso.secret, PURPOSE, JSON.stringify({ id: randomUUID(), memberId, expiresAt: sso.now() + PENDING_MS })) : '';
  const name = secure ? `__Host-${PENDING}` : PENDING;
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${memberId ? PENDING_MS / 1000 : 0}${secure ? '; Secure' : ''}`;
}

function readPending(sso: OidcSignIn, request: Request): Pending | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (eq < 0 || (name !== PENDING && name !== `__Host-${PENDING}`)) continue;
    const text = open(sso.secret, PURPOSE, part.slice(eq + 1).trim());
    if (!text) return null;
    try {
      const p = JSON.parse(text) as Pending;
      return typeof p.memberId === 'string' && p.expiresAt > sso.now() ? p : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** UNAUTHENTICATED with `ssoExpired`, so the page can tell it from a wrong code. */
const expired = () =>
  new AppError('UNAUTHENTICATED', 'Your campus sign-on is no longer pending (it expired, was completed, or this browser did not start it); sign in again', { ssoExpired: true });

export async function completeSsoSignIn(
  deps: SignInDeps,
  sso: OidcSignIn | null,
  request: Request,
  input: { totpCode?: string | null; recoveryCode?: string | null },
): Promise<SignInResult> {
  const pending = sso ? readPending(sso, request) : null;
  if (!sso || !pending || sso.pendingUsed(pending.id)) throw expired();
  const { store, config } = deps;
  const now = deps.now();
  const account = await store.getAccount(pending.memberId);
  if (account?.status !== 'ACTIVE') throw unauthenticated('This account is disabled; ask your branch secretary or an administrator');
  const [member] = await store.getMembersByIds([account.memberId]);
  if (!member) throw expired();
  if (now < account.lockedUntil) throw rateLimited('Too many wrong codes for this account; wait and try again', (account.lockedUntil - now) / 1000);

  const patch: Partial<Account> = { failedAttempts: 0, lockedUntil: 0 };
  const rows: AccountAction[] = ['SSO_SIGN_IN'];
  let recoveryCodes: string[] | null = null;
  let method = 'SSO_TOTP';
  const secret = account.totpSecret ? openTotpSecret(config.jwtSecret, account.totpSecret) : null;
  if (account.totpEnabled) {
    if (input.recoveryCode) {
      const left = await useRecoveryCode(account.recoveryCodeHashes, input.recoveryCode);
      if (!left) return wrong(deps, account, 'Wrong recovery code');
      patch.recoveryCodeHashes = left;
      method = 'SSO_RECOVERY_CODE';
      rows.push('RECOVERY_CODE_USED');
    } else if (!input.totpCode) {
      return { step: 'TOTP_REQUIRED' };
    } else if (!secret || !(await checkTotp(secret, input.totpCode))) {
      return wrong(deps, account, 'Wrong authenticator code');
    }
  } else {
    if (input.recoveryCode) throw badInput('recoveryCode', 'No authenticator app is set up yet: send totpCode from the app you are adding');
    if (!secret || !input.totpCode) {
      const fresh = secret ?? newTotpSecret();
      if (!secret) await store.updateAccount(account.memberId, { totpSecret: sealTotpSecret(config.jwtSecret, fresh) });
      return { step: 'TOTP_ENROLMENT_REQUIRED', secret: fresh, uri: totpUri(fresh, account.loginName) };
    }
    if (!(await checkTotp(secret, input.totpCode))) return wrong(deps, account, 'Wrong authenticator code');
    const rc = await newRecoveryCodes();
    patch.totpEnabled = true;
    patch.recoveryCodeHashes = rc.hashes;
    recoveryCodes = rc.codes;
    rows.push('TOTP_ENROL');
  }
  // Used before anything is issued, so two concurrent completions cannot both get a session.
  if (!sso.usePending(pending.id, pending.expiresAt)) throw expired();
  await store.updateAccount(account.memberId, patch);
  const issued = await issueSession(store, config.auth, { memberId: member.id, role: member.role, method, userAgent: request.headers.get('user-agent'), now });
  await auditAccount(
    store,
    rows.map((action) => ({ viewerId: member.id, action, memberId: member.id, at: now })),
  );
  return { step: 'SIGNED_IN', memberId: member.id, role: member.role, issued, recoveryCodes };
}

/** A wrong code: counted toward the lock, audited, answered UNAUTHENTICATED. */
async function wrong(deps: SignInDeps, account: Account, message: string): Promise<never> {
  const now = deps.now();
  const n = await deps.store.addFailedSignIn(account.memberId);
  const d = lockDuration(n);
  if (d) await deps.store.updateAccount(account.memberId, { lockedUntil: now + d });
  await auditAccount(deps.store, [{ viewerId: '', action: 'SSO_SIGN_IN_FAILED', memberId: account.memberId, at: now }]);
  throw unauthenticated(message);
}
