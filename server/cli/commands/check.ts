/**
 * `hongtu check`: store, schema and index health. Prints what it found; exit code 1 when anything
 * needs attention (store unreachable, store health problems, schema assembly failing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dataProblems } from './check-data';
import { openStore } from '../../../graph';
import type { StoreHealth } from '../../../graph';
import { buildSchema } from '../../api/schema';
import { type Config, loadConfig } from '../../config';
import { embeddedStoreProblem } from '../../startup';

/** The Kuzu database inside HONGTU_DATA_DIR. */
const KUZU_FILE = 'hongtu.kuzu';

export interface CheckReport {
  backend: string | null;
  schema: 'ok' | 'failed';
  counts: Record<string, number> | null;
  vectorIndexes: StoreHealth['vectorIndexes'] | null;
  problems: string[];
}

/** Check everything for this configuration; never throws. */
export async function runCheck(config: Readonly<Config>): Promise<CheckReport> {
  const report: CheckReport = { backend: null, schema: 'ok', counts: null, vectorIndexes: null, problems: [] };
  try {
    buildSchema(config);
  } catch (e) {
    report.schema = 'failed';
    report.problems.push(`GraphQL schema: ${(e as Error).message}`);
  }
  // Checking must not create a store: a data directory without one is reported as it is.
  if (!config.neo4j && !fs.existsSync(path.join(config.dataDir, KUZU_FILE))) {
    report.problems.push(`No store at ${path.join(config.dataDir, KUZU_FILE)}: check HONGTU_DATA_DIR, or create one with \`hongtu seed --scale demo --load\``);
    return report;
  }
  // The embedded store is opened in a child process first: a damaged file may crash the engine.
  const unusable = config.neo4j ? null : embeddedStoreProblem(config.dataDir, config.production);
  if (unusable) {
    report.problems.push(`Store: ${unusable}`);
    return report;
  }
  try {
    const store = await openStore(config);
    try {
      await store.init();
      const h = await store.health();
      Object.assign(report, { backend: h.backend, counts: h.counts, vectorIndexes: h.vectorIndexes });
      report.problems.push(...h.problems, ...dataProblems(h.counts, h.vectorIndexes, h.problems));
    } finally {
      await store.close().catch(() => undefined);
    }
  } catch (e) {
    report.problems.push(`Store (${config.neo4j ? config.neo4j.uri : config.dataDir}): ${(e as Error).message}`);
  }
  return report;
}

function print(r: CheckReport): void {
  console.log(`backend: ${r.backend ?? 'unreachable'}`);
  console.log(`schema:  ${r.schema}`);
  if (r.counts)
    console.log(
      `counts:  ${Object.entries(r.counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  if (r.vectorIndexes) console.log(`vector indexes: ${JSON.stringify(r.vectorIndexes)}`);
  console.log(r.problems.length ? `problems:\n${r.problems.map((p) => `  - ${p}`).join('\n')}` : 'no problems');
}

export function register(program: Command): void {
  program
    .command('check')
    .description('Check the store (reachable, schema, constraints, vector indexes) and the GraphQL schema; exit 1 on problems')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await runCheck(loadConfig());
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else print(report);
      process.exitCode = report.problems.length ? 1 : 0;
    });
}
