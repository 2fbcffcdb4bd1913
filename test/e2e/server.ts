/**
 * The real server for browser tests: `tsx server/main.ts` in a child process with a store of its own (a fresh
 * Kuzu data directory; under `npm run test:neo4j` the Neo4j test database, cleared, held for this suite alone),
 * a free port, demo sign-in on and the demo data loaded on first start. It serves the built client at `/`.
 * Its environment is an explicit allow-list (test/support/child-env.ts): nothing of the shell's leaks in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childEnv, listeningUrl } from '../support/child-env';
import { clientDocument, requestBody } from '../support/persisted';
import { holdsNeo4jTurn, neo4jTestTarget, type Neo4jTurn, takeNeo4jTurn } from '../support/neo4j-test-db';
import { testStoreKind } from '../support/test-store';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Take the Neo4j test database's turn and clear it, so the server loads the demo on first start. */
async function clearedNeo4jFor(suite: string): Promise<Neo4jTurn> {
  const turn = await takeNeo4jTurn(suite);
  try {
    const { Neo4jStore } = await import('../../graph/neo4j/neo4j-store');
    const store = new Neo4jStore(neo4jTestTarget());
    try {
      await store.init();
      await store.clear();
    } finally {
      await store.close();
    }
    return turn;
  } catch (e) {
    await turn.release();
    throw e;
  }
}

export interface TestServer {
  url: string;
  log(): string;
  /** How the server process ended while the tests ran (`code 1` / `signal SIGSEGV`), or null while it runs. */
  exitStatus(): string | null;
  stop(): Promise<void>;
}

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
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(query) });
  return res.json();
}

/**
 * Start the server and wait until the demo accounts are there (the demo load happens on first start).
 * Throws with the server's log when it does not become ready within `timeoutMs`.
 */
export async function startTestServer(timeoutMs = 240_000, opts: { port?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  // Against a server that is already running (e.g. while developing): HONGTU_E2E_URL=http://127.0.0.1:4000
  const external = process.env.HONGTU_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), log: () => '', exitStatus: () => null, stop: async () => {} };
  // `npm run test:neo4j` builds the client into a folder of its own run (HONGTU_E2E_CLIENT_DIR).
  const clientDir = process.env.HONGTU_E2E_CLIENT_DIR ?? path.join(ROOT, 'client/dist');
  if (!existsSync(path.join(clientDir, 'index.html'))) throw new Error(`${clientDir} has no built client: run \`npm run build\` first`);
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'hongtu-e2e-'));
  // A second server of the same file while the first holds the Neo4j database runs on Kuzu (see openTestStore).
  const onNeo4j = testStoreKind() === 'neo4j' && !holdsNeo4jTurn();
  let turn: Neo4jTurn | null = null;
  try {
    if (onNeo4j) turn = await clearedNeo4jFor('browser tests');
  } catch (e) {
    rmSync(dataRoot, { recursive: true, force: true });
    throw e;
  }
  // Port 0 unless the test needs to know it in advance: the server binds a port of the system's choice and
  // prints it. A port chosen in advance can be taken by another process (another suite's server) before the
  // server listens, seconds later after the demo load, and the readiness check would then talk to that one.
  const env = childEnv(
    {
      HONGTU_CLIENT_DIR: clientDir,
      ...opts.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      HONGTU_DATA_DIR: path.join(dataRoot, 'kuzu'),
      HONGTU_DEV_LOGIN: '1',
      HONGTU_SEED_DEMO: '1',
      HONGTU_EMBEDDER: process.env.HONGTU_EMBEDDER ?? 'lexical',
      HONGTU_LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
    { neo4j: onNeo4j },
  );
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const child: ChildProcess = spawn(tsx, ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  let exitStatus: string | null = null;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) exitStatus = signal ? `signal ${signal}` : `code ${code}`;
  });
  let url = opts.port ? `http://127.0.0.1:${opts.port}` : '';
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((res) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          res();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          res();
        });
      });
    }
    rmSync(dataRoot, { recursive: true, force: true });
    await turn?.release();
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    url ||= listeningUrl(log) ?? '';
    if (!url) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      // The client's own DemoAccounts operation (by hash), so a server that runs persisted operations only answers too.
      const r = (await gql(url, clientDocument('DemoAccounts'))) as { data?: { demoAccounts: unknown[] } };
      if (r.data && r.data.demoAccounts.length > 0) return { url, log: () => log, exitStatus: () => exitStatus, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Server did not become ready with demo data in ${timeoutMs / 1000} s. Log:\n${log.slice(-4000)}`);
}
