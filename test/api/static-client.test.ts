/** The built client is served at / with SPA fallback; the API routes are never shadowed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';

const clientDir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-client-'));
mkdirSync(path.join(clientDir, 'assets'));
const t = useApiWorld({ env: { HONGTU_CLIENT_DIR: clientDir } });

beforeAll(() => {
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>红图</title>');
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

describe('static client', () => {
  it('serves index.html at / and for client routes', async () => {
    for (const p of ['/', '/branch/b-1', '/member/m-a/portrait']) {
      const r = await t.server.get(p);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await r.text()).toContain('红图');
    }
  });

  it('serves assets with long caching', async () => {
    const r = await t.server.get('/assets/app.js');
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toContain('immutable');
  });

  it('does not serve files outside the folder or invent missing assets', async () => {
    expect((await fetch(`${t.server.url}/assets/missing.js`)).status).toBe(404);
    const r = await fetch(`${t.server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await r.text()).not.toContain('root:');
  });

  it('offers GraphiQL at /graphql to browsers', async () => {
    const r = await fetch(`${t.server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('GraphiQL');
  });

  it("serves GraphiQL's own files: the page names no other host and every file it names is here", async () => {
    const html = await (await fetch(`${t.server.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const files = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['/graphiql/graphiql.js', '/graphiql/graphiql.css', '/graphiql/start.js']));
    for (const f of [...files, '/graphiql/editor.worker.js', '/graphiql/json.worker.js', '/graphiql/graphql.worker.js']) {
      const r = await t.server.get(f);
      expect(r.status, f).toBe(200);
      expect((await r.arrayBuffer()).byteLength, f).toBeGreaterThan(100);
    }
    expect((await t.server.get('/graphiql/nothing.js')).status).toBe(404);
  });

  it('leaves /graphql, /health and /ready to the server', async () => {
    expect((await t.as(null)('{ health }')).body).toEqual({ data: { health: true } });
    expect((await t.server.get('/health')).status).toBe(200);
    expect((await t.server.get('/ready')).headers.get('content-type')).toContain('application/json');
  });
});
