/**
 * Accounts, browser sessions and personal access tokens: the part of the store that sign-in uses.
 * Secrets never reach the store in the clear: passwords and recovery codes as argon2id hashes,
 * session ids and token secrets as SHA-256 hashes, the TOTP secret encrypted by the server.
 */
import type { WriteResult } from './store';

export type AccountStatus = 'ACTIVE' | 'DISABLED';

/** One per member. `loginName` is what the person types (their staff or student number). */
export interface Account {
  memberId: string;
  /** Unique; compared lower-cased. Campus SSO maps its configured claim onto it. */
  loginName: string;
  status: AccountStatus;
  /** argon2id PHC string; null when the account signs in through campus SSO only. */
  passwordHash: string | null;
  /** Set by an administrator's one-time password: the next sign-in must choose a new password. */
  mustChangePassword: boolean;
  /** Wrong passwords since the last successful sign-in. */
  failedAttempts: number;
  /** Epoch ms before which password sign-in is refused; 0 when not locked. */
  lockedUntil: number;
  /** Encrypted TOTP secret (server/auth/secret-box.ts); null when not enrolled. */
  totpSecret: string | null;
  /** True once an enrolment was confirmed with a valid code. */
  totpEnabled: boolean;
  /** argon2id hashes of the unused recovery codes. */
  recoveryCodeHashes: string[];
  createdAt: number;
  updatedAt: number;
}

export type NewAccount = Omit<Account, 'createdAt' | 'updatedAt'>;
export type AccountPatch = Partial<Omit<Account, 'memberId' | 'createdAt' | 'updatedAt'>>;

/** A browser session; `id` is the SHA-256 (hex) of the cookie value, never the value itself. */
export interface AuthSession {
  id: string;
  memberId: string;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end (epoch ms), whatever the activity. */
  expiresAt: number;
  /** Epoch ms of sign-out or revocation; 0 while live. */
  revokedAt: number;
  /** The member's role when the session id was issued; a change of role issues a new id. */
  role: string;
  /** How the person signed in: PASSWORD, PASSWORD_TOTP, SSO or DEMO. */
  method: string;
  /** Browser's User-Agent at sign-in (cut to 200 characters), to recognise sessions in a list. */
  userAgent: string;
}

export type TokenScope = 'READ' | 'READ_WRITE';

/** A personal access token; the secret part is kept only as `secretHash` (SHA-256, hex). */
export interface AccessToken {
  /** Public id, also the token's middle part (`htpat_<id>_<secret>`). */
  id: string;
  memberId: string;
  name: string;
  secretHash: string;
  scope: TokenScope;
  /** May read the schema (introspection) when the server offers it to developers. */
  introspect: boolean;
  createdAt: number;
  expiresAt: number;
  revokedAt: number;
  lastUsedAt: number;
}

/** Store operations for accounts, sessions and tokens (both adapters; graph/contract/accounts.contract.ts). */
export interface AccountStore {
  getAccount(memberId: string): Promise<Account | null>;
  /** Look up by login name (case-insensitive). */
  findAccountByLogin(loginName: string): Promise<Account | null>;
  /** NOT_FOUND for an unknown member; CONFLICT when the member has an account or the login name is taken. */
  createAccount(a: NewAccount): Promise<Account>;
  /** NOT_FOUND without an account; CONFLICT when a new login name is taken. */
  updateAccount(memberId: string, patch: AccountPatch): Promise<Account>;
  /** Add one failed attempt in one statement (safe under concurrency); returns the new count. */
  addFailedSignIn(memberId: string): Promise<number>;

  /** CONFLICT when the id exists. */
  createAuthSession(s: AuthSession): Promise<WriteResult>;
  getAuthSession(id: string): Promise<AuthSession | null>;
  /** Record activity (last seen); no-op for unknown ids. */
  touchAuthSession(id: string, at: number): Promise<void>;
  /**
   * Revoke live sessions of a member at `at`: all of them, only `only`, or all but `except`.
   * Returns how many were revoked.
   */
  revokeAuthSessions(memberId: string, at: number, opts?: { only?: string; except?: string }): Promise<number>;
  /** Sessions of a member that are not revoked and not past `expiresAt` at `now`, newest first. */
  listAuthSessions(memberId: string, now: number): Promise<AuthSession[]>;

  /** CONFLICT when the id exists; NOT_FOUND for an unknown member. */
  createAccessToken(t: AccessToken): Promise<WriteResult>;
  getAccessToken(id: string): Promise<AccessToken | null>;
  /** Tokens of a member, newest first (revoked and expired ones too). */
  listAccessTokens(memberId: string): Promise<AccessToken[]>;
  /** Revoke live tokens of a member (all, or only `only`); returns how many. */
  revokeAccessTokens(memberId: string, at: number, opts?: { only?: string }): Promise<number>;
  touchAccessToken(id: string, at: number): Promise<void>;
}
