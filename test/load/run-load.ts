/**
 * `npx tsx test/load/run-load.ts --data DIR --bulk DIR [--clients 50] [--seconds 20] [--repeats 1] [--samples FILE] [--spread] [--kill | --kill-only]`
 *
 * Throughput of a real server process (production mode, Kuzu) driven from this process over loopback
 * HTTP by closed-loop clients, each waiting for its reply before sending the next request:
 *   - recordAnswer with unique ids, one member per client: acknowledged writes/s, p50/p99; with --spread,
 *     each client answers as the next member of the whole membership in turn (exam week: many members, each
 *     at a person's pace), so the learning outbox has a member's recomputation per answer, not per ten;
 *   - member(id) as a branch secretary reading members of their branch: reads/s, p50/p99;
 *   - with --kill, the kill -9 run of kill-run.ts with its exact counts.
 * The data directory is copied first (the run writes answers), so a loaded medium store can be reused.
 * Bounded: each phase stops after --seconds; the copy is removed at the end. With --samples FILE, every
 * measured request is appended to FILE as `phase,start ms,latency ms,error code`, to see when slow ones happen.
 *
 * Rate limits stay on, configured as a university deploys the server for this load (LOAD_ENV): behind
 * its reverse proxy (HONGTU_TRUST_PROXY=1, so each client is limited by its own address, which the
 * driver sends as X-Forwarded-For, one per client), with the per-address limit at its default (1,200
 * a minute) and the per-account limit raised to 6,000 a minute: each closed-loop client here sends
 * back to back and stands for many people, and at demo scale the 50 readers share the 12 branch
 * secretaries' accounts (about four clients per account), where the default (600 a minute, 10 a
 * second) is sized for one person. Measurement starts once the server reports its start-up work done (the learning
 * summaries of a freshly loaded store are built in the background), then a 3 s warm-up.
 *
 * With HONGTU_KUZU_TRACE=<file prefix>, the server counts its write transactions per phase
 * (graph/kuzu/write-trace.ts: lock wait and hold, statements and their times, the process's CPU time)
 * and writes one JSON file per phase: CPU time per acknowledged write and writer time per commit, which
 * compare builds on a machine too busy for wall-clock figures.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANSWER_MUTATION, issueTokens, MEMBER_QUERY, pct, post, readWorld, type Sample, startChild, stopGracefully, waitForLog, type World } from './harness';

/** How the server is configured for the run (see the file comment). */
export const LOAD_ENV = { HONGTU_TRUST_PROXY: '1', HONGTU_RATE_PER_ACCOUNT: '6000' };

/** The address the reverse proxy would forward for client `c` of a phase. */
const addressOf = (phase: number, c: number) => ({ 'x-forwarded-for': `10.${phase}.${(c >> 8) & 255}.${c & 255}` });
import { runKillTest } from './kill-run';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

interface PhaseResult {
  name: string;
  n: number;
  errors: Record<string, number>;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

async function phase(name: string, clients: number, seconds: number, send: (client: number, n: number) => Promise<Sample>): Promise<PhaseResult> {
  const samples: (Sample & { at: number })[] = [];
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let n = 0; performance.now() < until; n++) {
        const at = performance.now() - t0;
        samples.push({ ...(await send(c, n)), at });
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const dump = arg('samples');
  if (dump && name !== 'warm-up') {
    const lines = samples.map((s) => `${name},${s.at.toFixed(1)},${s.ms.toFixed(1)},${s.ok ? '' : (s.code ?? 'unknown')}`);
    appendFileSync(dump, `${lines.join('\n')}\n`);
  }
  const ok = samples
    .filter((s) => s.ok)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const s of samples.filter((x) => !x.ok)) errors[s.code ?? 'unknown'] = (errors[s.code ?? 'unknown'] ?? 0) + 1;
  return { name, n: ok.length, errors, perSecond: ok.length / elapsed, p50: pct(ok, 50), p90: pct(ok, 90), p99: pct(ok, 99), max: ok[ok.length - 1] ?? NaN };
}

async function throughput(dataDir: string, world: World, clients: number, seconds: number, spread: boolean): Promise<PhaseResult[]> {
  const writers = spread ? world.members : world.members.slice(0, clients);
  /** The writer of client `c`'s `n`-th answer. */
  const writer = (c: number, n: number) => (spread ? c + clients * n : c) % writers.length;
  const readers = world.secretaries.slice(0, clients);
  const tokens = await issueTokens(
    dataDir,
    [...writers, ...readers].map((m) => m.id),
  );
  const wTokens = writers.map((m) => tokens.get(m.id)!);
  const rTokens = readers.map((m) => tokens.get(m.id)!);
  const child = await startChild(dataDir, LOAD_ENV);
  try {
    if (!(await waitForLog(child, /Learning summaries up to date/, 600_000))) console.error('(the server did not report its start-up work done within 10 min; measuring anyway)');
    const branchMembers = new Map<string, string[]>();
    for (const m of world.members) branchMembers.set(m.branchId, [...(branchMembers.get(m.branchId) ?? []), m.id]);
    const run = `${Date.now().toString(36)}`;
    const qs = world.questions;
    const answer = (c: number, n: number) => {
      const q = qs[(c * 13 + n) % qs.length];
      return post(
        child.url,
        wTokens[writer(c, n)],
        ANSWER_MUTATION,
        {
          i: { id: `load-${run}-${c}-${n}`, memberId: writers[writer(c, n)].id, questionId: q.id, choice: n % 4 === 0 ? (q.answer + 1) % 2 : q.answer, seconds: 20 },
        },
        addressOf(1, c),
      );
    };
    const read = (c: number, n: number) => {
      const sec = readers[c % readers.length];
      const pool = branchMembers.get(sec.branchId) ?? [sec.id];
      return post(child.url, rTokens[c % rTokens.length], MEMBER_QUERY, { id: pool[n % pool.length] }, addressOf(2, c));
    };
    // Warm-up (first requests compile queries and fill caches), not counted.
    await phase('warm-up', clients, 3, async (c, n) => (n % 2 ? read(c, n) : answer(c, 100_000 + n)));
    const out: PhaseResult[] = [];
    const mark = (sig: NodeJS.Signals) => process.env.HONGTU_KUZU_TRACE && child.proc.kill(sig);
    mark('SIGUSR2');
    out.push(await phase('recordAnswer', clients, seconds, answer));
    mark('SIGUSR1');
    await new Promise((r) => setTimeout(r, 200));
    mark('SIGUSR2');
    out.push(await phase('member(id)', clients, seconds, read));
    mark('SIGUSR1');
    return out;
  } finally {
    await stopGracefully(child);
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : 1) : '–');

async function main() {
  const data = arg('data');
  const bulk = arg('bulk');
  if (!data || !bulk) throw new Error('--data (a loaded Kuzu data dir) and --bulk (its bulk CSV dir) are required');
  const clients = Number(arg('clients', '50'));
  const seconds = Number(arg('seconds', '20'));
  const repeats = Number(arg('repeats', '1'));
  const world = readWorld(bulk);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hongtu-load-'));
  try {
    const dir = path.join(tmp, 'kuzu');
    cpSync(path.resolve(data), dir, { recursive: true });
    console.log(`| phase | run | ok n | per s | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|---|`);
    for (let r = 1; r <= (process.argv.includes('--kill-only') ? 0 : repeats); r++) {
      for (const p of await throughput(dir, world, clients, seconds, process.argv.includes('--spread'))) {
        console.log(`| ${p.name} | ${r} | ${p.n} | ${fmt(p.perSecond)} | ${fmt(p.p50)} | ${fmt(p.p90)} | ${fmt(p.p99)} | ${fmt(p.max)} | ${JSON.stringify(p.errors)} |`);
      }
    }
    if (process.argv.includes('--kill') || process.argv.includes('--kill-only')) {
      // A fresh copy: the kill run counts only its own answers and starts from the loaded state.
      const killDir = path.join(tmp, 'kuzu-kill');
      cpSync(path.resolve(data), killDir, { recursive: true });
      const report = await runKillTest({ dataDir: killDir, world, clients, loadMs: Number(arg('kill-after-ms', '3000')) });
      console.log('\nkill -9 run:');
      for (const [k, v] of Object.entries(report)) console.log(`- ${k}: ${v}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
