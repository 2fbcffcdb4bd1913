/**
 * Bench section "rules": the rules engine's evaluation of every catalogue rule for one committee (the
 * committee with the most branches; 20 at medium scale) and for the whole university, p50/p99 over
 * repeated runs, and the secretary's work queue (待办) through in-process GraphQL.
 *
 * Standalone, on a bulk directory loaded into a temp Kuzu store:
 *   npx tsx test/bench/rules-bench.ts --bulk data/bulk/medium
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { REFERENCE_DATE } from '../../seeds/generator/scales';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { RulesEngine } from '../../server/rules/engine';
import type { BenchContext } from './run';
import { fmt, percentile, sample, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const QUEUE = '{ workQueue { overdue due upcoming items { key title status dueAt citation { text } action { kind targetId } } } }';

const spread = (xs: number[]) => `p50 ${fmt(percentile(xs, 50))} ms, p99 ${fmt(percentile(xs, 99))} ms`;

export async function bench(ctx: Pick<BenchContext, 'store' | 'scale'>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = ctx.store;
  const asOf = REFERENCE_DATE + 3 * 86_400_000;
  const engine = new RulesEngine({ store });
  const committees = await store.listCommittees();
  const sizes = await Promise.all(committees.map(async (c) => [c.id, (await store.listBranches([c.id])).length] as const));
  const [committeeId, branchCount] = sizes.sort((a, b) => b[1] - a[1])[0];
  let obligations = 0;
  const committee = await sample(30, 3, async () => { obligations = (await engine.evaluate({ kind: 'COMMITTEE', id: committeeId }, asOf)).length; });
  rows.push({ section: 'rules', metric: `evaluate committee (${branchCount} branches, every rule)`, value: spread(committee), note: `n=30 after 3 warm-up; ${obligations} obligations; default window (a year back, 5 weeks ahead)` });
  const university = (await store.getUniversity())!;
  const branches = (await store.listBranches()).length;
  const whole = await sample(10, 1, async () => { obligations = (await engine.evaluate({ kind: 'UNIVERSITY', id: university.id }, asOf)).length; });
  rows.push({ section: 'rules', metric: `evaluate university (${branches} branches, every rule)`, value: spread(whole), note: `n=10 after 1 warm-up; ${obligations} obligations` });

  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const app = createApp({ config, store, logger: silent, rules: engine, now: () => asOf });
  const secretaries = (await store.listMembers({ roles: ['SECRETARY'] }, 50)).items;
  const tokens = await Promise.all(secretaries.map(async (s) => (await signToken(config.jwtSecret, s.id)).token));
  let items = 0;
  const queue = await sample(50, 3, async (i) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
      body: JSON.stringify({ query: QUEUE }),
    });
    const body = (await res.json()) as { data?: { workQueue: { items: unknown[] } }; errors?: unknown };
    if (body.errors) throw new Error(`workQueue failed: ${JSON.stringify(body.errors).slice(0, 200)}`);
    items = body.data!.workQueue.items.length;
  });
  rows.push({ section: 'rules', metric: 'workQueue for a secretary (GraphQL in-process)', value: spread(queue), note: `n=50 over ${secretaries.length} secretaries after 3 warm-up; last queue ${items} items` });
  return rows;
}

async function standalone(): Promise<void> {
  const at = process.argv.indexOf('--bulk');
  if (at < 0) throw new Error('usage: tsx test/bench/rules-bench.ts --bulk DIR');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-rules-bench-'));
  const store = new KuzuStore({ dir: path.join(dir, 'db') });
  try {
    await store.init();
    const t0 = performance.now();
    await store.bulkLoad(path.resolve(process.argv[at + 1]));
    console.error(`[rules-bench] loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    for (const r of await bench({ store, scale: 'medium' })) console.log(`| ${r.section} | ${r.metric} | ${r.value} | ${r.note ?? ''} |`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await standalone();
