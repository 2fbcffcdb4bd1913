/**
 * Daily use in Debian's Chromium against the real server (Kuzu in a temp dir, demo data): with the internet
 * blocked, GraphiQL and every page load from this server alone; every figure the branch page and the dashboard
 * show equals the API's answer for the same period; the branch page says who needs attention and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser';
import { blockInternet, type BlockedNetwork } from './offline';
import { startTestServer, type TestServer } from './server';
import { open, signInAs } from './pages';
import { meetingRatio, type KindCount } from '../../client/src/features/dashboard/dashboard-model';
import { formatPercent } from '../../client/src/i18n/i18n';

const pct = (r: number | null | undefined) => (r == null ? '—' : formatPercent('zh-CN', r));

/** The API's answer, as the person with `memberId` (demo sign-in gives their token). */
async function api<T>(memberId: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const post = async (q: string, v: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q, variables: v }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await post('mutation($id: ID!) { login(memberId: $id) { token } }', { id: memberId }) as unknown as { login: { token: string } };
  return post(query, variables, login.token);
}

const LIFE = `query($id: ID!, $from: DateTime!, $to: DateTime!) { branch(id: $id) { life(from: $from, to: $to) { attendanceRate kinds { kind applies held required } } } }`;
type Life = { branch: { life: { attendanceRate: number | null; kinds: KindCount[] } } };

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

let server: TestServer;
let browser: LaunchedBrowser;
let page: Page;
let network: BlockedNetwork;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  network = await blockInternet(browser.context);
  page = await browser.context.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('offline', () => {
  it('GraphiQL at /graphql loads from this server and runs a query with the internet blocked', async () => {
    const query = encodeURIComponent('{ __typename }');
    await page.goto(`${server.url}/graphql?query=${query}`);
    await poll(() => page.locator('.graphiql-container').count()).toBeGreaterThan(0);
    expect(await page.title()).toContain('红图');
    await page.locator('.graphiql-execute-button').click();
    await poll(() => page.locator('.graphiql-response').textContent()).toContain('Query');
    expect(network.attempts).toEqual([]);
  });

  it('every screen of every role loads with no request leaving the machine', async () => {
    for (const role of ['MEMBER', 'SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'] as const) {
      await signInAs(page, server.url, role);
      await page.waitForLoadState('networkidle');
    }
    await open(page, server.url, '/network');
    await page.waitForLoadState('networkidle');
    // Fonts and icons included: nothing was even attempted outside.
    expect(network.attempts).toEqual([]);
    const external = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !/^(https?:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(n)));
    expect(external).toEqual([]);
  });
});

describe('figures that agree', () => {
  it('the branch page shows, for each period, the API\'s meetings ratio and attendance for exactly that period', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, '/branches/b-1');
    const figures = page.getByTestId('branch-figures');
    for (const key of ['lastQuarter', 'fourQuarters', 'thisQuarter']) {
      await page.getByTestId('period').selectOption(key);
      await poll(async () => (await figures.getAttribute('data-from')) !== null && (await page.getByTestId('figure-attendance').textContent()) !== '').toBe(true);
      const from = (await figures.getAttribute('data-from'))!;
      const to = (await figures.getAttribute('data-to'))!;
      const { branch } = await api<Life>('m-3', LIFE, { id: 'b-1', from, to });
      await poll(() => page.getByTestId('figure-meetings').textContent()).toBe(pct(meetingRatio(branch.life.kinds)));
      await poll(() => page.getByTestId('figure-attendance').textContent()).toBe(pct(branch.life.attendanceRate));
    }
  });

  it('the dashboard\'s bars for a branch equal the branch page\'s "last four quarters" and the API', async () => {
    await page.getByTestId('period').selectOption('fourQuarters');
    const figures = page.getByTestId('branch-figures');
    await poll(async () => (await figures.getAttribute('data-from'))).toBeTruthy();
    const branchId = 'b-1';
    const from = (await figures.getAttribute('data-from'))!;
    const to = (await figures.getAttribute('data-to'))!;
    const onBranch = { meetings: await page.getByTestId('figure-meetings').textContent(), attendance: await page.getByTestId('figure-attendance').textContent() };
    const { branch } = await api<Life>('m-1', LIFE, { id: branchId, from, to });
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    await open(page, server.url, '/dashboard');
    const group = page.locator(`[data-group="${branchId}"] .hbars-value`);
    await poll(() => group.count()).toBe(4);
    const [meetings, attendance] = [await group.nth(0).textContent(), await group.nth(1).textContent()];
    expect({ meetings, attendance }).toEqual(onBranch);
    expect({ meetings, attendance }).toEqual({ meetings: pct(meetingRatio(branch.life.kinds)), attendance: pct(branch.life.attendanceRate) });
  });
});

describe('who needs attention', () => {
  it('lists members with reason and evidence at the top of the branch page, and counts members by stage', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, '/branches/b-1');
    const list = page.getByTestId('attention');
    await poll(() => list.locator(':scope > li').count()).toBeGreaterThan(0);
    // The section comes before the organizational-life table.
    const order = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="attention"]')!;
      const f = document.querySelector('[data-testid="branch-figures"]')!;
      return a.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    const low = list.locator('li[data-reason="attendance"]').first();
    await poll(() => low.count()).toBe(1);
    expect(await low.textContent()).toMatch(/最近 \d+ 次会议只出席 \d+ 次（\d+%），支部 .+ 出勤率 \d+%/);
    const counts = page.getByTestId('stage-counts');
    const total = Number((await counts.textContent())!.match(/成员共 (\d+) 人/)![1]);
    const byStage = await counts.locator('[data-stage]').allTextContents();
    expect(byStage.map((x) => Number(x.match(/(\d+)$/)![1])).reduce((a, b) => a + b, 0)).toBe(total);
    expect(await page.getByRole('heading', { name: '成员名单' }).count()).toBe(1);
  });
});
