import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiWorld } from '../support/builders';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';

let server: TestServer;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const t = await openTempStore();
  dispose = t.dispose;
  await buildApiWorld(t.store);
  server = await startTestServer(t.store);
});
afterAll(async () => {
  await server?.close();
  await dispose?.();
});

describe('viewer', () => {
  it('tells a member who they are, unmasked', async () => {
    const token = await server.tokenFor('m-a');
    const r = await server.gql('{ viewer { role member { id name phone } branch { name committee { name } } } }', {}, token);
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "viewer": {
            "branch": {
              "committee": {
                "name": "计算机学院党委",
              },
              "name": "计算机学生第一党支部",
            },
            "member": {
              "id": "m-a",
              "name": "张三",
              "phone": "13812345678",
            },
            "role": "MEMBER",
          },
        },
      }
    `);
  });
});
