/**
 * Topic tagging as a service: `suggestTopics(text, first)` for the API and the CLI, and `retagAll()`
 * which writes AUTO tags (COVERS / TESTS / DISCUSSED) with a confidence on every course, question and
 * meeting record. MANUAL tags are read as training signal and never written here.
 */
import type { Area } from '../../../graph';
import type { GraphStore, Progress } from '../../../graph';
import { badInput } from '../../errors';
import { dot, type Embedder } from '../embed/embedder';
import type { EmbeddingService } from '../embed/embedding-service';
import { courseText, meetingText, questionText, topicText } from '../embed/embed-text';
import { confidences } from './auto-tags';
import type { Corpus, LabeledItem } from './corpus';
import { loadCorpusFromStore } from './corpus';
import { retagStore, tagRows, type TagKind } from './retag-store';
import { buildTopicIndex, type TaggedExample, type TopicIndex } from './topic-index';

/** Longest text accepted by suggestTopics and search (characters). */
export const MAX_TEXT_LENGTH = 2000;
/** Most suggestions one call may ask for. */
export const MAX_FIRST = 50;

/** A ranked topic for a text, as the API and the CLI return it. */
export interface TopicSuggestion {
  id: string;
  name: string;
  area: Area;
  /** The mixed subtopic/area similarity (higher is better; comparable within one embedder). */
  score: number;
  /** Softmax share among the leading candidates, 0..1. */
  confidence: number;
}

/** Checks a free text and a result count; throws BAD_USER_INPUT naming the field. */
export function validateTextInput(field: string, text: string, first: number): string {
  const t = (text ?? '').trim();
  if (!t) throw badInput(field, `${field} must not be empty`);
  if (t.length > MAX_TEXT_LENGTH) throw badInput(field, `${field} must be at most ${MAX_TEXT_LENGTH} characters, got ${t.length}`);
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw badInput('first', `first must be 1–${MAX_FIRST}, got ${first}`);
  return t;
}

/** Builds a topic index from a corpus, embedding what `vectors` does not already know. */
export async function indexCorpus(
  embedder: Embedder,
  corpus: Corpus,
  vectors?: (kind: 'Topic' | LabeledItem['kind'], rows: { id: string; text: string }[]) => Promise<ArrayLike<number>[]>,
): Promise<TopicIndex> {
  const embed = vectors ?? ((_k, rows) => embedder.embed(rows.map((r) => r.text)));
  const topicVectors = await embed(
    'Topic',
    corpus.topics.map((t) => ({ id: t.id, text: topicText(t) })),
  );
  const examples: TaggedExample[] = [];
  for (const kind of ['Course', 'Question'] as const) {
    const items = corpus.items.filter((i) => i.kind === kind);
    const vs = await embed(kind, items);
    items.forEach((it, k) => {
      examples.push({ vector: vs[k], tags: it.tags, key: `${kind}:${it.id}` });
    });
  }
  return buildTopicIndex(embedder.id, embedder.dimensions, corpus.topics, topicVectors, examples);
}

export class TopicTagger {
  private index: Promise<TopicIndex> | null = null;

  /**
   * @param source where topics and manual tags come from; with a store whose topics are empty, pass a
   *   fallback (the curriculum seeds) so suggestions work on a fresh clone.
   */
  constructor(
    private readonly embedder: Embedder,
    private readonly source: () => Promise<Corpus>,
    private readonly embeddings?: EmbeddingService,
  ) {}

  /** A tagger over the store's topics and manual tags, reusing stored vectors; uses `fallback` while the store has no topics. */
  static forStore(store: GraphStore, embeddings: EmbeddingService, fallback?: () => Promise<Corpus>): TopicTagger {
    return new TopicTagger(
      embeddings.embedder,
      async () => {
        const corpus = await loadCorpusFromStore(store);
        return corpus.topics.length > 0 || !fallback ? corpus : fallback();
      },
      embeddings,
    );
  }

  /** Forget the topic representations (after manual tags or topics change); rebuilt on next use. */
  invalidate(): void {
    this.index = null;
  }

  /** The current topic index, built once and shared. */
  getIndex(): Promise<TopicIndex> {
    const stored = this.embeddings;
    // Stored vectors are reused only for nodes that live in the store (not for the seeds fallback).
    if (!this.index) {
      const p = this.source().then((corpus) => indexCorpus(this.embedder, corpus, stored && corpus.origin === 'store' ? (kind, rows) => stored.vectorsFor(kind, rows) : undefined));
      // A failed build is not cached: the next call tries again.
      p.catch(() => {
        if (this.index === p) this.index = null;
      });
      this.index = p;
    }
    return this.index;
  }

  /** Ranked topics for each text (already validated), best first, `first` each. */
  async suggestMany(texts: string[], first: number): Promise<TopicSuggestion[][]> {
    const index = await this.getIndex();
    const vectors = await this.embedder.embed(texts);
    return vectors.map((v) => {
      // A text with no content words (only punctuation or function words) matches nothing.
      if (dot(v, v) === 0) return [];
      const ranked = index.rank(v);
      const conf = confidences(ranked);
      return ranked.slice(0, first).map((r, i) => ({
        id: r.topicId,
        name: r.name,
        area: r.area,
        score: round(r.score),
        confidence: round(conf[i] ?? 0),
      }));
    });
  }

  /** Ranked topics for one text. Empty or oversized text, or `first` outside 1–50 → BAD_USER_INPUT. */
  async suggestTopics(text: string, first = 5): Promise<TopicSuggestion[]> {
    const t = validateTextInput('text', text, first);
    return (await this.suggestMany([t], first))[0];
  }

  /**
   * Call after courses, questions or meeting records were created or edited: embeds them (courses and
   * questions keep their vectors in the store) and writes their AUTO tags. Unknown ids are skipped.
   */
  async tagItems(store: GraphStore, kind: TagKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows =
      kind === 'Course'
        ? (await store.getCoursesByIds(ids)).map((c) => ({ id: c.id, text: courseText(c) }))
        : kind === 'Question'
          ? (await store.getQuestionsByIds(ids)).map((q) => ({ id: q.id, text: questionText(q) }))
          : (await store.getMeetingsByIds(ids)).filter((m) => m.record.trim()).map((m) => ({ id: m.id, text: meetingText(m) }));
    // Manual tags of these items may have changed, and they shape the topic representations.
    if (kind !== 'Meeting') this.invalidate();
    await tagRows(store, await this.getIndex(), this.embedder, this.embeddings, kind, rows);
  }

  /** Writes AUTO tags on every course, question and meeting record of the store; returns counts by kind. */
  async retagAll(store: GraphStore, onProgress?: Progress): Promise<Record<TagKind, number>> {
    return retagStore(store, await this.getIndex(), this.embedder, this.embeddings, onProgress);
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;
