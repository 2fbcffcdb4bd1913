/** Block every request that leaves the machine (as on a campus network with no way out) and record it. */
import type { BrowserContext } from 'playwright-core';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface BlockedNetwork {
  attempts: string[];
}

export async function blockInternet(context: BrowserContext): Promise<BlockedNetwork> {
  const blocked: BlockedNetwork = { attempts: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOOPBACK.has(url.hostname)) {
      blocked.attempts.push(url.href);
      await route.abort('internetdisconnected');
      return;
    }
    await route.continue();
  });
  return blocked;
}
