/**
 * Password sign-in in the built client, in Debian's Chromium, against the real server (demo world):
 * an administrator issues accounts through the API; a member signs in with the one-time password,
 * chooses a new one, signs out; an administrator sets up the authenticator app at the first sign-in
 * (the code computed here from the secret the page shows) and signs in with a code next time; a
 * session revoked from elsewhere stops working at the browser's next request. No token is readable
 * by scripts: the session cookie is HttpOnly and localStorage holds none.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cookieClient, SIGN_IN, totpNow } from '../support/auth-client';
import { open, snap } from './pages';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';
import { demoLogin, gqlData, postGql } from './api';

const poll = pollWithin(20_000, 100);

let server: TestServer;
let page: Page;
let adminToken = '';
const people: Record<string, string> = {};

const api = (query: string, variables: Record<string, unknown> = {}, token = adminToken) => postGql(server.url, query, variables, token);

/** The administrator gives `memberId` an account; returns the one-time password. */
async function issue(memberId: string, loginName: string): Promise<string> {
  const r = await api('mutation ($m: ID!, $l: String!) { createAccount(memberId: $m, loginName: $l) { oneTimePassword } }', { m: memberId, l: loginName });
  expect(r.errors).toBeUndefined();
  return r.data.createAccount.oneTimePassword;
}

async function fillSignIn(loginName: string, password: string) {
  await page.context().clearCookies();
  await open(page, server.url, '/signin');
  await page.reload(); // a fresh document: nothing of the previous person stays in memory
  await page.getByTestId('login-name').fill(loginName);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('password-submit').click();
}

/** Nothing a script can read holds a credential. */
async function expectNoReadableToken(): Promise<void> {
  const { store, cookie } = await page.evaluate(() => ({
    store: Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k)}`)
      .join('\n'),
    cookie: document.cookie,
  }));
  expect(cookie).not.toContain('hongtu_session');
  expect(store).not.toMatch(/eyJ|htpat_|token|hongtu\.session/i);
  const cookies = await page.context().cookies(server.url);
  const session = cookies.find((c) => c.name === 'hongtu_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(store).not.toContain(session!.value);
}

useBrowserSuite(async (s) => {
  ({ server, page } = s);
  const demo = await gqlData<{ demoAccounts: { memberId: string; role: string }[] }>(server.url, '{ demoAccounts { memberId role } }');
  for (const a of demo.demoAccounts) people[a.role] ??= a.memberId;
  adminToken = (await demoLogin(server.url, people.UNIVERSITY_ADMIN)).token;
});

describe('password sign-in in the browser', () => {
  it('a member signs in with a one-time password, must choose a new one, and signs out', async () => {
    const otp = await issue(people.MEMBER!, 's20260001');
    await fillSignIn('s20260001', otp);
    await poll(() => page.getByTestId('new-password').isVisible()).toBe(true);
    await page.getByTestId('new-password').fill('password2026');
    await page.getByTestId('password-submit').click();
    await poll(() => page.getByTestId('signin-policy').textContent()).toMatch(/common or breached/);
    await page.getByTestId('new-password').fill('春眠不觉晓处处闻啼鸟');
    await page.getByTestId('password-submit').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/me');
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(people.MEMBER);
    await expectNoReadableToken();
    await snap(page, 'auth-member-signed-in');
    await page.getByTestId('signout').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/signin');
    await poll(async () => (await page.context().cookies(server.url)).find((c) => c.name === 'hongtu_session')).toBeUndefined();
    // The new password works; the one-time password does not.
    await fillSignIn('s20260001', otp);
    await poll(() => page.getByTestId('signin-failed').isVisible()).toBe(true);
    await fillSignIn('s20260001', '春眠不觉晓处处闻啼鸟');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/me');
  });

  it('an administrator sets up the authenticator app at the first sign-in, then signs in with a code', async () => {
    const otp = await issue(people.COMMITTEE_ADMIN!, 'admin-e2e');
    await fillSignIn('admin-e2e', otp);
    await page.getByTestId('new-password').fill('落霞与孤鹜齐飞秋水共长天一色');
    await page.getByTestId('password-submit').click();
    await poll(() => page.getByTestId('totp-secret').isVisible()).toBe(true);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByTestId('totp-code').fill(await totpNow(secret));
    await page.getByTestId('password-submit').click();
    await poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await snap(page, 'auth-recovery-codes');
    await page.getByTestId('recovery-done').click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/dashboard/);
    await expectNoReadableToken();

    await page.getByTestId('signout').click();
    await fillSignIn('admin-e2e', '落霞与孤鹜齐飞秋水共长天一色');
    await poll(() => page.getByTestId('totp-code').isVisible()).toBe(true);
    await page.getByTestId('totp-code').fill(await totpNow(secret));
    await page.getByTestId('password-submit').click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/dashboard/);
  });

  it("a session revoked elsewhere stops working at the browser's next request", async () => {
    const otp = await issue(people.SECRETARY!, 'sec-e2e');
    const phone = cookieClient(server.url);
    expect((await phone.gql(SIGN_IN, { input: { loginName: 'sec-e2e', password: otp, newPassword: '白日依山尽黄河入海流' } })).body.data.signIn.step).toBe('SIGNED_IN');
    await fillSignIn('sec-e2e', '白日依山尽黄河入海流');
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(people.SECRETARY);
    await open(page, server.url, '/account');
    await poll(() => page.getByTestId('sessions').locator('li').count()).toBe(2);
    // From the other device: sign out everywhere else.
    expect((await phone.gql('mutation { signOutEverywhere }')).body.data.signOutEverywhere).toBe(1);
    // The browser's next request: a fresh document opening the member page.
    await page.goto('about:blank');
    await open(page, server.url, '/me');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/signin');
    await poll(() => page.getByTestId('signin-expired').isVisible()).toBe(true);
    await snap(page, 'auth-revoked');
  });
});
