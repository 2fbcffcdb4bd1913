/**
 * Request limits, measured over HTTP against the bench world (real Kuzu store, real learner services):
 * - field costs: each expensive root field's median time for one request ÷ the median of
 *   `{ viewer { role } }` — the weights in server/api/limits-costs.ts come from this table
 *   (`npx tsx test/bench/limits-bench.ts --costs` prints it on the demo world);
 * - one-request cost ceiling: the slowest request a MEMBER token can get past the limits (ms);
 * - reads/s with 50 concurrent users, limits off vs on, alternating order, 3 repeats each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import type { GraphStore } from '../../graph/store';
import { generateWorld } from '../../seeds/generator/generate';
import { createApp } from '../../server/app';
import { createAccessToken } from '../../server/auth/access-tokens';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { fmt, percentile, type BenchRow } from './stats';

const SECRET = 'bench-secret-0123456789abcdef-0123456789';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
/** Limits so high they never refuse: the "before" configuration. */
const LIMITS_OFF = {
  HONGTU_MAX_COST: '1000000',
  HONGTU_MAX_TOKENS: '100000',
  HONGTU_MAX_ALIASES: '1000',
  HONGTU_MAX_ROOT_FIELDS: '1000',
  HONGTU_MAX_BODY_BYTES: '10000000',
  HONGTU_RATE_PER_ADDRESS: '1000000',
  HONGTU_RATE_PER_ACCOUNT: '1000000',
};

interface Srv {
  url: string;
  close(): Promise<void>;
  gql(q: string, v: Record<string, unknown>, token: string, address?: string): Promise<{ errors?: unknown[] }>;
}

async function serve(store: GraphStore, env: Record<string, string>): Promise<Srv> {
  // As behind the campus TLS proxy: each simulated user has their own address (X-Forwarded-For).
  const config = loadConfig({ NODE_ENV: 'production', HONGTU_JWT_SECRET: SECRET, HONGTU_TRUST_PROXY: '1', HONGTU_CLIENT_DIR: '/nonexistent', HONGTU_LOG_LEVEL: 'error', ...env });
  const learner = createLearnerServices(store);
  const server = createServer(createApp({ config, store, logger: silent, learning: { learner, hooks: learner.hooks } }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise((r) => server.close(() => r())),
    gql: async (query, variables, token, address = '10.0.0.1') =>
      (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': address },
          body: JSON.stringify({ query, variables }),
        })
      ).json() as Promise<{ errors?: unknown[] }>,
  };
}

/** A personal access token (production has no demo tokens). */
const tokenFor = async (store: GraphStore, memberId: string) =>
  (await createAccessToken(store, memberId, { name: 'bench', scope: 'READ_WRITE', introspect: false, days: 1 }, 90, Date.now())).token;

const median = (xs: number[]) => percentile(xs, 50);
const spread = (xs: number[]) => `${fmt(Math.min(...xs), 1)}–${fmt(Math.max(...xs), 1)}`;

async function timeIt(n: number, f: () => Promise<unknown>, warm = 3): Promise<number[]> {
  for (let i = 0; i < warm; i++) await f();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The probes: [weight key, who, query]. `$m` is the member, `$b` their branch. */
const PROBES: [string, 'member' | 'secretary', string][] = [
  ['base', 'member', '{ viewer { role } }'],
  ['calibration', 'member', '{ courses(first: 100) { nodes { id title summary kind minutes createdAt } } }'],
  ['Query.recommendations', 'member', 'query($m: ID!) { recommendations(memberId: $m, first: 5) { score course { id } } }'],
  ['Query.practiceQuestions', 'member', 'query($m: ID!) { practiceQuestions(memberId: $m, first: 5) { question { id } } }'],
  ['Query.gaps', 'member', 'query($m: ID!) { gaps(memberId: $m) { topic { id } } }'],
  ['Query.mastery', 'member', 'query($m: ID!) { mastery(memberId: $m) { modelId topics { mastery } } }'],
  ['Query.studyPlan', 'member', 'query($m: ID!) { studyPlan(memberId: $m) { id } }'],
  ['Query.member', 'member', 'query($m: ID!) { member(id: $m) { id name } }'],
  ['Query.branchGaps', 'secretary', 'query($b: ID!) { branchGaps(branchId: $b) { rows { member { id } } } }'],
  ['Query.branchLife', 'secretary', 'query($b: ID!) { branchLife(branchId: $b, from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { branch { id } } }'],
  ['Mutation.generateStudyPlan', 'member', 'mutation($m: ID!) { generateStudyPlan(memberId: $m, minutesPerWeek: 60, weeks: 4) { id } }'],
  ['Mutation.recordAnswer', 'member', 'mutation($m: ID!, $id: ID!, $q: ID!) { recordAnswer(input: { id: $id, memberId: $m, questionId: $q, choice: 0, seconds: 5 }) { created } }'],
  [
    'Mutation.recordStudy',
    'member',
    'mutation($m: ID!, $id: ID!, $c: ID!) { recordStudy(input: { id: $id, memberId: $m, courseId: $c, seconds: 60, progress: 0.5 }) { created } }',
  ],
];

interface World {
  member: string;
  branch: string;
  secretary: string;
  course: string;
  question: string;
  members: string[];
}

async function pickWorld(store: GraphStore): Promise<World> {
  const members = (await store.listMembers({ roles: ['MEMBER'] }, 50, null)).items;
  const sec =
    (await store.listMembers({ roles: ['SECRETARY'], branchIds: [members[0].branchId] }, 1, null)).items[0] ??
    (await store.listMembers({ roles: ['SECRETARY'] }, 1, null)).items[0];
  const course = (await store.listCourses({}, 1, null)).items[0];
  const question = (await store.listQuestions({}, 1, null)).items[0];
  return { member: members[0].id, branch: sec.branchId, secretary: sec.id, course: course.id, question: question.id, members: members.map((m) => m.id) };
}

/** Median ms per probe, and the weight it implies. */
export async function measureFieldCosts(store: GraphStore, n = 9): Promise<{ key: string; ms: number[]; weight: number }[]> {
  const w = await pickWorld(store);
  const srv = await serve(store, LIMITS_OFF);
  try {
    const token = { member: await tokenFor(store, w.member), secretary: await tokenFor(store, w.secretary) };
    let seq = 0;
    const out: { key: string; ms: number[]; weight: number }[] = [];
    for (const [key, who, query] of PROBES) {
      const ms = await timeIt(n, async () => {
        const r = await srv.gql(query, { m: w.member, b: w.branch, id: `bench-${Date.now()}-${++seq}`, q: w.question, c: w.course }, token[who]);
        if (r.errors) throw new Error(`${key}: ${JSON.stringify(r.errors).slice(0, 300)}`);
      });
      out.push({ key, ms, weight: 0 });
    }
    // The base again at the end (the first run also warms the server up); the lower median counts.
    const [, , baseQuery] = PROBES[0];
    const again = await timeIt(n, () => srv.gql(baseQuery, {}, token.member));
    if (median(again) < median(out[0].ms)) out[0].ms = again;
    // One cost unit = one stored field read: the calibration reads n courses × 6 fields.
    const base = median(out[0].ms);
    const courses = ((await srv.gql(PROBES[1][2], {}, token.member)) as { data?: { courses: { nodes: unknown[] } } }).data?.courses.nodes.length ?? 1;
    const msPerUnit = Math.max(1e-3, (median(out[1].ms) - base) / (1 + courses * 7));
    for (const r of out) r.weight = Math.max(1, Math.round((median(r.ms) - base) / msPerUnit));
    console.error(`[limits] ${courses} courses in the calibration; ${fmt(msPerUnit * 1000, 1)} µs per field read`);
    return out;
  } finally {
    await srv.close();
  }
}

/** Reads per second with `users` concurrent members for `ms`, each reading its home page data. */
async function readsPerSecond(srv: Srv, tokens: string[], ids: string[], ms: number): Promise<number> {
  const q = 'query($m: ID!) { viewer { role } member(id: $m) { id name } recommendations(memberId: $m, first: 5) { score course { id } } }';
  let done = 0;
  const end = performance.now() + ms;
  await Promise.all(
    tokens.map(async (tok, i) => {
      while (performance.now() < end) {
        const r = await srv.gql(q, { m: ids[i] }, tok, `10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`);
        if (r.errors) throw new Error(JSON.stringify(r.errors).slice(0, 300));
        done++;
      }
    }),
  );
  return done / (ms / 1000);
}

/** The bench section (run.ts passes the loaded store). */
export async function bench(ctx: { store: GraphStore }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const costs = await measureFieldCosts(ctx.store, 5);
  for (const c of costs)
    rows.push({ section: 'limits', metric: `field cost ${c.key}`, value: `${fmt(median(c.ms), 1)} ms`, note: `weight ${c.weight}; spread ${spread(c.ms)}, n=${c.ms.length}` });
  const w = await pickWorld(ctx.store);
  const tokens: string[] = [];
  for (const id of w.members) tokens.push(await tokenFor(ctx.store, id));
  // The ceiling: the heaviest requests a member can send that pass every limit.
  const on = await serve(ctx.store, {});
  try {
    const candidates = [
      `query($m: ID!) { ${Array.from({ length: 3 }, (_, i) => `r${i}: recommendations(memberId: $m, first: 20) { score course { id } }`).join(' ')} }`,
      `query($m: ID!) { ${Array.from({ length: 10 }, (_, i) => `g${i}: gaps(memberId: $m) { topic { id } }`).join(' ')} }`,
      `mutation($m: ID!) { ${Array.from({ length: 2 }, (_, i) => `p${i}: generateStudyPlan(memberId: $m, minutesPerWeek: 60, weeks: 52) { id }`).join(' ')} }`,
      'query($m: ID!) { members(first: 100) { nodes { recentActivity(first: 10) { studies { course { title } } } } } recommendations(memberId: $m, first: 20) { score course { id } } }',
    ];
    let worst = { ms: [0], q: '' };
    for (const q of candidates) {
      const first = await on.gql(q, { m: w.member }, tokens[0]);
      if (first.errors) continue;
      const ms = await timeIt(5, () => on.gql(q, { m: w.member }, tokens[0]));
      if (median(ms) > median(worst.ms)) worst = { ms, q };
    }
    rows.push({
      section: 'limits',
      metric: 'one-request cost ceiling (MEMBER)',
      value: `${fmt(median(worst.ms), 0)} ms`,
      note: `spread ${spread(worst.ms)}, n=5; ${worst.q.slice(0, 80)}…`,
    });
  } finally {
    await on.close();
  }
  // Reads/s under 50 users, limits off and on alternating, 3 repeats each.
  const results: Record<'off' | 'on', number[]> = { off: [], on: [] };
  for (let rep = 0; rep < 3; rep++) {
    for (const mode of (rep % 2 === 0 ? ['off', 'on'] : ['on', 'off']) as ('off' | 'on')[]) {
      const srv = await serve(ctx.store, mode === 'off' ? LIMITS_OFF : {});
      try {
        results[mode].push(await readsPerSecond(srv, tokens, w.members, 5000));
      } finally {
        await srv.close();
      }
    }
  }
  const off = median(results.off);
  const onMed = median(results.on);
  rows.push({ section: 'limits', metric: `reads/s, ${tokens.length} users, limits off`, value: fmt(off, 0), note: `spread ${spread(results.off)}, n=3, 5 s each` });
  rows.push({
    section: 'limits',
    metric: `reads/s, ${tokens.length} users, limits on`,
    value: fmt(onMed, 0),
    note: `spread ${spread(results.on)}, n=3; ${fmt((onMed / off - 1) * 100, 1)} % vs off`,
  });
  return rows;
}

/** Standalone: `npx tsx test/bench/limits-bench.ts [--costs]` on the demo world in a temp store. */
if (process.argv[1]?.endsWith('limits-bench.ts')) {
  const gen = await generateWorld({ scale: 'demo', outDir: path.resolve('data/bulk/demo') });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-limits-'));
  const store = new KuzuStore({ dir });
  try {
    await store.init();
    await store.bulkLoad(gen.dir);
    if (process.argv.includes('--costs')) {
      for (const c of await measureFieldCosts(store)) console.log(`${c.key.padEnd(30)} ${fmt(median(c.ms), 2).padStart(8)} ms  spread ${spread(c.ms)}  weight ${c.weight}`);
    } else {
      for (const r of await bench({ store })) console.log(`${r.metric}: ${r.value} (${r.note ?? ''})`);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
