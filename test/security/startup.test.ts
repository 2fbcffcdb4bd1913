/**
 * Starting on the wrong store, with NODE_ENV=production: the real server process (`tsx server/main.ts`)
 * and `hongtu check` on a missing data directory, a 0-byte file, an empty store (seeding on or off),
 * random bytes and a truncated file. Each ends with a message and a non-zero exit code — never a
 * signal, never demo data, never an absolute path in the message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { buildApiWorld } from '../support/builders';
import { listeningUrl } from '../support/child-env';
import { PRODUCTION_ENV } from './production-world';

const TSX = path.resolve('node_modules/.bin/tsx');
const root = mkdtempSync(path.join(os.tmpdir(), 'hongtu-startup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...PRODUCTION_ENV,
  HONGTU_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  HONGTU_EMBEDDER: 'lexical',
  HONGTU_CLIENT_DIR: '/nonexistent-client',
  HONGTU_MODEL_CACHE: path.join(root, 'models'),
  HONGTU_LOG_LEVEL: 'warn',
  ...extra,
});

/** Run the server; it must exit by itself (a refusal). */
function serve(dataDir: string, extra: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['server/main.ts'], { env: env(dataDir, extra), encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}` };
}

function check(dataDir: string) {
  const r = spawnSync(TSX, ['server/cli/main.ts', 'check'], { env: env(dataDir), encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}` };
}

function expectRefusal(r: { status: number | null; signal: string | null; out: string }, pattern: RegExp, dir: string): void {
  expect(r.signal).toBeNull();
  expect(r.status).not.toBe(0);
  expect(r.status).not.toBeNull();
  expect(r.out).toMatch(pattern);
  expect(r.out).not.toContain(dir);
  expect(r.out).not.toMatch(/Demo data loaded/);
}

let emptyStore = '';
let validFile = '';
beforeAll(async () => {
  emptyStore = path.join(root, 'empty');
  const s = new KuzuStore({ dir: emptyStore });
  await s.init();
  await s.close();
  const full = path.join(root, 'full');
  const f = new KuzuStore({ dir: full });
  await f.init();
  await buildApiWorld(f);
  await f.close();
  validFile = path.join(full, 'hongtu.kuzu');
});

describe('production start-up on an uninitialised store', { timeout: 240_000 }, () => {
  it('refuses a missing data directory, naming hongtu init', () => {
    const dir = path.join(root, 'missing');
    expectRefusal(serve(dir), /hongtu init/, dir);
  });

  it('refuses a 0-byte store file', () => {
    const dir = path.join(root, 'zero');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'hongtu.kuzu'), '');
    expectRefusal(serve(dir), /not initialised.*hongtu init/, dir);
  });

  it('refuses an empty store with HONGTU_SEED_DEMO=0, and never seeds it with HONGTU_SEED_DEMO=1', async () => {
    expectRefusal(serve(emptyStore, { HONGTU_SEED_DEMO: '0' }), /no university.*hongtu init/, emptyStore);
    expectRefusal(serve(emptyStore, { HONGTU_SEED_DEMO: '1' }), /no university.*hongtu init/, emptyStore);
    const s = new KuzuStore({ dir: emptyStore });
    await s.init();
    try {
      expect(await s.isEmpty()).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('a damaged store', { timeout: 240_000 }, () => {
  it('answers random bytes with a message and an exit code, from the server and from hongtu check', () => {
    const dir = path.join(root, 'random');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'hongtu.kuzu'), randomBytes(256 * 1024));
    const served = serve(dir);
    expectRefusal(served, /damaged|cannot be opened/, dir);
    // What to do: restore the data directory's backup; `hongtu init` would start an empty university.
    expect(served.out).toMatch(/restore the latest backup of the data directory \(HONGTU_DATA_DIR\)/);
    expect(served.out).not.toMatch(/hongtu init/);
    const c = check(dir);
    expectRefusal(c, /damaged|cannot be opened/, dir);
    expect(c.out).toMatch(/restore the latest backup of the data directory/);
  });

  it('answers a truncated store file with a message and an exit code, without its path', () => {
    const dir = path.join(root, 'truncated');
    mkdirSync(dir);
    const file = path.join(dir, 'hongtu.kuzu');
    writeFileSync(file, readFileSync(validFile));
    truncateSync(file, Math.floor(statSync(file).size / 3));
    expectRefusal(serve(dir), /damaged|cannot be opened/, dir);
  });
});

describe('production start-up on an initialised store', () => {
  it('serves, and /ready says ready', async () => {
    const child = spawn(TSX, ['server/main.ts'], { env: env(path.dirname(validFile), { HONGTU_LOG_LEVEL: 'info' }), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const onData = (b: Buffer) => {
          out += b.toString();
          const url = listeningUrl(out);
          if (url) resolve(url);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).ready).toBe(true);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  }, 180_000);
});
