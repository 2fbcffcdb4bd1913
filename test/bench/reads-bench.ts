/**
 * Bench section "reads": reads from maintained state, in-process GraphQL with production config (personal
 * access tokens, audit records through group commit).
 * - recommendations(first: 5): each repeat builds the services afresh and does the server's start-up work
 *   (curriculum, every branch's figures), then reads each member once ("cold": their first read after
 *   start) and again ("warm"). The store's own page cache stays warm across repeats: a real restart also
 *   empties Kuzu's buffer pool, which this does not measure.
 * - recommendations(first: 5) and member(id) + 20 events against a baseline doing the same store work:
 *   the store calls the request made, recorded and replayed raw with the same overlap (same-work.ts),
 *   alternating per member.
 * Figures: median over repeats of each repeat's p50 and p99, the spread of the repeat p50s, and n.
 */
import { randomUUID } from 'node:crypto';
import type { AccessRecord, GraphStore } from '../../graph';
import { createApp } from '../../server/app';
import { createAccessToken } from '../../server/auth/access-tokens';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { createWritePath } from '../../server/write-path/index';
import type { BenchContext } from './run';
import { recordingStore, replay } from './same-work';
import { fmt, median, percentile, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const RECS = 'query($id: ID!) { recommendations(memberId: $id, first: 5) { course { id title } score kind explanation } }';
const MEMBER20 = `query($id: ID!) { member(id: $id) { id name stage branch { id name }
  recentActivity(first: 20) { studies { id at progress } answers { id at correct } attendance { status } } } }`;

/** Access records the request wrote through group commit are written again with fresh ids. */
const freshAccess = (groups: Parameters<typeof replay>[1]) =>
  groups.map((g) => g.map((c) => (c.method === 'recordEventBatch' ? { ...c, args: [c.args[0], (c.args[1] as AccessRecord[]).map((a) => ({ ...a, id: randomUUID() }))] } : c)));

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const timed = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

interface Side {
  p50: number;
  p99: number;
  lo: number;
  hi: number;
  n: number;
}
const side = (repeats: number[][]): Side => {
  const p50s = repeats.map((r) => percentile(r, 50));
  return { p50: median(p50s), p99: median(repeats.map((r) => percentile(r, 99))), lo: Math.min(...p50s), hi: Math.max(...p50s), n: repeats.reduce((a, r) => a + r.length, 0) };
};
const show = (s: Side) => `p50 ${fmt(s.p50)} ms (repeats ${fmt(s.lo)}–${fmt(s.hi)}), p99 ${fmt(s.p99)} ms`;

export async function bench(ctx: BenchContext, opts: { repeats?: number; members?: number } = {}): Promise<BenchRow[]> {
  const repeats = Math.max(3, opts.repeats ?? 3);
  const store: GraphStore = ctx.store;
  const count = opts.members ?? 40;
  const ids = Array.from({ length: count + 1 }, (_, i) => `m-${5 + ((i * 7919 + 29) % (ctx.members - 5))}`);
  const config = loadConfig({
    NODE_ENV: 'production',
    HONGTU_JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789',
    HONGTU_LOG_LEVEL: 'error',
    HONGTU_CLIENT_DIR: '/nonexistent',
  });
  // Members loaded in bulk get their maintained rows and gaps once (as the server's start-up refresh does).
  const wp0 = createWritePath(store, (s) => createLearnerServices(s));
  await wp0.worker.backfill(ids);
  await wp0.close();
  const tokens = new Map<string, string>();
  for (const id of ids)
    tokens.set(id, (await createAccessToken(store, id, { name: 'bench', scope: 'READ_WRITE', introspect: false, days: 1 }, config.auth.tokenMaxDays, Date.now())).token);

  const startMs: number[] = [];
  // Process CPU time (every thread: the store's included) per request of a pass, one figure per repeat.
  const coldCpu: number[] = [];
  const warmCpu: number[] = [];
  const cold: number[][] = [];
  const warm: number[][] = [];
  const recGql: number[][] = [];
  const recRaw: number[][] = [];
  const memGql: number[][] = [];
  const memRaw: number[][] = [];
  for (let r = 0; r < repeats; r++) {
    const rec = recordingStore(store);
    const wp = createWritePath(rec.store, (s) => createLearnerServices(s));
    const app = createApp({ config, store: wp.store, logger: silent, learning: { learner: wp.learner } });
    const gql = async (query: string, id: string) => {
      const res = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(id)}` },
        body: JSON.stringify({ query, variables: { id } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    };
    // The server's start-up work before it takes requests' first reads: the curriculum and, where the
    // build has them, every branch's figures.
    startMs.push(
      await timed(async () => {
        await wp.learner.curriculum.get();
        const branches = (wp.learner as { branches?: { warm(ids: string[], now: number): Promise<number> } }).branches;
        if (branches)
          await branches.warm(
            (await store.listBranches()).map((b) => b.id),
            Date.now(),
          );
      }),
    );
    await gql(RECS, ids[0]); // the first request of the process (schema, resolvers) is not a member's
    const members = ids.slice(1);
    const c: number[] = [];
    let cpu0 = process.cpuUsage();
    for (const id of members) c.push(await timed(() => gql(RECS, id)));
    coldCpu.push(cpuMs(process.cpuUsage(cpu0)) / members.length);
    const w: number[] = [];
    cpu0 = process.cpuUsage();
    for (const id of members) w.push(await timed(() => gql(RECS, id)));
    warmCpu.push(cpuMs(process.cpuUsage(cpu0)) / members.length);
    cold.push(c);
    warm.push(w);
    // Ours and the same store work raw, alternating per member (which goes first alternates per repeat).
    const rg: number[] = [];
    const rr: number[] = [];
    const mg: number[] = [];
    const mr: number[] = [];
    for (const [query, g, raw] of [
      [RECS, rg, rr],
      [MEMBER20, mg, mr],
    ] as const) {
      for (const id of members) {
        let calls: Parameters<typeof replay>[1] = [];
        const ours = async () => {
          const t0 = performance.now();
          calls = await rec.record(() => gql(query, id));
          g.push(performance.now() - t0);
        };
        if (r % 2 === 0) await ours();
        else calls = await rec.record(() => gql(query, id));
        const same = freshAccess(calls);
        raw.push(await timed(() => replay(store, same)));
        if (r % 2 === 1) await ours();
      }
    }
    recGql.push(rg);
    recRaw.push(rr);
    memGql.push(mg);
    memRaw.push(mr);
    await wp.close();
  }
  const [c, w, rg, rr, mg, mr] = [side(cold), side(warm), side(recGql), side(recRaw), side(memGql), side(memRaw)];
  const note = `${repeats} repeats × ${count} members; ${ctx.scale}`;
  return [
    {
      section: 'reads',
      metric: 'start-up: curriculum + every branch’s figures',
      value: `median ${fmt(median(startMs) / 1000)} s (${fmt(Math.min(...startMs) / 1000)}–${fmt(Math.max(...startMs) / 1000)})`,
      note,
    },
    { section: 'reads', metric: 'recommendations(first: 5), cold (first read of the member after start)', value: show(c), note: `n ${c.n}` },
    { section: 'reads', metric: 'recommendations(first: 5), warm', value: show(w), note: `n ${w.n}` },
    {
      section: 'reads',
      metric: 'recommendations(first: 5), process CPU per request (all threads), cold / warm',
      value: `cold ${fmt(median(coldCpu))} ms (${fmt(Math.min(...coldCpu))}–${fmt(Math.max(...coldCpu))}), warm ${fmt(median(warmCpu))} ms (${fmt(Math.min(...warmCpu))}–${fmt(Math.max(...warmCpu))})`,
      note: `median over ${repeats} repeats`,
    },
    {
      section: 'reads',
      metric: 'recommendations(first: 5), GraphQL vs the same store calls raw',
      value: `${show(rg)} vs ${show(rr)}`,
      note: `n ${rg.n}; ratio of p50s ${fmt(rg.p50 / rr.p50)}×`,
    },
    {
      section: 'reads',
      metric: 'member(id) + 20 events, GraphQL vs the same store calls raw',
      value: `${show(mg)} vs ${show(mr)}`,
      note: `n ${mg.n}; ratio of p50s ${fmt(mg.p50 / mr.p50)}×`,
    },
  ];
}
