/**
 * `npx tsx test/bench/reads-load.ts --data DIR --bulk DIR [--clients 50] [--requests 4000] [--rounds 1] [--root DIR]`
 *
 * The server's CPU time per `member(id)` read: a real server process (production mode, Kuzu, configured
 * as test/load/run-load.ts configures it) is driven by closed-loop clients, each a branch secretary
 * reading members of their own branch (every read also writes an access record). After start-up work
 * and a warm-up of 500 reads, each round sends a fixed number of reads and reports the server process's
 * CPU time (user + system, all its threads, from /proc) per read, with reads/s and p50/p99. CPU time
 * per read hardly depends on what else the machine runs, so two builds can be compared on a busy
 * machine: `--root` names the checkout whose server/main.ts runs (default: this one).
 * HONGTU_LOAD_CPU_PROF=<dir> writes a V8 CPU profile of the server there.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueTokens, MEMBER_QUERY, pct, post, readWorld, spawnChild } from '../load/harness';
import { listeningUrl } from '../support/child-env';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

/** As test/load/run-load.ts configures the server (its LOAD_ENV; that file runs when imported). */
const LOAD_ENV = { HONGTU_TRUST_PROXY: '1', HONGTU_RATE_PER_ACCOUNT: '6000' };

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (ms) the process has used so far, all threads. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function start(root: string, dataDir: string): Promise<{ proc: ChildProcess; url: string; log: string[] }> {
  const { proc, log } = spawnChild(dataDir, LOAD_ENV, root);
  const until = Date.now() + 600_000;
  let url = '';
  while (Date.now() < until) {
    const all = log.join('');
    url ||= listeningUrl(all) ?? '';
    if (url && /Learning summaries up to date/.test(all)) return { proc, url, log };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not finish its start-up work:\n${log.join('')}`);
}

async function main() {
  const data = arg('data');
  const bulk = arg('bulk');
  if (!data || !bulk) throw new Error('--data (a loaded Kuzu data dir) and --bulk (its bulk CSV dir) are required');
  const root = path.resolve(arg('root', path.resolve(import.meta.dirname, '../..'))!);
  const clients = Number(arg('clients', '50'));
  const requests = Number(arg('requests', '4000'));
  const rounds = Number(arg('rounds', '1'));
  const world = readWorld(bulk);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hongtu-rload-'));
  try {
    const dir = path.join(tmp, 'kuzu');
    cpSync(path.resolve(data), dir, { recursive: true });
    const readers = world.secretaries.slice(0, clients);
    const tokens = await issueTokens(
      dir,
      readers.map((m) => m.id),
    );
    const branchMembers = new Map<string, string[]>();
    for (const m of world.members) branchMembers.set(m.branchId, [...(branchMembers.get(m.branchId) ?? []), m.id]);
    const child = await start(root, dir);
    try {
      const pid = child.proc.pid!;
      const read = (c: number, n: number) => {
        const sec = readers[c % readers.length]!;
        const pool = branchMembers.get(sec.branchId) ?? [sec.id];
        const address = { 'x-forwarded-for': `10.2.${(c >> 8) & 255}.${c & 255}` };
        return post(child.url, tokens.get(sec.id)!, MEMBER_QUERY, { id: pool[n % pool.length] }, address);
      };
      const drive = async (total: number) => {
        let sent = 0;
        const ms: number[] = [];
        const errors: Record<string, number> = {};
        await Promise.all(
          Array.from({ length: clients }, async (_, c) => {
            for (let n = 0; sent < total; n++) {
              sent++;
              const s = await read(c, n);
              if (s.ok) ms.push(s.ms);
              else errors[s.code ?? 'unknown'] = (errors[s.code ?? 'unknown'] ?? 0) + 1;
            }
          }),
        );
        return { ms: ms.sort((a, b) => a - b), errors };
      };
      await drive(500);
      console.log('| round | reads | server CPU ms per read | reads/s | p50 ms | p99 ms | errors | load avg |\n|---|---|---|---|---|---|---|---|');
      for (let r = 1; r <= rounds; r++) {
        const c0 = cpuMs(pid);
        const t0 = performance.now();
        const { ms, errors } = await drive(requests);
        const wall = (performance.now() - t0) / 1000;
        const cpu = cpuMs(pid) - c0;
        console.log(
          `| ${r} | ${ms.length} | ${(cpu / requests).toFixed(2)} | ${(ms.length / wall).toFixed(0)} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 99).toFixed(1)} | ${JSON.stringify(errors)} | ${os.loadavg()[0]!.toFixed(1)} |`,
        );
      }
    } finally {
      child.proc.kill('SIGTERM');
      await new Promise((r) => child.proc.once('exit', r));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
