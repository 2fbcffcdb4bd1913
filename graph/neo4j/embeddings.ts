/**
 * Embeddings live on the domain nodes (`embedding`, `embedderId`, `contentHash`), indexed per label by a
 * cosine vector index. Neo4j reports cosine as (1 + cos) / 2 in [0, 1]; the interface speaks plain cosine
 * similarity (1 = same direction), hence `2 * score - 1` on the way out.
 */
import { badInput } from '../errors';
import type { EmbeddableKind, EmbeddingMeta, EmbeddingRow } from '../model';
import type { Executor } from './executor';
import { lastPerKey, requireIds } from './guards';
import { VECTOR_INDEXES } from './labels';
import { inIdOrder, int, num } from './mapping';
import { EMBED_Q, Q } from './queries';
import { dropMismatchedIndex, listIndexes, vectorStats } from './schema';

type Row = Record<string, unknown>;
const strOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/** Neo4j's normalised cosine score back to cosine similarity. */
export const fromNeo4jCosine = (score: number): number => 2 * score - 1;

export async function getEmbeddingMeta(ex: Executor, kind: EmbeddableKind): Promise<EmbeddingMeta[]> {
  const rows = await ex.read((tx) => tx.rows(EMBED_Q[kind].meta));
  return rows.map((r) => ({ id: String(r.id), embedderId: strOrNull(r.embedderId), contentHash: strOrNull(r.contentHash) }));
}

/**
 * Store vectors (replacing earlier ones of the same ids). Vectors of a new dimension replace the kind's
 * vectors of the old one and its index, which ensureVectorIndex then rebuilds.
 */
export async function setEmbeddings(ex: Executor, kind: EmbeddableKind, rows: EmbeddingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const dim = rows[0]!.vector.length;
  const bad = rows.find((r) => r.vector.length !== dim || r.vector.length === 0 || !r.vector.every(Number.isFinite));
  if (bad) throw badInput('vector', `Embedding of ${kind} "${bad.id}" must have ${dim || 'some'} finite numbers like the others in the batch`);
  const ids = rows.map((r) => r.id);
  await ex.read((tx) => requireIds(tx, kind, ids));
  await dropMismatchedIndex(ex, kind, dim);
  // Vectors of another dimension go first, in bounded inner transactions (it may be every vector of the kind).
  await ex.autoCommit(EMBED_Q[kind].dropOtherDimensions, { dimensions: int(dim) }, { retry: true });
  const latest = lastPerKey(rows, (r) => r.id).map((r) => ({
    id: r.id,
    vector: r.vector.map(Number),
    embedderId: r.embedderId,
    contentHash: r.contentHash,
  }));
  await ex.write(async (tx) => {
    await requireIds(tx, kind, ids);
    await tx.write(EMBED_Q[kind].set, { rows: latest });
  });
}

export async function getEmbeddings(ex: Executor, kind: EmbeddableKind, ids: string[]): Promise<EmbeddingRow[]> {
  if (ids.length === 0) return [];
  const rows = await ex.read((tx) => tx.rows(EMBED_Q[kind].get, { ids: [...new Set(ids)] }));
  return inIdOrder(
    ids,
    rows.map((r: Row) => ({
      id: String(r.id),
      vector: (r.vector as unknown[]).map(num),
      embedderId: String(r.embedderId ?? ''),
      contentHash: String(r.contentHash ?? ''),
    })),
  );
}

/**
 * Below this many vectors an exact scan is cheap and exact; above it the HNSW index answers. Neo4j notes
 * that an approximate search for k close to the number of indexed vectors may return fewer than k.
 */
export const EXACT_SCAN_BELOW = 2_000;

/** Nearest neighbours by cosine similarity, best first. */
export async function vectorSearch(ex: Executor, kind: EmbeddableKind, vector: number[], k: number): Promise<{ id: string; score: number }[]> {
  if (k <= 0) return [];
  const { vectors, dimensions: dim } = await vectorStats(ex, kind);
  if (dim === null) return [];
  if (vector.length !== dim) {
    throw badInput('vector', `Query vector has ${vector.length} dimensions but ${kind} embeddings have ${dim}; re-embed (hongtu reembed) or use the same embedder`);
  }
  const params = { vector: vector.map(Number), k: int(k) };
  const scan = () => ex.read((tx) => tx.rows(EMBED_Q[kind].scan, params));
  let rows: Row[] | null = null;
  if (vectors >= EXACT_SCAN_BELOW) {
    const idx = (await listIndexes(ex)).get(VECTOR_INDEXES[kind]);
    if (idx?.state === 'ONLINE' && idx.dimensions === dim) {
      rows = await ex.read((tx) => tx.rows(Q.vectorSearch, { ...params, indexName: VECTOR_INDEXES[kind] }));
      // An approximate search can come back short; the exact answer is then worth one scan.
      if (rows.length < Math.min(k, vectors)) rows = null;
    }
  }
  rows ??= await scan();
  // A zero vector has no cosine (null score); it is no neighbour of anything.
  return rows.filter((r) => r.score !== null).map((r) => ({ id: String(r.id), score: fromNeo4jCosine(num(r.score)) }));
}

/** Keyword search: Σ over distinct terms of 2 (title/name hit) + 1 (summary/description hit). */
export async function keywordSearch(ex: Executor, kind: 'Course' | 'Topic', terms: string[], k: number): Promise<{ id: string; score: number }[]> {
  const clean = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
  if (clean.length === 0 || k <= 0) return [];
  const query = kind === 'Course' ? Q.keywordSearchCourse : Q.keywordSearchTopic;
  const rows = await ex.read((tx) => tx.rows(query, { terms: clean, k: int(k) }));
  return rows.map((r) => ({ id: String(r.id), score: num(r.score) }));
}
