/**
 * A secretary's week on a phone: the work queue (待办) is the landing page, every item names the rule it
 * comes from, and following an item's link leads to where it is done. One item of each kind in the queue is
 * completed through the screens (a meeting item: schedule and hold the meeting, record attendance), after
 * which it leaves the queue; the excused and absent members' reasons are kept and the minutes corrected afterwards,
 * with the change listed. The 三会一课 table states each minimum per period with its citation.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { holdOperation, signInAs, snap } from './pages';
import { seriousViolations } from './axe';

/** Poll what the user would see; the branch page's reads take a while on a busy machine, hence 60 s. */
const poll = pollWithin(60_000, 200);

let server: TestServer;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, page } = s);
  },
  { viewport: PHONE },
);

const noSideways = () => fitsWidth(page);

interface ItemInfo {
  key: string;
  rule: string;
  status: string;
  href: string;
}
const items = (): Promise<ItemInfo[]> =>
  page.locator('[data-testid="work-queue"] > li').evaluateAll((lis) =>
    lis.map((li) => ({
      key: li.getAttribute('data-key')!,
      rule: li.getAttribute('data-rule')!,
      status: li.getAttribute('data-status')!,
      href: li.querySelector('[data-testid="todo-action"]')!.getAttribute('href')!,
    })),
  );

/**
 * Wait until the meetings page shows the chosen period's own answer: the list (or its "none") asked for the period
 * named above it, not marked busy. The previous period's stays on screen, marked busy, while another period's loads.
 */
const meetingsOfChosenPeriod = () =>
  poll(() =>
    page.evaluate(() => {
      const period = document.querySelector<HTMLElement>('[data-testid="meetings-period"]')!.dataset;
      const shown = document.querySelector<HTMLElement>('[data-testid="meetings-list"], [data-testid="meetings-none"]');
      return !!shown && shown.dataset.from === period.from && shown.dataset.to === period.to && !shown.hasAttribute('aria-busy');
    }),
  ).toBe(true);

describe('secretary work queue', () => {
  /** The meeting scheduled through the queue's meeting item. */
  let newMeeting = '';

  it('is the landing page: open obligations by due date, each with its citation, on a phone', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/todo');
    await poll(() => page.locator('[data-testid="work-queue"] > li').count()).toBeGreaterThan(0);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('待办');
    const list = await items();
    expect(list.every((i) => ['OVERDUE', 'DUE', 'UPCOMING'].includes(i.status))).toBe(true);
    const citations = await page.getByTestId('citation').allTextContents();
    expect(citations).toHaveLength(list.length);
    for (const c of citations) expect(c).toMatch(/^依据：《.+》/);
    expect(await noSideways()).toBe(true);
    await snap(page, 'work-queue-phone');
  }, 180_000);

  it('completes a meeting item: schedule the meeting, record attendance, and the item leaves the queue', async () => {
    const item = (await items()).find((i) => i.status === 'DUE' && i.href.includes('/meetings/new'));
    expect(item, 'a meeting that is due this period').toBeDefined();
    await page.locator(`[data-key="${item!.key}"] [data-testid="todo-action"]`).click();
    const form = page.getByTestId('meeting-form');
    await poll(() => form.isVisible()).toBe(true);
    // The form comes prefilled with the kind the rule asks for.
    const kind = new URL(`http://x/${item!.href.replace('#/', '')}`).searchParams.get('kind');
    await expect(form.locator('select[name="kind"]').inputValue()).resolves.toBe(kind);
    expect(await noSideways()).toBe(true);
    await form.locator('textarea[name="record"]').fill('学习支部工作条例，研究本月工作安排。');
    await page.getByTestId('meeting-submit').click();
    // Either the meeting page opens or the form says what went wrong (shown in the failure message).
    await poll(async () => (await page.getByTestId('attendance-form').isVisible()) || (await page.locator('[role="alert"]').count()) > 0).toBe(true);
    expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
    newMeeting = decodeURIComponent((await page.evaluate(() => location.hash)).replace(/^#\/meetings\//, ''));
    const radios = page.locator('input[type="radio"][data-status="ABSENT"]');
    await poll(() => radios.count()).toBeGreaterThan(1);
    await radios.nth(1).check();
    const excused = page.locator('input[type="radio"][data-status="EXCUSED"]').nth(2);
    await excused.check();
    const excusedId = (await excused.getAttribute('data-member'))!;
    const absentId = (await radios.nth(1).getAttribute('data-member'))!;
    // Excused needs its reason (请假事由): the form does not go without it.
    await page.getByTestId('attendance-submit').click();
    await expect(page.locator(`input[data-reason="${excusedId}"]`).evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).resolves.toBe(true);
    await page.locator(`input[data-reason="${excusedId}"]`).fill('外出参加学科竞赛');
    await page.locator(`input[data-reason="${absentId}"]`).fill('未请假');
    await page.getByTestId('attendance-submit').click();
    await poll(() => page.getByTestId('attendance-saved').isVisible()).toBe(true);
    expect(await noSideways()).toBe(true);
    await snap(page, 'meeting-attendance-phone');
    // After a reload the reasons are read back (the secretary manages the branch).
    await page.reload();
    await poll(() => page.locator(`input[data-reason="${excusedId}"]`).inputValue()).toBe('外出参加学科竞赛');
    await expect(page.locator(`input[data-reason="${absentId}"]`).inputValue()).resolves.toBe('未请假');
    // The minutes are corrected afterwards; the change is listed with who made it.
    await page.getByTestId('minutes-edit').click();
    await page.getByTestId('minutes-form').locator('textarea').fill('学习支部工作条例，研究本月工作安排，确定下月主题党日内容。');
    await page.getByTestId('minutes-save').click();
    await poll(() => page.getByTestId('minutes-saved').isVisible()).toBe(true);
    await poll(() => page.getByTestId('minutes-text').textContent()).toBe('学习支部工作条例，研究本月工作安排，确定下月主题党日内容。');
    await page.getByTestId('minutes-history').locator('summary').click();
    await poll(() => page.getByTestId('minutes-history').locator('li').count()).toBe(1);
    await expect(page.getByTestId('minutes-history').locator('li').first().textContent()).resolves.toMatch(/修改$/);
    expect(await noSideways()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('a', { hasText: '返回待办' }).click();
    await poll(() => page.locator('[data-testid="work-queue"] > li').count()).toBeGreaterThan(0);
    await poll(async () => (await items()).some((i) => i.key === item!.key)).toBe(false);
  }, 180_000);

  it('every other kind of item links to a page that opens', async () => {
    const seen = new Set<string>();
    for (const i of await items()) {
      const kind = i.rule.split('.')[0];
      if (seen.has(kind)) continue;
      seen.add(kind);
      await page.goto(`${server.url}/${i.href}`);
      // The page has loaded (no spinner, some content) and is not the "no such page" screen.
      await poll(async () => {
        const text = (await page.locator('main').textContent()) ?? '';
        return text.length > 20 && !text.includes('正在加载');
      }).toBe(true);
      await expect(page.locator('main').textContent()).resolves.not.toContain('没有这个页面');
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 180_000);

  it("lists the branch's meetings by period, the new one included", async () => {
    await page.goto(`${server.url}/#/todo`);
    await page.locator('[data-nav="branch"]').click();
    const table = page.getByTestId('life-table');
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(3);
    // Each minimum says per what and on what basis.
    const req = await table.getByTestId('life-requirement').allTextContents();
    expect(req.some((r) => /^每月至少 1 次$/.test(r))).toBe(true);
    expect(req.some((r) => /^每季度至少 1 次$/.test(r))).toBe(true);
    for (const c of await table.getByTestId('life-citation').allTextContents()) expect(c).toMatch(/^依据：《中国共产党支部工作条例（试行）》/);
    await page.getByTestId('meetings-link').click();
    // While the month's answer is held back, the quarter's list is on screen, marked busy.
    await page.getByTestId('meetings-list').waitFor();
    const held = await holdOperation(page, 'BranchMeetings');
    try {
      await page.getByTestId('meetings-span').selectOption('month');
      await held.asked;
      await poll(() => page.getByTestId('meetings-list').getAttribute('aria-busy')).toBe('true');
    } finally {
      await held.end();
    }
    // The month's own list (the quarter's stays on screen, marked busy, while it loads).
    await meetingsOfChosenPeriod();
    await expect(page.getByTestId('meetings-period').textContent()).resolves.toMatch(/^\d{4}-\d{2}$/);
    const list = page.getByTestId('meetings-list');
    await poll(() => list.locator('li').count()).toBeGreaterThan(0);
    await expect(list.getAttribute('aria-busy')).resolves.toBeNull();
    await expect(list.textContent()).resolves.toContain('出席');
    // The meeting scheduled through the queue, this month, is listed.
    expect(newMeeting).toMatch(/^mt-/);
    await expect(list.locator(`a[href="#/meetings/${encodeURIComponent(newMeeting)}"]`).count()).resolves.toBe(1);
    expect(await noSideways()).toBe(true);
    await snap(page, 'meetings-phone');
  }, 180_000);

  it('a period without meetings says so only for itself: while another period\'s meetings load, its "none" is marked busy', async () => {
    await page.getByTestId('meetings-span').selectOption('year');
    await meetingsOfChosenPeriod();
    // Back, year by year, to a year without meetings.
    for (let back = 0; back < 10 && (await page.getByTestId('meetings-none').count()) === 0; back++) {
      await page.getByRole('button', { name: '上一期' }).click();
      await meetingsOfChosenPeriod();
    }
    const none = page.getByTestId('meetings-none');
    expect(await none.count(), 'a year without meetings within ten years back').toBe(1);
    const emptyYear = await none.getAttribute('data-from');
    const held = await holdOperation(page, 'BranchMeetings');
    try {
      // One more year back: a year not asked for yet (the years after it are in the client's cache).
      await page.getByRole('button', { name: '上一期' }).click();
      await held.asked;
      // The year chosen is the one before; the "none" on screen is still the empty year's, and says it is busy.
      await poll(() => none.getAttribute('aria-busy')).toBe('true');
      expect(await none.getAttribute('data-from')).toBe(emptyYear);
      expect(await page.getByTestId('meetings-period').getAttribute('data-from')).not.toBe(emptyYear);
    } finally {
      await held.end();
    }
    await meetingsOfChosenPeriod();
  });
});
