/**
 * `hongtu --help` start time: the process from spawn to exit (node + bin/hongtu.mjs printing the cached page),
 * against the full TypeScript start (`hongtu check --help` would be cached too, so `hongtu kt evaluate --help`,
 * a nested command, stands for every command that goes through tsx). Median, spread (p10–p90) and n.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { percentile, fmt, type BenchRow } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

function timeRuns(args: string[], n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args[0] === '-e' ? args : [path.join(ROOT, 'bin/hongtu.mjs'), ...args], { stdio: 'ignore' });
    out.push(performance.now() - t0);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // Node's own start on this machine, for scale: --help adds reading one JSON file to it.
  for (const [metric, args, n] of [
    ['node -e "" (baseline)', ['-e', ''], 15],
    ['hongtu --help', ['--help'], 15],
    ['hongtu kt evaluate --help (through tsx)', ['kt', 'evaluate', '--help'], 5],
  ] as const) {
    const ms = timeRuns([...args], n);
    rows.push({ section: 'cli', metric, value: `${fmt(percentile(ms, 50))} ms`, note: `p10–p90 ${fmt(percentile(ms, 10))}–${fmt(percentile(ms, 90))} ms, n=${n}` });
  }
  return rows;
}
