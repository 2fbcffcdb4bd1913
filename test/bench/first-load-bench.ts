/**
 * Bench section "first-load": each role's first screens (first-screens.ts) against a real server process
 * over HTTP, on the scale's prepared store (first-load-store.ts: bulk-loaded, derived state built).
 * - cold: a fresh server process on a fresh copy of the store, per role; the role's screens in order, each
 *   timed from its first request to its last answer;
 * - warm: then each screen again, 5 times, in that process (median of the 5).
 * The administrators' dashboards are also loaded the old way (a full gap report per branch, four at a time,
 * summed in the browser) in processes of their own, alternating with the new way round by round, so both
 * sides meet the same machine. Rounds: 3 (each a fresh process per role and way). Median of the round
 * figures, with their spread.
 *
 * Standalone: `npx tsx test/bench/first-load-bench.ts --scale demo|medium [--rounds n] [--old-way ROLE,…]` (writes
 * bench-results/first-load-<scale>.md); in `npm run bench` as the section "first-load".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { generateWorld } from '../../seeds/generator/generate';
import { startBenchServer } from './first-load-server';
import { copyOf, preparedStore } from './first-load-store';
import { type LearningPath, loadScreen, type Role, ROLES, SCREENS, signInAll } from './first-screens';
import { fmt, markdownTable, median, type BenchRow } from './stats';

const WARM = 5;
/** Roles whose first screens read the learning summaries (the ones with an old way to compare). */
const OLD_WAY: readonly Role[] = ['COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'];

type Samples = Map<string, { cold: number[]; warm: number[] }>;

async function runRole(prepared: string, role: Role, way: LearningPath, out: Samples, log: (s: string) => void): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'hongtu-first-load-'));
  try {
    const server = await startBenchServer(copyOf(prepared, tmp), false);
    try {
      const account = (await signInAll(server.url)).get(role)!;
      for (const screen of SCREENS[role]) {
        const key = `${role}|${screen}|${way}`;
        const s = out.get(key) ?? { cold: [], warm: [] };
        out.set(key, s);
        const cold = await loadScreen(server.url, account, screen, way);
        const warm: number[] = [];
        for (let i = 0; i < WARM; i++) warm.push(await loadScreen(server.url, account, screen, way));
        s.cold.push(cold);
        s.warm.push(median(warm));
        log(`[first-load] ${role} ${screen} (${way}): cold ${fmt(cold, 0)} ms, warm ${fmt(median(warm), 0)} ms`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const describe = (xs: number[]) => `p50 ${fmt(median(xs), 0)} ms (${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}), n=${xs.length}`;

/** Rows of the section for one scale. */
export async function benchFirstLoad(
  scale: 'demo' | 'medium',
  bulkDir: string,
  rounds = 3,
  log = (s: string) => console.error(s),
  oldWay: readonly Role[] = OLD_WAY,
): Promise<BenchRow[]> {
  const prepared = await preparedStore(scale, bulkDir, log);
  const samples: Samples = new Map();
  const load0 = loadavg()[0];
  for (let r = 0; r < rounds; r++) {
    for (const role of ROLES) {
      const ways: LearningPath[] = oldWay.includes(role) ? (r % 2 ? ['reports', 'summaries'] : ['summaries', 'reports']) : ['summaries'];
      for (const way of ways) await runRole(prepared, role, way, samples, log);
    }
  }
  const rows: BenchRow[] = [
    {
      section: 'first-load',
      metric: `${scale}: machine load (1-min average) at start / end`,
      value: `${fmt(load0, 1)} / ${fmt(loadavg()[0], 1)}`,
      note: `${rounds} rounds; old way run for ${oldWay.join(', ') || 'no role'}`,
    },
  ];
  for (const role of ROLES)
    for (const screen of SCREENS[role]) {
      const ours = samples.get(`${role}|${screen}|summaries`)!;
      const old = samples.get(`${role}|${screen}|reports`);
      for (const kind of ['cold', 'warm'] as const) {
        const note = old ? `old way (gap report per branch): ${describe(old[kind])}; ratio ${fmt(median(ours[kind]) / median(old[kind]))}×` : '';
        rows.push({ section: 'first-load', metric: `${scale} ${role} ${screen} data, ${kind}`, value: describe(ours[kind]), note });
      }
    }
  return rows;
}

/** `npm run bench` section. */
export async function bench(ctx: { scale: 'demo' | 'medium'; bulkDir: string }): Promise<BenchRow[]> {
  return benchFirstLoad(ctx.scale, ctx.bulkDir, 3, undefined, ctx.scale === 'medium' ? ['COMMITTEE_ADMIN'] : OLD_WAY);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const scale = (arg('--scale') ?? 'demo') as 'demo' | 'medium';
  const rounds = Number(arg('--rounds') ?? 3);
  // At medium the university's old way is 400 gap reports per load: `--old-way COMMITTEE_ADMIN` keeps it to one committee.
  const oldWay = (arg('--old-way') ?? OLD_WAY.join(',')).split(',').filter(Boolean) as Role[];
  const gen = await generateWorld({ scale, outDir: path.resolve('data/bulk', scale) });
  const t0 = performance.now();
  const rows = await benchFirstLoad(scale, gen.dir, rounds, undefined, oldWay);
  const table = `# first-load — ${new Date().toISOString()} — scale ${scale}, ${fmt((performance.now() - t0) / 1000, 0)} s\n\n${markdownTable(rows)}\n`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', `first-load-${scale}.md`), table);
  console.log(table);
}
