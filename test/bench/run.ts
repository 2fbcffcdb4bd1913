/**
 * `npm run bench [-- --scale demo|medium]`: every figure the README quotes under "Measured figures", measured in one run on this
 * machine, printed as one markdown table and written to bench-results/bench.md. Medians and ratios
 * only: the machines are shared and noisy, so absolute numbers move between runs. Comparisons alternate
 * ours and the baseline and repeat each (≥ 3 rounds; stats.ts `alternate`), reporting median and spread.
 * A section that fails is a FAILED row and makes the run exit 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateWorld } from '../../seeds/generator/generate';
import { REFERENCE_DATE } from '../../seeds/generator/scales';
import { benchStore } from './store-bench';
import { benchKt } from './kt-bench';
import { markdownTable, fmt, type BenchRow } from './stats';

type Section = (ctx: BenchContext) => Promise<BenchRow[]>;
export interface BenchContext {
  scale: 'demo' | 'medium';
  bulkDir: string;
  members: number;
  store: import('../../graph/kuzu/kuzu-store').KuzuStore;
}

async function optionalSections(): Promise<[string, Section][]> {
  const out: [string, Section][] = [];
  // Sections owned by other features; each module exports `bench(ctx)`.
  for (const [name, file] of [
    ['text', './text-bench'],
    ['recommendations', './recommend-bench'],
    ['client', './client-section'],
    ['limits', './limits-bench'],
    ['cli', './cli-bench'],
    ['rules', './rules-bench'],
    ['throughput', './throughput-bench'],
    ['reads', './reads-bench'],
    ['appraisal', './appraisal-bench'],
    ['auth', './auth-bench'],
    ['first-load', './first-load-bench'],
    ['audit', './audit-bench'],
  ] as const) {
    out.push([name, async (ctx) => ((await import(file)) as { bench: Section }).bench(ctx)]);
  }
  return out;
}

async function main() {
  const arg = process.argv.indexOf('--scale');
  const scale = (arg > 0 ? process.argv[arg + 1] : 'medium') as 'demo' | 'medium';
  if (scale !== 'demo' && scale !== 'medium') throw new Error('--scale must be demo or medium');
  // `--only store`: the store/API section alone (others skipped and said so).
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  const gen = await generateWorld({ scale, outDir: path.resolve('data/bulk', scale) });
  const members = gen.manifest.counts?.Member ?? 300;
  rows.push({ section: 'generator', metric: `generate ${scale}`, value: gen.reused ? 'reused' : `${fmt(gen.ms / 1000)} s`, note: JSON.stringify(gen.manifest.counts ?? {}) });
  console.error(`[bench] world ready (${scale}); loading stores…`);
  // Every section must finish: one that throws is reported in the table AND fails the run (exit 1).
  const failed: string[] = [];
  const fail = (name: string, e: unknown) => {
    failed.push(name);
    rows.push({ section: name, metric: 'FAILED', value: 'error', note: String((e as Error)?.message ?? e).slice(0, 200) });
    console.error(`[bench] ${name} FAILED:`, e);
  };
  const st = await benchStore(gen.dir, members);
  rows.push(...st.rows);
  const ctx: BenchContext = { scale, bulkDir: gen.dir, members, store: st.store };
  const skipped = only ? ['kt', ...(await optionalSections()).map(([n]) => n)].filter((n) => n !== only) : [];
  if (skipped.length) rows.push({ section: 'bench', metric: 'sections skipped (--only)', value: skipped.join(', ') });
  if (!skipped.includes('kt')) console.error('[bench] knowledge tracing…');
  if (!skipped.includes('kt'))
    try {
      rows.push(...(await benchKt(gen.dir, REFERENCE_DATE, scale)));
    } catch (e) {
      fail('kt', e);
    }
  for (const [name, section] of await optionalSections()) {
    if (skipped.includes(name)) continue;
    console.error(`[bench] ${name}…`);
    try {
      rows.push(...(await section(ctx)));
    } catch (e) {
      fail(name, e);
    }
  }
  await st.dispose();
  const table = `# Hongtu bench — ${new Date().toISOString()} — scale ${scale}, ${fmt((performance.now() - t0) / 1000, 0)} s\n\n${markdownTable(rows)}\n`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', 'bench.md'), table);
  console.log(table);
  if (failed.length) {
    console.error(`[bench] ${failed.length} section(s) failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (e) {
  console.error('[bench] failed:', e);
  process.exitCode = 1;
}
