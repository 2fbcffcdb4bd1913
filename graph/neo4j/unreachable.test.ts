/**
 * The real driver against a port where nothing listens (no Neo4j server needed): the store must say it
 * is unreachable, fail reads and writes with UNAVAILABLE within the bounded retry time, and leave the
 * process running.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from './neo4j-store';

const store = new Neo4jStore(
  { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'not-used', database: 'neo4j' },
  { connectionTimeoutMs: 1_000, maxRetryTimeMs: 500, acquisitionTimeoutMs: 2_000 },
);

afterAll(() => store.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'no code',
  );

describe('Neo4jStore with no server', () => {
  it('reports unreachable health instead of throwing', async () => {
    const h = await store.health();
    expect(h.ok).toBe(false);
    expect(h.backend).toBe('neo4j');
    expect(h.problems).toHaveLength(1);
    expect(h.problems[0]).toMatch(/^Neo4j at bolt:\/\/127\.0\.0\.1:1 \(database neo4j\) is unreachable: Neo4j is unavailable \(ServiceUnavailable\)/);
    expect(h.counts).toEqual({});
  });

  it('fails reads with UNAVAILABLE', async () => {
    expect(await codeOf(store.getMembersByIds(['m-1']))).toBe('UNAVAILABLE');
    expect(await codeOf(store.isEmpty())).toBe('UNAVAILABLE');
  });

  it('fails writes and schema setup with UNAVAILABLE', async () => {
    expect(await codeOf(store.recordStudy({ id: 'e-1', memberId: 'm-1', courseId: 'c-1', at: 0, seconds: 60, progress: 0.5 }))).toBe('UNAVAILABLE');
    expect(await codeOf(store.init())).toBe('UNAVAILABLE');
  });

  it('keeps the process alive and answers again after failures', async () => {
    const results = await Promise.allSettled([store.listTopics(), store.getUniversity(), store.health()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(await codeOf(store.listCommittees())).toBe('UNAVAILABLE');
  });
});
