/**
 * Hybrid search over courses and topics: vector similarity of the query to each node's stored
 * embedding, plus keyword hits of the query's jieba-segmented words in titles/names (2 per word) and
 * summaries/descriptions (1 per word). Chinese queries need the segmentation: they have no spaces.
 *
 *   score = VECTOR_WEIGHT · cosine + (1 − VECTOR_WEIGHT) · keywordHits / (2 · words in the query)
 *
 * so a title that contains every query word adds the full keyword share, and a node found only by
 * meaning still ranks by its cosine.
 */
import type { GraphStore } from '../../../graph';
import type { EmbeddingService } from '../embed/embedding-service';
import { segmentWords } from '../embed/lexical-features';
import { validateTextInput } from '../tagging/topic-tagger';

const VECTOR_WEIGHT = 0.6;
/** Candidates fetched from each source before fusion. */
const POOL = 50;

export type SearchKind = 'COURSE' | 'TOPIC';

export interface SearchResult {
  kind: SearchKind;
  id: string;
  /** Course title or topic name. */
  title: string;
  score: number;
}

/** The distinct content words of a query, longest first (at most 12). */
function queryTerms(query: string): string[] {
  return [...new Set(segmentWords(query))].sort((a, b) => b.length - a.length).slice(0, 12);
}

export class SearchService {
  constructor(
    private readonly store: GraphStore,
    private readonly embeddings: EmbeddingService,
  ) {}

  /** Best `first` courses and topics for a query. Empty or oversized query, or `first` outside 1–50 → BAD_USER_INPUT. */
  async search(query: string, first = 10): Promise<SearchResult[]> {
    const q = validateTextInput('query', query, first);
    await this.embeddings.ensureSynced();
    const [vector] = await this.embeddings.embedder.embed([q]);
    const terms = queryTerms(q);
    const v = Array.from(vector);
    // Only punctuation or function words: no direction to search in, keywords only.
    const hasContent = v.some((x) => x !== 0);
    const maxHits = Math.max(1, 2 * terms.length);
    const results: SearchResult[] = [];
    for (const kind of ['Course', 'Topic'] as const) {
      const [byVector, byWord] = await Promise.all([
        hasContent ? this.store.vectorSearch(kind, v, POOL) : Promise.resolve([]),
        terms.length ? this.store.keywordSearch(kind, terms, POOL) : Promise.resolve([]),
      ]);
      const scores = new Map<string, number>();
      for (const r of byVector) scores.set(r.id, VECTOR_WEIGHT * r.score);
      for (const r of byWord) scores.set(r.id, (scores.get(r.id) ?? 0) + (1 - VECTOR_WEIGHT) * Math.min(1, r.score / maxHits));
      const titles = await this.titles(kind, [...scores.keys()]);
      for (const [id, score] of scores) {
        const title = titles.get(id);
        if (title !== undefined) results.push({ kind: kind === 'Course' ? 'COURSE' : 'TOPIC', id, title, score: Math.round(score * 10000) / 10000 });
      }
    }
    return results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, first);
  }

  private async titles(kind: 'Course' | 'Topic', ids: string[]): Promise<Map<string, string>> {
    if (kind === 'Course') return new Map((await this.store.getCoursesByIds(ids)).map((c) => [c.id, c.title]));
    const wanted = new Set(ids);
    return new Map((await this.store.listTopics()).filter((t) => wanted.has(t.id)).map((t) => [t.id, t.name]));
  }
}
