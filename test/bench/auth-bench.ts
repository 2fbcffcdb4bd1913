/**
 * Sign-in figures, on a small world in a temp Kuzu store behind the real server (in-process, HTTP):
 * - sign-in p50: one password `signIn` over HTTP (argon2id verify + session write), sequential;
 * - another member's read (`member` with a personal access token) alone, and while 4 clients sign in
 *   back to back: argon2 runs on libuv's thread pool, so the reader should wait for the store, not
 *   for hashing. Median, p90, min–max and n.
 * Standalone: `npx tsx test/bench/auth-bench.ts`; also a section of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createApp } from '../../server/app';
import { createAccessToken } from '../../server/auth/access-tokens';
import { hashPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { buildApiWorld } from '../support/builders';
import { SIGN_IN } from '../support/auth-client';
import { fmt, percentile, sample, type BenchRow } from './stats';

const PASSWORD = 'a bench password that is long';
const summary = (xs: number[]) =>
  `${fmt(percentile(xs, 50))} ms (p90 ${fmt(percentile(xs, 90))}, ${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}, n=${xs.length})`;

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-auth-bench-'));
  const t = { store: new KuzuStore({ dir }) };
  await t.store.init();
  try {
    await buildApiWorld(t.store);
    const hash = await hashPassword(PASSWORD);
    for (const [memberId, login] of [['m-a', 'bench-a'], ['m-b', 'bench-b'], ['m-c', 'bench-c'], ['m-d', 'bench-d'], ['m-cm', 'bench-cm']]) {
      await t.store.createAccount({
        memberId: memberId!, loginName: login!, status: 'ACTIVE', passwordHash: hash, mustChangePassword: false,
        failedAttempts: 0, lockedUntil: 0, totpSecret: null, totpEnabled: false, recoveryCodeHashes: [],
      });
    }
    const config = loadConfig({
      HONGTU_DEV_LOGIN: '0', HONGTU_CLIENT_DIR: '/nonexistent-client-dir', HONGTU_LOG_LEVEL: 'error',
      HONGTU_RATE_SIGN_IN: '1000000', HONGTU_RATE_PER_ADDRESS: '1000000', HONGTU_RATE_PER_ACCOUNT: '1000000',
    });
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const http = createServer(createApp({ config, store: t.store, logger: silent }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const server = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => http.close(() => r())) };
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown[] }>);
      const signIn = async (login: string) => {
        const r = await post({ query: SIGN_IN, variables: { input: { loginName: login, password: PASSWORD } } });
        if (r.errors) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
      };
      const signIns = await sample(15, 3, () => signIn('bench-a'));
      const { token } = await createAccessToken(t.store, 'm-sec', { name: 'bench', scope: 'READ', introspect: false, days: 1 }, 90, Date.now());
      const read = async () => {
        const r = await post({ query: '{ member(id: "m-b") { name stage } }' }, { authorization: `Bearer ${token}` });
        if (r.errors) throw new Error(`read failed: ${JSON.stringify(r.errors)}`);
      };
      const alone = await sample(40, 5, read);
      let stop = false;
      const loops = ['bench-b', 'bench-c', 'bench-d', 'bench-cm'].map(async (login) => {
        let n = 0;
        while (!stop) { await signIn(login); n++; }
        return n;
      });
      await new Promise((r) => setTimeout(r, 200));
      const during = await sample(40, 0, read);
      stop = true;
      const concurrentSignIns = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
      return [
        { section: 'auth', metric: 'sign-in p50 (password, argon2id 19 MiB/t=2)', value: summary(signIns), note: 'sequential, one HTTP signIn each' },
        { section: 'auth', metric: 'another member\'s read, alone', value: summary(alone), note: 'member(id) with a personal access token' },
        { section: 'auth', metric: 'another member\'s read, during 4 concurrent sign-in loops', value: summary(during), note: `${concurrentSignIns} sign-ins ran meanwhile` },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await t.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await bench();
  for (const r of rows) console.log(`${r.metric}: ${r.value}${r.note ? `  — ${r.note}` : ''}`);
}
