/**
 * The environment of a process a test starts (the app server, the CLI): an explicit allow-list from the
 * test's own environment plus what the test sets. Nothing else leaks in: a NEO4J_URI, HONGTU_DATA_DIR or
 * NODE_ENV of the shell that runs the tests never points a child at a store another suite uses.
 * The Neo4j connection is passed on only when the test asks for it (the Neo4j suites, see test/support/test-store.ts).
 */
const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'USER', 'SHELL'] as const;
const NEO4J = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

export function childEnv(vars: Record<string, string>, opts: { neo4j?: boolean } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of [...INHERITED, ...(opts.neo4j ? NEO4J : [])]) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  // The outer temp folder (not the run's own, see global-temp.ts): tsx keeps its compile cache there, and a
  // cold cache makes every CLI start compile the whole server again.
  const outerTmp = process.env.HONGTU_OUTER_TMPDIR;
  if (outerTmp) env.TMPDIR = outerTmp;
  return { ...env, ...vars };
}
