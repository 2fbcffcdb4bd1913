/**
 * Keeps the vectors on Topic, Course and Question nodes in step with their text and the embedder in use.
 * Each stored vector carries the embedder id and a hash of the text it was made from, so:
 * - unchanged text under the same embedder is never embedded twice;
 * - a change of embedder (HONGTU_EMBEDDER, model, dimension) shows at start as stored ids ≠ current id,
 *   and `sync()` re-embeds those nodes and recreates the vector indexes with the new dimension;
 * - `hongtu reembed` is `sync({ force: true })`.
 */
import type { EmbeddableKind } from '../../../graph';
import { EMBEDDABLE } from '../../../graph';
import type { GraphStore, Progress } from '../../../graph';
import type { Embedder } from './embedder';
import { contentHash, courseText, questionText, topicText } from './embed-text';

const BATCH = 64;
const PAGE = 500;

export interface TextRow {
  id: string;
  text: string;
}

export interface SyncReport {
  kind: EmbeddableKind;
  total: number;
  /** Nodes embedded in this run (new, changed, or made by another embedder). */
  embedded: number;
  /** Embedder ids found on stored vectors that differ from the current one (a change of embedder). */
  replacedEmbedders: string[];
}

/** Pages through a store listing to its end. */
export async function listAllPages<T>(page: (after: string | null) => Promise<{ items: T[]; endCursor: string | null; hasNextPage: boolean }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const p = await page(after);
    out.push(...p.items);
    if (!p.hasNextPage || !p.endCursor) return out;
    after = p.endCursor;
  }
}

/** Every node of a kind with the text it is embedded from. */
export async function listEmbeddableTexts(store: GraphStore, kind: EmbeddableKind): Promise<TextRow[]> {
  if (kind === 'Topic') return (await store.listTopics()).map((t) => ({ id: t.id, text: topicText(t) }));
  if (kind === 'Course') return (await listAllPages((after) => store.listCourses({}, PAGE, after))).map((c) => ({ id: c.id, text: courseText(c) }));
  return (await listAllPages((after) => store.listQuestions({}, PAGE, after))).map((q) => ({ id: q.id, text: questionText(q) }));
}

export class EmbeddingService {
  private synced: Promise<SyncReport[]> | null = null;

  /**
   * @param opts.readOnly reuse stored vectors but never write any (commands that only read, such as
   *   `hongtu tag --stdin`, must not reshape the vectors a server made with another embedder).
   */
  constructor(
    private readonly store: GraphStore,
    readonly embedder: Embedder,
    private readonly opts: { readOnly?: boolean } = {},
  ) {}

  /** `sync()` once per process (shared by everyone who needs fresh vectors); again after `invalidate()`. */
  ensureSynced(): Promise<SyncReport[]> {
    this.synced ??= this.sync().catch((e) => {
      this.synced = null;
      throw e;
    });
    return this.synced;
  }

  /** Content changed (courses created or edited): the next `ensureSynced()` looks again. */
  invalidate(): void {
    this.synced = null;
  }

  /**
   * Vectors for these rows, in order: stored ones whose embedder id and content hash match are reused,
   * the rest are embedded and written back (unless read-only). Rows must be nodes of `kind` that exist in the store.
   */
  async vectorsFor(kind: EmbeddableKind, rows: TextRow[], onProgress?: Progress, force = false): Promise<number[][]> {
    const hashes = rows.map((r) => contentHash(r.text));
    const out: number[][] = new Array(rows.length);
    if (!force && rows.length > 0) {
      const stored = new Map(
        (
          await this.store.getEmbeddings(
            kind,
            rows.map((r) => r.id),
          )
        ).map((e) => [e.id, e]),
      );
      rows.forEach((r, i) => {
        const e = stored.get(r.id);
        if (e && e.embedderId === this.embedder.id && e.contentHash === hashes[i] && e.vector.length === this.embedder.dimensions) out[i] = e.vector;
      });
    }
    const todo = rows.map((_, i) => i).filter((i) => !out[i]);
    for (let s = 0; s < todo.length; s += BATCH) {
      const idx = todo.slice(s, s + BATCH);
      const vectors = await this.embedder.embed(idx.map((i) => rows[i].text));
      const written = idx.map((i, k) => {
        out[i] = Array.from(vectors[k]);
        return { id: rows[i].id, vector: out[i], embedderId: this.embedder.id, contentHash: hashes[i] };
      });
      if (!this.opts.readOnly) await this.store.setEmbeddings(kind, written);
      onProgress?.(Math.min(s + BATCH, todo.length), todo.length, kind);
    }
    return out;
  }

  /** Which stored vectors are missing or stale, per kind, without embedding anything (for readiness and logs). */
  async status(): Promise<{ kind: EmbeddableKind; total: number; stale: number; embedderIds: string[] }[]> {
    const out = [];
    for (const kind of EMBEDDABLE) {
      const meta = await this.store.getEmbeddingMeta(kind);
      const texts = new Map((await listEmbeddableTexts(this.store, kind)).map((r) => [r.id, contentHash(r.text)]));
      const stale = meta.filter((m) => m.embedderId !== this.embedder.id || m.contentHash !== texts.get(m.id)).length;
      const embedderIds = [...new Set(meta.map((m) => m.embedderId).filter((x): x is string => !!x))];
      out.push({ kind, total: meta.length, stale, embedderIds });
    }
    return out;
  }

  /**
   * Brings every kind up to date and makes sure each vector index exists with the embedder's dimension.
   * `force` re-embeds everything (`hongtu reembed`).
   */
  async sync(opts: { force?: boolean; onProgress?: Progress; kinds?: readonly EmbeddableKind[] } = {}): Promise<SyncReport[]> {
    if (this.opts.readOnly) throw new Error('EmbeddingService is read-only: sync() writes vectors');
    const reports: SyncReport[] = [];
    for (const kind of opts.kinds ?? EMBEDDABLE) {
      const meta = await this.store.getEmbeddingMeta(kind);
      const replacedEmbedders = [...new Set(meta.map((m) => m.embedderId).filter((x): x is string => !!x && x !== this.embedder.id))];
      const rows = await listEmbeddableTexts(this.store, kind);
      const before = new Map(meta.map((m) => [m.id, m]));
      const needed = opts.force
        ? rows
        : rows.filter((r) => {
            const m = before.get(r.id);
            return !m || m.embedderId !== this.embedder.id || m.contentHash !== contentHash(r.text);
          });
      if (needed.length > 0) await this.vectorsFor(kind, needed, opts.onProgress, true);
      await this.store.ensureVectorIndex(kind, this.embedder.dimensions);
      reports.push({ kind, total: rows.length, embedded: needed.length, replacedEmbedders });
    }
    return reports;
  }
}
