/**
 * The Neo4j server a test run may use is named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) in the
 * shell that starts the run. Inside the test workers those variables are set aside as HONGTU_TEST_NEO4J_*
 * before any test file loads (test/support/setup-env.ts), so no code under test and no process a test starts
 * with a copy of the environment (`{ ...process.env }`) can reach that server by accident: only the Neo4j
 * suites, which read the set-aside copy and take their turn on the database (test/support/neo4j-test-db.ts).
 */
export const NEO4J_VARS = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;
export type Neo4jVar = (typeof NEO4J_VARS)[number];

const SET_ASIDE = 'HONGTU_TEST_';

/** Move NEO4J_* to HONGTU_TEST_NEO4J_* in `env` (a value already set aside is replaced by a newer NEO4J_*). */
export function setAsideNeo4jEnv(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of NEO4J_VARS) {
    const v = env[k];
    if (v === undefined) continue;
    env[`${SET_ASIDE}${k}`] = v;
    delete env[k];
  }
}

/**
 * The Neo4j connection the run was started with: the set-aside copy inside test workers, NEO4J_* elsewhere
 * (a bench script run with tsx). Empty when the run has no Neo4j server.
 */
export function testNeo4jEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<Neo4jVar, string>> {
  const out: Partial<Record<Neo4jVar, string>> = {};
  for (const k of NEO4J_VARS) {
    const v = env[`${SET_ASIDE}${k}`] ?? env[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** True when the run names a Neo4j server (NEO4J_URI was set). */
export const hasTestNeo4j = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(testNeo4jEnv(env).NEO4J_URI);
