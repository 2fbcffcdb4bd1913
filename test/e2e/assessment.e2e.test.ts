/**
 * Branch assessment (考核) in the browser. A secretary on a phone opens the assessment from the work queue: the
 * score per quarter (trend), each indicator with how it was counted and its evidence, and every obligation that
 * cost points with its citation, the points it cost and a link to where it is done (which opens). The committee
 * and university dashboards rank the branches for a quarter, each linking to that branch's assessment. The figures
 * on screen are checked against the API, and each screen against axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import type { TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { holdOperation, open, signInAs, snap } from './pages';
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

const noSideways = () => fitsWidth(page);

/** A GraphQL query through the page's own session cookie. */
async function api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await pageGql<T>(page, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

interface ApiQuarter {
  quarter: string;
  score: number | null;
  indicators: { id: string; shortfalls: { key: string; ruleId: string }[] }[];
}

describe('branch assessment', () => {
  let branchId = '';

  it('a secretary sees the trend, each indicator and what cost points, on a phone', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/todo');
    await page.getByTestId('assessment-link').click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/branches\/[^/]+\/assessment$/);
    branchId = decodeURIComponent((await page.evaluate(() => location.hash)).split('/')[2]);
    const trend = page.getByTestId('assess-trend');
    await poll(() => trend.locator('tbody tr').count()).toBe(4);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('支部考核');

    const { branchAssessment: quarters } = await api<{ branchAssessment: ApiQuarter[] }>(
      'query($b: ID!) { branchAssessment(branchId: $b, first: 4) { quarter score indicators { id shortfalls { key ruleId } } } }',
      { b: branchId },
    );
    // The trend shows the API's quarters and scores, oldest first.
    const rows = await trend.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ q: tr.getAttribute('data-quarter'), s: tr.getAttribute('data-score') })));
    expect(rows).toEqual(quarters.map((q) => ({ q: q.quarter, s: q.score === null ? '' : String(q.score) })));
    // The last ended quarter is explained by default: six indicators, each saying how it was counted.
    const shown = quarters[2];
    await expect(page.locator('tr[aria-current="true"]').getAttribute('data-quarter')).resolves.toBe(shown.quarter);
    const cards = page.locator('[data-indicator]');
    await poll(() => cards.count()).toBe(6);
    for (const text of await cards.locator('p.meta').allTextContents()) expect(text).toMatch(/项|人次|无数据|目录|没有/);
    // Every obligation that cost points is listed with its citation and a way to act on it.
    const expected = shown.indicators.flatMap((i) => i.shortfalls.map((o) => o.key)).sort();
    const listed = await page.locator('[data-testid="shortfalls"] > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')!));
    expect(listed.sort()).toEqual(expected);
    expect(expected.length, 'the demo branch lost points in the last quarter').toBeGreaterThan(0);
    for (const c of await page.locator('[data-testid="shortfalls"] [data-testid="citation"]').allTextContents()) expect(c).toMatch(/^依据：《.+》/);
    const lost = await page.getByTestId('indicator-lost').allTextContents();
    expect(lost.length).toBeGreaterThan(0);
    for (const l of lost) expect(l).toMatch(/^扣 \d+(\.\d)? 分$/);
    // Points lost add up to what the score is short of 100.
    const sum = await cards.evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-lost')), 0));
    expect(sum).toBeCloseTo(100 - shown.score!, 6);
    // The evidence behind an indicator opens.
    const details = page.locator('[data-indicator="meetings"] details');
    if (await details.count()) {
      await details.locator('summary').click();
      await poll(() => details.getByTestId('evidence').locator('li').count()).toBeGreaterThan(0);
    }
    expect(await noSideways()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await snap(page, 'assessment-phone');

    // Another quarter opens from the trend.
    await trend.locator(`tr[data-quarter="${quarters[1].quarter}"] button`).click();
    await poll(() => page.locator('tr[aria-current="true"]').getAttribute('data-quarter')).toBe(quarters[1].quarter);

    // What to do about a shortfall: its link opens the page where it is done.
    await trend.locator(`tr[data-quarter="${shown.quarter}"] button`).click();
    const action = page.getByTestId('shortfall-action').first();
    const href = (await action.getAttribute('href'))!;
    expect(href).not.toBe('#/me');
    await action.click();
    await poll(() => page.evaluate(() => location.hash)).toBe(href);
    await poll(async () => ((await page.locator('main').textContent()) ?? '').length > 20 && !((await page.locator('main').textContent()) ?? '').includes('正在加载')).toBe(true);
    await expect(page.locator('main').textContent()).resolves.not.toContain('没有这个页面');
  }, 300_000);

  it('reads in English too', async () => {
    await open(page, server.url, `/branches/${encodeURIComponent(branchId)}/assessment`);
    await page.getByTestId('locale').selectOption('en');
    try {
      await poll(() => page.locator('h1').first().textContent()).toBe('Branch assessment');
      await poll(() => page.locator('[data-indicator="meetings"] strong').first().textContent()).toBe('Meetings held as required');
    } finally {
      await page.getByTestId('locale').selectOption('zh-CN');
    }
  }, 120_000);

  it('the committee dashboard ranks its branches for a quarter and links to each assessment', async () => {
    await signInAs(page, server.url, 'COMMITTEE_ADMIN');
    await open(page, server.url, '/dashboard');
    const table = page.getByTestId('assess-compare');
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    const scores = await table.locator('tbody tr').evaluateAll((trs) =>
      trs
        .map((tr) => tr.getAttribute('data-score'))
        .filter((s) => s !== '')
        .map(Number),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const quarter = await page.getByTestId('assess-quarter').inputValue();
    const { viewer } = await api<{ viewer: { committee: { id: string } } }>('{ viewer { committee { id } } }', {});
    const comparison = async (q: string) =>
      (
        await api<{ assessmentComparison: { branchId: string; score: number | null }[] }>(
          'query($c: ID, $q: String) { assessmentComparison(committeeId: $c, quarter: $q) { branchId score } }',
          { c: viewer.committee.id, q },
        )
      ).assessmentComparison;
    const data = await comparison(quarter);
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-branch')));
    expect(shown).toEqual(data.map((r) => r.branchId));
    // Another quarter reloads the comparison. The previous quarter's rows (the same branches) stay on screen while
    // it loads, so wait for the table of that quarter, then it is the API's for that quarter.
    const options = await page
      .getByTestId('assess-quarter')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options[2]).not.toBe(quarter);
    // While that quarter's answer is held back, the previous quarter's table is on screen, marked busy.
    const held = await holdOperation(page, 'AssessmentComparison');
    try {
      await page.getByTestId('assess-quarter').selectOption(options[2]);
      await held.asked;
      await poll(() => table.getAttribute('aria-busy')).toBe('true');
      expect(await table.getAttribute('data-quarter')).toBe(quarter);
    } finally {
      await held.end();
    }
    await poll(() => table.getAttribute('data-quarter')).toBe(options[2]);
    // That quarter's own table is not marked busy.
    await expect(table.getAttribute('aria-busy')).resolves.toBeNull();
    const other = await comparison(options[2]);
    const rowsShown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ branch: tr.getAttribute('data-branch'), score: tr.getAttribute('data-score') })));
    expect(rowsShown).toEqual(other.map((r) => ({ branch: r.branchId, score: r.score === null ? '' : String(r.score) })));
    expect(rowsShown).toHaveLength(shown.length);
    expect(await noSideways()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await snap(page, 'assessment-compare-committee');
    await table.locator('tbody tr th a').first().click();
    await poll(() => page.getByTestId('assess-trend').locator('tbody tr').count()).toBe(4);
  }, 300_000);

  it('the university dashboard compares every branch', async () => {
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    await open(page, server.url, '/dashboard');
    const table = page.getByTestId('assess-compare');
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    const { university } = await api<{ university: { committees: { branches: { id: string }[] }[] } }>('{ university { committees { branches { id } } } }', {});
    const branches = university.committees.flatMap((c) => c.branches);
    await poll(() => table.locator('tbody tr').count()).toBe(branches.length);
  }, 300_000);
});
