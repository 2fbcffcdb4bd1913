/**
 * Where API time goes: `member(id)` with 20 recent events through in-process GraphQL (as
 * test/bench/store-bench.ts asks it) next to the raw store read, `appendAccess` of 50 records, and
 * `members(first: 50)` with branch and activity. Loads the bulk world once into a kept directory
 * and reuses it on later runs, so that a run takes seconds, not the ~25 s of a medium bulk load.
 *
 *   node --import tsx scripts/profile-api.ts                    # medium world (npm run bench generates it)
 *   DB=/tmp/hongtu-prof-demo BULK=data/bulk/demo MEMBERS=300 node --import tsx scripts/profile-api.ts
 *   ONLY=raw,gql TRACE=1 …    # only these parts; TRACE: p50 of every store call the API made
 *   SEQ=1 …                   # all raw reads, then all requests (as the bench); default interleaves them
 *   ROOT=/path/to/other/tree … # measure another checkout (a before/after in one session)
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-api.ts   # then sort by self time
 * Medians and ratios only: the machines are shared and noisy.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { KuzuStore } = await import(`${ROOT}/graph/kuzu/kuzu-store`);
const { createApp } = await import(`${ROOT}/server/app`);
const { signToken } = await import(`${ROOT}/server/auth/tokens`);
const { loadConfig } = await import(`${ROOT}/server/config`);

const DIR = process.env.DB ?? '/tmp/hongtu-prof-medium';
const N = Number(process.env.N ?? 200);
const MEMBERS = Number(process.env.MEMBERS ?? 20000);
const ONLY = process.env.ONLY?.split(',');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const fresh = !existsSync(path.join(DIR, 'hongtu.kuzu'));
mkdirSync(DIR, { recursive: true });
const store = new KuzuStore({ dir: DIR });
await store.init();
if (fresh) {
  const t0 = performance.now();
  await store.bulkLoad(path.resolve(process.env.BULK ?? 'data/bulk/medium'));
  console.error(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const trace: Record<string, number[]> = {};
const traced = process.env.TRACE
  ? new Proxy(store, {
      get(t, prop, r) {
        const v = Reflect.get(t, prop, r);
        if (typeof v !== 'function') return v;
        return async (...a: unknown[]) => {
          const t0 = performance.now();
          try {
            return await v.apply(t, a);
          } finally {
            (trace[String(prop)] ??= []).push(performance.now() - t0);
          }
        };
      },
    })
  : store;
const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
const app = createApp({ config, store: traced, logger: silent });
const { token } = await signToken(config.jwtSecret, 'm-1'); // the university admin reads everyone

const MEMBER_QUERY = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at seconds progress course { id title } } answers { id at correct question { id } } attendance { at status } } } }`;
const LIST_QUERY = `{ members(first: 50) { totalCount nodes { id name phone branch { id name committee { id name } }
  recentActivity(first: 5) { studies { at course { id title } } answers { at correct question { id stem } } attendance { meetingId } } } } }`;
const ids = Array.from({ length: N }, (_, i) => `m-${1 + ((i * 7919) % MEMBERS)}`);

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const res = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const access = (i: number, k: number) => ({
  id: `prof-${Date.now()}-${i}-${k}-${Math.random()}`,
  at: Date.now(),
  viewerId: 'm-1',
  action: 'READ_MEMBER' as const,
  targetKind: 'Member',
  targetId: ids[(i + k) % N],
});

const parts: Record<string, (i: number) => Promise<unknown>> = {
  raw: (i) => store.getMemberHistory(ids[i % N], { limit: 20 }),
  gql: (i) => gql(MEMBER_QUERY, { id: ids[i % N] }),
  audit50: (i) => store.appendAccess(Array.from({ length: 50 }, (_, k) => access(i, k))),
};
const active = Object.entries(parts).filter(([k]) => !ONLY || ONLY.includes(k));
const times: Record<string, number[]> = Object.fromEntries(active.map(([k]) => [k, []]));
const timed = async (k: string, f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  times[k].push(performance.now() - t0);
};
if (process.env.SEQ) {
  for (const [k, f] of active) {
    for (let i = 0; i < 20; i++) await f(i);
    for (let i = 0; i < N; i++) await timed(k, () => f(i));
  }
} else {
  for (let i = 0; i < 20; i++) for (const [, f] of active) await f(i);
  for (let i = 0; i < N; i++) for (const [k, f] of active) await timed(k, () => f(i));
}

const out: string[] = [];
const traceLines = () => {
  for (const [k, xs] of Object.entries(trace)) out.push(`  ${k.padEnd(24)} n=${xs.length} p50 ${pct(xs, 50).toFixed(2)} ms`);
  for (const k of Object.keys(trace)) delete trace[k];
};
for (const [k, xs] of Object.entries(times)) out.push(`${k.padEnd(9)} p50 ${pct(xs, 50).toFixed(2)} ms  p99 ${pct(xs, 99).toFixed(2)} ms`);
if (times.gql && times.raw) {
  out.push(`gql/raw p50 ${(pct(times.gql, 50) / pct(times.raw, 50)).toFixed(2)}x  p99 ${(pct(times.gql, 99) / pct(times.raw, 99)).toFixed(2)}x`);
}
traceLines();
if (!ONLY || ONLY.includes('list')) {
  const l: number[] = [];
  for (let i = 0; i < 5; i++) await gql(LIST_QUERY);
  for (const k of Object.keys(trace)) delete trace[k];
  for (let i = 0; i < Number(process.env.NL ?? 30); i++) {
    const t0 = performance.now();
    await gql(LIST_QUERY);
    l.push(performance.now() - t0);
  }
  out.push(`members(first:50) p50 ${pct(l, 50).toFixed(2)} ms  p99 ${pct(l, 99).toFixed(2)} ms`);
  traceLines();
}
console.log(out.join('\n'));
await store.close();
