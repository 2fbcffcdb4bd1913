/**
 * Bench section "appraisal": a 200-voter round's peak over real HTTP on loopback. All 200 voters ask for a blind
 * signature at the same instant, then all 200 ballots arrive at the same instant (harsher than "everyone in the
 * same minute"), and in alternate rounds spread at random over 10 s. The browser's blinding and unblinding run before and between the timed bursts, as they run on
 * the voters' own devices. Four rounds (two of each); per burst: requests per second over the burst and per-request
 * p50/p99; the table gives the median over rounds and the range.
 *
 * Standalone: npx tsx test/bench/appraisal-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { blindToken, toBase64, unblindSignature, type BlindedToken } from '../../client/src/features/appraisal/ballot-protocol';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { fmt, median, percentile, type BenchRow } from './stats';

const VOTERS = 200;
const ROUNDS = 4;
/** Rounds alternate: all 200 at the same instant, then spread at random over 10 s (six times "the same minute"). */
const SPREAD_MS = 10_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** `n` requests, all at once (`overMs` 0) or each at a random instant within `overMs`. */
async function burst(n: number, f: (i: number) => Promise<void>, overMs = 0): Promise<{ perSecond: number; p50: number; p99: number }> {
  const times: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      if (overMs) await new Promise((r) => setTimeout(r, Math.random() * overMs));
      const s = performance.now();
      await f(i);
      times.push(performance.now() - s);
    }),
  );
  return { perSecond: n / ((performance.now() - t0) / 1000), p50: percentile(times, 50), p99: percentile(times, 99) };
}

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-appraisal-bench-'));
  const store = new KuzuStore({ dir });
  const http = createServer();
  try {
    await store.init();
    await store.createUniversity({ id: 'u', name: '大学' });
    await store.createCommittee({ id: 'c', name: '党委', universityId: 'u' } as never);
    await store.createBranch({ id: 'b', name: '支部', committeeId: 'c' });
    const base = { kind: 'STUDENT', stage: 'FULL', groupId: null, phone: null, idNumber: null, branchId: 'b' } as const;
    await store.createMember({ ...base, id: 'sec', name: '书记', role: 'SECRETARY' });
    const voters: string[] = [];
    for (let i = 0; i < VOTERS; i++) voters.push((await store.createMember({ ...base, id: `v${i}`, name: `党员${i}`, role: 'MEMBER' })).id);
    const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_CLIENT_DIR: '/nonexistent', HONGTU_LOG_LEVEL: 'error' });
    http.on('request', createApp({ config, store, logger: silent }));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify({ query, variables }),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0]!.message);
      return body.data;
    };
    const tokens = await Promise.all(['sec', ...voters].map(async (id) => (await signToken(config.jwtSecret, id)).token));
    type Burst = { perSecond: number; p50: number; p99: number };
    const sign: Burst[][] = [[], []];
    const cast: Burst[][] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      const r = (
        await post(
          'mutation($i: OpenAppraisalRoundInput!) { openAppraisalRound(input: $i) { id publicKey } }',
          {
            i: {
              branchId: 'b',
              title: `评议${round}`,
              periodFrom: '2026-01-01T00:00:00Z',
              periodTo: '2027-01-01T00:00:00Z',
              closesAt: new Date(Date.now() + 86_400_000).toISOString(),
              appraiseeIds: voters.slice(0, 10),
            },
          },
          tokens[0],
        )
      ).openAppraisalRound as { id: string; publicKey: string };
      const blinded: BlindedToken[] = await Promise.all(voters.map(() => blindToken(r.publicKey)));
      const sigs: string[] = [];
      const mode = round % 2;
      sign[mode]!.push(
        await burst(
          VOTERS,
          async (i) => {
            sigs[i] = (
              await post('mutation($r: ID!, $b: String!) { requestBallotSignature(roundId: $r, blindedMessage: $b) }', { r: r.id, b: blinded[i]!.blindedMessage }, tokens[i + 1])
            ).requestBallotSignature;
          },
          mode ? SPREAD_MS : 0,
        ),
      );
      const ballots = await Promise.all(
        voters.map(async (_, i) => ({
          roundId: r.id,
          token: toBase64(blinded[i]!.token),
          signature: await unblindSignature(r.publicKey, blinded[i]!, sigs[i]!),
          grades: voters.slice(0, 10).map((memberId) => ({ memberId, grade: 'QUALIFIED' })),
        })),
      );
      cast[mode]!.push(
        await burst(
          VOTERS,
          async (i) => {
            await post('mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt } }', { i: ballots[i] });
          },
          mode ? SPREAD_MS : 0,
        ),
      );
      if ((await store.listBallots(r.id)).length !== VOTERS) throw new Error('not every ballot was stored');
    }
    const row = (what: string, xs: Burst[], mode: string): BenchRow => {
      const p99s = xs.map((x) => x.p99);
      return {
        section: 'appraisal',
        metric: `${what}: ${VOTERS} ${mode}`,
        value: `${fmt(median(xs.map((x) => x.perSecond)), 0)}/s, p50 ${fmt(median(xs.map((x) => x.p50)), 0)} ms, p99 ${fmt(median(p99s), 0)} ms`,
        note: `median of ${xs.length} rounds; p99 range ${fmt(Math.min(...p99s), 0)}–${fmt(Math.max(...p99s), 0)} ms; real HTTP on loopback, Kuzu`,
      };
    };
    return [
      row('blind-signature issuance', sign[0]!, 'at once'),
      row('ballot verification and storage', cast[0]!, 'at once'),
      row('blind-signature issuance', sign[1]!, 'over 10 s'),
      row('ballot verification and storage', cast[1]!, 'over 10 s'),
    ];
  } finally {
    await new Promise<void>((r) => http.close(() => r()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('appraisal-bench.ts')) {
  bench()
    .then((rows) => {
      for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note ?? ''} |`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
