/**
 * `hongtu check`: store, schema and index health. Prints what it found; exit code 1 when anything
 * needs attention (store unreachable, store health problems, schema assembly failing).
 */
import type { Command } from 'commander';
import { openStore } from '../../../graph/open-store';
import { buildSchema } from '../../api/schema';
import { loadConfig } from '../../config';

export function register(program: Command): void {
  program
    .command('check')
    .description('Check the store (reachable, schema, constraints, vector indexes) and the GraphQL schema; exit 1 on problems')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const problems: string[] = [];
      let report: Record<string, unknown> = {};
      try {
        buildSchema(config);
        report.schema = 'ok';
      } catch (e) {
        problems.push(`GraphQL schema: ${(e as Error).message}`);
      }
      const store = await openStore(config);
      try {
        await store.init();
        const h = await store.health();
        report = { ...report, backend: h.backend, counts: h.counts, vectorIndexes: h.vectorIndexes };
        problems.push(...h.problems);
      } catch (e) {
        problems.push(`Store (${config.neo4j ? config.neo4j.uri : config.dataDir}): ${(e as Error).message}`);
      } finally {
        await store.close().catch(() => undefined);
      }
      report.problems = problems;
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(`backend: ${String(report.backend ?? 'unreachable')}`);
        console.log(`schema:  ${String(report.schema ?? 'FAILED')}`);
        if (report.counts) console.log(`counts:  ${Object.entries(report.counts as Record<string, number>).map(([k, v]) => `${k}=${v}`).join(' ')}`);
        if (report.vectorIndexes) console.log(`vector indexes: ${JSON.stringify(report.vectorIndexes)}`);
        console.log(problems.length ? `problems:\n${problems.map((p) => `  - ${p}`).join('\n')}` : 'no problems');
      }
      process.exitCode = problems.length ? 1 : 0;
    });
}
