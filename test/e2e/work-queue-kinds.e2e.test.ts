/**
 * The secretary's work queue (待办) to a completed item, for the kinds besides meetings (those are walked in
 * work-queue.e2e.test.ts): a half-yearly pipeline review, dues in arrears and a transfer whose receipt is
 * overdue. Each starts from the item's own link in the queue on a phone, is done on the page it leads to, and
 * then the item has left the queue (read back through the API as well as on screen).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import type { TestServer } from './server';
import { PHONE, pollWithin, useBrowserSuite } from './suite';
import { signInAs } from './pages';
import { pageGql } from './api';

const poll = pollWithin(90_000, 250);

let server: TestServer;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, page } = s);
  },
  { viewport: PHONE },
);

interface Item {
  key: string;
  ruleId: string;
  status: string;
  subject: { id: string; name: string };
}

/** The open items of the queue, through the API with the page's session. */
async function queue(): Promise<Item[]> {
  const body = await pageGql<{ workQueue: { items: Item[] } }>(page, '{ workQueue { items { key ruleId status subject { id name } } } }');
  expect(body.errors).toBeUndefined();
  return body.data!.workQueue.items.filter((i) => i.status === 'DUE' || i.status === 'OVERDUE');
}

/** Open the queue and follow the link of the item `key`. */
async function follow(key: string): Promise<void> {
  await page.goto(`${server.url}/#/todo`);
  const li = page.locator(`[data-testid="work-queue"] > li[data-key="${key}"]`);
  await poll(() => li.count()).toBe(1);
  await li.getByTestId('todo-action').click();
}

/** The item has left the queue: on screen and in the API. */
async function gone(key: string): Promise<void> {
  expect((await queue()).map((i) => i.key)).not.toContain(key);
  await page.goto(`${server.url}/#/todo`);
  await poll(() => page.locator('[data-testid="work-queue"] > li').count()).toBeGreaterThan(0);
  // The queue shows what it had, then what the server answers now (cache-and-network).
  await poll(() => page.locator(`[data-testid="work-queue"] > li[data-key="${key}"]`).count()).toBe(0);
}

describe('work queue to a completed item of each kind', () => {
  it('a half-yearly review of an activist: recorded on the pipeline page the item opens', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/todo');
    const item = (await queue()).find((i) => i.ruleId === 'pipeline.review.half-yearly');
    expect(item, 'the demo queue has a review that is due').toBeDefined();
    await follow(item!.key);
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/members/${encodeURIComponent(item!.subject.id)}/pipeline`);
    const form = page.getByTestId('pipeline-form');
    await form.waitFor();
    const before = await page.locator('[data-testid="pipeline-timeline"] > li').count();
    await page.getByTestId('pipeline-step').selectOption('REVIEW');
    await form.getByRole('button').click();
    await poll(() => page.getByTestId('pipeline-saved').isVisible()).toBe(true);
    await poll(() => page.locator('[data-testid="pipeline-timeline"] > li').count()).toBe(before + 1);
    expect(await seriousViolations(page)).toEqual([]);
    await gone(item!.key);
  }, 240_000);

  it("dues in arrears: paid on the member's dues page the item opens, until nothing is prompted", async () => {
    const item = (await queue()).find((i) => i.ruleId === 'dues.arrears.warn' || i.ruleId === 'dues.arrears.constitution');
    expect(item, 'the demo queue has a member in arrears').toBeDefined();
    await follow(item!.key);
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/members/${encodeURIComponent(item!.subject.id)}/dues`);
    await page.getByTestId('dues-arrears').waitFor();
    await poll(() => page.getByTestId('dues-prompt').count()).toBeGreaterThan(0);
    // The form offers up to three unpaid months at a time; pay until the arrears no longer prompt the branch.
    for (let round = 0; round < 12 && (await page.getByTestId('dues-prompt').count()) > 0; round++) {
      const arrears = await page.getByTestId('dues-arrears').textContent();
      await page.getByTestId('dues-form').getByRole('button').click();
      await poll(() => page.getByTestId('dues-paid').isVisible()).toBe(true);
      await poll(() => page.getByTestId('dues-arrears').textContent()).not.toBe(arrears);
      await page.reload();
      await page.getByTestId('dues-arrears').waitFor();
    }
    await expect(page.getByTestId('dues-prompt').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await gone(item!.key);
  }, 300_000);

  it('a transfer whose receipt is overdue: the receipt recorded on the branch affairs page the item opens', async () => {
    const item = (await queue()).find((i) => i.ruleId === 'transfer.receipt.overdue');
    expect(item, 'the demo queue has an overdue receipt').toBeDefined();
    await follow(item!.key);
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/branches\/[^/]+\/affairs$/);
    const row = page.locator('[data-testid="transfers"] > li', { hasText: item!.subject.name }).filter({ has: page.getByTestId('transfer-confirm') });
    await poll(() => row.count()).toBeGreaterThan(0);
    await row.first().getByTestId('transfer-confirm').click();
    await poll(() =>
      page
        .locator('[data-testid="transfers"] > li', { hasText: item!.subject.name })
        .filter({ has: page.getByTestId('transfer-confirm') })
        .count(),
    ).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await gone(item!.key);
  }, 240_000);
});
