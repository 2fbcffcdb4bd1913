/**
 * Every ```graphql example in README.md runs against the real server (startServer: the composition root
 * `npm start` uses) on the demo data, so the documentation cannot drift from the API. An example names
 * who runs it in its first comment line ("以 m-4 身份"); the login example runs signed out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/start-server';

const examples = [...readFileSync('README.md', 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let running: RunningServer;
let dir: string;
let secret: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-readme-'));
  const config = loadConfig({
    PORT: '0',
    HONGTU_DATA_DIR: path.join(dir, 'kuzu'),
    HONGTU_DEV_LOGIN: '1',
    HONGTU_EMBEDDER: 'lexical',
    HONGTU_LOG_LEVEL: 'error',
    HONGTU_CLIENT_DIR: '/nonexistent',
  });
  secret = config.jwtSecret;
  running = await startServer(config, { logger: quiet });
  for (let i = 0; i < 120; i++) {
    const r = await fetch(`${running.url}/ready`);
    if (r.ok) break;
    await new Promise((res) => setTimeout(res, 500));
  }
}, 240_000);

afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README GraphQL examples', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });
  for (const [i, query] of examples.entries()) {
    const who = /以[^（）]*?(m-\d+) ?身份/.exec(query.split('\n')[0])?.[1] ?? null;
    it(`example ${i + 1} runs ${who ? `as ${who}` : 'signed out'} without errors`, async () => {
      const token = who ? (await signToken(secret, who)).token : null;
      const res = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      for (const value of Object.values(body.data ?? {})) expect(value).not.toBeNull();
    });
  }
});
