/**
 * The built client and GraphiQL under the Content-Security-Policy the server sends: a member signs in
 * and opens their page and the network picture, then GraphiQL loads; the browser reports no policy
 * violation (collected from `securitypolicyviolation` events and console errors).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, signInAs, waitForNetwork } from './pages';
import type { TestServer } from './server';
import { useBrowserSuite } from './suite';

let server: TestServer;
let page: Page;
const violations: string[] = [];

useBrowserSuite(async (s) => {
  ({ server, page } = s);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
});

const pageViolations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

describe('Content-Security-Policy', () => {
  it('the client works under it: sign-in, a member page, the network picture', async () => {
    const res = await page.goto(`${server.url}/`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, '/network');
    await waitForNetwork(page, 'member', 2);
    expect(await pageViolations()).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('GraphiQL loads its editor under it', async () => {
    const res = await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor, .graphiql-editor').first().waitFor({ timeout: 60_000 });
    expect(await pageViolations()).toEqual([]);
    expect(violations).toEqual([]);
  });
});
