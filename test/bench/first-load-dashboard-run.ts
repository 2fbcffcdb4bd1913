/**
 * One process of the dashboard-figures bench (first-load-dashboard.ts): the server of the source tree `root`
 * (createApp over HTTP on an existing Kuzu store, no background work), signed in as the university
 * administrator, loads the university dashboard's meeting and attendance figures as the client does (every
 * committee's CommitteeDashboard request at once: each branch over the last four quarters and their year).
 * Prints {coldMs, warmMs[], coldCpuMs, warmCpuMs[]} as JSON: wall time, and the process's CPU time (user + system,
 * every thread: the server, Kuzu's workers and this client) over the same load, which depends less on how busy
 * the machine is. Usage: tsx first-load-dashboard-run.ts <root> <kuzu dir> [warm runs]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { print } from 'graphql';
import { CommitteeDashboardDocument, DashboardCommitteesDocument } from '../../client/src/gql/graphql';
import { lastQuarters } from '../../client/src/features/dashboard/dashboard-model';

const [root, dbDir, warmArg] = process.argv.slice(2);
if (!root || !dbDir) throw new Error('usage: first-load-dashboard-run.ts <root> <kuzu dir> [warm runs]');
const from = (p: string) => import(path.join(path.resolve(root), p));
const { KuzuStore } = await from('graph/kuzu/kuzu-store.ts');
const { createApp } = await from('server/app.ts');
const { loadConfig } = await from('server/config.ts');
const { signToken } = await from('server/auth/tokens.ts');

const store = new KuzuStore({ dir: dbDir });
await store.init();
const config = loadConfig({
  HONGTU_DEV_LOGIN: '1',
  HONGTU_CLIENT_DIR: '/nonexistent',
  HONGTU_LOG_LEVEL: 'error',
  HONGTU_EMBEDDER: 'lexical',
  HONGTU_RATE_PER_ADDRESS: '1000000',
  HONGTU_RATE_PER_ACCOUNT: '1000000',
  HONGTU_MAX_COST: '1000000',
});
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const server = createServer(createApp({ config, store, logger: silent }));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const admin = (await store.listMembers({ roles: ['UNIVERSITY_ADMIN'] }, 1)).items[0];
const { token } = await signToken(config.jwtSecret, admin.id);

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors ?? body).slice(0, 400));
  return body.data;
}

const qs = lastQuarters();
const vars = Object.fromEntries(
  qs.flatMap((q, i) => [
    [`f${i}`, q.from],
    [`t${i}`, q.to],
  ]),
);
const { university } = await gql<{ university: { committees: { id: string }[] } }>(print(DashboardCommitteesDocument));
const doc = print(CommitteeDashboardDocument);
async function load(): Promise<[number, number]> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const all = await Promise.all(university.committees.map((c) => gql<{ committee: { branches: unknown[] } }>(doc, { id: c.id, ...vars })));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (all.reduce((n, c) => n + c.committee.branches.length, 0) === 0) throw new Error('no branches');
  return [ms, (cpu.user + cpu.system) / 1000];
}
const [coldMs, coldCpuMs] = await load();
const warmMs: number[] = [];
const warmCpuMs: number[] = [];
for (let i = 0; i < Number(warmArg ?? 5); i++) {
  const [ms, cpu] = await load();
  warmMs.push(ms);
  warmCpuMs.push(cpu);
}
console.log(JSON.stringify({ coldMs, warmMs, coldCpuMs, warmCpuMs }));
server.close();
await store.close();
process.exit(0);
