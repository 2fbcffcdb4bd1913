/**
 * Accounts, sessions and personal access tokens on Kuzu: three node tables keyed by member id,
 * session-id hash and token id (schema.ts, version 2). Kuzu has no secondary index, so a look-up
 * by login name scans the Account table (one row per member with an account).
 */
import { accountExists, conflict, loginTaken, notFound } from '../errors';
import type { Account, AccountPatch, AccessToken, AuthSession, NewAccount } from '../accounts';
import type { WriteResult } from '../store';
import type { KuzuExecutor, Runner } from './executor';
import { exists } from './guards';
import { num, str, toAccount, toSession, toToken } from './mapping';

const ACCOUNT_COLUMNS = `a.id AS memberId, a.loginName AS loginName, a.status AS status, a.passwordHash AS passwordHash,
  a.mustChangePassword AS mustChangePassword, a.failedAttempts AS failedAttempts, a.lockedUntil AS lockedUntil,
  a.totpSecret AS totpSecret, a.totpEnabled AS totpEnabled, a.recoveryCodeHashes AS recoveryCodeHashes,
  a.createdAt AS createdAt, a.updatedAt AS updatedAt`;
const SESSION_COLUMNS = `s.id AS id, s.memberId AS memberId, s.createdAt AS createdAt, s.lastSeenAt AS lastSeenAt,
  s.expiresAt AS expiresAt, s.revokedAt AS revokedAt, s.role AS role, s.method AS method, s.userAgent AS userAgent`;
const TOKEN_COLUMNS = `t.id AS id, t.memberId AS memberId, t.name AS name, t.secretHash AS secretHash, t.scope AS scope,
  t.introspect AS introspect, t.createdAt AS createdAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt,
  t.lastUsedAt AS lastUsedAt`;

const Q = {
  account: `MATCH (a:Account {id: $id}) RETURN ${ACCOUNT_COLUMNS}`,
  accountByLogin: `MATCH (a:Account) WHERE a.loginName = $loginName RETURN ${ACCOUNT_COLUMNS}`,
  createAccount: `CREATE (:Account {id: $memberId, loginName: $loginName, status: $status, passwordHash: $passwordHash,
    mustChangePassword: $mustChangePassword, failedAttempts: $failedAttempts, lockedUntil: $lockedUntil,
    totpSecret: $totpSecret, totpEnabled: $totpEnabled, recoveryCodeHashes: $recoveryCodeHashes,
    createdAt: $now, updatedAt: $now})`,
  updateAccount: `MATCH (a:Account {id: $memberId}) SET a.loginName = $loginName, a.status = $status,
    a.passwordHash = $passwordHash, a.mustChangePassword = $mustChangePassword, a.failedAttempts = $failedAttempts,
    a.lockedUntil = $lockedUntil, a.totpSecret = $totpSecret, a.totpEnabled = $totpEnabled,
    a.recoveryCodeHashes = $recoveryCodeHashes, a.updatedAt = $now`,
  addFailure: `MATCH (a:Account {id: $id}) SET a.failedAttempts = a.failedAttempts + 1 RETURN a.failedAttempts AS n`,
  createSession: `CREATE (:AuthSession {id: $id, memberId: $memberId, createdAt: $createdAt, lastSeenAt: $lastSeenAt,
    expiresAt: $expiresAt, revokedAt: $revokedAt, role: $role, method: $method, userAgent: $userAgent})`,
  session: `MATCH (s:AuthSession {id: $id}) RETURN ${SESSION_COLUMNS}`,
  touchSession: `MATCH (s:AuthSession {id: $id}) SET s.lastSeenAt = $at`,
  revokeSessions: `MATCH (s:AuthSession) WHERE s.memberId = $memberId AND s.revokedAt = 0
    AND ($onlyId = '' OR s.id = $onlyId) AND ($exceptId = '' OR s.id <> $exceptId)
    SET s.revokedAt = $at RETURN count(s) AS n`,
  listSessions: `MATCH (s:AuthSession) WHERE s.memberId = $memberId AND s.revokedAt = 0 AND s.expiresAt > $now
    RETURN ${SESSION_COLUMNS} ORDER BY s.createdAt DESC, s.id`,
  createToken: `CREATE (:AccessToken {id: $id, memberId: $memberId, name: $name, secretHash: $secretHash, scope: $scope,
    introspect: $introspect, createdAt: $createdAt, expiresAt: $expiresAt, revokedAt: $revokedAt, lastUsedAt: $lastUsedAt})`,
  token: `MATCH (t:AccessToken {id: $id}) RETURN ${TOKEN_COLUMNS}`,
  listTokens: `MATCH (t:AccessToken) WHERE t.memberId = $memberId RETURN ${TOKEN_COLUMNS} ORDER BY t.createdAt DESC, t.id`,
  revokeTokens: `MATCH (t:AccessToken) WHERE t.memberId = $memberId AND t.revokedAt = 0 AND ($onlyId = '' OR t.id = $onlyId)
    SET t.revokedAt = $at RETURN count(t) AS n`,
  touchToken: `MATCH (t:AccessToken {id: $id}) SET t.lastUsedAt = $at`,
} as const;

const accountParams = (a: NewAccount, now: number) => ({
  memberId: a.memberId,
  loginName: a.loginName.toLowerCase(),
  status: a.status,
  passwordHash: a.passwordHash,
  mustChangePassword: a.mustChangePassword,
  failedAttempts: a.failedAttempts,
  lockedUntil: a.lockedUntil,
  totpSecret: a.totpSecret,
  totpEnabled: a.totpEnabled,
  recoveryCodeHashes: JSON.stringify(a.recoveryCodeHashes),
  now,
});

export class AccountQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  private readAccount(r: Runner, memberId: string) {
    return r.run(Q.account, { id: memberId }).then((rows) => (rows.length ? toAccount(rows[0]) : null));
  }

  getAccount(memberId: string): Promise<Account | null> {
    return this.readAccount({ run: (q, p) => this.ex.read(q, p) }, memberId);
  }

  async findAccountByLogin(loginName: string): Promise<Account | null> {
    const rows = await this.ex.read(Q.accountByLogin, { loginName: loginName.toLowerCase() });
    return rows.length ? toAccount(rows[0]) : null;
  }

  async createAccount(a: NewAccount): Promise<Account> {
    return this.ex.write(async (tx) => {
      if (!(await exists(tx, 'Member', a.memberId))) throw notFound('Member', a.memberId);
      if (await this.readAccount(tx, a.memberId)) throw accountExists(a.memberId);
      await this.checkLoginFree(tx, a.loginName, a.memberId);
      await tx.run(Q.createAccount, accountParams(a, Date.now()));
      return (await this.readAccount(tx, a.memberId))!;
    });
  }

  async updateAccount(memberId: string, patch: AccountPatch): Promise<Account> {
    return this.ex.write(async (tx) => {
      const cur = await this.readAccount(tx, memberId);
      if (!cur) throw notFound('Account', memberId);
      const next = { ...cur, ...patch, memberId };
      if (patch.loginName !== undefined) await this.checkLoginFree(tx, patch.loginName, memberId);
      await tx.run(Q.updateAccount, accountParams(next, Math.max(Date.now(), cur.updatedAt)));
      return (await this.readAccount(tx, memberId))!;
    });
  }

  private async checkLoginFree(tx: Runner, loginName: string, memberId: string): Promise<void> {
    const rows = await tx.run(Q.accountByLogin, { loginName: loginName.toLowerCase() });
    if (rows.some((r) => str(r.memberId) !== memberId)) throw loginTaken(loginName);
  }

  async addFailedSignIn(memberId: string): Promise<number> {
    const rows = await this.ex.write((tx) => tx.run(Q.addFailure, { id: memberId }));
    if (!rows.length) throw notFound('Account', memberId);
    return num(rows[0].n);
  }

  async createAuthSession(s: AuthSession): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if ((await tx.run(Q.session, { id: s.id })).length) throw conflict('A session with this id already exists');
      await tx.run(Q.createSession, { ...s });
      return { created: true };
    });
  }

  async getAuthSession(id: string): Promise<AuthSession | null> {
    const rows = await this.ex.read(Q.session, { id });
    return rows.length ? toSession(rows[0]) : null;
  }

  async touchAuthSession(id: string, at: number): Promise<void> {
    await this.ex.write((tx) => tx.run(Q.touchSession, { id, at }));
  }

  async revokeAuthSessions(memberId: string, at: number, opts: { only?: string; except?: string } = {}): Promise<number> {
    const rows = await this.ex.write((tx) => tx.run(Q.revokeSessions, { memberId, at, onlyId: opts.only ?? '', exceptId: opts.except ?? '' }));
    return num(rows[0]?.n);
  }

  async listAuthSessions(memberId: string, now: number): Promise<AuthSession[]> {
    return (await this.ex.read(Q.listSessions, { memberId, now })).map(toSession);
  }

  async createAccessToken(t: AccessToken): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if (!(await exists(tx, 'Member', t.memberId))) throw notFound('Member', t.memberId);
      if ((await tx.run(Q.token, { id: t.id })).length) throw conflict('A token with this id already exists');
      await tx.run(Q.createToken, { ...t });
      return { created: true };
    });
  }

  async getAccessToken(id: string): Promise<AccessToken | null> {
    const rows = await this.ex.read(Q.token, { id });
    return rows.length ? toToken(rows[0]) : null;
  }

  async listAccessTokens(memberId: string): Promise<AccessToken[]> {
    return (await this.ex.read(Q.listTokens, { memberId })).map(toToken);
  }

  async revokeAccessTokens(memberId: string, at: number, opts: { only?: string } = {}): Promise<number> {
    const rows = await this.ex.write((tx) => tx.run(Q.revokeTokens, { memberId, at, onlyId: opts.only ?? '' }));
    return num(rows[0]?.n);
  }

  async touchAccessToken(id: string, at: number): Promise<void> {
    await this.ex.write((tx) => tx.run(Q.touchToken, { id, at }));
  }
}
