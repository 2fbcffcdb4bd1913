/**
 * The store goes away and comes back: /ready says so (503 with reasons), requests get UNAVAILABLE,
 * /health stays up, and the same server recovers when the store is reopened. Also: an unexpected
 * error is masked for the client and logged with the request id.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { neo4jTestTarget } from '../support/neo4j-test-db';
import { testStoreKind } from '../support/test-store';
import type { GraphStore } from '../../graph/store';
import { codes, useApiWorld } from '../support/api-world';

/** Under test:neo4j: a new connection to the same Neo4j database (the suite still holds its turn). */
async function openNeo4jAgain(): Promise<GraphStore> {
  const { Neo4jStore } = await import('../../graph/neo4j/neo4j-store');
  return new Neo4jStore(neo4jTestTarget());
}

/** A store whose target can be swapped while the server runs (the real store, closed, reopened). */
let target: GraphStore | null = null;
let failNext: string | null = null;
function switchable(initial: GraphStore): GraphStore {
  target = initial;
  return new Proxy(initial, {
    get(_t, prop) {
      const v = Reflect.get(target!, prop, target);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (failNext === prop) {
          failNext = null;
          throw new TypeError('simulated bug: cannot read properties of undefined');
        }
        return v.apply(target, args);
      };
    },
  });
}

const logged: unknown[][] = [];
const logger = { debug() {}, info() {}, warn() {}, error: (...a: unknown[]) => void logged.push(a) };
const t = useApiWorld({ wrap: switchable, deps: { logger } });
let reopened: GraphStore | null = null;
afterAll(async () => {
  await reopened?.close();
});

const Q = '{ member(id: "m-a") { name } }';

describe('store availability', () => {
  it('is ready while the store answers', async () => {
    const r = await t.server.get('/ready');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ready: true, backend: testStoreKind(), problems: [] });
    expect((await t.as('a')(Q)).body).toEqual({ data: { member: { name: '张三' } } });
  });

  it('reports UNAVAILABLE and 503 while the store is closed, and keeps serving /health', async () => {
    await t.store.close();
    const r = await t.as('a')(Q);
    expect(codes(r)).toEqual(['UNAVAILABLE']);
    const ready = await t.server.get('/ready');
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toMatchObject({ ready: false, backend: testStoreKind() });
    expect(body.problems[0]).toMatch(/^store unreachable: /);
    expect((await t.server.get('/health')).status).toBe(200);
  });

  it('recovers when the store comes back, without a restart', async () => {
    reopened = t.dir ? new KuzuStore({ dir: t.dir }) : await openNeo4jAgain();
    await reopened.init();
    target = reopened;
    expect((await t.as('a')(Q)).body).toEqual({ data: { member: { name: '张三' } } });
    expect((await t.server.get('/ready')).status).toBe(200);
  });
});

describe('unexpected errors', () => {
  it('are masked for the client and logged with the request id', async () => {
    failNext = 'listTransfers';
    logged.length = 0;
    const res = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.server.tokenFor('m-a')}`, 'x-request-id': 'req-42' },
      body: JSON.stringify({ query: '{ member(id: "m-a") { name transfers { id } } }' }),
    });
    const body = await res.json();
    expect(body.errors).toMatchInlineSnapshot(`
      [
        {
          "extensions": {
            "code": "INTERNAL_SERVER_ERROR",
            "requestId": "req-42",
          },
          "locations": [
            {
              "column": 28,
              "line": 1,
            },
          ],
          "message": "Unexpected error.",
          "path": [
            "member",
            "transfers",
          ],
        },
      ]
    `);
    expect(JSON.stringify(body)).not.toContain('simulated bug');
    expect(String(logged[0]?.[0])).toContain('[req-42]');
    expect(String(logged[0]?.[1])).toContain('simulated bug');
  });
});
