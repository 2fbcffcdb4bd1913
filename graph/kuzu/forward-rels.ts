/**
 * The member's event and gap edges (STUDIED, ANSWERED, HAS_GAP) are stored in the forward direction
 * only (schema version 10): every read and write of them starts at the member.
 *
 * Why: Kuzu 0.11 keeps each rel table as an adjacency list (CSR) per direction, and a checkpoint rewrites
 * the touched regions of a list whole. The backward list of ANSWERED is keyed by question: a few
 * hundred questions hold every answer, so any checkpoint after any answer rewrote all of it, and every
 * read and write waits for a checkpoint. Measured at medium scale (20,000 members, 1,000,057 answers,
 * 50 clients answering): checkpoints of 3.4 and 7.2 s with both directions, 1.4–3.1 s forward only.
 *
 * The price: Kuzu refuses to delete a node at the far end (a Question, Course or Topic) while such an
 * edge points at it. Hongtu deletes none of those; clearing a store drops its tables.
 */
import type { ExclusiveRunner, Runner } from './executor';

/** The names of the store's tables. */
export const tableNames = async (r: Pick<Runner, 'run'>): Promise<Set<string>> => new Set((await r.run('CALL SHOW_TABLES() RETURN name')).map((t) => String(t.name)));

interface ForwardRel {
  from: string;
  to: string;
  props: string;
}

type ForwardName = 'STUDIED' | 'ANSWERED' | 'HAS_GAP';

/** The tables as version 1 creates them and migration 10 copies them: the event edges still carry their ids. */
export const V10_FORWARD_RELS: Record<ForwardName, ForwardRel> = {
  STUDIED: { from: 'Member', to: 'Course', props: 'id STRING, at INT64, seconds INT64, progress DOUBLE' },
  ANSWERED: { from: 'Member', to: 'Question', props: 'id STRING, at INT64, correct BOOLEAN, seconds INT64' },
  HAS_GAP: { from: 'Member', to: 'Topic', props: 'severity DOUBLE, reasons STRING, updatedAt INT64' },
};

/** The tables now: since version 12 an event's id is kept in the ledger, not on its edge (./event-ledger.ts). */
export const FORWARD_ONLY_RELS: Record<ForwardName, ForwardRel> = {
  STUDIED: { from: 'Member', to: 'Course', props: 'at INT64, seconds INT64, progress DOUBLE' },
  ANSWERED: { from: 'Member', to: 'Question', props: 'at INT64, correct BOOLEAN, seconds INT64' },
  HAS_GAP: V10_FORWARD_RELS.HAS_GAP,
};

/** The properties of `rel` in declaration order, as read from an edge `r` (`r.id, r.at, …`). */
export const edgeColumns = (rel: ForwardRel): string =>
  rel.props
    .split(', ')
    .map((p) => `r.${p.split(' ')[0]}`)
    .join(', ');

/** Members per COPY of migration 10, by their position in the member table (memory stays bounded at any scale). */
export const MIGRATE_MEMBERS = 20_000;

/** CREATE REL TABLE for `name` stored forward only, with the columns of `rel` (a new store's, or migration 10's twin). */
export const forwardDdl = (name: string, r: ForwardRel): string => `CREATE REL TABLE IF NOT EXISTS ${name}(FROM ${r.from} TO ${r.to}, ${r.props}) WITH (storage_direction = 'fwd')`;

/** The storage direction Kuzu reports for a rel table ('fwd' or 'both'). */
export async function storageDirection(r: Pick<ExclusiveRunner, 'raw'>, table: string): Promise<string> {
  const rows = await r.raw(`CALL table_info('${table}') RETURN storage_direction`);
  return String(rows[0]?.storage_direction ?? 'both');
}

/**
 * Version 10 (a new store creates the tables forward only in version 1 and skips this): each table is
 * copied into a forward-only twin (`<name>_fwd`), a page of members at a time, then the old table is
 * dropped and the twin renamed (`rebuildRel`).
 */
export async function v10ForwardOnlyRels(r: ExclusiveRunner, pageMembers = MIGRATE_MEMBERS): Promise<void> {
  for (const [name, rel] of Object.entries(V10_FORWARD_RELS)) {
    await rebuildRel(r, name, rel, `${name}_fwd`, async () => (await storageDirection(r, name)) !== 'fwd', pageMembers);
  }
}

/**
 * Table `name` rebuilt as `rel` (forward only, its columns copied by name from the old table) when `needed()`
 * says so: copied into `twin` a page of members at a time, then the old table dropped and the twin renamed.
 * Each statement commits on its own; a run stopped part way is finished by the next start: a twin left beside
 * its table is a partial copy (dropped and redone), a twin left alone had its copy done (renamed).
 */
export async function rebuildRel(r: ExclusiveRunner, name: string, rel: ForwardRel, twin: string, needed: () => Promise<boolean>, pageMembers = MIGRATE_MEMBERS): Promise<void> {
  const tables = await tableNames(r);
  if (!tables.has(name) && tables.has(twin)) {
    await r.raw(`ALTER TABLE ${twin} RENAME TO ${name}`);
    return;
  }
  if (!(await needed())) return;
  if (tables.has(twin)) await r.raw(`DROP TABLE ${twin}`);
  await r.raw(forwardDdl(twin, rel));
  const [{ last }] = await r.raw(`MATCH (a:${rel.from}) RETURN max(offset(id(a))) AS last`);
  for (let lo = 0; last !== null && lo <= Number(last); lo += pageMembers) {
    await r.run(
      `COPY ${twin} FROM (MATCH (a:${rel.from})-[r:${name}]->(b:${rel.to}) WHERE offset(id(a)) >= $lo AND offset(id(a)) < $hi
         RETURN a.id, b.id, ${edgeColumns(rel)})`,
      { lo, hi: lo + pageMembers },
    );
  }
  await r.raw(`DROP TABLE ${name}`);
  await r.raw(`ALTER TABLE ${twin} RENAME TO ${name}`);
}

/** The property names of a table, in declaration order. */
export async function columnsOf(r: Pick<ExclusiveRunner, 'raw'>, table: string): Promise<string[]> {
  return (await r.raw(`CALL table_info('${table}') RETURN name`)).map((c) => String(c.name));
}
