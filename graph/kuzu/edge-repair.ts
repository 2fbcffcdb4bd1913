/**
 * Kuzu 0.11 can lose edges at a checkpoint after deletes (./README.md, "Deleting edges can lose edges that
 * were not deleted"): in a table stored both ways the lists of one direction then hold fewer edges than
 * those of the other. The tables Hongtu deletes edges from, or did before schema version 11, are compared
 * both ways: `storeHealth` reports a difference, and opening the store rebuilds such a table from the
 * direction that kept more (a loss only ever removes edges).
 */
import type { ExclusiveRunner, KuzuExecutor, Runner } from './executor';
import { tableNames } from './forward-rels';
import { quoteIdent as ident } from './schema';

/** Rel tables stored both ways that see deletes (IN_GROUP did until schema version 11). HAS_GAP is forward only: one list, nothing to compare. */
export const COMPARED_RELS = ['BELONGS_TO', 'IN_GROUP', 'SUBTOPIC_OF', 'PREREQUISITE_OF', 'COVERS', 'TESTS', 'DISCUSSED'] as const;

/** A table whose two directions disagree: edges read from its source side and from its destination side. */
export interface Lopsided {
  table: string;
  forward: number;
  backward: number;
}

interface Ends {
  from: string;
  to: string;
  fromKey: string;
  toKey: string;
}

type Reader = Pick<Runner, 'run'>;

async function endsOf(r: Reader, table: string): Promise<Ends> {
  const [c] = await r.run(`CALL show_connection('${table}') RETURN *`);
  if (!c) throw new Error(`No connection found for rel table ${table}`);
  return {
    from: String(c['source table name']),
    to: String(c['destination table name']),
    fromKey: String(c['source table primary key']),
    toKey: String(c['destination table primary key']),
  };
}

/** The table's edges as read from each end (Kuzu scans from the first node of the pattern). */
const forwardPattern = (t: string, e: Ends) => `(a:${ident(e.from)})-[r:${t}]->(b:${ident(e.to)})`;
const backwardPattern = (t: string, e: Ends) => `(b:${ident(e.to)})<-[r:${t}]-(a:${ident(e.from)})`;

/** The compared tables whose directions disagree. */
export async function lopsidedRels(r: Reader): Promise<Lopsided[]> {
  const out: Lopsided[] = [];
  const present = await tableNames(r);
  for (const table of COMPARED_RELS) {
    // Missing only while a rebuild stopped part way waits for the next open (its copy is then renamed).
    if (!present.has(table)) continue;
    const e = await endsOf(r, table);
    const count = async (pattern: string) => Number((await r.run(`MATCH ${pattern} RETURN count(r) AS n`))[0]?.n ?? 0);
    const forward = await count(forwardPattern(table, e));
    const backward = await count(backwardPattern(table, e));
    if (forward !== backward) out.push({ table, forward, backward });
  }
  return out;
}

/** How `storeHealth` words a lopsided table. */
export const lopsidedProblem = (l: Lopsided): string =>
  `${l.table} has ${edges(l.forward)} read from its source side and ${l.backward} from its destination side: Kuzu lost some after deletes; restart Hongtu to rebuild it from the side that kept more`;

/** How opening the store reports a rebuilt table. */
export const rebuiltWarning = (l: Lopsided): string =>
  `${l.table} rebuilt from its ${l.forward >= l.backward ? 'source' : 'destination'} side: ${edges(Math.max(l.forward, l.backward))} kept, the other side had ${Math.min(l.forward, l.backward)}`;

const edges = (n: number) => `${n} ${n === 1 ? 'edge' : 'edges'}`;

/**
 * Rebuild every lopsided table from its fuller direction: a copy into `<table>_repair`, then the old table
 * dropped and the copy renamed. Each statement commits on its own; a run stopped part way is finished at the
 * next open (a copy left beside its table is dropped and redone, one left alone is renamed). Returns what it rebuilt.
 */
export async function repairLopsidedRels(ex: KuzuExecutor): Promise<Lopsided[]> {
  const leftover = (tables: Set<string>) => COMPARED_RELS.some((t) => tables.has(`${t}_repair`));
  const [found, stopped] = await ex.readMany(async (r) => [await lopsidedRels(r), leftover(await tableNames(r))] as const);
  if (!found.length && !stopped) return [];
  return ex.ddl(async (r: ExclusiveRunner) => {
    const tables = await tableNames(r);
    for (const t of COMPARED_RELS) {
      const twin = `${t}_repair`;
      if (!tables.has(twin)) continue;
      if (tables.has(t)) await r.raw(`DROP TABLE ${twin}`);
      else await r.raw(`ALTER TABLE ${twin} RENAME TO ${t}`);
    }
    const todo = await lopsidedRels(r);
    for (const l of todo) {
      const e = await endsOf(r, l.table);
      const props = (await r.raw(`CALL table_info('${l.table}') RETURN name, type`)).map((p) => ({ name: String(p.name), type: String(p.type) }));
      const twin = `${l.table}_repair`;
      const columns = props.map((p) => `, ${ident(p.name)} ${p.type}`).join('');
      await r.raw(`CREATE REL TABLE ${twin}(FROM ${ident(e.from)} TO ${ident(e.to)}${columns})`);
      const pattern = l.forward >= l.backward ? forwardPattern(l.table, e) : backwardPattern(l.table, e);
      const values = props.map((p) => `, r.${ident(p.name)}`).join('');
      await r.raw(`COPY ${twin} FROM (MATCH ${pattern} RETURN a.${ident(e.fromKey)}, b.${ident(e.toKey)}${values})`);
      await r.raw(`DROP TABLE ${l.table}`);
      await r.raw(`ALTER TABLE ${twin} RENAME TO ${l.table}`);
    }
    return todo;
  });
}
