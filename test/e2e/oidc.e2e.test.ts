/**
 * Campus single sign-on in the built client, in Debian's Chromium, against the real server (demo world)
 * and a real OpenID Connect provider (oidc-provider, started here). The provider is named `localhost`
 * and Hongtu `127.0.0.1`, so they are different sites, as on a campus: the SameSite=Strict session cookie
 * must still work after the provider's cross-site redirect. A member clicks the 统一身份认证 button, signs in
 * on the provider's page, consents and lands signed in; an unknown number lands on the sign-in page with the
 * reason; an administrator also sets up and enters Hongtu's authenticator code.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { totpNow } from '../support/auth-client';
import { CLAIM, CLIENT_ID, CLIENT_SECRET, startProvider, type TestProvider } from '../support/oidc-provider';
import type { LaunchedBrowser } from './browser';
import { open, snap } from './pages';
import { freePort, type TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';
import { postGql } from './api';

const poll = pollWithin(30_000, 100);

let server: TestServer;
let provider: TestProvider;
let browser: LaunchedBrowser;
let page: Page;
let adminToken = '';
const people: Record<string, string> = {};

const api = (query: string, variables: Record<string, unknown> = {}, token = adminToken) => postGql(server.url, query, variables, token);

useBrowserSuite(
  async (s) => {
    ({ server, browser, page } = s);
    // The provider's development pages import a web font from the internet; this machine may have none.
    await browser.context.route(
      (u) => u.hostname !== '127.0.0.1' && u.hostname !== 'localhost',
      (r) => r.abort(),
    );
    const demo = await api('{ demoAccounts { memberId role } }', {}, '');
    for (const a of demo.data.demoAccounts as { memberId: string; role: string }[]) people[a.role] ??= a.memberId;
    adminToken = (await api('mutation ($m: ID!) { login(memberId: $m) { token } }', { m: people.UNIVERSITY_ADMIN }, '')).data.login.token;
    for (const [memberId, loginName] of [
      [people.MEMBER, 's2026sso1'],
      [people.COMMITTEE_ADMIN, 'sso-admin'],
    ]) {
      const r = await api('mutation ($m: ID!, $l: String!) { createAccount(memberId: $m, loginName: $l) { oneTimePassword } }', { m: memberId, l: loginName });
      expect(r.errors).toBeUndefined();
    }
  },
  {
    // The provider first: the server is configured with its issuer and calls back to the server's port.
    server: async () => {
      const port = await freePort();
      provider = await startProvider(
        `http://127.0.0.1:${port}/auth/oidc/callback`,
        {
          zhang: 'S2026SSO1',
          nobody: 's2099999',
          boss: 'sso-admin',
        },
        'localhost',
      );
      return {
        port,
        env: {
          HONGTU_OIDC_ISSUER: provider.issuer,
          HONGTU_OIDC_CLIENT_ID: CLIENT_ID,
          HONGTU_OIDC_CLIENT_SECRET: CLIENT_SECRET,
          HONGTU_OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/auth/oidc/callback`,
          HONGTU_OIDC_CLAIM: CLAIM,
          HONGTU_OIDC_LABEL: '统一身份认证',
        },
      };
    },
  },
);

afterAll(async () => {
  await provider?.close();
});

/** From Hongtu's sign-in page through the provider's sign-in and consent pages as `login`. */
async function signOnAs(login: string): Promise<void> {
  await page.context().clearCookies(); // Hongtu's and the provider's: a fresh person
  await open(page, server.url, '/signin');
  await page.reload();
  const button = page.getByTestId('sso-start');
  await poll(() => button.textContent()).toBe('统一身份认证');
  await button.click();
  await page.waitForURL((u) => u.origin === provider.issuer, { waitUntil: 'commit' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('campus password');
  await page.locator('button[type="submit"]').click();
  await poll(() => page.locator('input[name="prompt"]').getAttribute('value')).toBe('consent');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.origin === server.url, { waitUntil: 'commit' });
}

describe('campus single sign-on in the browser', () => {
  it('the server discovered the provider at start (its log says so)', async () => {
    await poll(() => server.log()).toContain(`Campus single sign-on: provider ${provider.issuer} discovered`);
  });

  it('a member clicks 统一身份认证, signs in at the campus provider and lands signed in', async () => {
    await signOnAs('zhang');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/me');
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(people.MEMBER);
    const cookies = await page.context().cookies(server.url);
    expect(cookies.find((c) => c.name === 'hongtu_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.find((c) => c.name === 'hongtu_oidc')).toBeUndefined();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await snap(page, 'oidc-member-signed-in');
    // A reload keeps the session (the cookie is sent on same-site requests).
    await page.reload();
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(people.MEMBER);
  });

  it('a number without an account lands on the sign-in page with the reason, not signed in', async () => {
    await signOnAs('nobody');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/signin?sso=sso_unknown');
    await poll(() => page.getByTestId('sso-refused').textContent()).toContain('还没有账户');
    await poll(() => page.getByTestId('sso-start').isVisible()).toBe(true);
    expect((await page.context().cookies(server.url)).find((c) => c.name === 'hongtu_session')).toBeUndefined();
    await snap(page, 'oidc-unknown-number');
    // The same reason in English; Chinese is restored whatever happens.
    try {
      await page.getByTestId('locale').selectOption('en');
      await poll(() => page.getByTestId('sso-refused').textContent()).toContain('has no Hongtu account yet');
    } finally {
      await page.getByTestId('locale').selectOption('zh-CN');
    }
  });

  it("an administrator sets up and enters Hongtu's authenticator code after the provider", async () => {
    await signOnAs('boss');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/signin?sso=totp');
    await poll(() => page.getByTestId('totp-secret').isVisible()).toBe(true);
    expect((await page.context().cookies(server.url)).find((c) => c.name === 'hongtu_session')).toBeUndefined();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByTestId('totp-code').fill(await totpNow(secret));
    await page.getByTestId('sso-submit').click();
    await poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByTestId('recovery-done').click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/dashboard/);
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(people.COMMITTEE_ADMIN);

    // Next time only the code.
    await signOnAs('boss');
    await poll(() => page.getByTestId('sso-second-factor').isVisible()).toBe(true);
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
    await page.getByTestId('totp-code').fill(await totpNow(secret));
    await page.getByTestId('sso-submit').click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/dashboard/);
  });
});
