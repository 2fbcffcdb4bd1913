/**
 * The built client against a server that runs persisted operations only for browser sessions and
 * anonymous callers (HONGTU_PERSISTED_ONLY=1, as production does), in Debian's Chromium: the demo
 * sign-in, a member's and a secretary's first pages, and a password sign-in with the one-time-password
 * change and sign-out all work, and every request the page sends to /graphql carries a hash and no
 * document. The other browser tests run the same client against a server that also takes documents.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cookieClient } from '../support/auth-client';
import { clientDocument } from '../support/persisted';
import { open, signInAs, snap } from './pages';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';

const poll = pollWithin(60_000, 200);

let server: TestServer;
let page: Page;
const sent: Record<string, unknown>[] = [];
const refusals: unknown[] = [];
/** Requests to /graphql sent and not yet answered (their answer read) or failed. */
const inFlight = new Set<Request>();
const isGraphqlPost = (r: Request) => new URL(r.url()).pathname === '/graphql' && r.method() === 'POST';

useBrowserSuite(
  async (s) => {
    ({ server, page } = s);
    page.on('request', (r: Request) => {
      if (!isGraphqlPost(r)) return;
      sent.push(JSON.parse(r.postData() ?? '{}'));
      inFlight.add(r);
    });
    page.on('response', async (r) => {
      if (new URL(r.url()).pathname !== '/graphql') return;
      try {
        const body = (await r.json().catch(() => null)) as { errors?: { extensions?: { persistedQuery?: string } }[] } | null;
        for (const e of body?.errors ?? []) if (e.extensions?.persistedQuery) refusals.push(e);
      } finally {
        inFlight.delete(r.request());
      }
    });
    page.on('requestfailed', (r: Request) => {
      inFlight.delete(r);
    });
  },
  { server: async () => ({ env: { HONGTU_PERSISTED_ONLY: '1' } }) },
);

/**
 * Wait until the page has loaded what it shows: no section still loading (a spinner) and no request to /graphql
 * still unanswered; then no error is shown. An error from a refused operation shows once its answer is there, so
 * counting the alerts right after the heading appears would pass before the page's other queries had answered.
 */
async function expectSettledWithoutError(): Promise<void> {
  await poll(async () => ({ loading: await page.locator('.spinner').count(), unanswered: inFlight.size })).toEqual({ loading: 0, unanswered: 0 });
  expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
}

/** Every request so far went by hash; returns how many there were. */
function expectAllPersisted(): number {
  expect(sent.length).toBeGreaterThan(0);
  for (const body of sent) {
    expect(body.query).toBeUndefined();
    expect(body.extensions).toMatchObject({ persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  }
  expect(refusals).toEqual([]);
  return sent.length;
}

describe('the client with persisted operations only', () => {
  it('the server refuses a document from an anonymous caller', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ demoAccounts { memberId } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it("signs a member in with the demo sign-in and shows the member's home page", async () => {
    await signInAs(page, server.url, 'MEMBER');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/me');
    await poll(() => page.locator('main h1, main h2').first().isVisible()).toBe(true);
    await expectSettledWithoutError();
    await snap(page, 'persisted-member-home');
    expectAllPersisted();
  }, 180_000);

  it("shows a secretary's first page", async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.locator('main h1, main h2').first().isVisible()).toBe(true);
    await expectSettledWithoutError();
    expectAllPersisted();
  }, 180_000);

  it('signs in with a password, changes the one-time password and signs out', async () => {
    // An administrator (demo sign-in, by hash as the client sends it) opens an account for a member.
    const admin = cookieClient(server.url);
    const demo = await admin.gql(clientDocument('DemoAccounts'));
    const accounts = demo.body.data.demoAccounts as { memberId: string; role: string }[];
    const uadmin = accounts.find((a) => a.role === 'UNIVERSITY_ADMIN')!.memberId;
    const member = accounts.filter((a) => a.role === 'MEMBER')[1]!.memberId;
    expect((await admin.gql(clientDocument('Login'), { memberId: uadmin })).body.errors).toBeUndefined();
    const created = await admin.gql(clientDocument('AdminCreateAccount'), { memberId: member, loginName: 'p20260001' });
    expect(created.body.errors).toBeUndefined();
    const otp = created.body.data.createAccount.oneTimePassword as string;

    await page.context().clearCookies();
    await open(page, server.url, '/signin');
    await page.reload();
    await page.getByTestId('login-name').fill('p20260001');
    await page.getByTestId('password').fill(otp);
    await page.getByTestId('password-submit').click();
    await poll(() => page.getByTestId('new-password').isVisible()).toBe(true);
    await page.getByTestId('new-password').fill('春眠不觉晓处处闻啼鸟');
    await page.getByTestId('password-submit').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/me');
    await poll(() => page.getByTestId('signout').getAttribute('data-member-id')).toBe(member);
    await page.getByTestId('signout').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/signin');
    await poll(async () => (await page.context().cookies(server.url)).find((c) => c.name === 'hongtu_session')).toBeUndefined();
    const n = expectAllPersisted();
    const hashes = new Set(sent.map((b) => (b.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash));
    expect(n).toBeGreaterThanOrEqual(hashes.size);
  }, 180_000);
});
