/**
 * Bench section "rules": the rules engine's evaluation of every catalogue rule for a committee of 20
 * branches, for the committee with the most branches, and for the whole university (p50/p99), and the
 * secretary's work queue (待办) through in-process GraphQL.
 *
 * Each comparison alternates two engines on the same store, ≥ 3 rounds (stats.ts `alternate`):
 * - reused: the engine as the server runs it; the facts of a branch are read once in a batch and kept
 *   until a write to that branch is heard (server/rules/facts.ts), and a whole evaluation is reused
 *   while its rules, facts and day hold (server/rules/result-cache.ts);
 * - facts kept: the engine before evaluations were reused (`maxKeptEvaluations: 0`): the kept facts
 *   are judged again by every rule on every call;
 * - read every time: `factsTtlMs: 0`, so every evaluation reads its scope's facts in one batched read
 *   (one statement per kind of fact for all branches) and judges them.
 * "As of" moves one second per call on every side, as a clock does, so a reused evaluation is reused
 * only while nothing it judged can have changed (a meeting's time, a deadline, a day boundary).
 * The code before either (a read per branch for groups and talks, per page of members, member-id
 * lists for milestones and dues) no longer exists; its last figures are in the row notes.
 * "after a write" times the evaluation that follows adding one meeting to one branch of the committee,
 * with parts kept per branch against the whole committee judged again (see afterWrite).
 * Every row says the load average while it ran: the machine is shared.
 *
 * Standalone, on a bulk directory loaded into a temp Kuzu store (or a store directory loaded before):
 *   npx tsx test/bench/rules-bench.ts --bulk data/bulk/medium [--store DIR] [--after-write]
 * (--after-write: only the evaluation right after a write, new against previous behaviour)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphStore } from '../../graph';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { REFERENCE_DATE } from '../../seeds/generator/scales';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { RulesEngine, type Scope } from '../../server/rules/engine';
import type { BenchContext } from './run';
import { alternate, describeSide, fmt, median, percentile, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const QUEUE = '{ workQueue { overdue due upcoming items { key title status dueAt citation { text } action { kind targetId } } } }';
const DAY = 86_400_000;

const load = () =>
  os
    .loadavg()
    .map((x) => fmt(x, 1))
    .join(' / ');

/** Runs `f` and returns its result with the 1-minute load average before and after. */
async function underLoad<T>(f: () => Promise<T>): Promise<{ value: T; load: string }> {
  const before = load();
  const value = await f();
  return { value, load: `load average (1/5/15 min) ${before} before, ${load()} after` };
}

export async function bench(ctx: Pick<BenchContext, 'store' | 'scale'>, opts: { only?: 'after-write' } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store: GraphStore = ctx.store;
  const asOf = REFERENCE_DATE + 3 * DAY;
  const kept = new RulesEngine({ store });
  const keptFacts = new RulesEngine({ store, maxKeptEvaluations: 0 });
  const fresh = new RulesEngine({ store, factsTtlMs: 0 });
  let tick = 0;
  /** "As of" one second later on every call, on every side. */
  const clock = () => asOf + 1000 * tick++;
  const committees = await store.listCommittees();
  const sizes = (await Promise.all(committees.map(async (c) => [c.id, (await store.listBranches([c.id])).length] as const))).sort((a, b) => b[1] - a[1]);
  const twenty = [...sizes].sort((a, b) => Math.abs(a[1] - 20) - Math.abs(b[1] - 20))[0];
  const largest = sizes[0];
  const university = (await store.getUniversity())!;
  const branches = (await store.listBranches()).length;
  if (opts.only === 'after-write') return afterWrite(store, asOf, twenty);

  const compare = async (label: string, scope: Scope, n: number, before: string) => {
    let obligations = 0;
    let same = true;
    const hits0 = kept.results!.stats.hits;
    const misses0 = kept.results!.stats.misses;
    const { value: r, load: l } = await underLoad(() =>
      alternate(
        { n, warm: 1, rounds: 3 },
        async () => {
          obligations = (await kept.evaluate(scope, clock())).length;
        },
        async () => {
          const got = (await keptFacts.evaluate(scope, clock())).length;
          same &&= got === obligations || obligations === 0;
        },
      ),
    );
    const hits = kept.results!.stats.hits - hits0;
    const misses = kept.results!.stats.misses - misses0;
    rows.push({
      section: 'rules',
      metric: `evaluate ${label}, evaluations reused`,
      value: describeSide(r.ours),
      note: `n=${r.ours.n} × ${r.rounds} rounds alternating with "facts kept"; as of +1 s per call; reused ${hits} of ${hits + misses} calls; ${obligations} obligations; default window (a year back, 5 weeks ahead); ${l}`,
    });
    rows.push({
      section: 'rules',
      metric: `evaluate ${label}, facts kept (judged on every call)`,
      value: describeSide(r.baseline),
      note: `same n and rounds; reused/facts-kept p50 ${fmt(r.ratio, 3)}×; same obligation count: ${same}; before this work: ${before}`,
    });
  };

  await compare(`committee (${twenty[1]} branches, every rule)`, { kind: 'COMMITTEE', id: twenty[0] }, 20, 'p50 37.5 ms and 60.4 ms in two runs (load 19–21)');
  // How long a kept evaluation of this committee holds at the bench's "as of": until the first meeting time, deadline or day boundary.
  {
    const t0 = clock();
    await kept.evaluate({ kind: 'COMMITTEE', id: twenty[0] }, t0);
    let lo = t0;
    let hi = t0 + DAY;
    const hits = () => kept.results!.stats.hits;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2);
      const h = hits();
      await kept.evaluate({ kind: 'COMMITTEE', id: twenty[0] }, mid);
      if (hits() > h) lo = mid;
      else {
        hi = mid;
        await kept.evaluate({ kind: 'COMMITTEE', id: twenty[0] }, t0);
      }
    }
    rows.push({
      section: 'rules',
      metric: `evaluate committee (${twenty[1]} branches): how long a kept evaluation holds`,
      value: `${fmt((lo - t0) / 60_000, 0)} min`,
      note: 'from the bench\'s "as of" (the generator\'s reference date + 3 days) to the first meeting time, deadline or day boundary that ends it, to the minute; a write to a branch of the committee ends it earlier',
    });
  }
  // The facts-kept engine against reading every fact again (the previous comparison of this section).
  {
    const scope: Scope = { kind: 'COMMITTEE', id: twenty[0] };
    const { value: r, load: l } = await underLoad(() =>
      alternate(
        { n: 20, warm: 1, rounds: 3 },
        () => keptFacts.evaluate(scope, clock()),
        () => fresh.evaluate(scope, clock()),
      ),
    );
    rows.push({
      section: 'rules',
      metric: `evaluate committee (${twenty[1]} branches), facts read every time (one batch)`,
      value: describeSide(r.baseline),
      note: `n=${r.baseline.n} × ${r.rounds} rounds alternating with "facts kept" (p50 ${fmt(r.ours.p50)} ms here; facts-kept/read-every-time ${fmt(r.ratio, 3)}×); ${l}`,
    });
  }
  // CPU time (user + system) per evaluation moves less with the machine's load than wall time does.
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 30; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await keptFacts.evaluate({ kind: 'COMMITTEE', id: twenty[0] }, clock());
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  rows.push({
    section: 'rules',
    metric: `evaluate committee (${twenty[1]} branches), facts kept, judged every call: CPU time of this process`,
    value: `median ${fmt(median(cpu))} ms CPU, fastest wall ${fmt(Math.min(...wall))} ms`,
    note: `n=30; wall median ${fmt(median(wall))} ms over the same calls; ${load()} (1/5/15 min)`,
  });
  await compare(`committee (${largest[1]} branches, every rule)`, { kind: 'COMMITTEE', id: largest[0] }, 20, 'p50 3,689 ms / p99 6,005 ms (n=30, heavily loaded machine)');
  await compare(`university (${branches} branches, every rule)`, { kind: 'UNIVERSITY', id: university.id }, 5, 'p50 30.9 s');

  rows.push(...(await afterWrite(store, asOf, twenty)));

  // The secretary's work queue through GraphQL: the server's engine against one reading facts every time.
  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const appKept = createApp({ config, store, logger: silent, rules: kept, now: clock });
  const appFresh = createApp({ config, store, logger: silent, rules: fresh, now: clock });
  const secretaries = (await store.listMembers({ roles: ['SECRETARY'] }, 50)).items;
  const tokens = await Promise.all(secretaries.map(async (s) => (await signToken(config.jwtSecret, s.id)).token));
  let items = 0;
  const queue = (app: ReturnType<typeof createApp>) => async (i: number) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
      body: JSON.stringify({ query: QUEUE }),
    });
    const body = (await res.json()) as { data?: { workQueue: { items: unknown[] } }; errors?: unknown };
    if (body.errors) throw new Error(`workQueue failed: ${JSON.stringify(body.errors).slice(0, 200)}`);
    items = body.data!.workQueue.items.length;
  };
  // Warm the kept engine on every secretary's branch first (as a running server would be).
  for (let i = 0; i < tokens.length; i++) await queue(appKept)(i);
  const { value: q, load: ql } = await underLoad(() => alternate({ n: 50, warm: 3, rounds: 3 }, queue(appKept), queue(appFresh)));
  rows.push({
    section: 'rules',
    metric: 'workQueue for a secretary (GraphQL in-process), facts kept',
    value: describeSide(q.ours),
    note: `n=${q.ours.n} × ${q.rounds} rounds over ${secretaries.length} secretaries, alternating; last queue ${items} items; ${ql}`,
  });
  rows.push({
    section: 'rules',
    metric: 'workQueue for a secretary, facts read every time',
    value: describeSide(q.baseline),
    note: `kept/read-every-time p50 ${fmt(q.ratio, 3)}×; before this work: p50 419 ms (loaded machine)`,
  });
  return rows;
}

/**
 * The evaluation of a committee right after a write to one of its branches (a meeting added), the
 * engine as the server runs it (kept parts per branch: only the written branch is read and judged
 * again) against the previous behaviour (`maxKeptBranchResults: 0`: the whole committee is judged
 * again over its kept facts, and the written branch is read again). Each write is followed by one
 * evaluation on each side, the order flipping every write, in 3 rounds; wall and CPU time per call.
 */
async function afterWrite(store: GraphStore, asOf: number, committee: readonly [string, number]): Promise<BenchRow[]> {
  const scope: Scope = { kind: 'COMMITTEE', id: committee[0] };
  const ours = new RulesEngine({ store });
  const before = new RulesEngine({ store, maxKeptBranchResults: 0 });
  const branchIds = (await store.listBranches([committee[0]])).map((b) => b.id);
  let same = true;
  const n = 15;
  const rounds = 3;
  const sides = { ours: { wall: [] as number[][], cpu: [] as number[] }, before: { wall: [] as number[][], cpu: [] as number[] } };
  let reusedParts = 0;
  let judgedParts = 0;
  const once = async (engine: RulesEngine, into: { wall: number[][]; cpu: number[] }) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const got = await engine.evaluate(scope, asOf);
    into.wall[into.wall.length - 1].push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    into.cpu.push((c.user + c.system) / 1000);
    return got;
  };
  await ours.evaluate(scope, asOf);
  await before.evaluate(scope, asOf);
  let w = 0;
  const { load: l } = await underLoad(async () => {
    for (let r = 0; r < rounds; r++) {
      sides.ours.wall.push([]);
      sides.before.wall.push([]);
      for (let i = 0; i < n; i++, w++) {
        await store.createMeeting({
          id: `bench-rules-${Date.now()}-${w}`,
          branchId: branchIds[w % branchIds.length],
          kind: 'PARTY_LECTURE',
          title: '基准测试写入',
          at: asOf - ((w % 300) + 1) * DAY,
          minutes: 60,
          record: '',
        });
        const h0 = ours.branchResults!.stats.hits;
        const m0 = ours.branchResults!.stats.misses;
        let a: unknown;
        let b: unknown;
        if (w % 2 === 0) {
          a = await once(ours, sides.ours);
          b = await once(before, sides.before);
        } else {
          b = await once(before, sides.before);
          a = await once(ours, sides.ours);
        }
        reusedParts += ours.branchResults!.stats.hits - h0;
        judgedParts += ours.branchResults!.stats.misses - m0;
        same &&= JSON.stringify(a) === JSON.stringify(b);
      }
    }
  });
  const describe = (x: { wall: number[][]; cpu: number[] }) => {
    const p50s = x.wall.map((r) => percentile(r, 50));
    return `p50 ${fmt(median(p50s))} ms (rounds ${fmt(Math.min(...p50s))}–${fmt(Math.max(...p50s))}), p99 ${fmt(percentile(x.wall.flat(), 99))} ms; CPU median ${fmt(median(x.cpu))} ms`;
  };
  return [
    {
      section: 'rules',
      metric: `evaluate committee (${committee[1]} branches) right after a write to one of its branches, kept parts per branch`,
      value: describe(sides.ours),
      note: `n=${n} × ${rounds} rounds, each call after one createMeeting, alternating call by call with the previous behaviour; ${reusedParts} branch parts reused, ${judgedParts} judged; same answer on both sides: ${same}; CPU = user + system time of this process per call; ${l}`,
    },
    {
      section: 'rules',
      metric: `evaluate committee (${committee[1]} branches) right after a write to one of its branches, judged whole (previous behaviour)`,
      value: describe(sides.before),
      note: 'maxKeptBranchResults: 0: the written branch read again, every branch judged again over the kept facts; before kept parts: p50 425.57 ms, p99 836.75 ms (n=15, load 36)',
    },
  ];
}

async function standalone(): Promise<void> {
  const at = process.argv.indexOf('--bulk');
  const keep = process.argv.indexOf('--store');
  if (at < 0 && keep < 0) throw new Error('usage: tsx test/bench/rules-bench.ts --bulk DIR [--store DIR]');
  const storeDir = keep > 0 ? path.resolve(process.argv[keep + 1]) : null;
  const dir = storeDir ?? mkdtempSync(path.join(os.tmpdir(), 'hongtu-rules-bench-'));
  const loaded = existsSync(path.join(dir, 'db'));
  const store = new KuzuStore({ dir: path.join(dir, 'db') });
  try {
    await store.init();
    if (!loaded) {
      if (at < 0) throw new Error(`--store ${dir} holds no store yet: give --bulk DIR to load one`);
      const t0 = performance.now();
      await store.bulkLoad(path.resolve(process.argv[at + 1]));
      console.error(`[rules-bench] loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    }
    const only = process.argv.includes('--after-write') ? ('after-write' as const) : undefined;
    for (const r of await bench({ store, scale: 'medium' }, { only })) console.log(`| ${r.section} | ${r.metric} | ${r.value} | ${r.note ?? ''} |`);
  } finally {
    await store.close();
    if (!storeDir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await standalone();
