/**
 * `hongtu neo4j-import BULK_DIR [--out DIR]`: prepare a bulk directory (as `hongtu seed` / `hongtu export`
 * write it) for Neo4j's offline importer, `neo4j-admin database import full`: typed header files,
 * header-less rows, import.sh with the command line and a README (graph/neo4j/admin-import.ts). For a fresh
 * database; incremental loads go through `hongtu import` (UNWIND chunks in CALL … IN TRANSACTIONS).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { writeAdminImport } from '../../../graph';

export function register(program: Command): void {
  program
    .command('neo4j-import')
    .description('Write header files, rows and the neo4j-admin command line to fill a FRESH Neo4j database from a bulk directory')
    .argument('<bulk-dir>', 'a bulk directory (hongtu seed / hongtu export)')
    .option('--out <dir>', 'where to write (default: <bulk-dir>/neo4j-admin)')
    .action(async (bulkDir: string, opts: { out?: string }) => {
      const out = opts.out ?? path.join(bulkDir, 'neo4j-admin');
      try {
        const t0 = performance.now();
        const r = await writeAdminImport(bulkDir, out);
        const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
        console.log(`${total.toLocaleString('en')} rows written to ${r.dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        console.log(`next: read ${path.join(r.dir, 'README.md')}, then on the Neo4j host, with Neo4j stopped: sh ${path.join(r.dir, 'import.sh')} neo4j`);
      } catch (e) {
        console.error(`neo4j-import: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
