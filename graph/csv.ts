/**
 * RFC 4180 CSV, as used by the bulk directory format (graph/bulk-format.ts): comma separator,
 * fields containing `,` `"` CR or LF wrapped in double quotes with inner quotes doubled, records
 * ended by LF (CRLF is accepted when reading). An empty unquoted field means null.
 *
 * Shared by the generator (writing), the store adapters' bulk loaders and `hongtu import` (reading).
 */
import { createReadStream } from 'node:fs';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field as CSV text: null/undefined → empty, booleans → true/false, strings quoted when needed. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record as a CSV line including the trailing LF. */
export function csvRow(values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + csvField(values[i]);
  return `${out}\n`;
}

/**
 * Incremental parser: feed text chunks of any size (a quoted field may span chunks), get back the
 * records completed so far. Fields come back as strings; `''` for empty fields (the caller maps
 * empty to null where the format says so).
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** A quote seen inside a quoted field: either the closing quote or the first half of `""`. */
  private quotePending = false;
  private sawAny = false;
  private lastWasCr = false;

  push(chunk: string): string[][] {
    const out: string[][] = [];
    let field = this.field;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else field += c;
        continue;
      }
      if (c === '\n' && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = false;
      if (c === '"' && field === '') {
        this.inQuotes = true;
        this.sawAny = true;
        continue;
      }
      if (c === ',') {
        this.row.push(field);
        field = '';
        this.sawAny = true;
        continue;
      }
      if (c === '\n' || c === '\r') {
        this.lastWasCr = c === '\r';
        this.row.push(field);
        field = '';
        out.push(this.row);
        this.row = [];
        this.sawAny = false;
        continue;
      }
      field += c;
      this.sawAny = true;
    }
    this.field = field;
    return out;
  }

  /** Flush the last record when the input does not end with a newline. */
  end(): string[][] {
    if (this.inQuotes && !this.quotePending) throw new Error('CSV ends inside a quoted field');
    if (!this.sawAny && this.field === '' && this.row.length === 0) return [];
    this.row.push(this.field);
    const last = this.row;
    this.row = [];
    this.field = '';
    this.sawAny = false;
    this.inQuotes = false;
    this.quotePending = false;
    return [last];
  }
}

/** Parse a whole CSV text into records (header included, if the text has one). */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

/** Stream the records of a CSV file (header included) without holding the file in memory. */
export async function* readCsvFile(path: string): AsyncGenerator<string[]> {
  const p = new CsvParser();
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    yield* p.push(chunk as string);
  }
  yield* p.end();
}

/** Stream a CSV file with a header as objects keyed by column name; empty fields become null. */
export async function* readCsvObjects(path: string): AsyncGenerator<Record<string, string | null>> {
  let header: string[] | null = null;
  for await (const rec of readCsvFile(path)) {
    if (!header) {
      header = rec;
      continue;
    }
    const o: Record<string, string | null> = {};
    for (let i = 0; i < header.length; i++) o[header[i]] = rec[i] === undefined || rec[i] === '' ? null : rec[i];
    yield o;
  }
}
