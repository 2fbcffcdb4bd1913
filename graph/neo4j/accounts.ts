/**
 * Accounts, browser sessions and personal access tokens on Neo4j (statements in ./accounts-queries).
 *
 * Read-your-writes for credentials on a cluster (graph/causal.ts): a request reads its token or session
 * before it knows its member, so every read of these rows starts after every credential write this process
 * made (CREDENTIALS_SCOPE), and every write (but the last-used stamps) counts for the caller's scope, for
 * CREDENTIALS_SCOPE and for the scope of the member whose credentials they are. A session issued at
 * sign-in, a token just created, a revocation or a disabled account is thus seen by the next request that
 * carries (or loses) the credential, on any follower. A session or token not found is read once more on
 * the leader: it may have been issued by another app process, whose bookmarks this one does not hold, and
 * not be on this follower yet. Only misses (a well-formed but unknown credential) pay that; a row found is
 * never read again there.
 */
import { accountExists, conflict, loginTaken, notFound } from '../errors';
import type { Account, AccountPatch, AccessToken, AuthSession, NewAccount } from '../accounts';
import type { WriteResult } from '../store';
import { ACCOUNT_Q } from './accounts-queries';
import { CREDENTIALS_SCOPE, memberScopeKey, withCredentialScope, withScopesAdded } from '../causal';
import type { Executor, Tx } from './executor';
import { int, num, toAccount, toSession, toToken } from './mapping';
import { str } from '../rows';

const accountParams = (a: NewAccount, now: number) => ({
  memberId: a.memberId,
  loginName: a.loginName.toLowerCase(),
  status: a.status,
  passwordHash: a.passwordHash,
  mustChangePassword: a.mustChangePassword,
  failedAttempts: int(a.failedAttempts),
  lockedUntil: int(a.lockedUntil),
  totpSecret: a.totpSecret,
  totpEnabled: a.totpEnabled,
  recoveryCodeHashes: JSON.stringify(a.recoveryCodeHashes),
  now: int(now),
});
const sessionParams = (s: AuthSession) => ({
  ...s,
  createdAt: int(s.createdAt),
  lastSeenAt: int(s.lastSeenAt),
  expiresAt: int(s.expiresAt),
  revokedAt: int(s.revokedAt),
});
const tokenParams = (t: AccessToken) => ({
  ...t,
  createdAt: int(t.createdAt),
  expiresAt: int(t.expiresAt),
  revokedAt: int(t.revokedAt),
  lastUsedAt: int(t.lastUsedAt),
});

export class AccountOps {
  constructor(private readonly ex: Executor) {}

  private read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return withCredentialScope('read', () => this.ex.read(work));
  }

  /** A write of `memberId`'s account, sessions or tokens: counts for the credentials and for that member's scope. */
  private write<T>(memberId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return withScopesAdded([CREDENTIALS_SCOPE, memberScopeKey(memberId)], () => this.ex.write(work));
  }

  /** One credential row by id: after this process's credential writes, then on the leader when not found. */
  private async credential(query: string, id: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.read((tx) => tx.rows(query, { id }));
    if (row) return row;
    const [again] = await withCredentialScope('read', () => this.ex.readOnLeader((tx) => tx.rows(query, { id })));
    return again ?? null;
  }

  async getAccount(memberId: string): Promise<Account | null> {
    const rows = await this.read((tx) => tx.rows(ACCOUNT_Q.account, { id: memberId }));
    return rows.length ? toAccount(rows[0]!) : null;
  }

  async findAccountByLogin(loginName: string): Promise<Account | null> {
    const rows = await this.read((tx) => tx.rows(ACCOUNT_Q.accountByLogin, { loginName: loginName.toLowerCase() }));
    return rows.length ? toAccount(rows[0]!) : null;
  }

  createAccount(a: NewAccount): Promise<Account> {
    return this.write(a.memberId, async (tx) => {
      const [c] = await tx.rows<{ memberExists: boolean; hasAccount: boolean; loginOwners: string[] }>(ACCOUNT_Q.createCheck, {
        memberId: a.memberId,
        loginName: a.loginName.toLowerCase(),
      });
      if (!c?.memberExists) throw notFound('Member', a.memberId);
      if (c.hasAccount) throw accountExists(a.memberId);
      if (c.loginOwners.length) throw loginTaken(a.loginName);
      const [row] = await tx.rows(ACCOUNT_Q.createAccount, accountParams(a, Date.now()));
      return toAccount(row!);
    });
  }

  updateAccount(memberId: string, patch: AccountPatch): Promise<Account> {
    return this.write(memberId, async (tx) => {
      const [cur] = await tx.rows(ACCOUNT_Q.account, { id: memberId });
      if (!cur) throw notFound('Account', memberId);
      const prev = toAccount(cur);
      if (patch.loginName !== undefined) {
        const owners = await tx.rows(ACCOUNT_Q.accountByLogin, { loginName: patch.loginName.toLowerCase() });
        if (owners.some((o) => str(o.memberId) !== memberId)) throw loginTaken(patch.loginName);
      }
      const [row] = await tx.rows(ACCOUNT_Q.updateAccount, accountParams({ ...prev, ...patch, memberId }, Math.max(Date.now(), prev.updatedAt)));
      return toAccount(row!);
    });
  }

  async addFailedSignIn(memberId: string): Promise<number> {
    const rows = await this.write(memberId, (tx) => tx.rows<{ n: unknown }>(ACCOUNT_Q.addFailure, { id: memberId }));
    if (!rows.length) throw notFound('Account', memberId);
    return num(rows[0]!.n);
  }

  async createAuthSession(s: AuthSession): Promise<WriteResult> {
    await this.write(s.memberId, (tx) => tx.write(ACCOUNT_Q.createSession, sessionParams(s)));
    return { created: true };
  }

  async getAuthSession(id: string): Promise<AuthSession | null> {
    const row = await this.credential(ACCOUNT_Q.session, id);
    return row ? toSession(row) : null;
  }

  async touchAuthSession(id: string, at: number): Promise<void> {
    await this.ex.write((tx) => tx.write(ACCOUNT_Q.touchSession, { id, at: int(at) }));
  }

  async revokeAuthSessions(memberId: string, at: number, opts: { only?: string; except?: string } = {}): Promise<number> {
    const rows = await this.write(memberId, (tx) =>
      tx.rows<{ n: unknown }>(ACCOUNT_Q.revokeSessions, {
        memberId,
        at: int(at),
        onlyId: opts.only ?? null,
        exceptId: opts.except ?? null,
      }),
    );
    return rows.length ? num(rows[0]!.n) : 0;
  }

  async listAuthSessions(memberId: string, now: number): Promise<AuthSession[]> {
    return (await this.read((tx) => tx.rows(ACCOUNT_Q.listSessions, { memberId, now: int(now) }))).map(toSession);
  }

  createAccessToken(t: AccessToken): Promise<WriteResult> {
    return this.write(t.memberId, async (tx) => {
      const [c] = await tx.rows<{ memberExists: boolean; taken: boolean }>(ACCOUNT_Q.tokenCheck, { memberId: t.memberId, id: t.id });
      if (!c?.memberExists) throw notFound('Member', t.memberId);
      if (c.taken) throw conflict('A token with this id already exists');
      await tx.write(ACCOUNT_Q.createToken, tokenParams(t));
      return { created: true };
    });
  }

  async getAccessToken(id: string): Promise<AccessToken | null> {
    const row = await this.credential(ACCOUNT_Q.token, id);
    return row ? toToken(row) : null;
  }

  async listAccessTokens(memberId: string): Promise<AccessToken[]> {
    return (await this.read((tx) => tx.rows(ACCOUNT_Q.listTokens, { memberId }))).map(toToken);
  }

  async revokeAccessTokens(memberId: string, at: number, opts: { only?: string } = {}): Promise<number> {
    const rows = await this.write(memberId, (tx) => tx.rows<{ n: unknown }>(ACCOUNT_Q.revokeTokens, { memberId, at: int(at), onlyId: opts.only ?? null }));
    return rows.length ? num(rows[0]!.n) : 0;
  }

  async touchAccessToken(id: string, at: number): Promise<void> {
    await this.ex.write((tx) => tx.write(ACCOUNT_Q.touchToken, { id, at: int(at) }));
  }
}
