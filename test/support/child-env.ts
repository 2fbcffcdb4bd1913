/**
 * The environment of a process a test starts (the app server, the CLI): an explicit allow-list from the
 * test's own environment plus what the test sets. Nothing else leaks in: a NEO4J_URI, HONGTU_DATA_DIR or
 * NODE_ENV of the shell that runs the tests never points a child at a store another suite uses.
 * The Neo4j connection is passed on only when the test asks for it (the Neo4j suites, see test/support/test-store.ts).
 */
import { testNeo4jEnv } from './neo4j-env';

const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'USER', 'SHELL'] as const;

export function childEnv(vars: Record<string, string>, opts: { neo4j?: boolean } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of INHERITED) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  // The run's Neo4j connection (set aside inside test workers, see neo4j-env.ts), as NEO4J_* for the child.
  if (opts.neo4j) Object.assign(env, testNeo4jEnv());
  // The outer temp folder (not the run's own, see global-temp.ts): tsx keeps its compile cache there, and a
  // cold cache makes every CLI start compile the whole server again.
  const outerTmp = process.env.HONGTU_OUTER_TMPDIR;
  if (outerTmp) env.TMPDIR = outerTmp;
  return { ...env, ...vars };
}

/** The address a Hongtu server process printed once it listens (`Hongtu on http://…`), or null before. */
export const listeningUrl = (log: string): string | null => /Hongtu on (http:\/\/[\d.:]+)/.exec(log)?.[1] ?? null;
