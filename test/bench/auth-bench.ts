/**
 * Sign-in figures, on a small world in a temp Kuzu store behind the real server (in-process, HTTP):
 * - sign-in p50: one password `signIn` over HTTP (argon2id verify + session write), sequential;
 * - another member's read (`member` with a personal access token) alone, and while 4 clients sign in
 *   back to back, with password hashing taking turns one at a time (ours, half of 2 cores) and two at
 *   a time (before), alternating over ROUNDS rounds: median over rounds of p50 and p99, their range, n.
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
import { configurePasswordHashing, defaultHashingLimits, hashPassword, verifyPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { buildApiWorld } from '../support/builders';
import { SIGN_IN } from '../support/auth-client';
import { fmt, median, percentile, sample, type BenchRow } from './stats';

const PASSWORD = 'a bench password that is long';
const ROUNDS = Number(process.env.HONGTU_BENCH_AUTH_ROUNDS ?? 3);
const READS = 50;
/** Median over rounds of each round's p50 and p99, with the range of the round p50s. */
const spread = (rounds: number[][]) => {
  const p50 = rounds.map((r) => percentile(r, 50));
  const p99 = rounds.map((r) => percentile(r, 99));
  return (
    `p50 ${fmt(median(p50))} ms (rounds ${fmt(Math.min(...p50))}–${fmt(Math.max(...p50))}), p99 ${fmt(median(p99))} ms ` +
    `(rounds ${fmt(Math.min(...p99))}–${fmt(Math.max(...p99))}); ${rounds.length} rounds × n=${rounds[0]?.length ?? 0}`
  );
};
const summary = (xs: number[]) => `${fmt(percentile(xs, 50))} ms (p90 ${fmt(percentile(xs, 90))}, ${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}, n=${xs.length})`;

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-auth-bench-'));
  const t = { store: new KuzuStore({ dir }) };
  await t.store.init();
  try {
    await buildApiWorld(t.store);
    const hash = await hashPassword(PASSWORD);
    for (const [memberId, login] of [
      ['m-a', 'bench-a'],
      ['m-b', 'bench-b'],
      ['m-c', 'bench-c'],
      ['m-d', 'bench-d'],
      ['m-cm', 'bench-cm'],
    ]) {
      await t.store.createAccount({
        memberId: memberId!,
        loginName: login!,
        status: 'ACTIVE',
        passwordHash: hash,
        mustChangePassword: false,
        failedAttempts: 0,
        lockedUntil: 0,
        totpSecret: null,
        totpEnabled: false,
        recoveryCodeHashes: [],
      });
    }
    const config = loadConfig({
      HONGTU_DEV_LOGIN: '0',
      HONGTU_CLIENT_DIR: '/nonexistent-client-dir',
      HONGTU_LOG_LEVEL: 'error',
      HONGTU_RATE_SIGN_IN: '1000000',
      HONGTU_RATE_PER_ADDRESS: '1000000',
      HONGTU_RATE_PER_ACCOUNT: '1000000',
    });
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const http = createServer(createApp({ config, store: t.store, logger: silent }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const server = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => http.close(() => r())) };
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
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
      await sample(0, 5, read);
      // Another member's read alone, then during 4 sign-in loops, with hashing taking turns one at a time
      // (ours: half of 2 cores) against two at a time (the limit before). Alternating, ROUNDS rounds.
      const sides = { ours: { concurrency: 1, label: '1 hash at a time' }, before: { concurrency: 2, label: '2 hashes at a time' } };
      // Two storms: 4 clients signing in over HTTP back to back (argon2 + session and audit writes), and
      // 4 loops of argon2 verification alone (no HTTP, no store), which isolates what hashing costs others.
      const storms = {
        'sign-in': { label: '4 sign-in loops (HTTP)', run: signIn },
        hashing: { label: '4 argon2 verify loops (no HTTP, no store)', run: () => verifyPassword(hash, 'a wrong password here') },
      };
      type Side = 'ours' | 'before';
      type Storm = keyof typeof storms;
      const got = new Map<string, { during: number[][]; rate: number[] }>();
      const alone: Record<Side, number[][]> = { ours: [], before: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of (round % 2 ? ['before', 'ours'] : ['ours', 'before']) as Side[]) {
          configurePasswordHashing({ concurrency: sides[side].concurrency, maxWaiting: 64 });
          alone[side].push(await sample(READS, 0, read));
          for (const storm of Object.keys(storms) as Storm[]) {
            let stop = false;
            const loops = ['bench-b', 'bench-c', 'bench-d', 'bench-cm'].map(async (login) => {
              let n = 0;
              while (!stop) {
                await storms[storm].run(login);
                n++;
              }
              return n;
            });
            await new Promise((r) => setTimeout(r, 200));
            const t0 = performance.now();
            const during = await sample(READS, 0, read);
            const seconds = (performance.now() - t0) / 1000;
            stop = true;
            const rate = (await Promise.all(loops)).reduce((a, b) => a + b, 0) / seconds;
            const key = `${side}/${storm}`;
            if (!got.has(key)) got.set(key, { during: [], rate: [] });
            got.get(key)!.during.push(during);
            got.get(key)!.rate.push(rate);
          }
        }
      }
      configurePasswordHashing(defaultHashingLimits());
      const rows: BenchRow[] = [{ section: 'auth', metric: 'sign-in p50 (password, argon2id 19 MiB/t=2)', value: summary(signIns), note: 'sequential, one HTTP signIn each' }];
      for (const side of ['ours', 'before'] as const) {
        rows.push({ section: 'auth', metric: `another member's read alone, ${sides[side].label}`, value: spread(alone[side]), note: 'member(id) with a personal access token' });
        for (const storm of Object.keys(storms) as Storm[]) {
          const g = got.get(`${side}/${storm}`)!;
          rows.push({
            section: 'auth',
            metric: `another member's read during ${storms[storm].label}, ${sides[side].label}`,
            value: spread(g.during),
            note: `${storm === 'hashing' ? 'verifications' : 'sign-ins'}/s meanwhile per round: ${g.rate.map((x) => fmt(x, 1)).join(' / ')}`,
          });
        }
      }
      return rows;
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
