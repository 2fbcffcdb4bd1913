/**
 * `hongtu import DIR`: bulk-load a directory in the bulk format (graph/bulk-format.ts, as written by
 * `hongtu export` or `hongtu seed`) into the configured store, which must be empty.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import type { GraphStore, Progress } from '../../../graph';
import { loadConfig } from '../../config';
import { badInput, conflict } from '../../errors';
import { createProgressBar } from '../progress-bar';
import { formatProblem, validateBulkDir } from './validate-bulk';

export interface ImportReport {
  counts: Record<string, number>;
  rows: number;
  ms: number;
}

/** Load `dir` into `store` (init'ed here); refuses a store that already holds data. */
export async function runImport(store: GraphStore, dir: string, onProgress?: Progress): Promise<ImportReport> {
  if (!fs.existsSync(dir)) throw badInput('dir', `No bulk directory at "${dir}"; pass a directory written by \`hongtu export\` or \`hongtu seed\``);
  await store.init();
  if (!(await store.isEmpty())) {
    const members = (await store.health()).counts.Member ?? 0;
    throw conflict(
      `The store already holds data (${members} members); \`hongtu import\` loads only into an empty store. ` +
        'Point HONGTU_DATA_DIR (or NEO4J_DATABASE) at an empty one, or replace everything with `hongtu seed --load`.',
    );
  }
  // Every row is checked before anything is written: one bad row loads nothing.
  const problems = await validateBulkDir(dir);
  if (problems.length) {
    throw badInput('dir', `Nothing was loaded: ${problems.length === 50 ? '50+' : problems.length} problem(s) in "${dir}":\n${problems.map(formatProblem).join('\n')}`);
  }
  const t0 = performance.now();
  const counts = await store.bulkLoad(dir, onProgress);
  return { counts, rows: Object.values(counts).reduce((a, b) => a + b, 0), ms: performance.now() - t0 };
}

export function register(program: Command): void {
  program
    .command('import')
    .argument('<dir>', 'bulk directory (one CSV per table)')
    .description('Load a bulk directory (from `hongtu export` or `hongtu seed`) into the configured, empty store')
    .action(async (dir: string) => {
      const config = loadConfig();
      const store = await openStore(config);
      const bar = createProgressBar();
      try {
        const r = await runImport(store, dir, bar.onProgress);
        bar.stop();
        const perSec = r.ms > 0 ? Math.round(r.rows / (r.ms / 1000)) : r.rows;
        console.log(`imported ${r.rows.toLocaleString('en')} rows from ${dir} in ${(r.ms / 1000).toFixed(1)} s (${perSec.toLocaleString('en')} rows/s)`);
        console.log(
          Object.entries(r.counts)
            .map(([t, n]) => `  ${t}: ${n}`)
            .join('\n'),
        );
      } catch (e) {
        bar.stop();
        console.error(`import: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await store.close().catch(() => undefined);
      }
    });
}
