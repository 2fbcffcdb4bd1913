/**
 * The university dashboard's meeting and attendance figures at a scale's store, this source tree against
 * another (e.g. an export of an earlier commit with node_modules linked), alternating round by round: each
 * run is a fresh process (first-load-dashboard-run.ts) on a fresh copy of the store, cold then warm.
 *
 * `npx tsx test/bench/first-load-dashboard.ts --store <kuzu dir> [--compare <other root>] [--rounds n] [--warm n]`
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const storeDir = arg('--store');
if (!storeDir) throw new Error('--store <kuzu dir> is required (e.g. a store made by `seed --scale medium --load`)');
const other = arg('--compare');
const rounds = Number(arg('--rounds') ?? 2);
const warm = Number(arg('--warm') ?? 5);

const runs = new Map<string, { cold: number[]; warm: number[] }>();
function run(root: string): void {
  const tmp = mkdtempSync(path.join(tmpdir(), 'hongtu-dash-'));
  try {
    cpSync(storeDir!, path.join(tmp, 'kuzu'), { recursive: true });
    const load = loadavg()[0];
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/bench/first-load-dashboard-run.ts'), root, path.join(tmp, 'kuzu'), String(warm)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { coldMs: number; warmMs: number[] };
    const s = runs.get(root) ?? { cold: [], warm: [] };
    s.cold.push(r.coldMs);
    s.warm.push(...r.warmMs);
    runs.set(root, s);
    console.error(`${root}: cold ${r.coldMs.toFixed(0)} ms, warm ${r.warmMs.map((x) => x.toFixed(0)).join(', ')} ms (load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const roots = other ? [ROOT, path.resolve(other)] : [ROOT];
for (let i = 0; i < rounds; i++) for (const root of i % 2 ? [...roots].reverse() : roots) run(root);
const d = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms (${s[0]!.toFixed(0)}–${s.at(-1)!.toFixed(0)}), n=${s.length}`;
};
for (const [root, s] of runs) console.log(`${root}: cold ${d(s.cold)}; warm ${d(s.warm)}`);
