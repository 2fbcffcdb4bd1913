/**
 * Bulk retagging: every course (COVERS), question (TESTS) and meeting record (DISCUSSED) gets AUTO tags
 * from the topic index. Only AUTO tags are replaced (store.replaceAutoTags), so MANUAL tags survive.
 */
import type { GraphStore, Progress } from '../../../graph';
import type { Embedder } from '../embed/embedder';
import type { EmbeddingService } from '../embed/embedding-service';
import { listEmbeddableTexts, type TextRow } from '../embed/embedding-service';
import { meetingText } from '../embed/embed-text';
import { autoTagsFromRanking } from './auto-tags';
import type { TopicIndex } from './topic-index';

const BATCH = 64;
const EPOCH_END = 8.64e15;

export type TagKind = 'Course' | 'Question' | 'Meeting';

/** Meeting records have no stored vector: embed title + record. Meetings without a record are skipped. */
async function meetingTexts(store: GraphStore): Promise<TextRow[]> {
  const branches = await store.listBranches();
  if (branches.length === 0) return [];
  const meetings = await store.listMeetings(
    branches.map((b) => b.id),
    0,
    EPOCH_END,
  );
  return meetings.filter((m) => m.record.trim()).map((m) => ({ id: m.id, text: meetingText(m) }));
}

/** Writes AUTO tags for these rows of one kind (vectors from the store when fresh, else embedded). */
export async function tagRows(store: GraphStore, index: TopicIndex, embedder: Embedder, embeddings: EmbeddingService | undefined, kind: TagKind, rows: TextRow[]): Promise<void> {
  const vectors = kind !== 'Meeting' && embeddings ? await embeddings.vectorsFor(kind, rows) : await embedder.embed(rows.map((r) => r.text));
  for (let k = 0; k < rows.length; k++) {
    // The item's own vector is left out of the nearest-example evidence: it would just echo its manual tags.
    await store.replaceAutoTags(kind, rows[k].id, autoTagsFromRanking(index.rank(vectors[k], `${kind}:${rows[k].id}`)));
  }
}

/** Retags the whole store; returns how many items of each kind were tagged. */
export async function retagStore(
  store: GraphStore,
  index: TopicIndex,
  embedder: Embedder,
  embeddings: EmbeddingService | undefined,
  onProgress?: Progress,
): Promise<Record<TagKind, number>> {
  const counts: Record<TagKind, number> = { Course: 0, Question: 0, Meeting: 0 };
  for (const kind of ['Course', 'Question', 'Meeting'] as const) {
    const rows = kind === 'Meeting' ? await meetingTexts(store) : await listEmbeddableTexts(store, kind);
    for (let s = 0; s < rows.length; s += BATCH) {
      const batch = rows.slice(s, s + BATCH);
      await tagRows(store, index, embedder, embeddings, kind, batch);
      counts[kind] += batch.length;
      onProgress?.(Math.min(s + BATCH, rows.length), rows.length, kind);
    }
  }
  return counts;
}
