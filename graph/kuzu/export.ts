/**
 * exportBulk: the graph as a bulk directory (graph/bulk-format.ts) that bulkLoad reads back.
 *
 * Rows are streamed through the driver and written as CSV here rather than with Kuzu's
 * `COPY (...) TO`, because in 0.11.3 that writes DOUBLEs with six decimals (0.123456789 →
 * "0.123457") and, for an ORDER BY query over 1M ANSWERED edges, repeated some rows and dropped
 * others (764,874 distinct ids out of 1,000,057). The export runs under the write lock, so the
 * files are one consistent snapshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BULK_NODES, BULK_RELS, bulkFile, type BulkNode, type BulkRel } from '../bulk-format';
import type { Progress } from '../store';
import type { KuzuExecutor, Row } from './executor';
import { EVENT_ID, LEDGER_KINDS } from './event-ledger';
import { liveEdges, quoteIdent } from './schema';

const NODES = Object.keys(BULK_NODES) as BulkNode[];
const RELS = Object.keys(BULK_RELS) as BulkRel[];

/** One query per bulk file, columns in bulk-format order (nodes by id, for stable files). */
type ExportSpec = { query: string; columns: readonly string[] };
const EXPORT: Record<string, ExportSpec> = {
  ...Object.fromEntries(
    NODES.map((t) => [
      t,
      {
        columns: BULK_NODES[t],
        query: `MATCH (n:${quoteIdent(t)}) RETURN ${BULK_NODES[t].map((c) => `n.${c} AS ${c}`).join(', ')} ORDER BY n.id`,
      },
    ]),
  ),
  ...Object.fromEntries(
    RELS.map((t) => {
      const s = BULK_RELS[t];
      if (t in LEDGER_KINDS) {
        // Events from the ledger, which holds their ids (./event-ledger.ts); a key kept without its event has no time.
        const cols = s.columns.slice(2).map((c) => (c === 'id' ? `${EVENT_ID('k')} AS id` : `k.${c} AS ${c}`));
        const prefix = LEDGER_KINDS[t as keyof typeof LEDGER_KINDS].prefix;
        return [
          t,
          {
            columns: s.columns,
            query: `MATCH (k:EventKey) WHERE starts_with(k.key, '${prefix}') AND k.at IS NOT NULL RETURN k.memberId AS \`from\`, k.targetId AS \`to\`, ${cols.join(', ')}`,
          },
        ];
      }
      const props = s.columns.slice(2).map((c) => `r.${c} AS ${c}`);
      return [
        t,
        {
          columns: s.columns,
          query: `MATCH (a:${quoteIdent(s.from)})-[r:${s.type}]->(b:${quoteIdent(s.to)}) ${liveEdges(s.type)}RETURN ${['a.id AS `from`', 'b.id AS `to`', ...props].join(', ')}`,
        },
      ];
    }),
  ),
};

/** RFC 4180 cell: null → empty; numbers in JS's shortest round-trip form; booleans true/false. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Buffered line writer (one writeSync per ~1 MB). */
class CsvFile {
  private buf: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  line(cells: unknown[]): void {
    const l = `${cells.map(csvCell).join(',')}\n`;
    this.buf.push(l);
    this.size += l.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Write every bulk file into `dir`; returns rows per file. Progress per table (0/1 → 1/1). */
export async function exportBulk(ex: KuzuExecutor, dir: string, onProgress?: Progress): Promise<Record<string, number>> {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true });
  const counts: Record<string, number> = {};
  await ex.ddl(async (r) => {
    for (const t of [...NODES, ...RELS]) {
      onProgress?.(0, 1, t);
      const { query, columns } = EXPORT[t];
      const out = new CsvFile(path.join(root, bulkFile(t)));
      try {
        out.line([...columns]);
        counts[t] = await r.stream(query, (row: Row) => out.line(columns.map((c) => row[c])));
      } finally {
        out.close();
      }
      onProgress?.(1, 1, t);
    }
  });
  return counts;
}
