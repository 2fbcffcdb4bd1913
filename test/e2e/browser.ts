/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with a fresh profile per launch.
 * Shared by the browser tests and the client bench.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.HONGTU_CHROMIUM ?? '/usr/bin/chromium';

export interface LaunchedBrowser {
  /** A persistent context on a fresh temporary profile (playwright's way of passing --user-data-dir). */
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch headless Chromium; throws with the install command when it is missing. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium fonts-noto-cjk\``);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'hongtu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
