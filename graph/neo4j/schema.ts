/**
 * Schema lifecycle of the Neo4j store: idempotent constraints and indexes on every start, vector indexes
 * whose dimension follows the embedder (recreated on change, awaited until online), health, and clear.
 */
import { badInput, isStoreError } from '../errors';
import { EMBEDDABLE, type EmbeddableKind } from '../model';
import type { StoreHealth } from '../store';
import { CREATE_VECTOR_INDEX, DROP_VECTOR_INDEX, NODE_ID_CONSTRAINTS, RANGE_INDEXES, REL_ID_CONSTRAINTS, SCHEMA_Q } from './ddl';
import { APPRAISAL_CONSTRAINTS } from './appraisal';
import { ACCOUNT_DDL } from './accounts-queries';
import { AUDIT_DDL } from './audit-queries';
import type { Executor } from './executor';
import { NODE_LABELS, VECTOR_INDEXES } from './labels';
import { int, num, numOrNull } from './mapping';
import { CLEAR_Q, EMBED_Q, Q } from './queries';

export interface IndexInfo {
  name: string;
  type: string;
  state: string;
  dimensions: number | null;
}

/** How long init and ensureVectorIndex wait for an index to come online. */
const AWAIT_SECONDS = 300;

export async function createSchema(ex: Executor): Promise<void> {
  for (const ddl of [
    ...Object.values(NODE_ID_CONSTRAINTS),
    ...Object.values(REL_ID_CONSTRAINTS),
    ...Object.values(RANGE_INDEXES),
    ...Object.values(ACCOUNT_DDL),
    ...Object.values(APPRAISAL_CONSTRAINTS),
    ...Object.values(AUDIT_DDL),
  ]) {
    await ex.schema(ddl);
  }
  // Constraint and range indexes populate in the background; queries and health want them online.
  await ex.schema(SCHEMA_Q.awaitIndexes, { timeoutSeconds: int(AWAIT_SECONDS) });
}

export async function listIndexes(ex: Executor): Promise<Map<string, IndexInfo>> {
  const rows = await ex.read((tx) => tx.rows(SCHEMA_Q.showIndexes));
  return new Map(
    rows.map((r) => [
      String(r.name),
      {
        name: String(r.name),
        type: String(r.type),
        state: String(r.state),
        dimensions: numOrNull(r.dimensions),
      },
    ]),
  );
}

/** How many vectors the kind stores and their dimension (null when it has none). */
export async function vectorStats(ex: Executor, kind: EmbeddableKind): Promise<{ vectors: number; dimensions: number | null }> {
  const [row] = await ex.read((tx) => tx.rows(EMBED_Q[kind].stats));
  return { vectors: row ? num(row.vectors) : 0, dimensions: row ? numOrNull(row.dimensions) : null };
}

/** Dimension of the kind's stored vectors, or null when it has none. */
export async function storedDimensions(ex: Executor, kind: EmbeddableKind): Promise<number | null> {
  return (await vectorStats(ex, kind)).dimensions;
}

export function checkDimensions(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 4096) throw badInput('dimensions', `Vector dimensions must be an integer 1–4096, got ${dim}`);
}

/** Drop the kind's vector index when its dimension is not `dim` (vectors of that size would not be indexed). */
export async function dropMismatchedIndex(ex: Executor, kind: EmbeddableKind, dim: number): Promise<void> {
  const idx = (await listIndexes(ex)).get(VECTOR_INDEXES[kind]);
  if (idx && idx.dimensions !== dim) await ex.schema(DROP_VECTOR_INDEX[kind]);
}

/**
 * Make the kind's vector index exist with `dim` dimensions: an index of another dimension is dropped and
 * vectors of another dimension are removed (they belong to the previous embedder); then wait until online.
 */
export async function ensureVectorIndex(ex: Executor, kind: EmbeddableKind, dim: number): Promise<void> {
  checkDimensions(dim);
  await dropMismatchedIndex(ex, kind, dim);
  await ex.autoCommit(EMBED_Q[kind].dropOtherDimensions, { dimensions: int(dim) }, { retry: true });
  await ex.schema(CREATE_VECTOR_INDEX[kind], { dimensions: int(dim) });
  await ex.schema(SCHEMA_Q.awaitIndex, { name: VECTOR_INDEXES[kind], timeoutSeconds: int(AWAIT_SECONDS) });
}

/**
 * Delete all of Hongtu's data and drop the vector indexes. Relationships go first, then nodes, each
 * statement an auto-commit transaction that commits every CLEAR_BATCH rows (CLEAR_Q), so no transaction
 * grows with the size of the graph.
 */
export async function clearAll(ex: Executor): Promise<void> {
  for (const rels of Object.values(CLEAR_Q.rels)) await ex.autoCommit(rels, {}, { retry: true });
  for (const label of NODE_LABELS) await ex.autoCommit(CLEAR_Q.nodes[label], {}, { retry: true });
  for (const kind of EMBEDDABLE) await ex.schema(DROP_VECTOR_INDEX[kind]);
}

/** Reachability, constraints, indexes (state and vector dimensions), embedder consistency and counts. */
export async function storeHealth(ex: Executor): Promise<StoreHealth> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const vectorIndexes: StoreHealth['vectorIndexes'] = {};
  try {
    await ex.ping();
    const constraints = new Set((await ex.read((tx) => tx.rows(SCHEMA_Q.showConstraints))).map((r) => String(r.name)));
    for (const name of [...Object.keys(NODE_ID_CONSTRAINTS), ...Object.keys(REL_ID_CONSTRAINTS)]) {
      if (!constraints.has(name)) problems.push(`Constraint ${name} is missing; restart the server so init() creates it`);
    }
    const indexes = await listIndexes(ex);
    for (const name of Object.keys(RANGE_INDEXES)) {
      if (!indexes.has(name)) problems.push(`Index ${name} is missing; restart the server so init() creates it`);
    }
    for (const idx of indexes.values()) {
      // POPULATING is a passing state (init and ensureVectorIndex wait for it); FAILED needs a person.
      if (idx.state === 'FAILED') problems.push(`Index ${idx.name} FAILED; see the Neo4j log, drop it and restart so init() recreates it`);
    }
    for (const kind of EMBEDDABLE) {
      const idx = indexes.get(VECTOR_INDEXES[kind]);
      const stored = await storedDimensions(ex, kind);
      if (idx && idx.dimensions !== null) vectorIndexes[kind] = idx.dimensions;
      if (stored !== null && !idx) problems.push(`${kind} embeddings (${stored} dimensions) have no vector index; run \`hongtu reembed\``);
      if (stored !== null && idx && idx.dimensions !== stored) {
        problems.push(`${kind} vector index has ${idx.dimensions} dimensions but the vectors have ${stored}; run \`hongtu reembed\``);
      }
      const embedders = await ex.read((tx) => tx.rows(EMBED_Q[kind].embedders));
      if (embedders.length > 1) {
        problems.push(`${kind} vectors come from several embedders (${embedders.map((e) => String(e.embedderId)).join(', ')}); run \`hongtu reembed\``);
      }
    }
    const dims = new Set(Object.values(vectorIndexes));
    if (dims.size > 1) problems.push(`Vector index dimensions differ between kinds (${[...dims].join(', ')}); run \`hongtu reembed\` so one embedder is used`);
    const [row] = await ex.read((tx) => tx.rows(Q.counts));
    for (const [k, v] of Object.entries(row ?? {})) counts[k] = num(v);
  } catch (e) {
    problems.push(isStoreError(e) && e.code === 'UNAVAILABLE' ? `Neo4j at ${ex.target} is unreachable: ${e.message}` : `The Neo4j store cannot be read: ${(e as Error).message}`);
  }
  return { ok: problems.length === 0, backend: 'neo4j', problems, vectorIndexes, counts };
}
