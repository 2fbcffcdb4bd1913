/**
 * Daily use in Debian's Chromium against the real server (Kuzu in a temp dir, demo data): with the internet
 * blocked, GraphiQL and every page load from this server alone; every figure the branch page and the dashboard
 * show equals the API's answer for the same period; the branch page says who needs attention and why.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';
import { blockInternet, type BlockedNetwork } from './offline';
import type { TestServer } from './server';
import { fitsWidth, pollWithin, useBrowserSuite } from './suite';
import { branchFiguresPeriod, holdOperation, open, signedInMemberId, signInAs } from './pages';
import { meetingRatio, type KindCount } from '../../client/src/features/dashboard/dashboard-model';
import { formatPercent } from '../../client/src/i18n/i18n';
import { currentWeek, weekItems } from '../../client/src/features/member-home/plan-week';
import { graphId } from '../../client/src/graph-view/elements';
import { seriousViolations } from './axe';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoLogin, gqlData } from './api';

const pct = (r: number | null | undefined) => (r == null ? '—' : formatPercent('zh-CN', r));

/** The API's answer, as the person with `memberId` (demo sign-in gives their token). */
async function api<T>(memberId: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return gqlData<T>(server.url, query, variables, (await demoLogin(server.url, memberId)).token);
}

/**
 * Sign in as someone else on a new tab (same browser, same blocked network), without the previous person's
 * session cookie: the server refuses cookie requests that lack the client's CSRF header.
 */
async function freshSignIn(role: 'MEMBER' | 'SECRETARY' | 'COMMITTEE_ADMIN' | 'UNIVERSITY_ADMIN'): Promise<void> {
  const size = page.viewportSize();
  await browser.context.clearCookies();
  await page.close();
  page = await browser.context.newPage();
  if (size) await page.setViewportSize(size);
  await signInAs(page, server.url, role);
}

/**
 * Wait until the page has settled: network quiet for a moment (bounded; some screens poll) and no spinner left.
 * The dashboard's learning figures are read from maintained summaries, so a page settles in seconds even on a
 * cold server; how long it takes is the bench's business (section first-load).
 */
async function settle(): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await expect.poll(() => page.locator('main .spinner, main [aria-busy="true"]').count(), { timeout: 30_000, interval: 250 }).toBe(0);
}

const LIFE = `query($id: ID!, $from: DateTime!, $to: DateTime!) { branch(id: $id) { life(from: $from, to: $to) { attendanceRate kinds { kind applies held required } } } }`;
type Life = { branch: { life: { attendanceRate: number | null; kinds: KindCount[] } } };

const poll = pollWithin(30_000, 100);

let server: TestServer;
let browser: LaunchedBrowser;
let page: Page;
let network: BlockedNetwork;

useBrowserSuite(
  async (s) => {
    ({ server, browser, page } = s);
    network = await blockInternet(browser.context);
  },
  // This file signs in as every role many times from one address (each a fresh tab, plus API sign-ins); on a fast
  // machine that is more than the default 20 sign-ins per address in 5 minutes, and the limit is not what it tests
  // (test/security covers it).
  { server: async () => ({ env: { HONGTU_RATE_SIGN_IN: '500' } }) },
);

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
      await freshSignIn(role);
      await settle();
    }
    await open(page, server.url, '/network');
    await settle();
    // Fonts and icons included: nothing was even attempted outside.
    expect(network.attempts).toEqual([]);
    const external = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => !/^(https?:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(n)),
    );
    expect(external).toEqual([]);
  }, 240_000);
});

describe('figures that agree', () => {
  it("the branch page shows, for each period, the API's meetings ratio and attendance for exactly that period", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await freshSignIn('SECRETARY');
    await open(page, server.url, '/branches/b-1');
    for (const key of ['lastQuarter', 'fourQuarters', 'thisQuarter']) {
      await page.getByTestId('period').selectOption(key);
      // The figures counted for this period (the previous period's stay on screen while they load).
      const { from, to } = await branchFiguresPeriod(page);
      await poll(async () => await page.getByTestId('figure-attendance').textContent()).not.toBe('');
      const { branch } = await api<Life>('m-3', LIFE, { id: 'b-1', from, to });
      await poll(() => page.getByTestId('figure-meetings').textContent()).toBe(pct(meetingRatio(branch.life.kinds)));
      await poll(() => page.getByTestId('figure-attendance').textContent()).toBe(pct(branch.life.attendanceRate));
    }
  });

  it("while another period's figures load, the figures on screen are marked busy, not passed off as the chosen period's", async () => {
    // A reload empties the client's cache, so the next period is asked for; its answer is held back meanwhile.
    await page.reload();
    await page.getByTestId('period').selectOption('lastQuarter');
    await branchFiguresPeriod(page);
    const figures = page.getByTestId('branch-figures');
    expect(await figures.getAttribute('aria-busy')).toBeNull();
    const held = await holdOperation(page, 'BranchView');
    try {
      await page.getByTestId('period').selectOption('fourQuarters');
      await held.asked;
      // The chosen period is the four quarters; the figures shown are still last quarter's, and say they are busy.
      await poll(() => figures.getAttribute('aria-busy')).toBe('true');
      const d = await figures.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
      expect(d.from).not.toBe(d.countedFrom);
      expect(await page.getByTestId('figure-meetings').evaluate((el) => Number(getComputedStyle(el.closest('dl')!).opacity))).toBeLessThan(1);
      held.release();
      const { from } = await branchFiguresPeriod(page);
      expect(from).toBe(d.from);
      expect(await figures.getAttribute('aria-busy')).toBeNull();
    } finally {
      await held.end();
    }
  });

  it('the dashboard\'s bars for a branch equal the branch page\'s "last four quarters" and the API', async () => {
    await page.getByTestId('period').selectOption('fourQuarters');
    // Read the branch page's figures once they are the last four quarters' (not the period shown before).
    const { from, to } = await branchFiguresPeriod(page);
    const branchId = 'b-1';
    const onBranch = { meetings: await page.getByTestId('figure-meetings').textContent(), attendance: await page.getByTestId('figure-attendance').textContent() };
    const { branch } = await api<Life>('m-1', LIFE, { id: branchId, from, to });
    await freshSignIn('UNIVERSITY_ADMIN');
    await open(page, server.url, '/dashboard');
    const group = page.locator(`[data-group="${branchId}"] .hbars-value`);
    await poll(() => group.count()).toBe(4);
    const [meetings, attendance] = [await group.nth(0).textContent(), await group.nth(1).textContent()];
    expect({ meetings, attendance }).toEqual(onBranch);
    expect({ meetings, attendance }).toEqual({ meetings: pct(meetingRatio(branch.life.kinds)), attendance: pct(branch.life.attendanceRate) });
    // The learning bars (completion of stage targets, mean mastery) are the API's maintained summary of the branch.
    const { branchLearningSummaries } = await api<{ branchLearningSummaries: { branchId: string; completion: number | null; mastery: number | null }[] }>(
      'm-1',
      'query($ids: [ID!]!) { branchLearningSummaries(branchIds: $ids) { branchId completion mastery } }',
      { ids: [branchId] },
    );
    const summary = branchLearningSummaries.find((x) => x.branchId === branchId)!;
    expect(summary.completion).not.toBeNull();
    await poll(() => group.nth(2).textContent()).toBe(pct(summary.completion));
    await poll(() => group.nth(3).textContent()).toBe(pct(summary.mastery));
  });

  it("a member's plan figures are the API's: this week's items done of listed, the bar, and the whole plan's progress", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await freshSignIn('MEMBER');
    const member = await signedInMemberId(page);
    // The plan section comes with the learning query, after the page itself: whether there is a plan is known once
    // the section is there (its button is there with or without a plan), not right after signing in.
    await poll(() => page.getByTestId('make-plan').count()).toBe(1);
    if ((await page.getByTestId('plan-items').count()) === 0) await page.getByTestId('make-plan').click();
    await poll(() => page.getByTestId('plan-items').locator('li').count()).toBeGreaterThan(0);
    // Mark one item studied, so the figures are not all zero.
    await page.getByTestId('plan-items').getByRole('button', { name: '标记为已学' }).first().click();
    await poll(() => page.getByTestId('plan-items').locator('.chip-ok').count()).toBeGreaterThan(0);
    type Plan = { progress: number; weeks: number; startsAt: string; items: { week: number; order: number; minutes: number; completed: boolean }[] };
    const { studyPlan } = await api<{ studyPlan: Plan }>(
      member,
      'query($id: ID!) { studyPlan(memberId: $id) { progress weeks startsAt items { week order minutes completed } } }',
      {
        id: member,
      },
    );
    const week = currentWeek(studyPlan.startsAt, studyPlan.weeks);
    const { list, done } = weekItems(studyPlan.items, week);
    expect(done).toBeGreaterThan(0);
    await poll(() => page.getByTestId('plan-progress').textContent()).toMatch(new RegExp(`^本周已完成 ${done}/${list.length} 项`));
    const bar = page.getByTestId('plan-week-bar');
    expect({ now: await bar.getAttribute('aria-valuenow'), max: await bar.getAttribute('aria-valuemax') }).toEqual({ now: String(done), max: String(list.length) });
    // The bar's fill is the same share as the words beside it.
    const fill = await bar.evaluate((el) => (el.firstElementChild as HTMLElement).getBoundingClientRect().width / el.getBoundingClientRect().width);
    expect(Math.abs(fill - done / list.length)).toBeLessThan(0.02);
    await poll(() => page.getByTestId('plan-overall').textContent()).toBe(`整个 ${studyPlan.weeks} 周计划的项目已完成 ${pct(studyPlan.progress)}`);
  });
});

const VIEWPORTS = [
  { width: 1280, height: 900, label: 'desk' },
  { width: 390, height: 844, label: 'phone' },
] as const;

describe('who needs attention', () => {
  for (const viewport of VIEWPORTS)
    it(`lists members with reason and evidence at the top of the branch page, and counts members by stage (${viewport.label})`, async () => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await freshSignIn('SECRETARY');
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
      expect(await fitsWidth(page)).toBe(true);
    });
});

describe('something to study', () => {
  it('a member opens a course from the plan or recommendations, reads it, and the visible time is recorded as study', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await freshSignIn('MEMBER');
    const link = page.locator('[data-testid="plan-items"] a, [data-testid="recommendations"] a').first();
    await poll(() => link.count()).toBe(1);
    const title = (await link.textContent())!.trim();
    await link.click();
    await poll(() => page.locator('h1').textContent()).toBe(title);
    // A course with written content: outline, reading, questions, topics and prerequisites.
    await open(page, server.url, '/courses/c-21');
    await poll(() => page.getByTestId('course-outline').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('course-reading').locator('p').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('course-questions').locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('course-topics').locator('.chip').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('study-time').textContent()).toMatch(/阅读 0 分 [6-9] 秒/);
    // Leaving the page reports the visible seconds through recordStudy.
    await open(page, server.url, '/me');
    const member = await signedInMemberId(page);
    const studies = async () =>
      (
        await api<{ member: { recentActivity: { studies: { id: string; seconds: number; course: { id: string } }[] } } }>(
          member,
          'query($id: ID!) { member(id: $id) { recentActivity(first: 20) { studies { id seconds course { id } } } } }',
          { id: member },
        )
      ).member.recentActivity.studies;
    await poll(async () => (await studies()).filter((s) => s.course.id === 'c-21' && s.id.startsWith('view-')).reduce((a, s) => a + s.seconds, 0)).toBeGreaterThanOrEqual(6);
  });

  it('at a desk, a course page shows its outline, reading, questions and topics within the width', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, server.url, '/courses/c-21');
    await poll(() => page.getByTestId('course-outline').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('course-reading').locator('p').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('course-questions').locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('course-topics').locator('.chip').count()).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, server.url, '/me');
    await poll(() => page.getByTestId('recommendations').locator('strong a').count()).toBeGreaterThan(0);
  });

  it('the recommendations do not repeat the courses of the plan', async () => {
    const plan = await page
      .getByTestId('plan-items')
      .locator('.plan-title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const recs = await page
      .getByTestId('recommendations')
      .locator('strong a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.filter((h) => plan.includes(h))).toEqual([]);
  });
});

describe('pictures that carry meaning', () => {
  for (const viewport of [
    { width: 1280, height: 900, label: 'desk' },
    { width: 390, height: 844, label: 'phone' },
  ]) {
    it(`the portrait's picture names its nodes without overlapping labels, and its legend shows the shapes and colours drawn (${viewport.label})`, async () => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await freshSignIn('SECRETARY');
      await open(page, server.url, '/members/m-4');
      // The picture is drawn from the portrait query first; the gap topics join it when the learning query answers.
      // Measure once it holds them (the API's first five gaps, as the portrait takes), not as soon as it has nodes.
      const { gaps } = await api<{ gaps: { topic: { id: string } }[] }>(await signedInMemberId(page), 'query($id: ID!) { gaps(memberId: $id) { topic { id } } }', { id: 'm-4' });
      expect(gaps.length, 'm-4 has gaps, so the picture has gap topics to place').toBeGreaterThan(0);
      const gapNodes = gaps.slice(0, 5).map((g) => graphId('topic', g.topic.id));
      await page.waitForFunction(
        (ids) => {
          const cy = window.cy;
          return !!cy && !cy.destroyed() && cy.nodes().length > 2 && !!cy.container()?.closest('.graph-small') && ids.every((id) => cy.getElementById(id).nonempty());
        },
        gapNodes,
        { timeout: 45_000 },
      );
      const drawn = await page.evaluate(() => {
        const cy = window.cy!;
        return cy.nodes().map((n) => {
          const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          return {
            kind: String(n.data('kind')),
            name: String(n.data('label') ?? ''),
            labelled: n.hasClass('labelled'),
            box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
            px: parseFloat(String(n.style('font-size'))) * cy.zoom(),
            shape: String(n.style('shape')),
            color: String(n.style('background-color')).replace(/\s/g, ''),
          };
        });
      });
      // Every node has its name (drawn, or on hover where it would touch another); the member's own is drawn,
      // large enough to read, and no two drawn labels touch.
      for (const n of drawn) expect(n.name.trim(), n.kind).not.toBe('');
      const shown = drawn.filter((n) => n.labelled);
      expect(shown.map((n) => n.kind)).toContain('member');
      for (const n of shown) expect(n.px, n.name).toBeGreaterThanOrEqual(9);
      const touching = shown.flatMap((a, i) =>
        shown
          .slice(i + 1)
          .filter((b) => a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
          .map((b) => `${a.name} / ${b.name}`),
      );
      expect(touching).toEqual([]);
      const kinds = [...new Set(drawn.map((n) => n.kind))].sort();
      expect(kinds).toEqual(expect.arrayContaining(['branch', 'member']));
      // Each kind on the canvas has a legend entry of the same shape and colour.
      for (const kind of kinds) {
        const swatch = page.getByTestId(`portrait-legend-${kind}`);
        expect(await swatch.count(), kind).toBe(1);
        const legend = await swatch.evaluate((svg) => ({ shape: svg.getAttribute('data-shape'), color: getComputedStyle(svg.querySelector('path')!).fill.replace(/\s/g, '') }));
        const canvas = drawn.find((n) => n.kind === kind)!;
        expect(legend, kind).toEqual({ shape: canvas.shape, color: canvas.color });
      }
    });
  }
});

/** Each main screen, as a role sees it. */
const SCREENS = [
  { name: 'sign-in', role: null, hash: '/signin' },
  { name: 'member-home', role: 'MEMBER', hash: '/me' },
  { name: 'course', role: 'MEMBER', hash: '/courses/c-21' },
  { name: 'branch', role: 'SECRETARY', hash: '/branches/b-1' },
  { name: 'portrait', role: 'SECRETARY', hash: '/members/m-4' },
  { name: 'network', role: 'SECRETARY', hash: '/network' },
  { name: 'dashboard', role: 'UNIVERSITY_ADMIN', hash: '/dashboard' },
] as const;

/**
 * Every other screen, as the role that uses it sees it (`:meeting` is a meeting of the branch b-1, found
 * through the API). Their own browser tests use them; here each is checked with axe in both viewports.
 */
const OTHER_SCREENS = [
  { name: 'account', role: 'MEMBER', hash: '/account' },
  { name: 'own-record', role: 'MEMBER', hash: '/members/:me/record' },
  { name: 'todo', role: 'SECRETARY', hash: '/todo' },
  { name: 'meetings', role: 'SECRETARY', hash: '/branches/b-1/meetings' },
  { name: 'meeting-new', role: 'SECRETARY', hash: '/branches/b-1/meetings/new' },
  { name: 'meeting', role: 'SECRETARY', hash: '/meetings/:meeting' },
  { name: 'pipeline', role: 'SECRETARY', hash: '/members/m-4/pipeline' },
  { name: 'dues', role: 'SECRETARY', hash: '/members/m-4/dues' },
  { name: 'talks', role: 'SECRETARY', hash: '/members/m-4/talks' },
  { name: 'record', role: 'SECRETARY', hash: '/members/m-4/record' },
  { name: 'profiles', role: 'SECRETARY', hash: '/members/m-4/profiles' },
  { name: 'affairs', role: 'SECRETARY', hash: '/branches/b-1/affairs' },
  { name: 'assessment', role: 'SECRETARY', hash: '/branches/b-1/assessment' },
  { name: 'calendar', role: 'SECRETARY', hash: '/branches/b-1/calendar' },
  { name: 'notices', role: 'SECRETARY', hash: '/notices' },
  { name: 'appraisal', role: 'SECRETARY', hash: '/appraisal' },
  { name: 'not-found', role: 'SECRETARY', hash: '/nowhere' },
  { name: 'committee-dashboard', role: 'COMMITTEE_ADMIN', hash: '/dashboard' },
  { name: 'bulk-transfers', role: 'COMMITTEE_ADMIN', hash: '/transfers/bulk' },
  { name: 'accounts', role: 'UNIVERSITY_ADMIN', hash: '/admin/accounts' },
  { name: 'rules', role: 'UNIVERSITY_ADMIN', hash: '/rules' },
] as const;

// HONGTU_SCREENSHOTS=1 writes the README's screenshots (docs/screenshots/); otherwise they go to test-artifacts/.
const SHOTS =
  process.env.HONGTU_SCREENSHOTS === '1' ? path.resolve(import.meta.dirname, '../../docs/screenshots') : path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');

describe('accessible on a desk and a phone', () => {
  for (const viewport of [
    { width: 1280, height: 900, label: 'desk' },
    { width: 390, height: 844, label: 'phone' },
  ]) {
    it(`has no serious or critical axe violations on any screen (${viewport.label})`, async () => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      mkdirSync(SHOTS, { recursive: true });
      let role: string | null = null;
      const found: Record<string, unknown> = {};
      for (const s of SCREENS) {
        if (s.role && s.role !== role) {
          await freshSignIn(s.role);
          role = s.role;
        }
        await open(page, server.url, s.hash);
        await settle();
        const v = await seriousViolations(page);
        if (v.length) found[s.name] = v;
        await page.screenshot({ path: path.join(SHOTS, `${s.name}-${viewport.label}.png`), animations: 'disabled', timeout: 60_000 });
      }
      expect(found).toEqual({});
    }, 300_000);
  }

  for (const viewport of [
    { width: 1280, height: 900, label: 'desk' },
    { width: 390, height: 844, label: 'phone' },
  ]) {
    it(`has no serious or critical axe violations on every other screen (${viewport.label})`, async () => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const year = { from: new Date(Date.now() - 365 * 86400_000).toISOString(), to: new Date().toISOString() };
      const { meetings } = await api<{ meetings: { id: string }[] }>(
        'm-1',
        'query($b: ID!, $from: DateTime!, $to: DateTime!) { meetings(branchId: $b, from: $from, to: $to) { id } }',
        {
          b: 'b-1',
          ...year,
        },
      );
      expect(meetings.length).toBeGreaterThan(0);
      let role: string | null = null;
      const found: Record<string, unknown> = {};
      for (const s of OTHER_SCREENS) {
        if (s.role !== role) {
          await freshSignIn(s.role);
          role = s.role;
        }
        await open(page, server.url, s.hash.replace(':meeting', meetings[0].id).replace(':me', await signedInMemberId(page)));
        await settle();
        // The page drew its own content (a heading), not a blank page or an error.
        const heading = (await page.locator('main h1, main h2').allTextContents()).join(' | ');
        const alerts = await page.locator('main [role="alert"]').allTextContents();
        const v = await seriousViolations(page);
        if (v.length || !heading || alerts.length) found[s.name] = { heading, alerts, violations: v };
      }
      expect(found).toEqual({});
    }, 400_000);
  }

  it('on a phone, the members table keeps its key columns without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await freshSignIn('SECRETARY');
    await open(page, server.url, '/branches/b-1');
    const table = page.getByTestId('members-table');
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(3);
    const heads = await table.locator('thead th:visible').allTextContents();
    expect(heads).toEqual(expect.arrayContaining(['姓名', '阶段', '短板数', '出勤率', '标签']));
    const labels = await table
      .locator('tbody tr')
      .first()
      .locator('td:visible')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-label')));
    expect(labels).toEqual([null, '阶段', '短板数', '出勤率', null]);
    const { scroll, client } = await table.evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client + 1);
  });
});
