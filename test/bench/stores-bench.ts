/**
 * `npx tsx test/bench/stores-bench.ts --bulk DIR [--kuzu-dir DIR --kuzu-load-s S] [--rounds 3] [--n 100]`
 *
 * The two stores side by side on one bulk directory (e.g. `hongtu seed --scale large`): load time, member(id)
 * with 20 recent events p50/p99, recommendations(first: 5) p50/p99 (warm), and resident memory. Kuzu is
 * embedded, so its column's memory is the whole process (app + store); Neo4j runs in its own server, so its
 * column gives the app process only. The Neo4j column reads "not run here" unless NEO4J_URI names a server
 * (the database must be empty or the test suites' own: it is cleared, as `hongtu seed --load` would).
 * `--kuzu-dir` reuses a store already loaded from the same directory (say how long its load took with
 * `--kuzu-load-s`): a large load takes long on a shared machine and need not be repeated for the reads.
 * Each read figure is the median over `rounds` rounds of `n` requests (default 100) (spread = lowest–highest round p50).
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { GraphStore } from '../../graph';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { fmt, median, percentile, sample } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MEMBER = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at course { id title } } answers { id at correct question { id } } attendance { at status } } } }`;
const RECS = 'query($id: ID!) { recommendations(memberId: $id, first: 5) { course { id title } score kind } }';

interface Column {
  load: string;
  member: string;
  recs: string;
  rss: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function reads(store: GraphStore, rounds: number, n: number): Promise<Pick<Column, 'member' | 'recs'>> {
  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const learner = createLearnerServices(store);
  const app = createApp({ config, store, logger: silent, learning: { learner, hooks: learner.hooks } });
  const { token } = await signToken(config.jwtSecret, 'm-1');
  const members = (await store.listMembers({}, 1, null)).totalCount;
  const ids = Array.from({ length: n }, (_, i) => `m-${5 + ((i * 7919) % (members - 5))}`);
  const gql = async (query: string, id: string) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { id } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  };
  const describe = async (query: string) => {
    const per: { p50: number; p99: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      const ms = await sample(ids.length, Math.min(5, n), (i) => gql(query, ids[i % ids.length]!));
      per.push({ p50: percentile(ms, 50), p99: percentile(ms, 99) });
    }
    const p50s = per.map((x) => x.p50);
    return `p50 ${fmt(median(p50s))} ms (${fmt(Math.min(...p50s))}–${fmt(Math.max(...p50s))}), p99 ${fmt(median(per.map((x) => x.p99)))} ms, ${rounds}×${ids.length}`;
  };
  return { member: await describe(MEMBER), recs: await describe(RECS) };
}

const mib = (b: number) => `${fmt(b / 2 ** 20, 0)} MiB`;

async function kuzuColumn(bulk: string, rounds: number, n: number): Promise<Column> {
  const reuse = arg('--kuzu-dir');
  let dir = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'hongtu-stores-bench-'));
  let load: string;
  const store = new KuzuStore({ dir });
  try {
    await store.init();
    if (reuse) {
      load = arg('--kuzu-load-s') ? `${arg('--kuzu-load-s')} s (measured at load time)` : 'reused store (not measured)';
    } else {
      const t0 = performance.now();
      const counts = await store.bulkLoad(bulk);
      const s = (performance.now() - t0) / 1000;
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      load = `${fmt(s, 1)} s (${fmt(rows / s, 0)} rows/s)`;
    }
    const r = await reads(store, rounds, n);
    return { load, ...r, rss: `${mib(process.memoryUsage().rss)} (app + embedded store)` };
  } finally {
    await store.close();
    if (!reuse) rmSync(dir, { recursive: true, force: true });
    dir = '';
  }
}

async function neo4jColumn(bulk: string, rounds: number, n: number): Promise<Column> {
  const none = 'not run here (NEO4J_URI unset: no Neo4j server on this machine)';
  if (!process.env.NEO4J_URI) return { load: none, member: none, recs: none, rss: none };
  const { takeNeo4jTurn, neo4jTestTarget } = await import('../support/neo4j-test-db');
  const { Neo4jStore } = await import('../../graph/neo4j/neo4j-store');
  const turn = await takeNeo4jTurn('stores bench');
  const store = new Neo4jStore(neo4jTestTarget());
  try {
    await store.init();
    await store.clear();
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const counts = await store.bulkLoad(bulk);
    const s = (performance.now() - t0) / 1000;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const r = await reads(store, rounds, n);
    return {
      load: `${fmt(s, 1)} s (${fmt(rows / s, 0)} rows/s)`,
      ...r,
      rss: `app ${mib(Math.max(rssBefore, process.memoryUsage().rss))}; server: see docker stats / dbms.memory.* settings`,
    };
  } finally {
    await store.close();
    await turn.release();
  }
}

async function main() {
  const bulk = arg('--bulk');
  if (!bulk) throw new Error('--bulk DIR is required (a bulk directory, e.g. data/bulk/medium)');
  const rounds = Math.max(3, Number(arg('--rounds') ?? 3));
  const n = Math.max(1, Number(arg('--n') ?? 100));
  const kuzu = await kuzuColumn(path.resolve(bulk), rounds, n);
  const neo = await neo4jColumn(path.resolve(bulk), rounds, n);
  const rows: [string, keyof Column][] = [
    ['load', 'load'],
    ['member(id) + 20 events', 'member'],
    ['recommendations(first: 5), warm', 'recs'],
    ['resident memory', 'rss'],
  ];
  console.log(`# Stores side by side — ${path.resolve(bulk)} — ${new Date().toISOString()}\n`);
  console.log('| metric | Kuzu | Neo4j |\n|---|---|---|');
  for (const [label, k] of rows) console.log(`| ${label} | ${kuzu[k]} | ${neo[k]} |`);
}

try {
  await main();
} catch (e) {
  console.error('[stores-bench] failed:', e);
  process.exitCode = 1;
}
