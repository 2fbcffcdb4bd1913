/**
 * The start-up a browser test file shares with the others: before its tests, the real server (./server.ts)
 * and Debian's Chromium (./browser.ts) with one page; after them, both stopped (the server's store and the
 * browser profile removed), even when a test failed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { withTurnWait } from '../support/test-store';

/** A phone's screen (the layout the member pages are made for first). */
export const PHONE = { width: 390, height: 844 } as const;

/** How long one browser step (a navigation, a click, a fill) may wait before it fails. */
const STEP_TIMEOUT = 45_000;
/** How long one browser test may take. */
const TEST_TIMEOUT = 150_000;

export interface BrowserSuite {
  server: TestServer;
  browser: LaunchedBrowser;
  page: Page;
}

export interface BrowserSuiteOptions {
  /** The page's viewport; Chromium's default (1280×900, ./browser.ts) when left out. */
  viewport?: { width: number; height: number };
  /** The server's port and extra environment, worked out (e.g. a provider started for it) before it starts. */
  server?: () => Promise<{ port?: number; env?: Record<string, string> }>;
}

/**
 * Start the suite before the file's tests and stop it after them. `ready` runs once the server, the browser
 * and the page are up: the file keeps its references there and adds its own set-up (init scripts, listeners,
 * data made through the API).
 */
export function useBrowserSuite(ready: (suite: BrowserSuite) => void | Promise<void>, opts: BrowserSuiteOptions = {}): void {
  // A browser step loads pages from a server that shares two cores with another test file: on a busy CI
  // machine a test of a few steps can pass a minute. Each step still fails on its own after STEP_TIMEOUT,
  // naming what it waited for.
  vi.setConfig({ testTimeout: TEST_TIMEOUT });
  let suite: Partial<BrowserSuite> = {};
  beforeAll(async () => {
    suite.server = await startTestServer(240_000, (await opts.server?.()) ?? {});
    suite.browser = await launchChromium();
    suite.page = await suite.browser.context.newPage();
    suite.page.setDefaultTimeout(STEP_TIMEOUT);
    if (opts.viewport) await suite.page.setViewportSize(opts.viewport);
    await ready(suite as BrowserSuite);
  }, withTurnWait(300_000));
  // A server that stopped under a test (a crash, not the test's fault) is named with the end of its log.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      const status = suite.server?.exitStatus();
      if (status) console.error(`The test server stopped during this test (${status}). The end of its log:\n${suite.server?.log().slice(-4000)}`);
    });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    suite = {};
  });
}

/** `expect.poll` with the timeout and interval a file's browser steps need. */
export function pollWithin(timeout: number, interval: number) {
  return <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout, interval });
}

/** Whether the page fits its width (no sideways scrolling on a phone). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth + 1);
}
