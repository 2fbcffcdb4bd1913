/**
 * Party affairs in the browser on a phone, against the real server with the demo world: the branch's
 * affairs page (pipeline, dues reminders, transfers with an overdue receipt), a person's pipeline
 * timeline where an out-of-order step is refused with the rule named and a valid one is recorded, the
 * dues page with its prompt and a payment, a transfer started by the secretary and approved by the
 * committee, and notices read by a member (unread first) and published by the secretary.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';
import type { TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { open, signInAs, snap } from './pages';

const poll = pollWithin(20_000, 100);

let server: TestServer;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, browser, page } = s);
  },
  { viewport: PHONE },
);

/** Sign in as another person: the previous session's cookie is dropped first. */
async function switchTo(role: Parameters<typeof signInAs>[2]): Promise<void> {
  await browser.context.clearCookies();
  await signInAs(page, server.url, role);
}

const noSideways = () => fitsWidth(page);

describe('party affairs screens', () => {
  it('shows the branch’s pipeline, dues reminders and transfers (with an overdue receipt) on a phone', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, '/branches/b-1/affairs');
    await poll(() => page.locator('[data-testid="branch-pipeline"] > li').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="branch-pipeline"] > li[data-late="true"]').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('dues-totals').textContent()).resolves.toMatch(/党员 \d+ 人/);
    expect(await page.locator('[data-testid="dues-reminders"] > li').count()).toBeGreaterThan(0);
    await poll(() => page.locator('[data-testid="transfers"] > li[data-overdue="true"]').count()).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="transfers"] > li[data-overdue="true"]').first().textContent()).resolves.toContain('回执逾期');
    expect(await noSideways()).toBe(true);
    await snap(page, 'affairs-branch-phone');
  });

  it('refuses an out-of-order step with the rule named, then records a valid one on the timeline', async () => {
    await open(page, server.url, '/members/m-4/pipeline');
    await poll(() => page.locator('[data-testid="pipeline-timeline"] > li').count()).toBeGreaterThan(0);
    const before = await page.locator('[data-testid="pipeline-timeline"] > li').count();
    expect(await page.getByTestId('affairs-citation').count()).toBeGreaterThan(0);
    await page.getByTestId('pipeline-step').selectOption('FULL_MEMBERSHIP');
    await page.getByTestId('pipeline-form').getByRole('button').click();
    await poll(() => page.getByTestId('pipeline-error').textContent()).toMatch(/pipeline\.probation\.one-year.*中国共产党章程/);
    expect(await page.locator('[data-testid="pipeline-timeline"] > li').count()).toBe(before);
    await page.getByTestId('pipeline-step').selectOption('REVIEW');
    await page.getByTestId('pipeline-form').getByRole('button').click();
    await poll(() => page.getByTestId('pipeline-saved').isVisible()).toBe(true);
    await poll(() => page.locator('[data-testid="pipeline-timeline"] > li').count()).toBe(before + 1);
    expect(await noSideways()).toBe(true);
    await open(page, server.url, '/members/m-4');
    await poll(() => page.locator('[data-testid="portrait-pipeline-timeline"] > li').count()).toBe(before + 1);
  });

  it('opens a member’s dues from a reminder: the prompt cites its rule, and a payment is recorded', async () => {
    await open(page, server.url, '/branches/b-1/affairs');
    await poll(() => page.locator('[data-testid="dues-reminders"] a').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="dues-reminders"] a').first().click();
    await poll(() => page.getByTestId('dues-prompt').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('dues-prompt').first().textContent()).resolves.toMatch(/依据：《/);
    const arrears = await page.getByTestId('dues-arrears').textContent();
    expect(arrears).toMatch(/欠交 \d+ 个月/);
    await page.getByTestId('dues-form').getByRole('button').click();
    await poll(() => page.getByTestId('dues-paid').isVisible()).toBe(true);
    await poll(() => page.getByTestId('dues-arrears').textContent()).not.toBe(arrears);
  });

  it('starts a transfer as the secretary; the committee approves it', async () => {
    await open(page, server.url, '/branches/b-1/affairs');
    await page.getByTestId('transfer-member').fill('m-4');
    await page.getByTestId('transfer-kind').selectOption('OUT');
    await page.getByTestId('transfer-target').fill('上海交通大学研究生院党委');
    await page.getByTestId('transfer-form').getByRole('button').click();
    await poll(() => page.getByTestId('transfer-started').isVisible()).toBe(true);
    await poll(() => page.locator('[data-testid="transfers"] > li', { hasText: '刘洋' }).getAttribute('data-status')).toBe('INITIATED');
    await switchTo('COMMITTEE_ADMIN');
    await open(page, server.url, '/branches/b-1/affairs');
    const item = page.locator('[data-testid="transfers"] > li', { hasText: '刘洋' });
    await poll(() => item.count()).toBe(1);
    await item.getByTestId('transfer-approve').click();
    await poll(() => item.getAttribute('data-status')).toBe('APPROVED');
  });

  it('lists a member’s notices unread first and marks one read; the secretary publishes with a working-day period', async () => {
    await switchTo('MEMBER');
    await page.locator('[data-nav="notices"]').click();
    await poll(() => page.locator('[data-testid="notices"] > li').count()).toBeGreaterThan(0);
    const reads = () => page.locator('[data-testid="notices"] > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-read')));
    const first = await reads();
    expect(first[0]).toBe('false');
    expect(first.indexOf('true') === -1 || first.lastIndexOf('false') < first.indexOf('true')).toBe(true);
    const id = await page.locator('[data-testid="notices"] > li').first().getAttribute('data-id');
    await page.locator('[data-testid="notices"] > li').first().getByTestId('notice-read').click();
    await poll(() => page.locator(`[data-testid="notices"] > li[data-id="${id}"]`).getAttribute('data-read')).toBe('true');
    expect(await noSideways()).toBe(true);
    await snap(page, 'affairs-notices-phone');

    await switchTo('SECRETARY');
    await open(page, server.url, '/notices');
    await page.getByTestId('notice-title').fill('关于召开支部党员大会的通知');
    await page.getByTestId('notice-body').fill('本周五下午三点召开支部党员大会，请准时参加。');
    await page.getByTestId('notice-days').fill('5');
    await page.getByTestId('notice-form').getByRole('button').click();
    await poll(() => page.getByTestId('notice-published').isVisible()).toBe(true);
    await poll(() => page.locator('[data-testid="notices"] > li', { hasText: '关于召开支部党员大会的通知' }).textContent()).toMatch(/公示期至/);
    await poll(() => page.locator('[data-testid="notices"] > li', { hasText: '关于召开支部党员大会的通知' }).getByTestId('notice-stats').textContent()).toMatch(/已读 0 \/ \d+/);
  });
});
