/**
 * The composition root: startServer opens the configured store, composes the text services, and
 * listens; /ready reports the store and the embedder, and close() releases everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/start-server';

const root = mkdtempSync(path.join(tmpdir(), 'hongtu-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('startServer', () => {
  it('serves an empty store with seeding off, and reports readiness with the embedder', async () => {
    const config = loadConfig({
      PORT: '0',
      HONGTU_DATA_DIR: path.join(root, 'kuzu'),
      HONGTU_SEED_DEMO: '0',
      HONGTU_EMBEDDER: 'lexical',
      HONGTU_CLIENT_DIR: path.join(root, 'no-client'),
    });
    const running = await startServer(config, { logger: silent });
    try {
      const ready = await (await fetch(`${running.url}/ready`)).json();
      expect(ready).toMatchObject({ ready: true, backend: 'kuzu', problems: [], embedder: { kind: 'lexical' } });
      const r = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health }' }),
      });
      expect(await r.json()).toEqual({ data: { health: true } });
      expect(await running.store.isEmpty()).toBe(true);
    } finally {
      await running.close();
    }
  });
});
