/**
 * Streams rows into the CSV files of a bulk directory (graph/bulk-format.ts) through large
 * buffered synchronous writes — nothing is held in memory beyond one buffer per file.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BULK_NODES, BULK_RELS, type BulkNode, type BulkRel, bulkFile } from '../../graph';
import { csvRow } from '../../graph';

const FLUSH_AT = 1 << 20;

/** One CSV file: header on open, rows buffered, row count kept. */
export class CsvSink {
  private fd: number;
  private buf = '';
  rows = 0;
  constructor(
    readonly file: string,
    header: readonly string[],
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
    this.buf = csvRow(header);
  }
  row(values: readonly unknown[]): void {
    this.buf += csvRow(values);
    this.rows++;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }
  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf, null, 'utf8');
    this.buf = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export type Table = BulkNode | BulkRel;

/** Every table of the bulk format, opened at once in `dir`. */
export class BulkWriter {
  private readonly sinks = new Map<Table, CsvSink>();
  constructor(readonly dir: string) {
    for (const [t, cols] of Object.entries(BULK_NODES)) this.sinks.set(t as Table, new CsvSink(path.join(dir, bulkFile(t as Table)), cols));
    for (const [t, r] of Object.entries(BULK_RELS)) this.sinks.set(t as Table, new CsvSink(path.join(dir, bulkFile(t as Table)), r.columns));
  }
  /** Append one row; values in the column order of graph/bulk-format.ts. */
  row(table: Table, values: readonly unknown[]): void {
    this.sinks.get(table)!.row(values);
  }
  /** Close every file; returns row counts per table (headers excluded). */
  close(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [t, s] of this.sinks) {
      s.close();
      counts[t] = s.rows;
    }
    return counts;
  }
}
