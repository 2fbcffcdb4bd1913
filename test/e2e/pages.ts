/** Small page helpers shared by the browser tests: sign in by role, screenshots, graph access. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { PERSISTED_OPERATION_HASHES } from '../../client/src/gql/persisted-operations';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

/** Save a full-page screenshot under test-artifacts/ (not committed). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Open the app with `?debug` (exposes window.cy) at a hash route. */
export async function open(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/?debug=1#${hash}`);
}

/** The member id of whoever is signed in (the sign-out button carries it). */
export async function signedInMemberId(page: Page): Promise<string> {
  return (await page.getByTestId('signout').getAttribute('data-member-id')) ?? '';
}

/** Sign in through the demo sign-in page as the first seeded person with `role`; waits for the landing page. */
export async function signInAs(page: Page, base: string, role: 'MEMBER' | 'SECRETARY' | 'COMMITTEE_ADMIN' | 'UNIVERSITY_ADMIN'): Promise<void> {
  // Start signed out: drop the session cookie of an earlier test.
  await page.context().clearCookies();
  await open(page, base, '/signin');
  await page.reload();
  await page.locator(`input[data-role="${role}"]`).check();
  await submitSignIn(page);
}

/** Sign in through the demo sign-in page by typing a member id; waits for the landing page. */
export async function signInById(page: Page, base: string, memberId: string): Promise<void> {
  await page.context().clearCookies();
  await open(page, base, '/signin');
  await page.reload();
  await page.getByPlaceholder('例如 m-1').fill(memberId);
  await submitSignIn(page);
}

/**
 * Press the demo sign-in button and wait until the app leaves the sign-in page. When it does not within
 * `timeoutMs`, fail with what the page says (an error, say), so a failure names its cause.
 */
export async function submitSignIn(page: Page, timeoutMs = 45_000): Promise<void> {
  await page.getByTestId('signin-submit').click();
  try {
    await page.waitForFunction(() => !location.hash.startsWith('#/signin'), undefined, { timeout: timeoutMs });
  } catch (e) {
    const said = await page
      .locator('#root')
      .textContent({ timeout: 2_000 })
      .catch(() => null);
    throw new Error(`Sign-in stayed on ${page.url()} for ${timeoutMs} ms. The page says: ${(said ?? '(nothing)').replace(/\s+/g, ' ').trim()}`, { cause: e });
  }
}

/** Number of nodes (and of member nodes) in the live graph, read through window.cy. */
export async function graphCounts(page: Page): Promise<{ nodes: number; members: number; edges: number }> {
  return page.evaluate(() => {
    const cy = window.cy!;
    return { nodes: cy.nodes().length, members: cy.nodes('[kind = "member"]').length, edges: cy.edges().length };
  });
}

/** Click a graph node where it is drawn on screen, as a user would. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const pos = await page.evaluate((nodeId) => {
    const cy = window.cy!;
    const n = cy.getElementById(nodeId);
    const box = cy.container()!.getBoundingClientRect();
    const p = n.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(pos.x, pos.y);
}

/** Wait until window.cy is the network explorer's graph (not a previous page's) and has `min` nodes of `kind`. */
export async function waitForNetwork(page: Page, kind: string, min = 1): Promise<void> {
  await page.waitForFunction(
    ([k, n]) => {
      const cy = window.cy;
      const el = document.querySelector('.network-layout [data-testid="graph-view"]');
      return !!cy && !cy.destroyed() && cy.container() === el && cy.nodes(`[kind = "${k}"]`).length >= Number(n);
    },
    [kind, String(min)] as const,
    { timeout: 30_000 },
  );
  // One frame for the layout to be drawn before anyone clicks.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

/**
 * The period the branch page's figures are for (`data-from`/`data-to`), once the figures on screen were counted for
 * it: after another period is chosen, the previous period's figures stay on screen until the new ones arrive (the
 * figures' `data-counted-from`/`data-counted-to` say which period they were counted for).
 */
export async function branchFiguresPeriod(page: Page, timeout = 30_000): Promise<{ from: string; to: string }> {
  const period = await page.waitForFunction(
    () => {
      const d = document.querySelector<HTMLElement>('[data-testid="branch-figures"]')?.dataset;
      return d?.from && d.to && d.from === d.countedFrom && d.to === d.countedTo ? { from: d.from, to: d.to } : null;
    },
    undefined,
    { timeout },
  );
  return (await period.jsonValue())!;
}

/**
 * Hold back the app's requests for one persisted operation (by its codegen name) until `release`, to see what the
 * page shows while that answer is on its way. `asked` resolves when the page has sent the request; `end` lets
 * every held request through and removes the hold.
 */
export async function holdOperation(page: Page, name: keyof typeof PERSISTED_OPERATION_HASHES) {
  const hash = PERSISTED_OPERATION_HASHES[name];
  const isIt = (body: string | null) => (body ?? '').includes(hash);
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  // The handlers still running: removing the route under one would make Playwright pass its request on itself
  // and the handler's own continue fail ("Route is already handled"). `end` waits for them; a request that comes
  // in while the route is being removed is passed on by Playwright, so its handler's failure is expected then.
  const running = new Set<Promise<void>>();
  let ending = false;
  const hold = (route: Route) => {
    const handled = (async () => {
      if (isIt(route.request().postData())) await gate;
      await route.continue().catch((e: unknown) => {
        if (!ending) throw e;
      });
    })();
    running.add(handled);
    return handled.finally(() => running.delete(handled));
  };
  await page.route('**/graphql', hold);
  const asked = page.waitForRequest((req) => isIt(req.postData()));
  // A test that fails before the page asks must not leave this promise's rejection unhandled.
  asked.catch(() => {});
  return {
    asked,
    release,
    async end() {
      release();
      await Promise.allSettled([...running]);
      ending = true;
      await page.unroute('**/graphql', hold);
    },
  };
}
