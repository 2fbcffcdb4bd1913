/**
 * Store and API figures: bulk-load rows/s next to Kuzu's raw COPY FROM of the same files, and p50/p99 of
 * `member(id)` with its recent history through in-process GraphQL next to the raw store making the same
 * calls; both comparisons alternate the two sides and repeat each (≥ 3 rounds), reporting median and spread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { recordingStore, replay, describeCalls } from './same-work';
import { alternate, describeSide, fmt, median, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function freshStore(): Promise<{ store: KuzuStore; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-bench-'));
  const store = new KuzuStore({ dir });
  await store.init();
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

const MEMBER_QUERY = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at seconds progress course { id title } } answers { id at correct question { id } } attendance { at status } } } }`;

/**
 * Returns the rows and leaves the loaded store open for other sections (caller disposes).
 * Bulk load: ours and Kuzu's raw COPY FROM alternate, each into a fresh store, `rounds` times each.
 * member(id): GraphQL in-process against the raw store doing the same calls (same-work.ts), alternating.
 */
export async function benchStore(bulkDir: string, members: number, rounds = 3): Promise<{ rows: BenchRow[]; store: KuzuStore; dispose(): Promise<void> }> {
  const rows: BenchRow[] = [];
  let n = 0;
  let rawN = 0;
  const loads: number[] = [];
  const raws: number[] = [];
  let main: Awaited<ReturnType<typeof freshStore>> | null = null;
  for (let r = 0; r < Math.max(3, rounds); r++) {
    const ours = async () => {
      const s = await freshStore();
      const t0 = performance.now();
      n = sum(await s.store.bulkLoad(bulkDir));
      loads.push((performance.now() - t0) / 1000);
      // Keep the last loaded store for the read benchmarks.
      if (main) await main.dispose();
      main = s;
    };
    const raw = async () => {
      const s = await freshStore();
      const t0 = performance.now();
      rawN = sum(await s.store.rawCopy(bulkDir));
      raws.push((performance.now() - t0) / 1000);
      await s.dispose();
    };
    if (r % 2 === 0) {
      await ours();
      await raw();
    } else {
      await raw();
      await ours();
    }
  }
  const loaded = main!;
  const [lm, rm] = [median(loads), median(raws)];
  const spread = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))} s`;
  rows.push({
    section: 'store',
    metric: 'bulk load (Kuzu, ours)',
    value: `${fmt(n / lm, 0)} rows/s`,
    note: `${n} rows, median ${fmt(lm)} s (${spread(loads)}), n=${loads.length}, alternating with raw`,
  });
  rows.push({
    section: 'store',
    metric: 'raw COPY FROM (Kuzu)',
    value: `${fmt(rawN / rm, 0)} rows/s`,
    note: `${rawN} rows, median ${fmt(rm)} s (${spread(raws)}), n=${raws.length}; ours/raw time ${fmt(lm / rm)}×`,
  });

  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const recorder = recordingStore(loaded.store);
  const app = createApp({ config, store: recorder.store, logger: silent });
  const { token } = await signToken(config.jwtSecret, 'm-1'); // the university admin reads everyone
  const ids = Array.from({ length: 100 }, (_, i) => `m-${1 + ((i * 7919) % members)}`);
  const gql = async (id: string) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MEMBER_QUERY, variables: { id } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`member(id) failed: ${JSON.stringify(body.errors)}`);
  };
  // The store calls each member's request makes, recorded once, replayed by the baseline.
  const calls: Awaited<ReturnType<typeof recorder.record>>[] = [];
  for (const id of ids) calls.push(await recorder.record(() => gql(id)));
  const cmp = await alternate(
    { rounds, n: ids.length, warm: 10 },
    (i) => gql(ids[i % ids.length]!),
    (i) => replay(loaded.store, calls[i % ids.length]!),
  );
  rows.push({
    section: 'api',
    metric: 'member(id)+recentActivity(20), GraphQL in-process',
    value: describeSide(cmp.ours),
    note: `${cmp.rounds} rounds × ${cmp.ours.n}, alternating with the raw side`,
  });
  rows.push({
    section: 'api',
    metric: 'raw store, the same calls (same-work replay)',
    value: describeSide(cmp.baseline),
    note: `GraphQL/raw p50 ${fmt(cmp.ratio)}×; calls: ${describeCalls(calls[0]!)}`,
  });
  return { rows, store: loaded.store, dispose: loaded.dispose };
}
