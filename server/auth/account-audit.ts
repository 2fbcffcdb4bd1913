/**
 * Audit rows of account actions, written through the same access log as personal-data reads
 * (store.appendAccess): who (viewerId; '' for someone not signed in), what (action), and whose
 * account (targetKind Account + member id, or Login + the login name typed when no account has it).
 * Secrets (passwords, codes, session ids, tokens) are never part of a row.
 */
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../../graph';

export type AccountAction =
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_LOCKED'
  | 'SIGN_IN_DISABLED'
  | 'SIGN_OUT'
  | 'SIGN_OUT_EVERYWHERE'
  | 'PASSWORD_CHANGE'
  | 'TOTP_ENROL'
  | 'TOTP_DISABLE'
  | 'RECOVERY_CODE_USED'
  | 'RECOVERY_CODES_RENEW'
  | 'ACCOUNT_CREATE'
  | 'PASSWORD_RESET'
  | 'ACCOUNT_DISABLE'
  | 'ACCOUNT_ENABLE'
  | 'ACCOUNT_DISABLED_ON_EXIT'
  | 'TOKEN_CREATE'
  | 'TOKEN_REVOKE'
  | 'SSO_SIGN_IN'
  | 'SSO_SIGN_IN_FAILED';

export interface AccountAuditRow {
  viewerId: string;
  action: AccountAction;
  /** The account's member id; or, with `login`, the login name of a failed attempt without an account. */
  memberId?: string | null;
  login?: string;
  at: number;
}

export async function auditAccount(store: Pick<GraphStore, 'appendAccess'>, rows: AccountAuditRow[]): Promise<void> {
  await store.appendAccess(
    rows.map((r) => ({
      id: randomUUID(),
      at: r.at,
      viewerId: r.viewerId,
      action: r.action,
      targetKind: r.memberId ? 'Account' : 'Login',
      targetId: r.memberId ? r.memberId : (r.login ?? '').slice(0, 64),
    })),
  );
}
