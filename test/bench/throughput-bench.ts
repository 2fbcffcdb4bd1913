/**
 * Bench section "throughput": the server's write path and reads from maintained state, in-process.
 * - group commit: store rows/s when events are written one transaction each vs in batches;
 * - recommendations(first: 5) with mastery and gaps maintained (as the outbox keeps them), read by
 *   a fresh set of services (first read of each member in the process: "cold") and again ("warm");
 *   the one-time backfill of bulk-loaded members that makes the state exist is reported too;
 * - member(id) with 20 recent events through GraphQL vs the raw store doing the same calls: every
 *   store call the request makes (reads and its access record) is recorded, then replayed raw.
 * Production config (personal access tokens, no demo login). Runs alternate the two sides of each comparison and repeat it; medians, spread (min–max of the
 * per-repeat medians) and n are reported. Throughput over HTTP with 50 clients is test/load/.
 */
import type { GraphStore } from '../../graph/store';
import { createApp } from '../../server/app';
import { createAccessToken } from '../../server/auth/access-tokens';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { createWritePath } from '../../server/write-path/index';
import type { BenchContext } from './run';
import { fmt, percentile, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const RECS = `query($id: ID!) { recommendations(memberId: $id, first: 5) { course { id title } score kind explanation } }`;
const MEMBER20 = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at progress } answers { id at correct } attendance { status } } } }`;
const REPEATS = 3;

type Call = { name: keyof GraphStore; args: unknown[] };

/** The store with every call recorded into `log` (when set). */
function recording(store: GraphStore, state: { log: Call[] | null }): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        state.log?.push({ name: prop as keyof GraphStore, args: structuredClone(args) });
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const timed = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const summary = (runs: number[][]) => {
  const all = runs.flat();
  const medians = runs.map((r) => percentile(r, 50));
  return { p50: percentile(all, 50), p99: percentile(all, 99), lo: Math.min(...medians), hi: Math.max(...medians), n: all.length };
};
const show = (s: ReturnType<typeof summary>) => `p50 ${fmt(s.p50)} ms (repeat medians ${fmt(s.lo)}–${fmt(s.hi)}), p99 ${fmt(s.p99)} ms`;

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = ctx.store;
  const ids = Array.from({ length: 60 }, (_, i) => `m-${5 + ((i * 7919 + 13) % (ctx.members - 5))}`);
  const [members, questions] = [await store.getMembersByIds(ids), (await store.listQuestions({}, 50)).items];

  // Group commit at the store: the same number of events, one per transaction vs batches of 50.
  const one: number[] = [];
  const batched: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const ev = (tag: string, i: number) => ({
      kind: 'ANSWER' as const,
      event: {
        id: `tb-${tag}-${r}-${i}`,
        memberId: members[i % members.length].id,
        questionId: questions[i % questions.length].id,
        at: Date.now(),
        correct: i % 2 === 0,
        seconds: 20,
      },
    });
    one.push(
      100 /
        ((await timed(async () => {
          for (let i = 0; i < 100; i++) await store.recordEventBatch([ev('one', i)], []);
        })) /
          1000),
    );
    batched.push(
      100 /
        ((await timed(async () => {
          for (let i = 0; i < 100; i += 50)
            await store.recordEventBatch(
              Array.from({ length: 50 }, (_, k) => ev('b50', i + k)),
              [],
            );
        })) /
          1000),
    );
  }
  rows.push({
    section: 'throughput',
    metric: 'store writes/s, one event per transaction',
    value: `median ${fmt(percentile(one, 50), 0)}/s (${fmt(Math.min(...one), 0)}–${fmt(Math.max(...one), 0)})`,
    note: `${REPEATS}×100 events with outbox entries`,
  });
  rows.push({
    section: 'throughput',
    metric: 'store writes/s, 50 events per transaction (group commit)',
    value: `median ${fmt(percentile(batched, 50), 0)}/s (${fmt(Math.min(...batched), 0)}–${fmt(Math.max(...batched), 0)})`,
    note: `${REPEATS}×100 events; ratio ${fmt(percentile(batched, 50) / percentile(one, 50), 1)}×`,
  });

  // Maintained state: the outbox (or, for bulk-loaded members, a one-time backfill) writes it.
  const config = loadConfig({
    NODE_ENV: 'production',
    HONGTU_JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789',
    HONGTU_LOG_LEVEL: 'error',
    HONGTU_CLIENT_DIR: '/nonexistent',
  });
  const wp0 = createWritePath(store, (s) => createLearnerServices(s));
  await wp0.worker.drain();
  const backfillMs = await timed(() => wp0.worker.backfill(ids));
  await wp0.close();
  rows.push({
    section: 'throughput',
    metric: 'backfill of bulk-loaded members (mastery + gaps, once)',
    value: `${fmt(backfillMs / ids.length)} ms/member`,
    note: `${ids.length} members; ${ctx.scale}`,
  });

  const recCold: number[][] = [];
  const recWarm: number[][] = [];
  const gqlSide: number[][] = [];
  const rawSide: number[][] = [];
  for (let r = 0; r < REPEATS; r++) {
    const state: { log: Call[] | null } = { log: null };
    const wp = createWritePath(recording(store, state), (s) => createLearnerServices(s));
    const app = createApp({ config, store: wp.store, logger: silent, learning: { learner: wp.learner } });
    const tokens = new Map<string, string>();
    const gql = async (query: string, viewer: string, id: string) => {
      if (!tokens.has(viewer)) {
        tokens.set(
          viewer,
          (await createAccessToken(store, viewer, { name: 'bench', scope: 'READ_WRITE', introspect: false, days: 1 }, config.auth.tokenMaxDays, Date.now())).token,
        );
      }
      const res = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(viewer)}` },
        body: JSON.stringify({ query, variables: { id } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    };
    await gql(RECS, ids[0], ids[0]); // the curriculum is read once per process, not per member
    const cold: number[] = [];
    const warm: number[] = [];
    for (const id of ids.slice(1)) cold.push(await timed(() => gql(RECS, id, id)));
    for (const id of ids.slice(1)) warm.push(await timed(() => gql(RECS, id, id)));
    recCold.push(cold);
    recWarm.push(warm);
    // member(id) + 20 events, then the same store calls raw, alternating per member.
    const g: number[] = [];
    const w: number[] = [];
    for (const id of ids) {
      state.log = [];
      g.push(await timed(() => gql(MEMBER20, id, id)));
      const calls = state.log;
      state.log = null;
      // The raw side makes the same calls all at once (as overlapped as they could ever be), with fresh
      // ids for the access records it writes.
      const fresh = (records: unknown) => (records as { id: string }[]).map((a) => ({ ...a, id: `${a.id}-raw` }));
      w.push(
        await timed(() =>
          Promise.all(
            calls.map((c) => {
              const args = c.name === 'appendAccess' ? [fresh(c.args[0])] : c.name === 'recordEventBatch' ? [c.args[0], fresh(c.args[1])] : c.args;
              return (store[c.name] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
            }),
          ),
        ),
      );
    }
    gqlSide.push(g);
    rawSide.push(w);
    await wp.close();
  }
  const [c, wm, gq, rw] = [summary(recCold), summary(recWarm), summary(gqlSide), summary(rawSide)];
  rows.push({
    section: 'throughput',
    metric: 'recommendations(first: 5), cold (first read in the process), maintained state',
    value: show(c),
    note: `n ${c.n}, ${REPEATS} repeats, GraphQL in-process, production config`,
  });
  rows.push({ section: 'throughput', metric: 'recommendations(first: 5), warm, maintained state', value: show(wm), note: `n ${wm.n}` });
  rows.push({ section: 'throughput', metric: 'member(id) + 20 events, GraphQL', value: show(gq), note: `n ${gq.n}; access record through group commit` });
  rows.push({ section: 'throughput', metric: 'member(id) + 20 events, the same store calls raw', value: show(rw), note: `GraphQL/raw p50 ${fmt(gq.p50 / rw.p50)}×` });
  return rows;
}
