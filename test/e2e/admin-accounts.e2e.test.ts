/**
 * The administrators' account screen (账号管理) in the built client, in Debian's Chromium, against the real
 * server: a university administrator signs in with a password and an authenticator code, opens an account
 * for a member on the page and gets the one-time password once (copy button, warning); the member signs in
 * with it in a second browser and must choose a new password; a taken login name shows the server's reason
 * and changes nothing; the administrator disables the account and the member's session stops at the next
 * request; the account's history shows these actions; enable and a password reset issue a new one-time
 * password that works; the list pages 20 at a time. Then a 390 px phone (no sideways scrolling, no serious
 * accessibility violations) and English; a committee administrator sees only the committee's members and no history.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpNow } from '../support/auth-client';
import { seriousViolations } from './axe';
import { launchChromium, type LaunchedBrowser } from './browser';
import { open, signInAs, snap } from './pages';
import { withTurnWait } from '../support/test-store';
import { startTestServer, type TestServer } from './server';
import { postGql } from './api';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

let server: TestServer;
let adminBrowser: LaunchedBrowser;
let memberBrowser: LaunchedBrowser;
let admin: Page;
let member: Page;
let adminId = '';
let adminToken = '';
/** Two plain members of the demo world without accounts. */
let target = { id: '', name: '' };
let other = { id: '', name: '' };

const gql = (query: string, variables: Record<string, unknown> = {}, token: string | null = adminToken) => postGql(server.url, query, variables, token);

async function signIn(page: Page, loginName: string, password: string): Promise<void> {
  await open(page, server.url, '/signin');
  await page.reload(); // a fresh document: nothing of an earlier sign-in stays in memory
  await page.getByTestId('login-name').fill(loginName);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('password-submit').click();
}

const row = (id: string) => admin.locator(`[data-testid="account-row"][data-member-id="${id}"]`);
const statuses = async (id: string) =>
  row(id)
    .locator('[data-status]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));

/** Search the list for a member by name and wait for their card. */
async function findRow(m: { id: string; name: string }): Promise<void> {
  await admin.getByTestId('accounts-search').fill(m.name);
  await admin.getByTestId('accounts-search').press('Enter');
  await poll(() => row(m.id).count()).toBe(1);
}

/** Click an action on a member's card and confirm it in the dialog. */
async function act(id: string, action: string, login?: string): Promise<void> {
  await row(id).getByTestId(`account-action-${action}`).click();
  await poll(() => admin.getByTestId('confirm-dialog').isVisible()).toBe(true);
  if (login !== undefined) await admin.getByTestId('confirm-login').fill(login);
  await admin.getByTestId('confirm-submit').click();
}

/** Read the one-time password from its dialog, then close it; it is gone from the page afterwards. */
async function takeOneTimePassword(): Promise<string> {
  await poll(() => admin.getByTestId('otp-dialog').isVisible()).toBe(true);
  const otp = (await admin.getByTestId('one-time-password').textContent())!.trim();
  expect(otp.length).toBeGreaterThanOrEqual(10);
  await admin.getByTestId('otp-done').click();
  await poll(() => admin.getByTestId('one-time-password').count()).toBe(0);
  expect(await admin.content()).not.toContain(otp);
  return otp;
}

beforeAll(async () => {
  server = await startTestServer();
  adminBrowser = await launchChromium();
  memberBrowser = await launchChromium();
  admin = await adminBrowser.context.newPage();
  member = await memberBrowser.context.newPage();
  await adminBrowser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const demo = (await gql('{ demoAccounts { memberId role } }', {}, null)) as { data: { demoAccounts: { memberId: string; role: string }[] } };
  adminId = demo.data.demoAccounts.find((a) => a.role === 'UNIVERSITY_ADMIN')!.memberId;
  adminToken = (await gql('mutation ($m: ID!) { login(memberId: $m) { token } }', { m: adminId }, null)).data.login.token;
  const members = await gql('{ members(filter: { roles: [MEMBER] }, first: 2) { nodes { id name } } }');
  [target, other] = members.data.members.nodes;
  expect(target.id && other.id).toBeTruthy();
}, withTurnWait(300_000));

afterAll(async () => {
  await memberBrowser?.close();
  await adminBrowser?.close();
  await server?.stop();
});

describe('administrators manage accounts on the 账号管理 page', () => {
  it('signs the university administrator in with a password and an authenticator code', async () => {
    // The first administrator's account comes from `hongtu init` in production; here the demo login's token issues it.
    const created = await gql('mutation ($m: ID!) { createAccount(memberId: $m, loginName: "ua-e2e") { oneTimePassword } }', { m: adminId });
    expect(created.errors).toBeUndefined();
    await signIn(admin, 'ua-e2e', created.data.createAccount.oneTimePassword);
    await admin.getByTestId('new-password').fill('大漠孤烟直长河落日圆');
    await admin.getByTestId('password-submit').click();
    await poll(() => admin.getByTestId('totp-secret').isVisible()).toBe(true);
    const secret = (await admin.getByTestId('totp-secret').textContent())!.trim();
    await admin.getByTestId('totp-code').fill(await totpNow(secret));
    await admin.getByTestId('password-submit').click();
    await poll(() => admin.getByTestId('recovery-done').isVisible()).toBe(true);
    await admin.getByTestId('recovery-done').click();
    await poll(() => admin.evaluate(() => location.hash)).toMatch(/^#\/dashboard/);
    await poll(() => admin.getByTestId('signout').getAttribute('data-member-id')).toBe(adminId);
  });

  it('opens an account from the nav, shows the one-time password once, and the member must change it', async () => {
    await admin.locator('[data-nav="accounts"]').click();
    await poll(() => admin.evaluate(() => location.hash)).toBe('#/admin/accounts');
    await poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('账号管理');
    await poll(() => admin.getByTestId('account-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(admin)).toEqual([]);
    // Everyone in the demo university, 20 a page, in member-id order.
    const total = Number((await admin.getByTestId('accounts-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(20);
    const rowIds = () => admin.getByTestId('account-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-member-id')!));
    const page1 = await rowIds();
    expect(page1).toHaveLength(20);
    await admin.getByTestId('accounts-next').click();
    await poll(async () => (await rowIds())[0]).not.toBe(page1[0]);
    const page2 = await rowIds();
    expect(page2.every((id) => id > page1[19]!)).toBe(true);
    await admin.getByRole('button', { name: '上一页' }).click();
    await poll(rowIds).toEqual(page1);

    await findRow(target);
    expect(await statuses(target.id)).toEqual(['NONE']);
    await row(target.id).getByTestId('account-action-create').click();
    await poll(() => admin.getByTestId('confirm-dialog').isVisible()).toBe(true);
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByTestId('confirm-login').fill('S2026E2E01');
    await admin.getByTestId('confirm-submit').click();

    await poll(() => admin.getByTestId('otp-dialog').isVisible()).toBe(true);
    await poll(() => admin.getByTestId('otp-warning').textContent()).toMatch(/只显示这一次/);
    const shown = (await admin.getByTestId('one-time-password').textContent())!.trim();
    await admin.getByTestId('otp-copy').click();
    await poll(() => admin.getByTestId('otp-copied').textContent()).toBe('已复制');
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    expect(await seriousViolations(admin)).toEqual([]);
    await snap(admin, 'admin-accounts-otp');
    const otp = await takeOneTimePassword();
    expect(otp).toBe(shown);
    await poll(() => statuses(target.id)).toEqual(['ACTIVE', 'MUST_CHANGE']);
    expect(await row(target.id).getByTestId('account-login').textContent()).toBe('s2026e2e01');
    await poll(() => admin.getByTestId('accounts-notice').textContent()).toContain(target.name);

    // The member, in another browser: the one-time password forces a new one.
    await signIn(member, 's2026e2e01', otp);
    await poll(() => member.getByTestId('new-password').isVisible()).toBe(true);
    await member.getByTestId('new-password').fill('春风又绿江南岸明月何时照我还');
    await member.getByTestId('password-submit').click();
    await poll(() => member.evaluate(() => location.hash)).toBe('#/me');
    await poll(() => member.getByTestId('signout').getAttribute('data-member-id')).toBe(target.id);
    // The list shows the change of password at the next load.
    await admin.reload();
    await findRow(target);
    await poll(() => statuses(target.id)).toEqual(['ACTIVE']);
  });

  it("shows the server's reason when the login name is taken, and opens nothing", async () => {
    await findRow(other);
    await act(other.id, 'create', 's2026e2e01');
    await poll(() => admin.getByTestId('admin-error').getAttribute('data-error-code')).toBe('CONFLICT');
    expect(await admin.getByTestId('admin-error').textContent()).toContain('Login name "s2026e2e01" is taken by another account');
    expect(await admin.getByTestId('confirm-dialog').isVisible()).toBe(true);
    await admin.getByRole('button', { name: '取消' }).click();
    await poll(() => admin.getByTestId('confirm-dialog').count()).toBe(0);
    expect(await statuses(other.id)).toEqual(['NONE']);
    expect((await gql('query ($m: ID!) { account(memberId: $m) { loginName } }', { m: other.id })).data.account).toBeNull();
  });

  it("disables the account: the member's session stops at the next request; the history shows every action", async () => {
    await findRow(target);
    await act(target.id, 'disable');
    await poll(() => statuses(target.id)).toEqual(['DISABLED']);
    await poll(() => row(target.id).getByTestId('account-action-enable').isVisible()).toBe(true);

    // The member's next request (moving to another page of the app) finds the session ended.
    await member.evaluate(() => {
      location.hash = '#/account';
    });
    await poll(() => member.evaluate(() => location.hash)).toBe('#/signin');
    await poll(() => member.getByTestId('signin-expired').isVisible()).toBe(true);
    // Signing in again is refused while the account is disabled.
    await signIn(member, 's2026e2e01', '春风又绿江南岸明月何时照我还');
    await poll(() => member.getByTestId('signin-failed').isVisible()).toBe(true);

    await row(target.id).getByTestId('account-history-toggle').click();
    const history = row(target.id).getByTestId('account-history');
    await poll(() => history.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(
      expect.arrayContaining(['ACCOUNT_CREATE', 'SIGN_IN', 'PASSWORD_CHANGE', 'ACCOUNT_DISABLE', 'SIGN_IN_DISABLED']),
    );
    expect(await history.locator('li[data-action="ACCOUNT_DISABLE"]').first().textContent()).toContain(adminId);
    expect(await history.locator('li[data-action="ACCOUNT_CREATE"]').first().textContent()).toContain('开通账号');
    // The same rows through the API, with who did them.
    const trail = (await gql('query ($m: ID!) { accessRecords(memberId: $m, first: 100) { action viewerId } }', { m: target.id })).data.accessRecords as {
      action: string;
      viewerId: string;
    }[];
    for (const action of ['ACCOUNT_CREATE', 'ACCOUNT_DISABLE']) expect(trail).toContainEqual({ action, viewerId: adminId });
    expect(trail).toContainEqual({ action: 'READ_ACCOUNT', viewerId: adminId });
    await snap(admin, 'admin-accounts-history');
  });

  it('enables the account and resets its password: the new one-time password works once', async () => {
    await act(target.id, 'enable');
    await poll(() => statuses(target.id)).toEqual(['ACTIVE']);
    await act(target.id, 'reset');
    const otp = await takeOneTimePassword();
    await poll(() => statuses(target.id)).toEqual(['ACTIVE', 'MUST_CHANGE']);
    await signIn(member, 's2026e2e01', otp);
    await poll(() => member.getByTestId('new-password').isVisible()).toBe(true);
    await member.getByTestId('new-password').fill('会当凌绝顶一览众山小');
    await member.getByTestId('password-submit').click();
    await poll(() => member.evaluate(() => location.hash)).toBe('#/me');
    // Sign out everywhere from the list ends that session too.
    await findRow(target);
    await act(target.id, 'signout');
    await poll(() => admin.getByTestId('accounts-notice').textContent()).toMatch(new RegExp(`${target.name} 已在 [1-9]\\d* 处退出登录`));
    // The member's next request (a fresh page asks the API who the cookie belongs to; an in-app move may be
    // answered from the client's cache without one) finds the session ended.
    await member.evaluate(() => {
      location.hash = '#/account';
    });
    await member.reload();
    await poll(() => member.evaluate(() => location.hash)).toBe('#/signin');
  });

  it('works on a 390 px phone and in English', async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.reload();
    await poll(() => admin.getByTestId('account-row').count()).toBeGreaterThan(0);
    await findRow(target);
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(admin)).toEqual([]);
    await snap(admin, 'admin-accounts-phone');
    await row(target.id).getByTestId('account-action-reset').click();
    await poll(() => admin.getByTestId('confirm-dialog').isVisible()).toBe(true);
    const box = await admin.getByTestId('confirm-dialog').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await snap(admin, 'admin-accounts-phone-confirm');
    await admin.keyboard.press('Escape');
    await poll(() => admin.getByTestId('confirm-dialog').count()).toBe(0);

    await admin.getByTestId('locale').selectOption('en');
    await poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Accounts');
    expect(await row(target.id).getByTestId('account-action-reset').textContent()).toBe('Reset password');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByTestId('locale').selectOption('zh-CN');
  });

  it("a committee administrator sees only the committee's members and no history", async () => {
    await signInAs(member, server.url, 'COMMITTEE_ADMIN');
    const cadminId = (await member.getByTestId('signout').getAttribute('data-member-id'))!;
    const token = (await gql('mutation ($m: ID!) { login(memberId: $m) { token } }', { m: cadminId }, null)).data.login.token;
    const [mine, all] = await Promise.all([gql('{ accountList(first: 1) { totalCount } }', {}, token), gql('{ accountList(first: 1) { totalCount } }')]);
    expect(mine.data.accountList.totalCount).toBeLessThan(all.data.accountList.totalCount);
    await member.locator('[data-nav="accounts"]').click();
    await poll(() => member.getByTestId('accounts-total').textContent()).toBe(`共 ${mine.data.accountList.totalCount} 人`);
    await poll(() => member.getByTestId('account-row').count()).toBeGreaterThan(0);
    expect(await member.getByTestId('account-history-toggle').count()).toBe(0);
    expect(await seriousViolations(member)).toEqual([]);
  });
});
