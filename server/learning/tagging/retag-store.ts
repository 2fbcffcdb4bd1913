/**
 * Bulk retagging: every course (COVERS), question (TESTS) and meeting record (DISCUSSED) gets AUTO tags
 * from the topic index. Only AUTO tags are replaced (store.replaceAutoTags), so MANUAL tags survive.
 */
import type { GraphStore, Progress } from '../../../graph/store';
import type { Embedder } from '../embed/embedder';
import type { EmbeddingService } from '../embed/embedding-service';
import { listEmbeddableTexts } from '../embed/embedding-service';
import { autoTagsFromRanking } from './auto-tags';
import type { TopicIndex } from './topic-index';

const BATCH = 64;
const EPOCH_END = 8.64e15;

type TagKind = 'Course' | 'Question' | 'Meeting';

/** Meeting records have no stored vector: embed title + record. Meetings without a record are skipped. */
async function meetingTexts(store: GraphStore): Promise<{ id: string; text: string }[]> {
  const branches = await store.listBranches();
  if (branches.length === 0) return [];
  const meetings = await store.listMeetings(branches.map((b) => b.id), 0, EPOCH_END);
  return meetings.filter((m) => m.record.trim()).map((m) => ({ id: m.id, text: `${m.title}。${m.record}` }));
}

/** Retags the whole store; returns how many items of each kind were tagged. */
export async function retagStore(store: GraphStore, index: TopicIndex, embedder: Embedder, embeddings: EmbeddingService | undefined,
  onProgress?: Progress): Promise<Record<TagKind, number>> {
  const counts: Record<TagKind, number> = { Course: 0, Question: 0, Meeting: 0 };
  for (const kind of ['Course', 'Question', 'Meeting'] as const) {
    const rows = kind === 'Meeting' ? await meetingTexts(store) : await listEmbeddableTexts(store, kind);
    for (let s = 0; s < rows.length; s += BATCH) {
      const batch = rows.slice(s, s + BATCH);
      const vectors = kind !== 'Meeting' && embeddings ? await embeddings.vectorsFor(kind, batch) : await embedder.embed(batch.map((r) => r.text));
      for (let k = 0; k < batch.length; k++) {
        await store.replaceAutoTags(kind, batch[k].id, autoTagsFromRanking(index.rank(vectors[k], `${kind}:${batch[k].id}`)));
      }
      counts[kind] += batch.length;
      onProgress?.(Math.min(s + BATCH, rows.length), rows.length, kind);
    }
  }
  return counts;
}
