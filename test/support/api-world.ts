/**
 * Vitest setup for an API test file: the suite's own store (test/support/test-store.ts) with the API world, a real server on port 0,
 * and tokens for each person. `t.as('sec')` sends queries as that person.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../graph/store';
import type { AppDeps } from '../../server/app-deps';
import { type ApiWorld, buildApiWorld } from './builders';
import { type GqlResponse, openTempStore, startTestServer, type TestServer } from './api-server';

export type Person = keyof ApiWorld['people'];

export interface ApiHarness {
  store: GraphStore;
  /** The Kuzu store's data directory (to reopen it); null when the suites run on Neo4j. */
  dir: string | null;
  server: TestServer;
  world: ApiWorld;
  as(person: Person | null): (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;
}

/**
 * Register beforeAll/afterAll for a file. `wrap` lets a test put a proxy (counting, switchable)
 * between the app and the real store.
 */
export function useApiWorld(
  opts: {
    env?: Record<string, string>;
    wrap?: (s: GraphStore) => GraphStore;
    /** Extra deps, or a function that builds them on the world's store before the server starts. */
    deps?: Partial<AppDeps> | ((s: GraphStore) => Promise<Partial<AppDeps>>);
  } = {},
): ApiHarness {
  const h = {} as ApiHarness;
  let dispose: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const t = await openTempStore();
    dispose = t.dispose;
    h.store = t.store;
    h.dir = t.dir;
    h.world = await buildApiWorld(t.store);
    const deps = typeof opts.deps === 'function' ? await opts.deps(t.store) : opts.deps;
    h.server = await startTestServer(opts.wrap ? opts.wrap(t.store) : t.store, { env: opts.env, deps });
    const tokens = new Map<string, string>();
    h.as = (person) => async (query, variables) => {
      if (person === null) return h.server.gql(query, variables, null);
      const id = h.world.people[person].id;
      if (!tokens.has(id)) tokens.set(id, await h.server.tokenFor(id));
      return h.server.gql(query, variables, tokens.get(id));
    };
  });
  afterAll(async () => {
    await h.server?.close();
    await dispose?.();
  });
  return h;
}

/** The error codes of a response, in order. */
export const codes = (r: GqlResponse): unknown[] => ((r.body.errors ?? []) as { extensions?: { code?: unknown } }[]).map((e) => e.extensions?.code);
