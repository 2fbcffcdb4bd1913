/**
 * A production-mode server for the probes: NODE_ENV=production (demo login off, introspection off,
 * GraphiQL off) on a real Kuzu store holding the API world, with the real learner services. There is
 * no sign-in in production to borrow, so tokens are minted with the server's own secret, as the
 * other security tests do. `env` overrides limits; `wrap` puts a proxy between the app and the store.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { type ApiWorld, buildApiWorld } from '../support/builders';
import { type GqlResponse, openTempStore, startTestServer, type TestServer } from '../support/api-server';
import type { Person } from '../support/api-world';

export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  HONGTU_DEV_LOGIN: '0',
  HONGTU_JWT_SECRET: 'probe-secret-0123456789abcdef-0123456789',
};

export interface ProductionWorld {
  store: GraphStore;
  server: TestServer;
  world: ApiWorld;
  as(person: Person | null): (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;
  /** A raw POST to /graphql (headers and body as given). */
  post(body: string, headers?: Record<string, string>, signal?: AbortSignal): Promise<Response>;
  token(person: Person): Promise<string>;
}

export function useProductionWorld(opts: { env?: Record<string, string>; wrap?: (s: GraphStore) => GraphStore } = {}): ProductionWorld {
  const h = {} as ProductionWorld;
  let dispose: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const t = await openTempStore();
    dispose = t.dispose;
    h.store = t.store;
    h.world = await buildApiWorld(t.store);
    const learner = createLearnerServices(t.store);
    h.server = await startTestServer(opts.wrap ? opts.wrap(t.store) : t.store, {
      env: { ...PRODUCTION_ENV, ...opts.env },
      deps: { learning: { learner, hooks: learner.hooks } },
    });
    const tokens = new Map<string, string>();
    h.token = async (person) => {
      const id = h.world.people[person].id;
      if (!tokens.has(id)) tokens.set(id, await h.server.tokenFor(id));
      return tokens.get(id)!;
    };
    h.as = (person) => async (query, variables) => h.server.gql(query, variables, person === null ? null : await h.token(person));
    h.post = (body, headers = {}, signal) =>
      fetch(`${h.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal,
      });
  });
  afterAll(async () => {
    await h.server?.close();
    await dispose?.();
  });
  return h;
}
