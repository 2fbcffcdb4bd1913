/** Accounts, browser sessions and personal access tokens. */
import { describe, expect, it } from 'vitest';
import type { AccessToken, AuthSession, NewAccount } from '../accounts';
import type { GetStore } from './index';
import { expectCode, snapshot, T0, DAY } from './fixtures';

const account = (memberId: string, loginName: string): NewAccount => ({
  memberId,
  loginName,
  status: 'ACTIVE',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  mustChangePassword: true,
  failedAttempts: 0,
  lockedUntil: 0,
  totpSecret: null,
  totpEnabled: false,
  recoveryCodeHashes: [],
});
const session = (id: string, memberId: string, createdAt: number): AuthSession => ({
  id,
  memberId,
  createdAt,
  lastSeenAt: createdAt,
  expiresAt: createdAt + DAY,
  revokedAt: 0,
  role: 'MEMBER',
  method: 'PASSWORD',
  userAgent: 'test',
});
const token = (id: string, memberId: string, createdAt: number): AccessToken => ({
  id,
  memberId,
  name: `token ${id}`,
  secretHash: 'ab'.repeat(32),
  scope: 'READ',
  introspect: false,
  createdAt,
  expiresAt: createdAt + 30 * DAY,
  revokedAt: 0,
  lastUsedAt: 0,
});

export function accountsContract(get: GetStore): void {
  describe('accounts', () => {
    it('creates one account per member, found by member id and by login name in any case', async () => {
      const s = get();
      const a = await s.createAccount(account('m-01', 'T2024001'));
      expect(a).toMatchObject({ ...account('m-01', 't2024001'), createdAt: expect.any(Number) });
      expect(await s.getAccount('m-01')).toEqual(a);
      expect(await s.findAccountByLogin('t2024001')).toEqual(a);
      expect(await s.findAccountByLogin('T2024001')).toEqual(a);
      expect(await s.findAccountByLogin('nobody')).toBeNull();
      expect(await s.getAccount('m-02')).toBeNull();
    });

    it('refuses a second account, a taken login name and an unknown member, writing nothing', async () => {
      const s = get();
      await s.createAccount(account('m-01', 'alice'));
      const before = await snapshot(s);
      await expectCode(s.createAccount(account('m-01', 'other')), 'CONFLICT', /m-01/);
      await expectCode(s.createAccount(account('m-02', 'ALICE')), 'CONFLICT', /ALICE/);
      await expectCode(s.createAccount(account('ghost', 'ghost')), 'NOT_FOUND', /ghost/);
      expect(await snapshot(s)).toEqual(before);
      expect(await s.getAccount('m-02')).toBeNull();
    });

    it('updates fields, keeps the rest, and refuses an unknown account or a taken login name', async () => {
      const s = get();
      await s.createAccount(account('m-01', 'alice'));
      await s.createAccount(account('m-02', 'bob'));
      const u = await s.updateAccount('m-01', {
        status: 'DISABLED',
        passwordHash: null,
        mustChangePassword: false,
        lockedUntil: T0,
        totpSecret: 'enc:x',
        totpEnabled: true,
        recoveryCodeHashes: ['h1', 'h2'],
      });
      expect(u).toMatchObject({
        memberId: 'm-01',
        loginName: 'alice',
        status: 'DISABLED',
        passwordHash: null,
        mustChangePassword: false,
        lockedUntil: T0,
        totpSecret: 'enc:x',
        totpEnabled: true,
        recoveryCodeHashes: ['h1', 'h2'],
      });
      expect(await s.getAccount('m-01')).toEqual(u);
      await expectCode(s.updateAccount('m-03', { status: 'DISABLED' }), 'NOT_FOUND', /m-03/);
      await expectCode(s.updateAccount('m-01', { loginName: 'BOB' }), 'CONFLICT', /BOB/);
      expect((await s.getAccount('m-01'))!.loginName).toBe('alice');
    });

    it('counts concurrent failed sign-ins without losing one', async () => {
      const s = get();
      await s.createAccount(account('m-01', 'alice'));
      const counts = await Promise.all(Array.from({ length: 10 }, () => s.addFailedSignIn('m-01')));
      expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await s.getAccount('m-01'))!.failedAttempts).toBe(10);
      await expectCode(s.addFailedSignIn('m-02'), 'NOT_FOUND');
    });
  });

  describe('browser sessions', () => {
    it('stores, touches, lists live ones newest first, and revokes all, one, or all but one', async () => {
      const s = get();
      await s.createAuthSession(session('h1', 'm-01', T0));
      await s.createAuthSession(session('h2', 'm-01', T0 + 1000));
      await s.createAuthSession(session('h3', 'm-01', T0 + 2000));
      await s.createAuthSession(session('hx', 'm-02', T0));
      await s.createAuthSession({ ...session('old', 'm-01', T0 - 2 * DAY) });
      await expectCode(s.createAuthSession(session('h1', 'm-01', T0)), 'CONFLICT');
      await s.touchAuthSession('h1', T0 + 5000);
      expect(await s.getAuthSession('h1')).toEqual({ ...session('h1', 'm-01', T0), lastSeenAt: T0 + 5000 });
      expect(await s.getAuthSession('nope')).toBeNull();
      expect((await s.listAuthSessions('m-01', T0 + 3000)).map((x) => x.id)).toEqual(['h3', 'h2', 'h1']);
      expect(await s.revokeAuthSessions('m-01', T0 + 4000, { only: 'h2' })).toBe(1);
      expect((await s.getAuthSession('h2'))!.revokedAt).toBe(T0 + 4000);
      expect(await s.revokeAuthSessions('m-01', T0 + 5000, { except: 'h3' })).toBe(2); // h1 and the expired one
      expect((await s.listAuthSessions('m-01', T0 + 6000)).map((x) => x.id)).toEqual(['h3']);
      expect(await s.revokeAuthSessions('m-01', T0 + 7000)).toBe(1);
      expect(await s.listAuthSessions('m-01', T0 + 8000)).toEqual([]);
      expect((await s.getAuthSession('h2'))!.revokedAt).toBe(T0 + 4000);
      expect((await s.listAuthSessions('m-02', T0 + 8000)).map((x) => x.id)).toEqual(['hx']);
    });
  });

  describe('personal access tokens', () => {
    it("stores, lists newest first, touches and revokes one or all of a member's tokens", async () => {
      const s = get();
      await s.createAccessToken(token('t1', 'm-01', T0));
      await s.createAccessToken({ ...token('t2', 'm-01', T0 + 1000), scope: 'READ_WRITE', introspect: true });
      await s.createAccessToken(token('t3', 'm-02', T0));
      await expectCode(s.createAccessToken(token('t1', 'm-02', T0)), 'CONFLICT');
      await expectCode(s.createAccessToken(token('t9', 'ghost', T0)), 'NOT_FOUND', /ghost/);
      expect(await s.getAccessToken('t9')).toBeNull();
      expect(await s.getAccessToken('t2')).toEqual({ ...token('t2', 'm-01', T0 + 1000), scope: 'READ_WRITE', introspect: true });
      expect((await s.listAccessTokens('m-01')).map((t) => t.id)).toEqual(['t2', 't1']);
      await s.touchAccessToken('t1', T0 + 50);
      expect((await s.getAccessToken('t1'))!.lastUsedAt).toBe(T0 + 50);
      expect(await s.revokeAccessTokens('m-01', T0 + 60, { only: 't1' })).toBe(1);
      expect(await s.revokeAccessTokens('m-02', T0 + 60, { only: 't2' })).toBe(0);
      expect(await s.revokeAccessTokens('m-01', T0 + 70)).toBe(1);
      expect((await s.listAccessTokens('m-01')).map((t) => [t.id, t.revokedAt])).toEqual([
        ['t2', T0 + 70],
        ['t1', T0 + 60],
      ]);
      expect((await s.getAccessToken('t3'))!.revokedAt).toBe(0);
    });
  });
}
