/**
 * `hongtu export DIR`: write the configured store's graph as a bulk directory that `hongtu import`
 * reads back. Mastery, gaps, plans, embeddings and the access log are not exported (derived or private).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import type { GraphStore, Progress } from '../../../graph';
import { loadConfig } from '../../config';
import { badInput } from '../../errors';
import { createProgressBar } from '../progress-bar';

/** Export `store` (init'ed here) into `dir`; a non-empty `dir` is refused unless `force`. */
export async function runExport(store: GraphStore, dir: string, opts: { force?: boolean } = {}, onProgress?: Progress): Promise<Record<string, number>> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !opts.force) {
    throw badInput('dir', `"${dir}" is not empty; choose a new directory or pass --force to overwrite its CSV files`);
  }
  await store.init();
  return store.exportBulk(dir, onProgress);
}

export function register(program: Command): void {
  program.command('export')
    .argument('<dir>', 'directory to write (created if missing)')
    .option('--force', 'write into a directory that already has files')
    .description('Write the store\'s graph as a bulk directory (one CSV per table) for `hongtu import`')
    .action(async (dir: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config);
      const bar = createProgressBar();
      try {
        const t0 = performance.now();
        const counts = await runExport(store, dir, opts, bar.onProgress);
        bar.stop();
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`exported ${rows.toLocaleString('en')} rows to ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        console.log(Object.entries(counts).map(([t, n]) => `  ${t}: ${n}`).join('\n'));
      } catch (e) {
        bar.stop();
        console.error(`export: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await store.close().catch(() => undefined);
      }
    });
}
