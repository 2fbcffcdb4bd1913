/**
 * Neo4j's offline importer (`neo4j-admin database import full`) from a bulk directory: the fastest way to
 * fill a FRESH database. `writeAdminImport(bulkDir, outDir)` writes, into outDir:
 *   - one typed header file per table (`Member.header.csv`: `id:ID(Member),name,…,stageSince:long,…`;
 *     `BELONGS_TO.header.csv`: `from:START_ID(Member),to:END_ID(Branch),role,since:long`);
 *   - the rows of each table without their header line (the importer takes the header from the header
 *     file), Question options turned from JSON into an array with ARRAY_DELIMITER;
 *   - import.sh: the command line (database name and paths as arguments);
 *   - README.md: what to run, in order.
 * The importer writes the store files directly (no transactions, no Cypher), so there is nothing here to lint;
 * the app's init() creates the constraints and indexes on its next start.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { BULK_BOOLEAN_COLUMNS, BULK_FLOAT_COLUMNS, BULK_INT_COLUMNS, BULK_LIST_COLUMNS, BULK_NODES, BULK_RELS, bulkFile, type BulkNode, type BulkRel } from '../bulk-format';
import { CsvParser, csvRow } from '../csv';
import { badInput } from '../errors';

/** Splits array values (Question options) for the importer; refused inside an option text. */
export const ARRAY_DELIMITER = '|';

/** A column's header for the importer, typed as the `UNWIND` path (bulk.ts fromCsv) types its values. */
function typed(column: string): string {
  if (BULK_INT_COLUMNS.has(column)) return `${column}:long`;
  if (BULK_FLOAT_COLUMNS.has(column)) return `${column}:double`;
  if (BULK_BOOLEAN_COLUMNS.has(column)) return `${column}:boolean`;
  if (BULK_LIST_COLUMNS.has(column)) return `${column}:string[]`;
  return column;
}

/** The importer's header line for a table. */
export function adminHeader(table: BulkNode | BulkRel): string[] {
  if (table in BULK_NODES) {
    const cols = BULK_NODES[table as BulkNode];
    return cols.map((c) => (c === 'id' ? `id:ID(${table})` : typed(c)));
  }
  const { from, to, columns } = BULK_RELS[table as BulkRel];
  return [`from:START_ID(${from})`, `to:END_ID(${to})`, ...columns.slice(2).map(typed)];
}

const nodeTables = Object.keys(BULK_NODES) as BulkNode[];
const relTables = Object.keys(BULK_RELS) as BulkRel[];

/** The importer's command line; `$DB` and `$DIR` are the database name and where outDir is seen by neo4j-admin. */
export function adminCommand(): string {
  const arg = (kind: 'nodes' | 'relationships', label: string, table: string) => `  --${kind}=${label}="$DIR/${table}.header.csv,$DIR/${table}.csv" \\`;
  return [
    'neo4j-admin database import full "$DB" \\',
    '  --id-type=string --multiline-fields=true --ignore-empty-strings=true \\',
    `  --array-delimiter='${ARRAY_DELIMITER}' --skip-bad-relationships=false --overwrite-destination=false \\`,
    ...nodeTables.map((t) => arg('nodes', t, t)),
    ...relTables.map((t) => arg('relationships', BULK_RELS[t].type, t)),
    '  --verbose',
  ].join('\n');
}

/** Copy one table's rows (no header) in the importer's form; returns the row count. */
async function copyRows(table: BulkNode | BulkRel, src: string, dest: string): Promise<number> {
  const cols: readonly string[] = table in BULK_NODES ? BULK_NODES[table as BulkNode] : BULK_RELS[table as BulkRel].columns;
  const optionsAt = cols.indexOf('options');
  const out = createWriteStream(dest, { encoding: 'utf8' });
  const parser = new CsvParser();
  let header: string[] | null = null;
  let n = 0;
  let buf = '';
  const take = async (records: string[][]) => {
    for (const rec of records) {
      if (!header) {
        header = rec;
        const missing = cols.filter((c) => !rec.includes(c));
        if (missing.length) throw badInput('dir', `${path.basename(src)} lacks the column(s) ${missing.join(', ')}`);
        continue;
      }
      if (rec.length === 1 && rec[0] === '') continue;
      const row = cols.map((c) => rec[header!.indexOf(c)] ?? '');
      if (optionsAt >= 0 && row[optionsAt]) {
        const options = (JSON.parse(row[optionsAt]!) as unknown[]).map(String);
        const bad = options.find((o) => o.includes(ARRAY_DELIMITER));
        if (bad !== undefined) throw badInput('options', `Question option "${bad}" contains "${ARRAY_DELIMITER}", the importer's array delimiter`);
        row[optionsAt] = options.join(ARRAY_DELIMITER);
      }
      buf += csvRow(row);
      n++;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
  };
  for await (const chunk of createReadStream(src, { encoding: 'utf8', highWaterMark: 1 << 20 })) await take(parser.push(chunk as string));
  await take(parser.end());
  out.end(buf);
  await once(out, 'finish');
  return n;
}

export interface AdminImportFiles {
  dir: string;
  rows: Record<string, number>;
  command: string;
}

/** Write header files, header-less rows, import.sh and README.md for neo4j-admin into outDir. */
export async function writeAdminImport(bulkDir: string, outDir: string): Promise<AdminImportFiles> {
  const root = path.resolve(bulkDir);
  const missing = [...nodeTables, ...relTables].filter((t) => !existsSync(path.join(root, bulkFile(t))));
  if (missing.length) throw badInput('dir', `"${root}" is not a complete bulk directory; missing ${missing.map(bulkFile).join(', ')}`);
  const dir = path.resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const rows: Record<string, number> = {};
  for (const t of [...nodeTables, ...relTables]) {
    writeFileSync(path.join(dir, `${t}.header.csv`), csvRow(adminHeader(t)));
    rows[t] = await copyRows(t, path.join(root, bulkFile(t)), path.join(dir, `${t}.csv`));
  }
  const command = adminCommand();
  const script = path.join(dir, 'import.sh');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      '# Fill a FRESH Neo4j database from this folder with neo4j-admin (the database must not exist or be empty and stopped).',
      '# Usage: sh import.sh [database] [folder as neo4j-admin sees it]   (defaults: neo4j, this folder)',
      'set -eu',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion in the generated script
      'DB="${1:-neo4j}"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion in the generated script
      'DIR="${2:-$(cd "$(dirname "$0")" && pwd)}"',
      command,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  writeFileSync(path.join(dir, 'README.md'), readme(root, rows));
  return { dir, rows, command };
}

function readme(bulkDir: string, rows: Record<string, number>): string {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  return `# neo4j-admin import of ${bulkDir}

${total.toLocaleString('en')} rows in ${Object.keys(rows).length} tables, written by \`hongtu neo4j-import\`.
Each table is \`<table>.header.csv\` (typed columns) plus \`<table>.csv\` (the rows, no header line).

For a FRESH database only (the importer refuses a database that exists; it writes store files directly):

1. Stop Neo4j (\`docker compose stop neo4j\`, or \`neo4j stop\`). In Community Edition drop the old data first
   if the database exists (\`docker compose down\` then remove the neo4j-data volume), or import into a new name.
2. Run the importer where neo4j-admin runs, with this folder visible to it:
   - on the Neo4j host: \`sh import.sh neo4j\`
   - with docker compose (this folder mounted at /bulk/<name>):
     \`docker compose run --rm neo4j sh /bulk/<name>/import.sh neo4j /bulk/<name>\`
3. Start Neo4j, then Hongtu: its start-up (\`init()\`) creates the constraints and indexes (they populate in the
   background), and \`hongtu check\` reports when they are online.

Large folders: the importer needs about the bulk folder's size again on disk and works fastest with
\`--max-off-heap-memory\` and \`--threads\` left at their defaults on a machine of its own.
`;
}
