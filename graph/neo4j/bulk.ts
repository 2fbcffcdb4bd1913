/**
 * Bulk directory (graph/bulk-format.ts) ⇄ Neo4j. Loading streams each CSV through graph/csv.ts and sends
 * chunks of LOAD_CHUNK_ROWS rows, each one auto-commit statement that commits every LOAD_TX_ROWS rows
 * (`UNWIND $rows … CALL { … } IN TRANSACTIONS`): few round trips, bounded transactions. While the server
 * writes one chunk, the next is parsed (one chunk in flight, so relationship writes never contend for
 * the same nodes). Auto-commit statements are not retried by the driver: a failure stops the load with
 * the tables before it loaded (bulkLoad is for an empty store; `hongtu seed --load` clears and starts over).
 * For a fresh database, `neo4j-admin database import full` is faster still (`hongtu neo4j-import`).
 * Exporting reads keyset pages and writes RFC 4180 CSV. Counts come from the server's counters.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { badInput, conflict } from '../errors';
import { BULK_BOOLEAN_COLUMNS, BULK_FLOAT_COLUMNS, BULK_INT_COLUMNS, BULK_LIST_COLUMNS, BULK_NODES, BULK_RELS, bulkFile, type BulkNode, type BulkRel } from '../bulk-format';
import { CsvParser, csvRow } from '../csv';
import type { Progress } from '../store';
import { BULK_EXPORT, BULK_LOAD } from './bulk-queries';
import type { Executor } from './executor';
import { int, num } from './mapping';

type Table = BulkNode | BulkRel;
const TABLES = [...Object.keys(BULK_NODES), ...Object.keys(BULK_RELS)] as Table[];
const columnsOf = (t: Table): readonly string[] => (t in BULK_NODES ? BULK_NODES[t as BulkNode] : BULK_RELS[t as BulkRel].columns);

/** Rows per load statement (committed in inner transactions of LOAD_TX_ROWS rows). */
export const LOAD_CHUNK_ROWS = 50_000;
/** Start nodes per export page (relationship tables) and nodes per page (node tables). */
const EXPORT_PAGE = 5_000;

/** One CSV field as the value the graph stores (empty → null; ints as Cypher INTEGER; options as a list). */
export function fromCsv(column: string, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return null;
  if (BULK_INT_COLUMNS.has(column)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw badInput(column, `"${raw}" in column ${column} is not a number`);
    return int(n);
  }
  if (BULK_FLOAT_COLUMNS.has(column)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw badInput(column, `"${raw}" in column ${column} is not a number`);
    return n;
  }
  if (BULK_BOOLEAN_COLUMNS.has(column)) return raw === 'true';
  if (BULK_LIST_COLUMNS.has(column)) return (JSON.parse(raw) as unknown[]).map(String);
  return raw;
}

/** A stored value as CSV text per the bulk format (lists as JSON, integers as digits). */
export function toCsv(column: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (BULK_LIST_COLUMNS.has(column)) return JSON.stringify(v);
  if (BULK_INT_COLUMNS.has(column) || BULK_FLOAT_COLUMNS.has(column)) return num(v);
  return v;
}

function bulkFiles(dir: string): { table: Table; file: string; bytes: number }[] {
  const root = path.resolve(dir);
  const all = TABLES.map((table) => ({ table, file: path.join(root, bulkFile(table)) }));
  const missing = all.filter((f) => !existsSync(f.file)).map((f) => path.basename(f.file));
  if (missing.length) throw badInput('dir', `"${root}" is not a complete bulk directory; missing ${missing.join(', ')}`);
  return all.map((f) => ({ ...f, bytes: statSync(f.file).size }));
}

/** Where each format column sits in a file's header (files may order columns differently). */
function columnIndexes(file: string, header: string[], cols: readonly string[]): number[] {
  const missing = cols.filter((c) => !header.includes(c));
  if (missing.length) throw badInput('dir', `${path.basename(file)} lacks the column(s) ${missing.join(', ')}`);
  return cols.map((c) => header.indexOf(c));
}

/** Load a bulk directory into an empty store; returns nodes or relationships created per table. */
export async function bulkLoad(ex: Executor, dir: string, isEmpty: () => Promise<boolean>, onProgress?: Progress): Promise<Record<string, number>> {
  const files = bulkFiles(dir);
  if (!(await isEmpty())) throw conflict('The store already holds data; bulk loading needs an empty store (run `hongtu seed`, which clears it, or use a new database)');
  const total = files.reduce((s, f) => s + f.bytes, 0);
  const counts: Record<string, number> = {};
  let done = 0;
  for (const f of files) {
    const cols = columnsOf(f.table);
    let idx: number[] | null = null;
    let batch: Record<string, unknown>[] = [];
    let created = 0;
    let inFlight: Promise<void> = Promise.resolve();
    // Send the batch; the previous one must be done first (at most one chunk in flight).
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await inFlight;
      inFlight = ex.autoCommit(BULK_LOAD[f.table], { rows }).then((c) => {
        created += c.nodesCreated + c.relationshipsCreated;
      });
      // Surface a failure at the next await of inFlight; keep it from being unhandled meanwhile.
      inFlight.catch(() => undefined);
    };
    const take = async (records: string[][]) => {
      for (const rec of records) {
        if (!idx) {
          idx = columnIndexes(f.file, rec, cols);
          continue;
        }
        if (rec.length === 1 && rec[0] === '') continue;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < cols.length; i++) row[cols[i]!] = fromCsv(cols[i]!, rec[idx[i]!]);
        batch.push(row);
        if (batch.length >= LOAD_CHUNK_ROWS) await flush();
      }
    };
    const parser = new CsvParser();
    onProgress?.(done, total, f.table);
    for await (const chunk of createReadStream(f.file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      await take(parser.push(chunk as string));
      done += Buffer.byteLength(chunk as string);
      onProgress?.(Math.min(done, total), total, f.table);
    }
    await take(parser.end());
    await flush();
    await inFlight;
    counts[f.table] = created;
  }
  onProgress?.(total, total, 'done');
  return counts;
}

/** Write the store's graph as a bulk directory (mastery, gaps, plans, embeddings and audit are not part of it). */
export async function exportBulk(ex: Executor, dir: string, onProgress?: Progress): Promise<Record<string, number>> {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [i, table] of TABLES.entries()) {
    onProgress?.(i, TABLES.length, table);
    const cols = columnsOf(table);
    const fh = await open(path.join(root, bulkFile(table)), 'w');
    let n = 0;
    try {
      await fh.write(csvRow(cols));
      const line = (row: Record<string, unknown>) => csvRow(cols.map((c) => toCsv(c, row[c])));
      for (let after = ''; ; ) {
        const rows = await ex.read((tx) => tx.rows(BULK_EXPORT[table], { after, limit: int(EXPORT_PAGE) }));
        if (table in BULK_NODES) {
          if (rows.length === 0) break;
          await fh.write(rows.map((r) => line(r.row as Record<string, unknown>)).join(''));
          n += rows.length;
          after = String(rows[rows.length - 1]!.cursor);
        } else {
          const page = rows[0];
          if (!page || page.lastId === null) break;
          const rels = page.rows as Record<string, unknown>[];
          if (rels.length) await fh.write(rels.map(line).join(''));
          n += rels.length;
          after = String(page.lastId);
        }
      }
    } finally {
      await fh.close();
    }
    counts[table] = n;
  }
  onProgress?.(TABLES.length, TABLES.length, 'done');
  return counts;
}
