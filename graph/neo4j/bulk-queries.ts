/**
 * Statements of the bulk path, one pair per table of graph/bulk-format.ts: `UNWIND $rows` chunks committed
 * in inner transactions (`CALL … IN TRANSACTIONS`, auto-commit only) to load, keyset pages to export. Built once from the bulk format's closed lists of tables and columns.
 */
import { BULK_NODES, BULK_RELS, type BulkNode, type BulkRel } from '../bulk-format';

const props = (cols: readonly string[], v: string) => cols.map((c) => `${c}: ${v}.${c}`).join(', ');

/**
 * Rows per inner transaction of a load statement. A statement carries up to LOAD_CHUNK_ROWS rows
 * (bulk.ts) in one auto-commit transaction and commits them every LOAD_TX_ROWS rows, so one round trip
 * moves many batches while no transaction holds more than 10,000 rows' worth of memory.
 */
export const LOAD_TX_ROWS = 10_000;

function loadNode(label: BulkNode): string {
  return `UNWIND $rows AS r
CALL (r) { CREATE (:${label} {${props(BULK_NODES[label], 'r')}}) } IN TRANSACTIONS OF ${LOAD_TX_ROWS} ROWS`;
}

function loadRel(table: BulkRel): string {
  const { type, from, to, columns } = BULK_RELS[table];
  const rest = columns.slice(2);
  const relProps = rest.length ? ` {${props(rest, 'r')}}` : '';
  return `UNWIND $rows AS r
CALL (r) {
  MATCH (a:${from} {id: r.\`from\`})
  MATCH (b:${to} {id: r.\`to\`})
  CREATE (a)-[:${type}${relProps}]->(b)
} IN TRANSACTIONS OF ${LOAD_TX_ROWS} ROWS`;
}

/** Next page of nodes after the id $after ('' for the first), in id order. */
function exportNode(label: BulkNode): string {
  const cols = BULK_NODES[label].map((c) => `${c}: n.${c}`).join(', ');
  return `MATCH (n:${label}) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS cursor, {${cols}} AS row
ORDER BY cursor`;
}

/**
 * The relationships of the next page of start nodes (ids after $after): `lastId` is the page's last start id,
 * null when there are no more start nodes.
 */
function exportRel(table: BulkRel): string {
  const { type, from, to, columns } = BULK_RELS[table];
  const rest = columns
    .slice(2)
    .map((c) => `, ${c}: r.${c}`)
    .join('');
  return `MATCH (a:${from}) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
WITH collect(a) AS page
RETURN page[-1].id AS lastId,
       COLLECT { UNWIND page AS a MATCH (a)-[r:${type}]->(b:${to})
                 RETURN {\`from\`: a.id, \`to\`: b.id${rest}} AS row ORDER BY a.id, b.id } AS rows`;
}

const nodes = Object.keys(BULK_NODES) as BulkNode[];
const rels = Object.keys(BULK_RELS) as BulkRel[];

/** Load statement per bulk table. */
export const BULK_LOAD = {
  ...Object.fromEntries(nodes.map((t) => [t, loadNode(t)])),
  ...Object.fromEntries(rels.map((t) => [t, loadRel(t)])),
} as Record<BulkNode | BulkRel, string>;

/** Export statement per bulk table. */
export const BULK_EXPORT = {
  ...Object.fromEntries(nodes.map((t) => [t, exportNode(t)])),
  ...Object.fromEntries(rels.map((t) => [t, exportRel(t)])),
} as Record<BulkNode | BulkRel, string>;
