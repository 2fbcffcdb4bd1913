/**
 * Bulk directory (graph/bulk-format.ts) → Kuzu through COPY FROM (export.ts writes the other way).
 * File paths are the only values that go into query text (COPY takes no parameters), so they are
 * checked against a strict character set first; table names come from the closed lists of bulk-format.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { badInput, conflict } from '../errors';
import { BULK_NODES, BULK_RELS, bulkFile, type BulkNode, type BulkRel } from '../bulk-format';
import type { Progress } from '../store';
import type { KuzuExecutor, Row } from './executor';
import { RECOUNT_ALL } from './attendance-counts';
import { LEDGER_KINDS, ledgerRow } from './event-ledger';
import { FORWARD_ONLY_RELS } from './forward-rels';
import { quoteIdent } from './schema';

const NODES = Object.keys(BULK_NODES) as BulkNode[];
const RELS = Object.keys(BULK_RELS) as BulkRel[];
/** Event files also fill the ledger (EventKey and LOGGED, ./event-ledger.ts); their edges take no id. */
const isEvent = (t: string): t is keyof typeof LEDGER_KINDS => t in LEDGER_KINDS;

/** A bulk event file's edges: every column of the file but the id, cast to the edge's types. */
const eventEdges = (t: keyof typeof LEDGER_KINDS, file: string): string => {
  const props = FORWARD_ONLY_RELS[t].props.split(', ').map((p) => {
    const [name, type] = p.split(' ');
    return `CAST(${name} AS ${type})`;
  });
  return `COPY ${t} FROM (LOAD FROM '${file}' (header=true) RETURN \`from\`, \`to\`, ${props.join(', ')})`;
};

/** The ledger rows and LOGGED edges of a bulk event file (the key: the kind's prefix and the id). */
const ledgerCopies = (t: keyof typeof LEDGER_KINDS, file: string): string[] => {
  const key = `'${LEDGER_KINDS[t].prefix}' + CAST(id AS STRING)`;
  const row = ledgerRow(t, {
    key,
    memberId: '`from`',
    targetId: '`to`',
    at: 'CAST(at AS INT64)',
    correct: 'CAST(correct AS BOOLEAN)',
    seconds: 'CAST(seconds AS INT64)',
    progress: 'CAST(progress AS DOUBLE)',
  });
  return [`COPY EventKey FROM (LOAD FROM '${file}' (header=true) RETURN ${row})`, `COPY LOGGED FROM (LOAD FROM '${file}' (header=true) RETURN \`from\`, ${key})`];
};

/** A path that can sit inside a single-quoted Cypher literal without escaping. */
function literalPath(p: string): string {
  const abs = path.resolve(p);
  if (/['\\\n\r]/.test(abs)) throw badInput('dir', `The path "${abs}" contains a quote, backslash or newline; use a plain directory name`);
  return abs;
}

const copyStatement = (table: BulkNode | BulkRel, file: string, parallel: boolean): string => {
  // IN_GROUP has one column more than its file (leftAt, members.ts), and COPY from a file needs every column.
  if (table === 'IN_GROUP') return `COPY IN_GROUP FROM (LOAD FROM '${file}' (header=true) RETURN \`from\`, \`to\`, CAST(NULL AS INT64))`;
  if (isEvent(table)) return eventEdges(table, file);
  const spec = (BULK_RELS as Record<string, { type: string; from: string; to: string }>)[table];
  // Node files name their columns: a table may have more (kept counts), which then take their defaults.
  const target = spec ? quoteIdent(spec.type) : `${quoteIdent(table)}(${BULK_NODES[table as BulkNode].join(', ')})`;
  const opts = [...(spec ? [`from='${spec.from}'`, `to='${spec.to}'`] : []), 'header=true', ...(parallel ? [] : ['parallel=false'])];
  return `COPY ${target} FROM '${file}' (${opts.join(', ')})`;
};

const copied = (rows: Row[]): number => Number(/(\d+) tuples/.exec(String(rows[0]?.result ?? ''))?.[1] ?? 0);

function bulkFiles(dir: string): { table: BulkNode | BulkRel; file: string; bytes: number }[] {
  const root = literalPath(dir);
  const all = [...NODES, ...RELS].map((table) => ({ table, file: path.join(root, bulkFile(table)) }));
  const missing = all.filter((f) => !fs.existsSync(f.file)).map((f) => path.basename(f.file));
  if (missing.length) throw badInput('dir', `"${root}" is not a complete bulk directory; missing ${missing.join(', ')}`);
  return all.map((f) => ({ ...f, bytes: fs.statSync(f.file).size }));
}

/** Kuzu's parallel CSV reader rejects quoted newlines; free-text tables then load single-threaded. */
async function copyOne(raw: (q: string) => Promise<Row[]>, table: BulkNode | BulkRel, file: string): Promise<number> {
  try {
    return copied(await raw(copyStatement(table, file, true)));
  } catch (e) {
    if (!/PARALLEL=FALSE|quoted newlines/i.test(String((e as Error).message))) throw e;
    return copied(await raw(copyStatement(table, file, false)));
  }
}

/**
 * The bare COPY FROM statements in dependency order: no ledger, checks, progress or meeting attendance counts
 * (benchmark baseline).
 */
export async function rawCopy(ex: KuzuExecutor, dir: string): Promise<Record<string, number>> {
  const files = bulkFiles(dir);
  const counts: Record<string, number> = {};
  await ex.ddl(async (r) => {
    for (const f of files) counts[f.table] = await copyOne(r.raw, f.table, f.file);
  });
  return counts;
}

/**
 * Load a bulk directory into an empty store; returns rows per bulk table (the internal event-id
 * ledger is filled too but not counted). Progress is per table (label = table, bytes of its file).
 * Measured at medium scale (1.78M rows): the ledger adds one COPY of 1.3 s to ANSWERED's 7.9 s.
 */
export async function bulkLoad(ex: KuzuExecutor, dir: string, onProgress?: Progress): Promise<Record<string, number>> {
  const files = bulkFiles(dir);
  const counts: Record<string, number> = {};
  await ex.ddl(async (r) => {
    for (const t of [...NODES, 'EventKey']) {
      const n = Number((await r.raw(`MATCH (n:${quoteIdent(t)}) RETURN count(n) AS n`))[0]?.n ?? 0);
      if (n > 0) {
        throw conflict(
          `The store already holds data (${n} ${t} rows); bulk loading needs an empty store ` +
            '(point HONGTU_DATA_DIR at a new directory, or replace everything with `hongtu seed --load`)',
        );
      }
    }
    for (const f of files) {
      onProgress?.(0, f.bytes, f.table);
      try {
        // Ledger first: a duplicate event id fails here, before any edge is written.
        if (isEvent(f.table)) for (const stmt of ledgerCopies(f.table, f.file)) await r.raw(stmt);
        counts[f.table] = await copyOne(r.raw, f.table, f.file);
      } catch (e) {
        const reason = (e as Error).message.split('\n')[0].replace(/^Kuzu query failed: /, '');
        throw badInput(
          'dir',
          `Loading ${path.basename(f.file)} failed: ${reason}. The tables before it are loaded; ` +
            'fix the file, then load into an empty store again (a new HONGTU_DATA_DIR, or `hongtu seed --load`)',
        );
      }
      onProgress?.(f.bytes, f.bytes, f.table);
    }
    // The attendance counts kept on each meeting (./attendance-counts.ts), from the rows just loaded.
    await r.raw(RECOUNT_ALL);
  });
  return counts;
}
