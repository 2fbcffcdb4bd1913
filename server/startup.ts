/**
 * Start-up safety: what the store must look like before a production server serves anything.
 * - The embedded store is opened first in a child process (server/startup-probe.ts): a damaged
 *   file can crash the engine, and a crash there becomes a message and an exit code here.
 * - In production an uninitialised store (missing data directory, 0-byte or absent database file,
 *   no university) is refused with a message naming `hongtu init`; demo data is never loaded.
 * Messages name the variable (HONGTU_DATA_DIR) rather than absolute paths, so they can be shown
 * by /ready and in logs collected elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';

/** A start-up refusal: the message says what to do; `exitCode` is what the process should exit with. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

export const INIT_HINT = 'run `hongtu init` to create the schema and the first university administrator account';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'startup-probe.ts');
const DB_FILE = 'hongtu.kuzu';

/** Replace absolute paths in a message (engine errors quote them) with their last part. */
export function withoutPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s'"`:,;)\\/]+)+[\\/]?/g, (p) => `…/${path.basename(p)}`);
}

export interface ProbeResult {
  ok: boolean;
  empty?: boolean;
  problem?: string;
  /** What opening did to recover from a crash inside vector work (for the log). */
  notes?: string[];
}

/** What an operator does when the embedded store does not open: the data is not rebuilt by `hongtu init`. */
export const RESTORE_HINT =
  'the files were left as they are; stop the server, keep a copy of the data directory for diagnosis, and restore the latest backup of the data directory (HONGTU_DATA_DIR), or import the latest `hongtu export` into a new one';

/** Open the embedded store in a child process; never throws, never crashes this process. */
export function probeEmbeddedStore(dataDir: string, timeoutMs = 60_000): ProbeResult {
  const inherited = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  // The probe is TypeScript: under a runner that compiles in-process (vitest) there is no loader to inherit.
  const loader = inherited.some((a) => a.includes('tsx')) ? [] : ['--import', 'tsx'];
  const r = spawnSync(process.execPath, [...inherited, ...loader, PROBE, dataDir], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: process.env,
  });
  if (r.signal) {
    return {
      ok: false,
      problem: `the store in HONGTU_DATA_DIR is damaged: the database engine crashed opening it (${r.signal}); ${RESTORE_HINT}`,
    };
  }
  try {
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { ok: boolean; empty?: boolean; error?: string; notes?: string[] };
    const notes = out.notes ?? [];
    if (out.ok) return { ok: true, empty: out.empty, notes };
    const tried = notes.length ? ` after recovering from interrupted vector work (${notes.join('; ')})` : '';
    return { ok: false, notes, problem: `the store in HONGTU_DATA_DIR cannot be opened${tried}: ${withoutPaths(out.error ?? 'unknown error')}; ${RESTORE_HINT}` };
  } catch {
    return { ok: false, problem: `the store in HONGTU_DATA_DIR could not be checked (exit code ${r.status}): ${withoutPaths((r.stderr || '').trim().split('\n').pop() ?? '')}` };
  }
}

/** What is wrong with the embedded store before anything opens it, or null; `notes` collects what opening recovered. */
export function embeddedStoreProblem(dataDir: string, production: boolean, notes: string[] = []): string | null {
  const file = path.join(dataDir, DB_FILE);
  if (production) {
    if (!existsSync(dataDir)) return `no store: the data directory (HONGTU_DATA_DIR) does not exist; ${INIT_HINT}`;
    if (!existsSync(file) || statSync(file).size === 0) return `the store in HONGTU_DATA_DIR is not initialised; ${INIT_HINT}`;
  } else if (!existsSync(file)) {
    return null; // development: a fresh store is created (and the demo loaded)
  }
  const probe = probeEmbeddedStore(dataDir);
  notes.push(...(probe.notes ?? []).map(withoutPaths));
  if (!probe.ok) return probe.problem!;
  if (production && probe.empty) return `the store holds no university yet; ${INIT_HINT}`;
  return null;
}

/**
 * Throws StartupError when the server must not start on this store (before it is opened here).
 * Returns what opening recovered (a crash inside vector work), for the log.
 */
export function assertStoreUsable(config: Readonly<Config>): string[] {
  if (config.neo4j) return []; // Neo4j: checked after connecting (assertInitialised)
  const notes: string[] = [];
  const problem = embeddedStoreProblem(config.dataDir, config.production, notes);
  if (problem) throw new StartupError(`Hongtu will not start: ${problem}.`);
  return notes;
}

/** After the store is open: in production an empty store is refused (never seeded). */
export async function assertInitialised(config: Readonly<Config>, isEmpty: () => Promise<boolean>): Promise<void> {
  if (config.production && (await isEmpty())) throw new StartupError(`Hongtu will not start: the store holds no university yet; ${INIT_HINT}.`);
}
