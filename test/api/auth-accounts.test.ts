/**
 * Accounts over real HTTP on a real Kuzu store: an administrator creates an account with a one-time
 * password, the first sign-in forces a new password (policy enforced), the session cookie is
 * HttpOnly/SameSite=Strict and counts only with the CSRF header, sign-out and sign-out-everywhere end
 * sessions at the next request, a change of role issues a new session id, and administrators act only
 * within their scope, each action audited.
 */
import { describe, expect, it } from 'vitest';
import { disableAccountOnExit } from '../../server/auth/account-admin';
import { argon2Verifications } from '../../server/auth/passwords';
import { codes, useApiWorld } from '../support/api-world';
import { cookieClient, SIGN_IN, totpNow } from '../support/auth-client';

// These tests sign in far more often than the per-address sign-in limit allows one address; that limit has its own tests.
const t = useApiWorld({ env: { HONGTU_RATE_SIGN_IN: '1000000' } });
const GOOD = 'correct horse battery staple';
const VIEWER = '{ viewer { member { id } role } }';

async function issue(memberId: string, loginName: string, by: 'uadmin' | 'cadmin' = 'uadmin'): Promise<string> {
  const r = await t.as(by)('mutation ($m: ID!, $l: String!) { createAccount(memberId: $m, loginName: $l) { oneTimePassword account { loginName status mustChangePassword } } }', {
    m: memberId,
    l: loginName,
  });
  expect(codes(r)).toEqual([]);
  expect(r.body.data.createAccount.account).toEqual({ loginName: loginName.toLowerCase(), status: 'ACTIVE', mustChangePassword: true });
  return r.body.data.createAccount.oneTimePassword;
}

/** Sign a fresh client in as `loginName` (first sign-in: change the one-time password). */
async function signedIn(loginName: string, otp: string, newPassword = GOOD) {
  const c = cookieClient(t.server.url);
  const r = await c.gql(SIGN_IN, { input: { loginName, password: otp, newPassword } });
  expect(r.body.data.signIn.step).toBe('SIGNED_IN');
  return c;
}

describe('first sign-in with a one-time password', () => {
  it('asks for a new password, refuses a weak one without changing anything, then signs in with a cookie', async () => {
    const otp = await issue('m-a', 'S2024001');
    const c = cookieClient(t.server.url);
    const first = await c.gql(SIGN_IN, { input: { loginName: 's2024001', password: otp } });
    expect(first.body.data.signIn).toMatchObject({ step: 'PASSWORD_CHANGE_REQUIRED', memberId: null });
    expect(c.lastSetCookie).toEqual([]);
    for (const [weak, msg] of [
      ['short1', /at least 10/],
      ['password2024!', /common or breached/],
      ['woaini1314520', /common or breached/],
      ['my-s2024001-pw', /login name/],
    ] as const) {
      const r = await c.gql(SIGN_IN, { input: { loginName: 's2024001', password: otp, newPassword: weak } });
      expect(codes(r), weak).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0]).toMatchObject({ message: expect.stringMatching(msg), extensions: { field: 'newPassword' } });
    }
    expect(await t.store.getAccount('m-a')).toMatchObject({ mustChangePassword: true, failedAttempts: 0 });
    expect(c.cookie).toBeNull();

    const ok = await c.gql(SIGN_IN, { input: { loginName: 'S2024001', password: otp, newPassword: GOOD } });
    expect(ok.body.data.signIn).toEqual({ step: 'SIGNED_IN', memberId: 'm-a', role: 'MEMBER', totpSecret: null, totpUri: null, recoveryCodes: null });
    expect(c.lastSetCookie).toHaveLength(1);
    expect(c.lastSetCookie[0]).toMatch(/^hongtu_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect((await c.gql(VIEWER)).body.data.viewer).toEqual({ member: { id: 'm-a' }, role: 'MEMBER' });
    // The one-time password no longer works; the new one does.
    const again = cookieClient(t.server.url);
    expect(codes(await again.gql(SIGN_IN, { input: { loginName: 's2024001', password: otp, newPassword: 'another good password' } }))).toEqual(['UNAUTHENTICATED']);
    expect((await again.gql(SIGN_IN, { input: { loginName: 's2024001', password: GOOD } })).body.data.signIn.step).toBe('SIGNED_IN');
    const stored = (await t.store.getAccount('m-a'))!;
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.mustChangePassword).toBe(false);
    const audit = (await t.store.listAccess({ targetId: 'm-a', limit: 50 })).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['ACCOUNT_CREATE', 'SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_IN_FAILED']));
  });
});

describe('the session cookie', () => {
  it('counts only with the CSRF header, and is stored only as a hash', async () => {
    const c = await signedIn('s-b', await issue('m-b', 's-b'));
    const noHeader = await c.gql(VIEWER, {}, { csrf: false });
    expect(codes(noHeader)).toEqual(['FORBIDDEN']);
    expect(noHeader.body.data).toBeNull();
    const value = c.cookie!.split('=')[1]!;
    const sessions = await t.store.listAuthSessions('m-b', Date.now());
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.id)).not.toContain(value);
    expect(JSON.stringify(sessions)).not.toContain(value);
  });

  it('stops working at the next request after sign-out, and after sign-out-everywhere from another browser', async () => {
    const otp = await issue('m-c', 't-c', 'cadmin');
    const phone = await signedIn('t-c', otp);
    const laptop = cookieClient(t.server.url);
    expect((await laptop.gql(SIGN_IN, { input: { loginName: 't-c', password: GOOD } })).body.data.signIn.step).toBe('SIGNED_IN');
    const desk = cookieClient(t.server.url);
    await desk.gql(SIGN_IN, { input: { loginName: 't-c', password: GOOD } });
    const mine = await laptop.gql('{ myAccount { sessions { current method } } }');
    expect(mine.body.data.myAccount.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(mine.body.data.myAccount.sessions).toHaveLength(3);

    const kept = phone.cookie;
    expect((await phone.gql('mutation { signOut }')).body.data.signOut).toBe(true);
    expect(phone.lastSetCookie[0]).toMatch(/Max-Age=0/);
    phone.cookie = kept; // a copy of the cookie taken before sign-out
    expect(codes(await phone.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
    // The answer to a dead session's cookie clears it, so the browser stops sending it.
    expect(phone.lastSetCookie.join('\n')).toMatch(/hongtu_session=;.*Max-Age=0/);
    expect(phone.cookie).toBeNull();

    expect((await laptop.gql('mutation { signOutEverywhere }')).body.data.signOutEverywhere).toBe(1);
    expect(codes(await desk.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
    expect((await laptop.gql(VIEWER)).body.data.viewer.member.id).toBe('m-c');
  });

  it("gets a new id when the member's role changes; the old id stops working", async () => {
    const c = await signedIn('s-cm', await issue('m-cm', 's-cm'));
    const before = c.cookie;
    await t.store.updateMember('m-cm', { role: 'SECRETARY' });
    try {
      const r = await c.gql(VIEWER);
      expect(r.body.data.viewer.role).toBe('SECRETARY');
      expect(c.cookie).not.toBe(before);
      const stale = cookieClient(t.server.url);
      stale.cookie = before;
      expect(codes(await stale.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
      expect((await c.gql(VIEWER)).body.data.viewer.role).toBe('SECRETARY');
    } finally {
      await t.store.updateMember('m-cm', { role: 'COMMITTEE_MEMBER' });
    }
  });
});

describe('wrong passwords', () => {
  it('answer the same for an unknown name and a wrong password, then lock with backoff before argon2', async () => {
    await issue('m-d', 's-d');
    const c = cookieClient(t.server.url);
    const unknown = await c.gql(SIGN_IN, { input: { loginName: 'nobody-here', password: 'whatever it is' } });
    const wrong = await c.gql(SIGN_IN, { input: { loginName: 's-d', password: 'whatever it is' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    for (let i = 0; i < 4; i++) await c.gql(SIGN_IN, { input: { loginName: 's-d', password: `wrong ${i}` } });
    const before = argon2Verifications();
    const locked = await c.gql(SIGN_IN, { input: { loginName: 's-d', password: 'still wrong' } });
    expect(locked.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(20);
    expect(argon2Verifications()).toBe(before);
    // An unknown name locks the same way, so a lock reveals nothing.
    for (let i = 0; i < 4; i++) await c.gql(SIGN_IN, { input: { loginName: 'nobody-here', password: `wrong ${i}` } });
    expect(codes(await c.gql(SIGN_IN, { input: { loginName: 'nobody-here', password: 'x' } }))).toEqual(['RATE_LIMITED']);
    expect(await t.store.getAccount('m-d')).toMatchObject({ failedAttempts: 5, lockedUntil: expect.any(Number) });
    const failed = await t.store.listAccess({ targetId: 'nobody-here', limit: 20 });
    expect(failed.map((r) => r.action)).toContain('SIGN_IN_FAILED');
  });
});

describe('authenticator app (TOTP)', () => {
  it("is set up at an administrator's first sign-in, then required; a recovery code works once", async () => {
    const otp = await issue('m-cadmin', 'admin-c1');
    const c = cookieClient(t.server.url);
    const input = { loginName: 'admin-c1', password: otp, newPassword: GOOD };
    const enrol = await c.gql(SIGN_IN, { input });
    expect(enrol.body.data.signIn).toMatchObject({ step: 'TOTP_ENROLMENT_REQUIRED', totpSecret: expect.stringMatching(/^[A-Z2-7]{16,}$/) });
    expect(enrol.body.data.signIn.totpUri).toMatch(/^otpauth:\/\/totp\//);
    const secret = enrol.body.data.signIn.totpSecret as string;
    expect((await t.store.getAccount('m-cadmin'))!.totpSecret).not.toContain(secret);
    expect(codes(await c.gql(SIGN_IN, { input: { ...input, totpCode: '000000' } }))).toEqual(['UNAUTHENTICATED']);
    expect(c.cookie).toBeNull();
    const done = await c.gql(SIGN_IN, { input: { ...input, totpCode: await totpNow(secret) } });
    expect(done.body.data.signIn.step).toBe('SIGNED_IN');
    const recovery = done.body.data.signIn.recoveryCodes as string[];
    expect(recovery).toHaveLength(10);

    const next = cookieClient(t.server.url);
    expect((await next.gql(SIGN_IN, { input: { loginName: 'admin-c1', password: GOOD } })).body.data.signIn.step).toBe('TOTP_REQUIRED');
    expect((await next.gql(SIGN_IN, { input: { loginName: 'admin-c1', password: GOOD, totpCode: await totpNow(secret) } })).body.data.signIn.step).toBe('SIGNED_IN');
    const viaCode = cookieClient(t.server.url);
    expect((await viaCode.gql(SIGN_IN, { input: { loginName: 'admin-c1', password: GOOD, recoveryCode: recovery[3] } })).body.data.signIn.step).toBe('SIGNED_IN');
    expect(codes(await viaCode.gql(SIGN_IN, { input: { loginName: 'admin-c1', password: GOOD, recoveryCode: recovery[3] } }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.store.getAccount('m-cadmin'))!.recoveryCodeHashes).toHaveLength(9);
    expect(codes(await next.gql('mutation ($c: String!) { disableTotp(code: $c) }', { c: await totpNow(secret) }))).toEqual(['FORBIDDEN']);
    await t.store.updateAccount('m-cadmin', { failedAttempts: 0, lockedUntil: 0 });
  });
});

describe('personal access tokens', () => {
  it('are shown once, scoped, bounded in lifetime, and revoked at the next request', async () => {
    const c = await signedIn('s-sec', await issue('m-sec', 's-sec'));
    const make = 'mutation ($i: CreateAccessTokenInput!) { createAccessToken(input: $i) { token accessToken { id name scope revoked } } }';
    const tooLong = await c.gql(make, { i: { name: '脚本', scope: 'READ', days: 400 } });
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
    expect(tooLong.body.errors[0].extensions.field).toBe('days');
    const r = await c.gql(make, { i: { name: '统计脚本', scope: 'READ', days: 30 } });
    const { token, accessToken } = r.body.data.createAccessToken;
    // The secret is the whole part after the id: it may itself hold '_' (base64url), so it is not split('_').pop().
    const secret = /^htpat_[A-Za-z0-9]{16}_([A-Za-z0-9_-]{43})$/.exec(token)?.[1];
    expect(secret, `token ${token}`).toHaveLength(43);
    expect(accessToken).toMatchObject({ name: '统计脚本', scope: 'READ', revoked: false });
    expect(JSON.stringify(await t.store.getAccessToken(accessToken.id))).not.toContain(secret);
    expect((await t.server.gql('{ member(id: "m-a") { name } }', {}, token)).body.data.member.name).toBe('张三');
    const write = await t.server.gql('mutation { updateMember(id: "m-a", input: { name: "改名" }) { id } }', {}, token);
    expect(codes(write)).toEqual(['FORBIDDEN']);
    expect((await t.store.getMembersByIds(['m-a']))[0]!.name).toBe('张三');
    expect((await c.gql('mutation ($id: ID!) { revokeAccessToken(id: $id) }', { id: accessToken.id })).body.data.revokeAccessToken).toBe(true);
    expect(codes(await t.server.gql('{ member(id: "m-a") { name } }', {}, token))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('administrators', () => {
  it('act only within their scope, and a disabled account ends its sessions at once', async () => {
    expect(codes(await t.as('cadmin')('mutation { createAccount(memberId: "m-d", loginName: "x-d") { oneTimePassword } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('sec')('mutation { resetPassword(memberId: "m-a") { oneTimePassword } }'))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('cadmin')('mutation { resetPassword(memberId: "m-uadmin") { oneTimePassword } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('uadmin')('mutation { createAccount(memberId: "m-a", loginName: "again") { oneTimePassword } }'))).toEqual(['CONFLICT']);
    // m-b has an account from an earlier test: a reset issues a new one-time password.
    const reset = await t.as('cadmin')('mutation { resetPassword(memberId: "m-b") { oneTimePassword account { mustChangePassword } } }');
    expect(reset.body.data.resetPassword.account.mustChangePassword).toBe(true);
    const b = await signedIn('s-b', reset.body.data.resetPassword.oneTimePassword, 'a different good password');
    const dis = await t.as('cadmin')('mutation { disableAccount(memberId: "m-b") { status } }');
    expect(dis.body.data.disableAccount.status).toBe('DISABLED');
    expect(codes(await b.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
    const again = cookieClient(t.server.url);
    const r = await again.gql(SIGN_IN, { input: { loginName: 's-b', password: 'a different good password' } });
    expect(r.body.errors[0].message).toMatch(/disabled/);
    const rows = (await t.store.listAccess({ viewerId: 'm-cadmin', targetId: 'm-b', limit: 10 })).map((x) => x.action);
    expect(rows).toContain('ACCOUNT_DISABLE');
  });
});

describe('a member who leaves the university', () => {
  it('has the account disabled, sessions and tokens revoked, and the departure audited', async () => {
    // m-a's account (s2024001) exists from the first test.
    const r = await t.as('uadmin')('mutation { resetPassword(memberId: "m-a") { oneTimePassword } }');
    const c = await signedIn('s2024001', r.body.data.resetPassword.oneTimePassword, 'leaving good password');
    const tok = await c.gql('mutation { createAccessToken(input: { name: "x", scope: READ, days: 1 }) { token } }');
    const token = tok.body.data.createAccessToken.token as string;
    await disableAccountOnExit(t.store, 'm-a', 'm-sec', Date.now());
    expect((await t.store.getAccount('m-a'))!.status).toBe('DISABLED');
    expect(codes(await c.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.server.gql(VIEWER, {}, token))).toEqual(['UNAUTHENTICATED']);
    expect((await t.store.listAccess({ viewerId: 'm-sec', targetId: 'm-a', limit: 5 })).map((r) => r.action)).toContain('ACCOUNT_DISABLED_ON_EXIT');
  });
});
