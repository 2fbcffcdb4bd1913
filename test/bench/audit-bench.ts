/**
 * The cost of the hash-chained audit log on ordinary reads. A read's only extra work is appending its
 * access records, so this times that append on a temp Kuzu store already holding PRELOAD entries:
 * - ours: `appendAccess` into the chain (lock the head, hash, create, move the head; one transaction);
 * - baseline: the unchained append of earlier versions (one UNWIND … CREATE into a table of the old
 *   AccessLog shape holding as many rows);
 * for 1 record (one member read) and 50 (a page of members), alternating ≥ 3 rounds (stats.ts).
 * Standalone: `npx tsx test/bench/audit-bench.ts`; also the `audit` section of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AccessRecord } from '../../graph';
import { KuzuExecutor } from '../../graph/kuzu/executor';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { alternate, describeSide, fmt, type BenchRow } from './stats';

const PRELOAD = Number(process.env.HONGTU_BENCH_AUDIT_PRELOAD ?? 20_000);
const N = Number(process.env.HONGTU_BENCH_AUDIT_N ?? 30);
const BASELINE_DDL = `CREATE NODE TABLE IF NOT EXISTS BenchAccessLog(id STRING PRIMARY KEY, at INT64, viewerId STRING, action STRING,
  targetKind STRING, targetId STRING)`;
const BASELINE_APPEND = `UNWIND $rows AS r CREATE (:BenchAccessLog {id: r.id, at: r.at, viewerId: r.viewerId, action: r.action,
  targetKind: r.targetKind, targetId: r.targetId})`;

let serial = 0;
const records = (k: number): AccessRecord[] =>
  Array.from({ length: k }, (_, i) => ({
    id: `bench-${++serial}`,
    at: Date.now(),
    viewerId: 'm-sec',
    action: 'READ_MEMBER',
    targetKind: 'Member',
    targetId: `m-${i}`,
  }));
const rowsOf = (rs: AccessRecord[]) => rs.map((r) => ({ ...r }));

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-audit-bench-'));
  const store = new KuzuStore({ dir });
  const ex = new KuzuExecutor(dir);
  try {
    await store.init();
    await ex.ddl((r) => r.raw(BASELINE_DDL));
    for (let i = 0; i < PRELOAD; i += 1000) {
      const batch = records(Math.min(1000, PRELOAD - i));
      await store.appendAccess(batch);
      await ex.write((tx) => tx.run(BASELINE_APPEND, { rows: rowsOf(batch).map((r) => ({ ...r, id: `base-${r.id}` })) }));
    }
    const rows: BenchRow[] = [];
    for (const k of [1, 50]) {
      const r = await alternate(
        { n: N, warm: 3 },
        () => store.appendAccess(records(k)),
        () => ex.write((tx) => tx.run(BASELINE_APPEND, { rows: rowsOf(records(k)) })),
      );
      rows.push({
        section: 'audit',
        metric: `append ${k} access record${k > 1 ? 's' : ''} (chained vs unchained)`,
        value: `${fmt(r.ratio)}×`,
        note: `chained ${describeSide(r.ours)}; unchained ${describeSide(r.baseline)}; ${r.rounds} rounds × n=${r.ours.n}; ${PRELOAD} entries already stored; Kuzu`,
      });
    }
    const head = await store.auditHead();
    const t0 = performance.now();
    const { walkChain } = await import('../../graph/audit-log');
    const v = await walkChain(store);
    rows.push({
      section: 'audit',
      metric: 'verify the chain',
      value: `${fmt((performance.now() - t0) / 1000)} s`,
      note: `${v.checked} entries (head ${head.seq}), ${v.ok ? 'ok' : 'BROKEN'}; one run`,
    });
    return rows;
  } finally {
    await ex.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await bench();
  for (const r of rows) console.log(`${r.metric}: ${r.value}${r.note ? `  — ${r.note}` : ''}`);
}
