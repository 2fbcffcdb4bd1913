/** The API answers no cross-origin requests: the client is same-origin, and personal data must not be readable by other sites. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';

let server: TestServer;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const t = await openTempStore();
  dispose = t.dispose;
  server = await startTestServer(t.store);
});
afterAll(async () => {
  await server?.close();
  await dispose?.();
});

describe('CORS', () => {
  it('sends no access-control headers to another origin, on preflight or POST', async () => {
    const pre = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
