/**
 * The real server for API tests: createApp on the suite's own real store (Kuzu in a temp dir, or Neo4j under
 * `npm run test:neo4j`), listening on port 0,
 * queried over HTTP with fetch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import { createAccessToken } from '../../server/auth/access-tokens';
import { signToken } from '../../server/auth/tokens';
import { type Config, loadConfig } from '../../server/config';
import { requestBody } from './persisted';
import { openTestStore, type TestStore } from './test-store';

// Response bodies are asserted field by field or as whole snapshots, so they stay loosely typed.
export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: any };
}

export interface TestServer {
  url: string;
  config: Readonly<Config>;
  /** POST a GraphQL operation; `headers` adds request headers (e.g. Accept-Language). */
  gql(query: string, variables?: Record<string, unknown>, token?: string | null, headers?: Record<string, string>): Promise<GqlResponse>;
  tokenFor(memberId: string): Promise<string>;
  get(pathname: string): Promise<Response>;
  close(): Promise<void>;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The suite's own fresh store (test/support/test-store.ts): Kuzu in a temp folder, or under
 * `npm run test:neo4j` the Neo4j test database for this suite alone. `dispose` closes it and removes the folder
 * (Kuzu) or gives the database to the next suite (Neo4j).
 */
export async function openTempStore(): Promise<TestStore> {
  return openTestStore(expect.getState().testPath ?? 'api suite');
}

export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_CLIENT_DIR: '/nonexistent-client-dir', HONGTU_LOG_LEVEL: 'error', ...env });
}

export async function startTestServer(store: GraphStore, opts: { env?: Record<string, string>; deps?: Partial<AppDeps>; logger?: AppDeps['logger'] } = {}): Promise<TestServer> {
  const config = testConfig(opts.env);
  const app = createApp({ config, store, logger: opts.logger ?? silent, ...opts.deps });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    async gql(query, variables, token, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: requestBody(query, variables),
      });
      return { status: res.status, body: await res.json() };
    },
    // Demo tokens while the demo login is on; otherwise (production) a real personal access token.
    tokenFor: async (memberId) =>
      config.devLogin
        ? (await signToken(config.jwtSecret, memberId)).token
        : (await createAccessToken(store, memberId, { name: 'test', scope: 'READ_WRITE', introspect: false, days: 1 }, config.auth.tokenMaxDays, Date.now())).token,
    get: (pathname) => fetch(`${url}${pathname}`),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
