/**
 * A diagnostic for load tests (test/load/run-load.ts): with HONGTU_KUZU_TRACE=<file prefix>, the
 * process counts every committed write transaction by its first statement (how long it waited for
 * the write lock, how long it held it, its statements and their times) and records every checkpoint.
 * SIGUSR2 starts a new window; SIGUSR1 writes the window so far to <prefix>.<pid>.<n>.json with the
 * process's CPU time.
 * Off (and free) when the variable is unset.
 */
import { writeFileSync } from 'node:fs';

const TRACE = process.env.HONGTU_KUZU_TRACE;
/** True when HONGTU_KUZU_TRACE names a file prefix. */
export const tracing = Boolean(TRACE);
const traceAgg = new Map<string, { n: number; held: number; wait: number; stmts: number; commit: number; max: number; per: Map<string, [number, number]> }>();
/** Count one committed write transaction: its wait for the lock, its hold, its statements and their times. */
export function traceTx(tr: { t0: number; wait: number; stmts: [string, number][] }, commit: number): void {
  const label = tr.stmts[0]?.[0] ?? '(none)';
  let a = traceAgg.get(label);
  if (!a) traceAgg.set(label, (a = { n: 0, held: 0, wait: 0, stmts: 0, commit: 0, max: 0, per: new Map() }));
  const held = performance.now() - tr.t0;
  a.n++;
  a.held += held;
  a.max = Math.max(a.max, held);
  a.wait += tr.wait;
  a.commit += commit;
  a.stmts += tr.stmts.length;
  for (const [q, ms] of tr.stmts) {
    const x = a.per.get(q) ?? [0, 0];
    x[0]++;
    x[1] += ms;
    a.per.set(q, x);
  }
}
const traceCounts = new Map<string, number>();
const traceCheckpoints: { atMs: number; drainMs: number; checkpointMs: number; walBytes: number }[] = [];
/** Record one checkpoint of the engine: its wait for running reads, its CHECKPOINT, and the log it emptied. */
export function traceCheckpoint(drainMs: number, checkpointMs: number, walBytes: number): void {
  traceCheckpoints.push({ atMs: performance.now(), drainMs, checkpointMs, walBytes });
}
/** Add `n` to the window's count `name` (e.g. the outbox entries applied). */
export function traceCount(name: string, n: number): void {
  traceCounts.set(name, (traceCounts.get(name) ?? 0) + n);
}
if (TRACE) {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  let k = 0;
  let h0 = process.hrtime.bigint();
  process.on('SIGUSR2', () => {
    h0 = process.hrtime.bigint();
    traceAgg.clear();
    traceCounts.clear();
    traceCheckpoints.length = 0;
    t0 = performance.now();
    c0 = process.cpuUsage();
  });
  process.on('SIGUSR1', () => {
    const out = {
      fromUs: Number(h0 / 1000n),
      toUs: Number(process.hrtime.bigint() / 1000n),
      wall: performance.now() - t0,
      cpu: process.cpuUsage(c0),
      counts: Object.fromEntries(traceCounts),
      checkpoints: traceCheckpoints.map((c) => ({ ...c, atMs: c.atMs - t0 })),
      tx: Object.fromEntries([...traceAgg].map(([k, v]) => [k, { ...v, per: Object.fromEntries(v.per) }])),
    };
    writeFileSync(`${TRACE}.${process.pid}.${k++}.json`, JSON.stringify(out, null, 1));
  });
}
