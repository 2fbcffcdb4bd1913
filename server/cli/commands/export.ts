/**
 * `hongtu export DIR`: write the configured store's graph as a bulk directory that `hongtu import`
 * reads back. Mastery, gaps, plans, embeddings and the access log are not exported (derived or private).
 * Phone and ID numbers are masked as the API masks them for anyone but the person, unless
 * `--include-personal-data` is given: then they are written in full, a warning is printed and the export is
 * recorded in the access log.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { bulkFile, csvRow, openStore, readCsvFile } from '../../../graph';
import { maskIdNumber, maskPhone } from '../../members/mask';
import type { GraphStore, Progress } from '../../../graph';
import { loadConfig } from '../../config';
import { badInput } from '../../errors';
import { createProgressBar } from '../progress-bar';

export interface ExportOptions {
  force?: boolean;
  includePersonalData?: boolean;
}

/** Export `store` (init'ed here) into `dir`; a non-empty `dir` is refused unless `force`. */
export async function runExport(store: GraphStore, dir: string, opts: ExportOptions = {}, onProgress?: Progress): Promise<Record<string, number>> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !opts.force) {
    throw badInput('dir', `"${dir}" is not empty; choose a new directory or pass --force to overwrite its CSV files`);
  }
  await store.init();
  const counts = await store.exportBulk(dir, onProgress);
  if (opts.includePersonalData) {
    await store.appendAccess([{ id: `export-${randomUUID()}`, at: Date.now(), viewerId: 'cli', action: 'EXPORT_PERSONAL_DATA', targetKind: 'Member', targetId: '*' }]);
  } else {
    await maskMemberFile(path.join(dir, bulkFile('Member')));
  }
  return counts;
}

/** Rewrite Member.csv with phone and ID numbers masked (streamed; the file is replaced when complete). */
async function maskMemberFile(file: string): Promise<void> {
  const tmp = `${file}.masking`;
  const out = fs.createWriteStream(tmp, { encoding: 'utf8' });
  let phone = -1;
  let idNumber = -1;
  let first = true;
  for await (const rec of readCsvFile(file)) {
    if (first) {
      phone = rec.indexOf('phone');
      idNumber = rec.indexOf('idNumber');
      first = false;
    } else {
      if (phone >= 0 && rec[phone]) rec[phone] = maskPhone(rec[phone]);
      if (idNumber >= 0 && rec[idNumber]) rec[idNumber] = maskIdNumber(rec[idNumber]);
    }
    if (!out.write(csvRow(rec))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  fs.renameSync(tmp, file);
}

export function register(program: Command): void {
  program
    .command('export')
    .argument('<dir>', 'directory to write (created if missing)')
    .option('--force', 'write into a directory that already has files')
    .option('--include-personal-data', 'write phone and ID numbers in full (recorded in the access log); masked otherwise')
    .description("Write the store's graph as a bulk directory (one CSV per table) for `hongtu import`")
    .action(async (dir: string, opts: ExportOptions) => {
      if (opts.includePersonalData) {
        console.error(
          'export: WARNING --include-personal-data writes full phone and ID numbers; keep the files as securely as the store. This export is recorded in the access log.',
        );
      }
      const config = loadConfig();
      const store = await openStore(config);
      const bar = createProgressBar();
      try {
        const t0 = performance.now();
        const counts = await runExport(store, dir, opts, bar.onProgress);
        bar.stop();
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`exported ${rows.toLocaleString('en')} rows to ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        console.log(
          Object.entries(counts)
            .map(([t, n]) => `  ${t}: ${n}`)
            .join('\n'),
        );
      } catch (e) {
        bar.stop();
        console.error(`export: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await store.close().catch(() => undefined);
      }
    });
}
