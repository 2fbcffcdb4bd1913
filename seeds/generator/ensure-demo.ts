/**
 * First start of the server: when the store is empty, generate the demo world (or reuse the
 * cached directory from an earlier start) and bulk-load it.
 */
import path from 'node:path';
import type { GraphStore, Progress } from '../../graph';
import type { Curriculum } from './curriculum-input';
import { DEFAULT_SEED, generateWorld } from './generate';
import type { ScaleName } from './scales';

/**
 * Where a scale's bulk directory is cached: `<parent of the store's data dir>/bulk/<scale>`, which is
 * `data/bulk/<scale>` with the default HONGTU_DATA_DIR (./data/kuzu).
 */
export function bulkDirFor(scale: ScaleName, dataDir?: string): string {
  return dataDir ? path.join(path.dirname(path.resolve(dataDir)), 'bulk', scale) : path.resolve('data', 'bulk', scale);
}

export interface EnsureDemoOptions {
  /** Cache directory for the generated files (default `bulkDirFor('demo')`). */
  dir?: string;
  seed?: number;
  /** Defaults to the hand-written curriculum. */
  curriculum?: Curriculum;
  onProgress?: Progress;
}

export interface EnsureDemoResult {
  /** False when the store already held data (nothing was touched). */
  loaded: boolean;
  dir: string | null;
  /** Rows loaded per table, as reported by the store. */
  counts: Record<string, number> | null;
}

/** Load the demo world into `store` if, and only if, it is empty. The store must be initialised. */
export async function ensureDemoData(store: GraphStore, opts: EnsureDemoOptions = {}): Promise<EnsureDemoResult> {
  if (!(await store.isEmpty())) return { loaded: false, dir: null, counts: null };
  const { dir } = await generateWorld({
    scale: 'demo',
    outDir: opts.dir ?? bulkDirFor('demo'),
    seed: opts.seed ?? DEFAULT_SEED,
    curriculum: opts.curriculum,
    onProgress: opts.onProgress,
  });
  const counts = await store.bulkLoad(dir, opts.onProgress);
  return { loaded: true, dir, counts };
}
