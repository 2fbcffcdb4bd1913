/**
 * Both Neo4j load paths give every bulk column the type Kuzu's tables give it: the `UNWIND` path (fromCsv) and
 * neo4j-admin's typed header files (adminHeader). A column typed in one place only (an integer column loaded as
 * text by the importer, say) would make every comparison on it in Neo4j quietly wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULK_LIST_COLUMNS, BULK_NODES, BULK_RELS, type BulkNode, type BulkRel } from '../bulk-format';
import { adminHeader } from './admin-import';
import { fromCsv, toCsv } from './bulk';

const TABLES = [...Object.keys(BULK_NODES), ...Object.keys(BULK_RELS)] as (BulkNode | BulkRel)[];
const columnsOf = (t: BulkNode | BulkRel): readonly string[] => (t in BULK_NODES ? BULK_NODES[t as BulkNode] : BULK_RELS[t as BulkRel].columns);

/** Property name → Kuzu type, from the Kuzu adapter's table definitions. */
function kuzuTypes(): Map<string, Set<string>> {
  const dir = path.resolve(import.meta.dirname, '../kuzu');
  const types = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/\b(\w+) (INT64|DOUBLE|BOOLEAN|STRING)\b/g)) {
      if (!types.has(m[1]!)) types.set(m[1]!, new Set());
      types.get(m[1]!)!.add(m[2]!);
    }
  }
  return types;
}

/** The Neo4j type a value from fromCsv has. */
function loadedType(column: string): string {
  const sample = BULK_LIST_COLUMNS.has(column) ? '["a","b"]' : column === 'correct' ? 'true' : '12';
  const v = fromCsv(column, sample);
  if (Array.isArray(v)) return 'string[]';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'object' && v !== null && 'low' in v) return 'long';
  return 'string';
}

/** The type neo4j-admin gives a column from its header (`name:long`; untyped means string). */
const headerType = (h: string): string => (h.includes(':') && !/:(ID|START_ID|END_ID)\(/.test(h) ? h.split(':')[1]! : 'string');

describe('bulk column types on Neo4j', () => {
  const kuzu = kuzuTypes();
  for (const table of TABLES) {
    it(`${table}: UNWIND values, importer headers and Kuzu's types agree`, () => {
      const cols = columnsOf(table);
      const headers = adminHeader(table);
      expect(headers).toHaveLength(cols.length);
      cols.forEach((c, i) => {
        if (i < 2 && !(table in BULK_NODES)) return; // from, to: the endpoints' ids
        const loaded = loadedType(c);
        expect([c, headerType(headers[i]!)]).toEqual([c, loaded]);
        // Kuzu keeps list columns as JSON text; everything else has the same type in both stores.
        const expected = { INT64: 'long', DOUBLE: 'double', BOOLEAN: 'boolean', STRING: BULK_LIST_COLUMNS.has(c) ? 'string[]' : 'string' };
        const k = [...(kuzu.get(c) ?? [])];
        expect([c, k.length]).toEqual([c, 1]);
        expect([c, loaded]).toEqual([c, expected[k[0] as keyof typeof expected]]);
      });
    });
  }

  it('round-trips a value of every typed column through fromCsv and toCsv', () => {
    expect(toCsv('paidAt', fromCsv('paidAt', '1793462400000'))).toBe(1793462400000);
    expect(toCsv('year', fromCsv('year', '2026'))).toBe(2026);
    expect(toCsv('publishedAt', fromCsv('publishedAt', '5'))).toBe(5);
    expect(toCsv('options', fromCsv('options', '["甲","乙"]'))).toBe('["甲","乙"]');
    expect(fromCsv('correct', 'false')).toBe(false);
    expect(fromCsv('at', '')).toBeNull();
  });
});
