/**
 * Store and API figures (issue 2): bulk-load rows/s next to Kuzu's raw COPY FROM of the same files, and
 * p50/p99 of `member(id)` with its recent history through in-process GraphQL next to the raw store read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { fmt, percentile, sample, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function freshStore(): Promise<{ store: KuzuStore; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-bench-'));
  const store = new KuzuStore({ dir });
  await store.init();
  return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

const MEMBER_QUERY = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at seconds progress course { id title } } answers { id at correct question { id } } attendance { at status } } } }`;

/** Returns the rows and leaves the loaded store open for other sections (caller disposes). */
export async function benchStore(bulkDir: string, members: number): Promise<{ rows: BenchRow[]; store: KuzuStore; dispose(): Promise<void> }> {
  const rows: BenchRow[] = [];
  const raw = await freshStore();
  let t0 = performance.now();
  const rawCounts = await raw.store.rawCopy(bulkDir);
  const rawS = (performance.now() - t0) / 1000;
  await raw.dispose();
  const main = await freshStore();
  t0 = performance.now();
  const counts = await main.store.bulkLoad(bulkDir);
  const loadS = (performance.now() - t0) / 1000;
  const n = sum(counts);
  rows.push({ section: 'store', metric: 'bulk load (Kuzu, ours)', value: `${fmt(n / loadS, 0)} rows/s`, note: `${n} rows in ${fmt(loadS)} s` });
  rows.push({ section: 'store', metric: 'raw COPY FROM (Kuzu)', value: `${fmt(sum(rawCounts) / rawS, 0)} rows/s`, note: `${sum(rawCounts)} rows in ${fmt(rawS)} s; ours/raw time ${fmt(loadS / rawS)}×` });

  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const app = createApp({ config, store: main.store, logger: silent });
  const { token } = await signToken(config.jwtSecret, 'm-1'); // the university admin reads everyone
  const ids = Array.from({ length: 200 }, (_, i) => `m-${1 + ((i * 7919) % members)}`);
  const rawMs = await sample(ids.length, 20, (i) => main.store.getMemberHistory(ids[i % ids.length], { limit: 20 }));
  const gqlMs = await sample(ids.length, 20, async (i) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MEMBER_QUERY, variables: { id: ids[i % ids.length] } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`member(id) failed: ${JSON.stringify(body.errors)}`);
  });
  const [r50, r99, g50, g99] = [percentile(rawMs, 50), percentile(rawMs, 99), percentile(gqlMs, 50), percentile(gqlMs, 99)];
  rows.push({ section: 'api', metric: 'member(id)+recent history, GraphQL in-process', value: `p50 ${fmt(g50)} ms, p99 ${fmt(g99)} ms`, note: `${ids.length} samples` });
  rows.push({ section: 'api', metric: 'raw store read (getMemberHistory)', value: `p50 ${fmt(r50)} ms, p99 ${fmt(r99)} ms`, note: `GraphQL/raw p50 ${fmt(g50 / r50)}×` });
  return { rows, store: main.store, dispose: main.dispose };
}
