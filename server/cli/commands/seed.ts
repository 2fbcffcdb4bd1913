/**
 * `hongtu seed --scale demo|medium|large [--out DIR] [--seed N] [--force] [--load]`
 *
 * Generates a synthetic world into DIR (default `data/bulk/<scale>` next to the store's data
 * directory), reusing an existing complete directory whose manifest matches the scale, seed and
 * curriculum. Loading is opt-in because it REPLACES everything in the store: with `--load` the
 * store (graph/open-store.ts, configured by server/config.ts) is cleared and bulk-loaded.
 */
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import type { GraphStore, Progress } from '../../../graph';
import { bulkDirFor } from '../../../seeds/generator/ensure-demo';
import { DEFAULT_SEED, generateWorld } from '../../../seeds/generator/generate';
import type { Curriculum } from '../../../seeds/generator/curriculum-input';
import { isScaleName, SCALE_NAMES, type ScaleName } from '../../../seeds/generator/scales';
import { badInput } from '../../errors';
import { loadConfig } from '../../config';
import { createProgressBar } from '../progress-bar';

export interface SeedOptions {
  scale: ScaleName;
  out?: string;
  seed?: number;
  force?: boolean;
  load?: boolean;
  /** Tests pass a small curriculum; the CLI uses the hand-written one. */
  curriculum?: Curriculum;
}

export interface SeedReport {
  dir: string;
  reused: boolean;
  generateMs: number;
  rows: number;
  loaded: Record<string, number> | null;
  loadMs: number | null;
}

/** Parse the raw CLI option values; throws BAD_USER_INPUT naming the option. */
export function parseSeedOptions(o: { scale?: string; out?: string; seed?: string; force?: boolean; load?: boolean }): SeedOptions {
  const scale = o.scale ?? 'demo';
  if (!isScaleName(scale)) throw badInput('scale', `--scale must be one of ${SCALE_NAMES.join(', ')}, got "${scale}"`);
  const seed = o.seed === undefined ? DEFAULT_SEED : Number(o.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw badInput('seed', `--seed must be a non-negative integer, got "${o.seed}"`);
  return { scale, out: o.out, seed, force: Boolean(o.force), load: Boolean(o.load) };
}

/** Generate (or reuse) and optionally load; `openStoreFn` lets tests hand in a store in a temp dir. */
export async function runSeed(opts: SeedOptions, onProgress: Progress, openStoreFn: () => Promise<GraphStore>, dataDir?: string): Promise<SeedReport> {
  const gen = await generateWorld({
    scale: opts.scale,
    outDir: opts.out ?? bulkDirFor(opts.scale, dataDir),
    seed: opts.seed,
    curriculum: opts.curriculum,
    reuse: !opts.force,
    onProgress,
  });
  const rows = Object.values(gen.manifest.counts).reduce((a, b) => a + b, 0);
  const report: SeedReport = { dir: gen.dir, reused: gen.reused, generateMs: gen.ms, rows, loaded: null, loadMs: null };
  if (!opts.load) return report;
  const store = await openStoreFn();
  try {
    const t0 = performance.now();
    await store.init();
    await store.clear();
    report.loaded = await store.bulkLoad(gen.dir, onProgress);
    report.loadMs = performance.now() - t0;
  } finally {
    await store.close();
  }
  return report;
}

export function register(program: Command): void {
  program
    .command('seed')
    .description("Generate a synthetic world (bulk CSV + hidden truth); with --load, REPLACE the store's data with it")
    .option('--scale <scale>', `${SCALE_NAMES.join(' | ')}`, 'demo')
    .option('--out <dir>', "output directory (default: data/bulk/<scale> beside the store's data directory)")
    .option('--seed <n>', 'random seed; the same seed and scale give byte-identical files', String(DEFAULT_SEED))
    .option('--force', 'regenerate even if a matching directory exists')
    .option('--load', 'clear the configured store and bulk-load the generated directory')
    .action(async (raw: { scale?: string; out?: string; seed?: string; force?: boolean; load?: boolean }) => {
      let opts: SeedOptions;
      try {
        opts = parseSeedOptions(raw);
      } catch (e) {
        console.error((e as Error).message);
        process.exit(2);
      }
      const config = loadConfig();
      const bar = createProgressBar();
      try {
        const r = await runSeed(opts, bar.onProgress, () => openStore(config), config.dataDir);
        bar.stop();
        const how = r.reused ? 'reused (manifest matches)' : `generated in ${(r.generateMs / 1000).toFixed(1)} s`;
        console.log(`${opts.scale}: ${r.rows.toLocaleString('en')} rows in ${r.dir} — ${how}`);
        if (r.loaded) {
          const loaded = Object.entries(r.loaded)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ');
          console.log(`loaded into the ${config.neo4j ? 'Neo4j' : 'Kuzu'} store in ${((r.loadMs ?? 0) / 1000).toFixed(1)} s: ${loaded}`);
        } else {
          console.log("not loaded (pass --load to replace the store's data with it)");
        }
      } catch (e) {
        bar.stop();
        console.error(`seed: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
