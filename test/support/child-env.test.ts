/**
 * Processes a test starts see only an allow-list of the test's environment: a NEO4J_URI, data directory or
 * NODE_ENV of the shell never reaches the app server or CLI a test starts (they once wiped the database a
 * contract suite in another worker was using). The Neo4j connection passes only when asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { childEnv } from './child-env';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['NEO4J_URI', 'NEO4J_PASSWORD', 'HONGTU_DATA_DIR', 'NODE_ENV', 'HONGTU_OUTER_TMPDIR']) {
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

  it('passes the Neo4j connection only when the suite runs on Neo4j', () => {
    process.env.NEO4J_URI = 'neo4j://db.example:7687';
    expect(childEnv({}, { neo4j: true }).NEO4J_URI).toBe('neo4j://db.example:7687');
  });

  it('gives children the outer temp folder, where tsx keeps its compile cache', () => {
    process.env.HONGTU_OUTER_TMPDIR = '/outer-tmp';
    expect(childEnv({}).TMPDIR).toBe('/outer-tmp');
  });
});
