/**
 * A server process for the first-load bench: `tsx server/main.ts` on a data directory of its own, demo
 * sign-in on, ready when `demoAccounts` answers. Cold = a fresh process (and, for the demo, a fresh store
 * that loads the demo world on first start), so nothing is in any cache.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { childEnv } from '../support/child-env';
import { freePort } from '../e2e/server';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BenchServer {
  url: string;
  pid: number;
  log(): string;
  stop(): Promise<void>;
}

/** Start the server on `dataDir`; `seedDemo` loads the demo world when the store is empty. */
export async function startBenchServer(dataDir: string, seedDemo: boolean, timeoutMs = 600_000): Promise<BenchServer> {
  const port = await freePort();
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    HONGTU_DATA_DIR: dataDir,
    HONGTU_DEV_LOGIN: '1',
    HONGTU_SEED_DEMO: seedDemo ? '1' : '0',
    HONGTU_EMBEDDER: 'lexical',
    HONGTU_LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    HONGTU_CLIENT_DIR: '/nonexistent',
    // The bench sends every screen of every role from one address and one account per role.
    HONGTU_RATE_PER_ADDRESS: '1000000',
    HONGTU_RATE_PER_ACCOUNT: '1000000',
    HONGTU_MAX_COST: '1000000',
  });
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise<void>((res) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        res();
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(t);
        res();
      });
    });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ demoAccounts { memberId } }' }),
      });
      const body = (await res.json()) as { data?: { demoAccounts: unknown[] } };
      if (body.data?.demoAccounts.length) return { url, pid: child.pid!, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`bench server did not become ready in ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
}
