/**
 * Daily use in Debian's Chromium against the real server (Kuzu in a temp dir, demo data): with the internet
 * blocked, GraphiQL and every page load from this server alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser';
import { blockInternet, type BlockedNetwork } from './offline';
import { startTestServer, type TestServer } from './server';
import { open, signInAs } from './pages';

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
