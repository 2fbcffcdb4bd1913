/**
 * `npx tsx test/load/trace-summary.ts FILE...`: print the write-transaction counts a server wrote with
 * HONGTU_KUZU_TRACE (graph/kuzu/write-trace.ts), one block per file: the window's wall and CPU time,
 * then per kind of transaction (named by its first statement) how many, how long each held the write
 * lock, its statements per transaction and their times, and the share of the window the writer was held;
 * with the window's counts (the outbox entries written with their events, and those applied) and its
 * checkpoints (the wait for running reads, the CHECKPOINT, the log's size).
 */
import { readFileSync } from 'node:fs';

interface Agg {
  n: number;
  held: number;
  wait: number;
  stmts: number;
  commit: number;
  max: number;
  per: Record<string, [number, number]>;
}

for (const file of process.argv.slice(2)) {
  const d = JSON.parse(readFileSync(file, 'utf8')) as {
    wall: number;
    cpu: { user: number; system: number };
    tx: Record<string, Agg>;
    counts?: Record<string, number>;
    checkpoints?: { atMs: number; drainMs: number; checkpointMs: number; walBytes: number }[];
  };
  const cpu = (d.cpu.user + d.cpu.system) / 1000;
  console.log(`== ${file}: wall ${d.wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms (${((cpu / d.wall) * 100).toFixed(0)} % of one core)`);
  for (const [k, n] of Object.entries(d.counts ?? {})) console.log(`  ${k}: ${n}`);
  for (const c of d.checkpoints ?? [])
    console.log(
      `  checkpoint at ${(c.atMs / 1000).toFixed(1)} s: reads drained in ${c.drainMs.toFixed(0)} ms, CHECKPOINT ${c.checkpointMs.toFixed(0)} ms, log ${(c.walBytes / 2 ** 20).toFixed(1)} MB`,
    );
  let busy = 0;
  for (const [k, v] of Object.entries(d.tx).sort((a, b) => b[1].held - a[1].held)) {
    busy += v.held;
    console.log(
      `  ${k.padEnd(60)} n ${v.n}, held ${v.held.toFixed(0)} ms (${(v.held / v.n).toFixed(1)} per tx, max ${v.max.toFixed(0)}), ` +
        `lock wait ${(v.wait / v.n).toFixed(1)}, ${(v.stmts / v.n).toFixed(1)} statements per tx, COMMIT ${(v.commit / v.n).toFixed(1)}`,
    );
    for (const [q, [n, ms]] of Object.entries(v.per)
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, 8))
      console.log(`      ${q.padEnd(60)} ${n} × ${(ms / n).toFixed(2)} ms`);
  }
  console.log(`  writer held ${((busy / d.wall) * 100).toFixed(0)} % of the window`);
}
