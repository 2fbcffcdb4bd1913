/**
 * Embeddings live in one node table per kind (`TopicEmbedding(id, embedderId, contentHash, vec FLOAT[N])`),
 * not on the domain nodes, because Kuzu's HNSW index needs a fixed-size FLOAT[N] column and N depends
 * on the embedder (512 neural, other sizes lexical). A change of dimension drops and recreates only
 * that table and its index; the domain nodes and their edges are untouched.
 *
 * Kuzu refuses `SET` on a column with a vector index ("used in one or more indexes"), and in 0.11.3
 * DROP_VECTOR_INDEX only half-drops (SET stays refused, the name cannot be reused), so a changed
 * vector is written as DELETE + CREATE of the embedding row, which the index follows, and an index is
 * only ever dropped together with its table.
 *
 * Every write here runs inside a vector phase (vector-work.ts): checkpointed before and after, with
 * a marker file, so a crash midway costs vectors (rebuilt by the next sync), never member data.
 */
import { badInput } from '../errors';
import { EMBEDDABLE, type EmbeddableKind, type EmbeddingMeta, type EmbeddingRow } from '../model';
import { dbFile, type KuzuExecutor, type Runner } from './executor';
import { requireIds } from './guards';
import { inIdOrder } from './mapping';
import { EMBEDDING_TABLE, VECTOR_INDEX } from './schema';
import { clearVectorWorkMarker, noteDroppedVectorIndex, vectorWorkMarked } from './vector-work';

/** Closed-list query texts per kind. */
const Q = Object.fromEntries(
  EMBEDDABLE.map((kind) => {
    const t = EMBEDDING_TABLE[kind];
    return [
      kind,
      {
        ids: `MATCH (n:${kind}) RETURN n.id AS id ORDER BY n.id`,
        meta: `MATCH (e:${t}) RETURN e.id AS id, e.embedderId AS embedderId, e.contentHash AS contentHash`,
        get: `MATCH (e:${t}) WHERE e.id IN $ids RETURN e.id AS id, e.embedderId AS embedderId, e.contentHash AS contentHash, e.vec AS vec`,
        drop: `MATCH (e:${t}) WHERE e.id IN $ids DELETE e`,
        put: `CREATE (:${t} {id: $id, embedderId: $embedderId, contentHash: $contentHash, vec: $vec})`,
        search: `CALL QUERY_VECTOR_INDEX('${t}', '${VECTOR_INDEX[kind]}', $vec, $k) RETURN node.id AS id, distance ORDER BY distance, id`,
        scan: `MATCH (e:${t}) RETURN e.id AS id, array_cosine_similarity(e.vec, $vec) AS score ORDER BY score DESC, id LIMIT $k`,
        embedders: `MATCH (e:${t}) RETURN e.embedderId AS embedderId, count(*) AS n`,
      },
    ];
  }),
) as Record<EmbeddableKind, Record<'ids' | 'meta' | 'get' | 'drop' | 'put' | 'search' | 'scan' | 'embedders', string>>;

/**
 * The Node binding types a JS number by value (1 → INT64) and a list by its first element, then
 * reinterprets the other elements' bits; a vector like [1, 0.5] would arrive as garbage. Nudging
 * integral entries to the nearest non-integral double keeps every entry a DOUBLE, and the nudge
 * vanishes when Kuzu stores the value as FLOAT.
 */
export const asDoubles = (v: number[]): number[] => v.map((x) => (Number.isInteger(x) ? (x === 0 ? 1e-300 : x * (1 + 2 ** -50)) : x));

export interface VectorState {
  dim: number | null;
  indexed: boolean;
}

/** Dimension of a kind's embedding table (null when absent) and whether its index exists, from the catalog. */
export async function vectorState(r: Runner, kind: EmbeddableKind): Promise<VectorState> {
  const table = EMBEDDING_TABLE[kind];
  const tables = await r.run('CALL SHOW_TABLES() RETURN name');
  if (!tables.some((t) => t.name === table)) return { dim: null, indexed: false };
  const cols = await r.run(`CALL TABLE_INFO('${table}') RETURN name, type`);
  const type = String(cols.find((c) => c.name === 'vec')?.type ?? '');
  const dim = Number(/FLOAT\[(\d+)\]/.exec(type)?.[1] ?? NaN);
  const indexes = await r.run('CALL SHOW_INDEXES() RETURN table_name, index_name');
  return { dim: Number.isFinite(dim) ? dim : null, indexed: indexes.some((i) => i.table_name === table && i.index_name === VECTOR_INDEX[kind]) };
}

function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 4096) throw badInput('dimensions', `Vector dimensions must be an integer 1–4096, got ${dim}`);
}

/** Make the kind's table have `dim` dimensions (recreating it, vectors lost, on change); optionally index it. */
async function shapeTable(ex: KuzuExecutor, kind: EmbeddableKind, dim: number, index: boolean): Promise<void> {
  checkDim(dim);
  const table = EMBEDDING_TABLE[kind];
  await ex.ddl(async (r) => {
    const st = await vectorState(r, kind);
    if (st.dim !== null && st.dim !== dim) {
      if (st.indexed) await r.raw(`CALL DROP_VECTOR_INDEX('${table}', '${VECTOR_INDEX[kind]}')`);
      await r.raw(`DROP TABLE ${table}`);
    }
    if (st.dim !== dim) {
      await r.raw(`CREATE NODE TABLE ${table}(id STRING PRIMARY KEY, embedderId STRING, contentHash STRING, vec FLOAT[${dim}])`);
    }
    const indexed = st.dim === dim && st.indexed;
    if (index && !indexed) await r.raw(`CALL CREATE_VECTOR_INDEX('${table}', '${VECTOR_INDEX[kind]}', 'vec', metric := 'cosine')`);
  });
}

/** Index the kind's vectors (with `dim` dimensions); a vector phase only when something changes. */
export async function ensureVectorIndex(ex: KuzuExecutor, kind: EmbeddableKind, dim: number): Promise<void> {
  checkDim(dim);
  const st = await ex.readMany((r) => vectorState(r, kind));
  if (st.dim === dim && st.indexed) return;
  await ex.vectorWork('index', () => shapeTable(ex, kind, dim, true));
}

/**
 * From this batch size on, setEmbeddings rebuilds the kind's table and index instead of inserting
 * into the live HNSW index: measured with 1,000 × 512-d vectors, live inserts took 8.3 s, writing
 * unindexed and then building the index 1.8 s. Smaller batches update the live index (100 rows: ~0.5 s).
 * Rebuild = drop and recreate the whole table, because in Kuzu 0.11.3 an index dropped with
 * DROP_VECTOR_INDEX cannot be created again under its name on the same table.
 */
const REBUILD_INDEX_AT = 256;

async function writeRows(ex: KuzuExecutor, kind: EmbeddableKind, rows: EmbeddingRow[]): Promise<void> {
  await ex.write(async (tx) => {
    await requireIds(
      tx,
      kind,
      rows.map((r) => r.id),
    );
    await tx.run(Q[kind].drop, { ids: rows.map((r) => r.id) });
    for (const r of rows) {
      await tx.run(Q[kind].put, { id: r.id, embedderId: r.embedderId, contentHash: r.contentHash, vec: asDoubles(r.vector) });
    }
  });
}

/** Recreate the table with the kept rows plus `rows`, then index it. Vectors are derived data: on a failure midway, re-embed. */
async function rebuild(ex: KuzuExecutor, kind: EmbeddableKind, dim: number, rows: EmbeddingRow[]): Promise<void> {
  const ids = new Set(rows.map((r) => r.id));
  const all = (await ex.read(Q[kind].meta)).map((m) => String(m.id)).filter((id) => !ids.has(id));
  const kept = all.length ? await getEmbeddings(ex, kind, all) : [];
  await ex.ddl(async (r) => {
    await r.raw(`CALL DROP_VECTOR_INDEX('${EMBEDDING_TABLE[kind]}', '${VECTOR_INDEX[kind]}')`);
    await r.raw(`DROP TABLE ${EMBEDDING_TABLE[kind]}`);
  });
  await shapeTable(ex, kind, dim, false);
  await writeRows(ex, kind, [...kept, ...rows]);
  await shapeTable(ex, kind, dim, true);
}

/**
 * Store vectors (replacing earlier ones of the same ids). Vectors of a new dimension replace the
 * kind's table, dropping vectors of the old dimension, and leave it unindexed until ensureVectorIndex.
 */
export async function setEmbeddings(ex: KuzuExecutor, kind: EmbeddableKind, rows: EmbeddingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const dim = rows[0].vector.length;
  checkDim(dim);
  const bad = rows.find((r) => r.vector.length !== dim || !r.vector.every(Number.isFinite));
  if (bad) throw badInput('vector', `Embedding of ${kind} "${bad.id}" must have ${dim} finite numbers like the others in the batch`);
  await ex.readMany((r) =>
    requireIds(
      r,
      kind,
      rows.map((x) => x.id),
    ),
  );
  const st = await ex.readMany((r) => vectorState(r, kind));
  const latest = [...new Map(rows.map((r) => [r.id, r])).values()];
  if (st.dim === dim && st.indexed && latest.length >= REBUILD_INDEX_AT) return ex.vectorWork('index', () => rebuild(ex, kind, dim, latest));
  await ex.vectorWork('rows', async () => {
    if (st.dim !== dim) await shapeTable(ex, kind, dim, false);
    await writeRows(ex, kind, latest);
  });
}

export async function getEmbeddings(ex: KuzuExecutor, kind: EmbeddableKind, ids: string[]): Promise<EmbeddingRow[]> {
  if (ids.length === 0) return [];
  return ex.readMany(async (r) => {
    if ((await vectorState(r, kind)).dim === null) return [];
    const rows = await r.run(Q[kind].get, { ids });
    return inIdOrder(
      ids,
      rows.map((x) => ({
        id: String(x.id),
        vector: (x.vec as number[]).map(Number),
        embedderId: String(x.embedderId ?? ''),
        contentHash: String(x.contentHash ?? ''),
      })),
    );
  });
}

/** Every node of the kind, with the embedder and content hash of its stored vector (null when none). */
export async function getEmbeddingMeta(ex: KuzuExecutor, kind: EmbeddableKind): Promise<EmbeddingMeta[]> {
  return ex.readMany(async (r) => {
    const ids = (await r.run(Q[kind].ids)).map((x) => String(x.id));
    const meta = (await vectorState(r, kind)).dim === null ? [] : await r.run(Q[kind].meta);
    const byId = new Map(meta.map((m) => [String(m.id), m]));
    return ids.map((id) => {
      const m = byId.get(id);
      return { id, embedderId: m ? String(m.embedderId ?? '') || null : null, contentHash: m ? String(m.contentHash ?? '') || null : null };
    });
  });
}

/** Cosine similarity (1 = same direction), best first; exact scan when the kind has vectors but no index yet. */
export async function vectorSearch(ex: KuzuExecutor, kind: EmbeddableKind, vector: number[], k: number): Promise<{ id: string; score: number }[]> {
  if (k <= 0) return [];
  return ex.readMany(async (r) => {
    const st = await vectorState(r, kind);
    if (st.dim === null) return [];
    if (vector.length !== st.dim) {
      throw badInput('vector', `Query vector has ${vector.length} dimensions but ${kind} embeddings have ${st.dim}; re-embed (hongtu reembed) or use the same embedder`);
    }
    const vec = asDoubles(vector);
    if (!st.indexed) return (await r.run(Q[kind].scan, { vec, k })).map((x) => ({ id: String(x.id), score: Number(x.score) }));
    return (await r.run(Q[kind].search, { vec, k })).map((x) => ({ id: String(x.id), score: 1 - Number(x.distance) }));
  });
}

/** Embedder ids in use per kind, for health checks. */
export async function embeddersInUse(ex: KuzuExecutor, kind: EmbeddableKind): Promise<string[]> {
  return ex.readMany(async (r) => {
    if ((await vectorState(r, kind)).dim === null) return [];
    return (await r.run(Q[kind].embedders)).map((x) => String(x.embedderId));
  });
}

/**
 * After an open that found a vector phase interrupted (its marker still there): every vector index
 * must answer a query; one that does not is dropped with its embedding table (vectors are derived
 * data; the embedding sync rebuilds them). Then a checkpoint, and the marker goes. Under the write
 * lock, so a phase running in this process is never mistaken for an interrupted one.
 */
export async function settleInterruptedVectorWork(ex: KuzuExecutor): Promise<void> {
  const file = dbFile(ex.dir);
  await ex.open(); // the open sets an interrupted phase's log aside (vector-work.ts)
  if (!vectorWorkMarked(file)) return;
  await ex.ddl(async (r) => {
    if (!vectorWorkMarked(file)) return;
    for (const kind of EMBEDDABLE) {
      const st = await vectorState(r, kind);
      if (st.dim === null || !st.indexed) continue;
      try {
        await r.run(Q[kind].search, { vec: asDoubles(new Array<number>(st.dim).fill(0.5)), k: 1 });
      } catch (e) {
        await r.raw(`CALL DROP_VECTOR_INDEX('${EMBEDDING_TABLE[kind]}', '${VECTOR_INDEX[kind]}')`).catch(() => undefined);
        await r.raw(`DROP TABLE ${EMBEDDING_TABLE[kind]}`);
        noteDroppedVectorIndex(file, EMBEDDING_TABLE[kind], e instanceof Error ? e.message : String(e));
      }
    }
    // The marker goes even if this checkpoint fails: what follows in the log is ordinary writes.
    await r.checkpoint().catch(() => undefined);
    clearVectorWorkMarker(file);
  });
}
