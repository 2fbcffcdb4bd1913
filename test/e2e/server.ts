/**
 * The real server for browser tests: `tsx server/main.ts` in a child process with a fresh Kuzu data directory,
 * a free port, demo sign-in on and the demo data loaded on first start. It serves the built client at `/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer { url: string; log(): string; stop(): Promise<void> }

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function gql(url: string, query: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}

/**
 * Start the server and wait until the demo accounts are there (the demo load happens on first start).
 * Throws with the server's log when it does not become ready within `timeoutMs`.
 */
export async function startTestServer(timeoutMs = 240_000): Promise<TestServer> {
  // Against a server that is already running (e.g. while developing): HONGTU_E2E_URL=http://127.0.0.1:4000
  const external = process.env.HONGTU_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), log: () => '', stop: async () => {} };
  if (!existsSync(path.join(ROOT, 'client/dist/index.html'))) throw new Error('client/dist is missing: run `npm run build` first');
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'hongtu-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', HONGTU_DATA_DIR: path.join(dataRoot, 'kuzu'), HONGTU_DEV_LOGIN: '1',
    HONGTU_SEED_DEMO: '1', HONGTU_EMBEDDER: process.env.HONGTU_EMBEDDER ?? 'lexical', HONGTU_LOG_LEVEL: 'info', NODE_ENV: 'test',
  };
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const child: ChildProcess = spawn(tsx, ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let log = '';
  child.stdout?.on('data', (d) => { log += String(d); });
  child.stderr?.on('data', (d) => { log += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((res) => {
        const t = setTimeout(() => { child.kill('SIGKILL'); res(); }, 10_000);
        child.once('exit', () => { clearTimeout(t); res(); });
      });
    }
    rmSync(dataRoot, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const r = (await gql(url, '{ demoAccounts { memberId } }')) as { data?: { demoAccounts: unknown[] } };
      if (r.data && r.data.demoAccounts.length > 0) return { url, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Server did not become ready with demo data in ${timeoutMs / 1000} s. Log:\n${log.slice(-4000)}`);
}
