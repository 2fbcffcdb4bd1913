/**
 * Processes a test starts see only an allow-list of the test's environment: a NEO4J_URI, data directory or
 * NODE_ENV of the shell never reaches the app server or CLI a test starts (they once wiped the database a
 * contract suite in another worker was using). The Neo4j connection passes only when asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { childEnv } from './child-env';
import { hasTestNeo4j, setAsideNeo4jEnv, testNeo4jEnv } from './neo4j-env';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['NEO4J_URI', 'NEO4J_PASSWORD', 'HONGTU_TEST_NEO4J_URI', 'HONGTU_TEST_NEO4J_PASSWORD', 'HONGTU_DATA_DIR', 'NODE_ENV', 'HONGTU_OUTER_TMPDIR']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('childEnv', () => {
  it('passes the allow-list and what the test sets, nothing else', () => {
    process.env.NEO4J_URI = 'neo4j://db.example:7687';
    process.env.NEO4J_PASSWORD = 'secret';
    process.env.HONGTU_DATA_DIR = '/somewhere/else';
    process.env.NODE_ENV = 'production';
    const env = childEnv({ HONGTU_DATA_DIR: '/tmp/mine', PORT: '1234' });
    expect(env.NEO4J_URI).toBeUndefined();
    expect(env.NEO4J_PASSWORD).toBeUndefined();
    expect(env.NODE_ENV).toBeUndefined();
    expect(env.HONGTU_DATA_DIR).toBe('/tmp/mine');
    expect(env.PORT).toBe('1234');
    expect(env.PATH).toBe(process.env.PATH);
  });

  it("passes the run's (set-aside) Neo4j connection as NEO4J_* only when the suite runs on Neo4j", () => {
    delete process.env.NEO4J_URI;
    process.env.HONGTU_TEST_NEO4J_URI = 'neo4j://set-aside.example:7687';
    process.env.HONGTU_TEST_NEO4J_PASSWORD = 'pw';
    const env = childEnv({}, { neo4j: true });
    expect(env.NEO4J_URI).toBe('neo4j://set-aside.example:7687');
    expect(env.NEO4J_PASSWORD).toBe('pw');
    expect(env.HONGTU_TEST_NEO4J_URI).toBeUndefined();
    expect(childEnv({}).NEO4J_URI).toBeUndefined();
  });

  it('gives children the outer temp folder, where tsx keeps its compile cache', () => {
    process.env.HONGTU_OUTER_TMPDIR = '/outer-tmp';
    expect(childEnv({}).TMPDIR).toBe('/outer-tmp');
  });
});

describe("the run's Neo4j connection is set aside in test workers", () => {
  it('moves NEO4J_* out of the environment, so a copy of it reaches no Neo4j server', () => {
    const env: NodeJS.ProcessEnv = { NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'secret', PATH: '/bin' };
    setAsideNeo4jEnv(env);
    expect(env).toEqual({ HONGTU_TEST_NEO4J_URI: 'neo4j://db.example:7687', HONGTU_TEST_NEO4J_PASSWORD: 'secret', PATH: '/bin' });
    expect({ ...env }.NEO4J_URI).toBeUndefined();
    expect(testNeo4jEnv(env)).toEqual({ NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'secret' });
    expect(hasTestNeo4j(env)).toBe(true);
  });

  it('is idempotent, and a newer NEO4J_* replaces the set-aside value', () => {
    const env: NodeJS.ProcessEnv = { HONGTU_TEST_NEO4J_URI: 'neo4j://old:7687' };
    setAsideNeo4jEnv(env);
    expect(env).toEqual({ HONGTU_TEST_NEO4J_URI: 'neo4j://old:7687' });
    env.NEO4J_URI = 'neo4j://new:7687';
    setAsideNeo4jEnv(env);
    expect(env).toEqual({ HONGTU_TEST_NEO4J_URI: 'neo4j://new:7687' });
  });

  it('reads NEO4J_* directly outside test workers, and reports no server when none is named', () => {
    expect(testNeo4jEnv({ NEO4J_URI: 'bolt://x:7687', NEO4J_DATABASE: 'neo4j' })).toEqual({ NEO4J_URI: 'bolt://x:7687', NEO4J_DATABASE: 'neo4j' });
    expect(hasTestNeo4j({ PATH: '/bin' })).toBe(false);
  });

  it('has run in this worker before the test file loaded', () => {
    // The setup file ran: whatever the shell set, no NEO4J_URI is left for code under test to find.
    expect(process.env.NEO4J_URI).toBeUndefined();
  });
});
