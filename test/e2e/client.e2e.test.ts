/**
 * The built client against the real server (Kuzu in a temp dir, demo data, demo sign-in) in Debian's
 * Chromium. Assertions are what a user sees, and the graph through window.cy (opened with ?debug).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';
import { clickNode, graphCounts, open, signedInMemberId, signInAs, snap, waitForNetwork } from './pages';

/** Poll what the user would see, for up to 20 s (the default 1 s is too short for a cold server). */
const poll = pollWithin(20_000, 100);

let server: TestServer;
let page: Page;

useBrowserSuite((s) => {
  ({ server, page } = s);
});

describe('member', () => {
  it("signs in and sees this week's plan on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, server.url, 'MEMBER');
    await poll(() => page.locator('h1').first().textContent()).toContain('你好');
    await poll(() => page.getByRole('heading', { name: '本周学习计划' }).isVisible()).toBe(true);
    await snap(page, 'member-home-phone');
  });

  it('answers a practice question and watches gaps change', async () => {
    const gaps = page.getByTestId('gaps');
    await poll(() => gaps.locator('li').count()).toBeGreaterThan(0);
    const gapsBefore = await gaps.textContent();
    const activityBefore = await page.getByTestId('activity').textContent();
    const practice = page.getByTestId('practice');
    await practice.locator('input[type="radio"]').first().check();
    // The member takes a minute to read (page clock moved on): an answer faster than reading is no evidence.
    await page.clock.install();
    await page.clock.fastForward(60_000);
    await practice.getByRole('button', { name: '提交答案' }).click();
    await poll(() => page.getByTestId('answer-feedback').textContent()).toMatch(/回答正确|回答错误/);
    await poll(() => gaps.textContent()).not.toBe(gapsBefore);
    await poll(() => page.getByTestId('activity').textContent()).not.toBe(activityBefore);
    await snap(page, 'member-answered');
  });

  it('makes a study plan and sees it progress after studying an item', async () => {
    const make = page.getByTestId('make-plan');
    if ((await page.getByTestId('plan-items').count()) === 0) await make.click();
    await poll(() => page.getByTestId('plan-items').locator('li').count()).toBeGreaterThan(0);
    const before = await page.getByTestId('plan-progress').textContent();
    await page.getByTestId('plan-items').getByRole('button', { name: '标记为已学' }).first().click();
    await poll(() => page.getByTestId('plan-progress').textContent()).not.toBe(before);
    await poll(() => page.getByTestId('plan-items').locator('.chip-ok').count()).toBeGreaterThan(0);
    await snap(page, 'member-plan');
  });
});

describe('secretary', () => {
  it('lands on the work queue and opens the branch with members and organizational life', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/todo');
    await page.locator('[data-nav="branch"]').click();
    await poll(() => page.getByTestId('members-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await poll(() => page.getByRole('heading', { name: /组织生活/ }).isVisible()).toBe(true);
    await poll(() => page.getByTestId('life-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await poll(() => page.getByTestId('heatmap').locator('td.cell').count()).toBeGreaterThan(8);
    await poll(() => page.getByTestId('lecture-suggestion').textContent()).toMatch(/名党员在此主题上存在短板/);
    await snap(page, 'branch');
  });

  it("opens a member's portrait from the table", async () => {
    const first = page.getByTestId('members-table').locator('tbody tr a').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await poll(() => page.getByTestId('portrait-name').textContent()).toBe(name);
    await poll(() => page.getByRole('heading', { name: '发展阶段' }).isVisible()).toBe(true);
    await snap(page, 'portrait');
  });

  it('is told in words, chosen by the error code, when a member does not exist', async () => {
    await open(page, server.url, '/members/m-does-not-exist');
    const alert = page.locator('[role="alert"][data-error-code="NOT_FOUND"]');
    await poll(() => alert.textContent()).toContain('没有找到要查看的内容');
    await page.goBack();
  });

  it('expands the branch network, undoes, and finds a member by name', async () => {
    await open(page, server.url, '/network');
    await waitForNetwork(page, 'member', 2);
    const expanded = await graphCounts(page);
    // One cytoscape instance for the page's life: expansions, undo and restyling must not replace it.
    await page.evaluate(() => {
      window.cy!.scratch('_e2e', 'same-instance');
    });
    const member = await page.evaluate(() => window.cy!.nodes('[kind = "member"]').first().id());
    await clickNode(page, member);
    await poll(async () => page.evaluate((id) => window.cy!.getElementById(id).hasClass('expanded'), member)).toBe(true);
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(async () => (await graphCounts(page)).nodes).toBe(expanded.nodes);
    const name = await page.evaluate((id) => String(window.cy!.getElementById(id).data('label')), member);
    await page.getByPlaceholder('按姓名搜索').fill(name);
    await page.getByRole('button', { name: '查找' }).click();
    await poll(() => page.evaluate((id) => window.cy!.getElementById(id).selected(), member)).toBe(true);
    await page.getByLabel('按共同短板分组').check();
    await poll(() => page.evaluate(() => window.cy!.nodes('[kind = "group"]').children('[kind = "member"]').length)).toBeGreaterThan(1);
    await page.locator('#net-style').selectOption('mastery');
    await poll(() => page.evaluate(() => window.cy!.nodes('[kind = "member"][mastery >= 0]').length)).toBeGreaterThan(1);
    expect(await page.evaluate(() => window.cy!.scratch('_e2e'))).toBe('same-instance');
    const zoom = await page.evaluate(() => window.cy!.zoom());
    await page.getByRole('button', { name: '放大' }).click();
    await poll(() => page.evaluate(() => window.cy!.zoom())).toBeGreaterThan(zoom);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片' }).click()]);
    expect(download.suggestedFilename()).toBe('hongtu-network.png');
    await snap(page, 'network-branch');
  });
});

describe('administrator', () => {
  it('compares branches and expands committees in the network', async () => {
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    await poll(() => page.getByTestId('trend-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await snap(page, 'dashboard-university');
    await open(page, server.url, '/network');
    await waitForNetwork(page, 'committee');
    const committee = await page.evaluate(() => window.cy!.nodes('[kind = "committee"]').first().id());
    const before = await graphCounts(page);
    await clickNode(page, committee);
    await poll(async () => (await graphCounts(page)).nodes).toBeGreaterThan(before.nodes);
    const branch = await page.evaluate(() => window.cy!.nodes('[kind = "branch"]').first().id());
    await clickNode(page, branch);
    await poll(async () => (await graphCounts(page)).members).toBeGreaterThan(0);
    await snap(page, 'network-university');
  });
});

describe('language', () => {
  it('switches to English and keeps it after a reload', async () => {
    await open(page, server.url, '/dashboard');
    try {
      await page.getByTestId('locale').selectOption('en');
      await poll(() => page.locator('nav[aria-label="Main navigation"]').textContent()).toContain('Network');
      await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.reload();
      await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await poll(() => page.locator('nav[aria-label="Main navigation"]').textContent()).toContain('Network');
      await poll(() => page.getByRole('heading', { name: 'Early warnings' }).isVisible()).toBe(true);
      await snap(page, 'dashboard-english');
    } finally {
      // The tests after this one read Chinese; a failure here must not turn them all red.
      await page.evaluate(() => localStorage.setItem('hongtu.locale', 'zh-CN'));
      await page.reload();
    }
  });
});

describe('states found in product QA', () => {
  it('lets a member open their own portrait and see their mastery, without the branch average', async () => {
    await signInAs(page, server.url, 'MEMBER');
    const me = await signedInMemberId(page);
    await open(page, server.url, `/members/${me}`);
    await poll(() => page.getByRole('heading', { name: '各领域掌握度' }).isVisible()).toBe(true);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    // No link to a branch page the member may not open; the link to their own record is there.
    expect(await page.locator('.page-head a[href*="/branches/"]').count()).toBe(0);
    expect(await page.getByTestId('record-link').count()).toBe(1);
  });

  it("shows the branch heatmap's most urgent rows first and every row on request", async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await page.locator('[data-nav="branch"]').click();
    const rows = page.getByTestId('heatmap').locator('tbody tr');
    await poll(() => rows.count()).toBe(12);
    await expect(page.locator('.heat-legend').textContent()).resolves.toContain('无短板');
    await page.getByTestId('heatmap').locator('xpath=../..').getByTestId('show-all').click();
    await poll(() => rows.count()).toBeGreaterThan(12);
  });

  it('names an unknown member id at sign-in instead of offering a way "home"', async () => {
    await page.context().clearCookies();
    await open(page, server.url, '/signin');
    await page.reload();
    await page.getByPlaceholder('例如 m-1').fill('m-nobody');
    await page.getByTestId('signin-submit').click();
    await poll(() => page.getByTestId('signin-unknown').textContent()).toContain('m-nobody');
  });

  it('says why it signed out when the API stops accepting the session', async () => {
    await page.evaluate(() => localStorage.setItem('hongtu.locale', 'zh-CN'));
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'hongtu_session', value: 'no-such-session', url: server.url }]);
    // A fresh document, so no running app holds the previous session or language in memory.
    await page.goto('about:blank');
    await open(page, server.url, '/me');
    await poll(() => page.getByTestId('signin-expired').textContent()).toContain('登录已失效');
  });
});
