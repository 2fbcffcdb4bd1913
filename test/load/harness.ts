/**
 * What the load test and the kill -9 test share: a real server in a child process (server/main.ts,
 * production mode, the given data directory), tokens signed with the child's secret, the ids of a
 * bulk world read from its CSV files, and closed-loop HTTP clients that record each request's
 * latency and outcome. Everything here talks to the server over loopback HTTP only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../graph/csv';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createAccessToken } from '../../server/auth/access-tokens';
import { listeningUrl } from '../support/child-env';

/** The fixed production secret of the child. */
export const LOAD_SECRET = 'hongtu-load-test-secret-0123456789abcdef-xyz';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Child {
  proc: ChildProcess;
  url: string;
  log: string[];
  exited: Promise<number | null>;
}

/**
 * Start `server/main.ts` of the tree at `root` (this one by default) in production mode on a free port, without
 * waiting for it to listen (`url` stays empty).
 */
export function spawnChild(dataDir: string, env: Record<string, string> = {}, root = ROOT): Child {
  // HONGTU_LOAD_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const prof = process.env.HONGTU_LOAD_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HONGTU_LOAD_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HONGTU_JWT_SECRET: LOAD_SECRET,
      HONGTU_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      HONGTU_SEED_DEMO: '0',
      HONGTU_EMBEDDER: 'lexical',
      HONGTU_LOG_LEVEL: 'info',
      HONGTU_CLIENT_DIR: '/nonexistent-client-dir',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  proc.stdout!.on('data', (b: Buffer) => log.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => log.push(b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, url: '', log, exited };
}

/** Start `server/main.ts` in production mode on a free port; resolves when it listens. */
export async function startChild(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawnChild(dataDir, env);
  const { proc, log, exited } = child;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${log.join('')}`)), 120_000);
    const onData = () => {
      const url = listeningUrl(log.join(''));
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`));
    });
  });
  return { proc, url, log, exited };
}

/** Wait (at most `ms`) until the child's log has a line matching `re`; true when it has. */
export async function waitForLog(c: Child, re: RegExp, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (re.test(c.log.join(''))) return true;
    if (c.proc.exitCode !== null) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** SIGKILL: no shutdown code runs. */
export async function killHard(c: Child): Promise<void> {
  c.proc.kill('SIGKILL');
  await c.exited;
}

/** SIGTERM: the server commits what is queued and applies its outbox, then exits. */
export async function stopGracefully(c: Child): Promise<number | null> {
  c.proc.kill('SIGTERM');
  return c.exited;
}

/**
 * Personal access tokens (production has no demo login) for these members, written into the store of
 * `dataDir` while no server has it open; returns member id → bearer token.
 */
export async function issueTokens(dataDir: string, memberIds: string[]): Promise<Map<string, string>> {
  const store = new KuzuStore({ dir: dataDir });
  try {
    await store.init();
    const out = new Map<string, string>();
    for (const id of new Set(memberIds)) {
      out.set(id, (await createAccessToken(store, id, { name: 'load test', scope: 'READ_WRITE', introspect: false, days: 1 }, 1, Date.now())).token);
    }
    return out;
  } finally {
    await store.close();
  }
}

/** Ids of a bulk world: plain members with their branch, secretaries with theirs, questions with answers. */
export interface World {
  members: { id: string; branchId: string }[];
  secretaries: { id: string; branchId: string }[];
  questions: { id: string; answer: number }[];
}

export function readWorld(bulkDir: string): World {
  const rows = (file: string) => {
    const [head, ...body] = parseCsv(readFileSync(path.join(bulkDir, file), 'utf8'));
    return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])) as Record<string, string>);
  };
  const branchOf = new Map(rows('BELONGS_TO.csv').map((r) => [r.from, r.to]));
  const members = rows('Member.csv');
  return {
    members: members.filter((m) => m.role === 'MEMBER').map((m) => ({ id: m.id, branchId: branchOf.get(m.id)! })),
    secretaries: members.filter((m) => m.role === 'SECRETARY').map((m) => ({ id: m.id, branchId: branchOf.get(m.id)! })),
    questions: rows('Question.csv').map((q) => ({ id: q.id, answer: Number(q.answer) })),
  };
}

export interface Sample {
  ms: number;
  ok: boolean;
  code?: string;
}

/** One GraphQL POST; network failures and GraphQL errors are outcomes, not exceptions. */
export async function post(url: string, token: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Sample & { body?: any }> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    const code = body.errors?.[0]?.extensions?.code as string | undefined;
    return { ms: performance.now() - t0, ok: res.ok && !body.errors, code, body };
  } catch (e) {
    return { ms: performance.now() - t0, ok: false, code: `NETWORK:${(e as Error).cause ? String((e as { cause: { code?: string } }).cause.code) : (e as Error).message}` };
  }
}

/** Percentile (nearest rank) of sorted values. */
export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ANSWER_MUTATION = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }';
export const MEMBER_QUERY = 'query($id: ID!) { member(id: $id) { id name stage branch { id name } } }';
