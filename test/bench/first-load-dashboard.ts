/**
 * The university dashboard's meeting and attendance figures at a scale's store, this source tree against
 * another (e.g. an export of an earlier commit with node_modules linked), alternating round by round: each
 * run is a fresh process (first-load-dashboard-run.ts) on a fresh copy of the store, cold then warm.
 *
 * `npx tsx test/bench/first-load-dashboard.ts --store <kuzu dir> [--compare <other root>] [--compare-store <kuzu dir>]
 *   [--rounds n] [--warm n]`: `--compare-store` is the store the other tree runs on when its schema is older (a copy
 * of the same data before this tree's migration; the migration itself runs before the figures and is not in them).
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
const otherStore = arg('--compare-store') ?? storeDir;
const rounds = Number(arg('--rounds') ?? 2);
const warm = Number(arg('--warm') ?? 5);

const runs = new Map<string, { cold: number[]; warm: number[]; coldCpu: number[]; warmCpu: number[] }>();
function run(root: string): void {
  const tmp = mkdtempSync(path.join(tmpdir(), 'hongtu-dash-'));
  try {
    cpSync(root === ROOT ? storeDir! : otherStore!, path.join(tmp, 'kuzu'), { recursive: true });
    const load = loadavg()[0];
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/bench/first-load-dashboard-run.ts'), root, path.join(tmp, 'kuzu'), String(warm)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { coldMs: number; warmMs: number[]; coldCpuMs: number; warmCpuMs: number[] };
    const s = runs.get(root) ?? { cold: [], warm: [], coldCpu: [], warmCpu: [] };
    s.cold.push(r.coldMs);
    s.warm.push(...r.warmMs);
    s.coldCpu.push(r.coldCpuMs);
    s.warmCpu.push(...r.warmCpuMs);
    runs.set(root, s);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.error(
      `${root}: cold ${r.coldMs.toFixed(0)} ms (cpu ${r.coldCpuMs.toFixed(0)}), warm ${list(r.warmMs)} ms (cpu ${list(r.warmCpuMs)}) (load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)})`,
    );
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
for (const [root, s] of runs) console.log(`${root}: wall cold ${d(s.cold)}; warm ${d(s.warm)}. CPU cold ${d(s.coldCpu)}; warm ${d(s.warmCpu)}`);
