/**
 * Offline evaluation of topic tagging on manually labelled content the index did not learn from.
 * For every held-out item the index (built without any held-out item) ranks topics; we report
 *   - P@1: the top topic (or its area) is one of the item's manual labels;
 *   - P@3: |top 3 ∩ labels| / min(3, |labels|) — capped so that an item with one label can reach 1;
 *   - primary-area P@1: the top area equals the area of the item's heaviest label (one label per item,
 *     like the external test set of course descriptions labelled by area).
 * Areas are ranked by their best topic's score.
 */
import type { Embedder } from '../embed/embedder';
import type { Corpus, LabeledItem, LabeledKind } from './corpus';
import { indexCorpus } from './topic-tagger';
import type { TopicIndex, TopicScore } from './topic-index';

export interface PrecisionFigures { n: number; areaP1: number; areaP3: number; primaryAreaP1: number; topicP1: number; topicP3: number }

export interface TaggingEvaluation {
  embedderId: string;
  /** Figures per held-out kind and over all of them. */
  byKind: Partial<Record<LabeledKind | 'all', PrecisionFigures>>;
  /** What random guessing would score on area P@1 (1 / number of areas). */
  chanceAreaP1: number;
  /** Area P@1 on texts labelled by area only, written apart from the curriculum (when given). */
  areaLabeled?: { n: number; areaP1: number; misses: { text: string; area: string; predicted: string }[] };
}

function distinctAreas(ranked: TopicScore[]): string[] {
  const seen: string[] = [];
  for (const r of ranked) if (!seen.includes(r.area)) seen.push(r.area);
  return seen;
}

function precisionAt(ranked: string[], truth: Set<string>, k: number): number {
  const top = ranked.slice(0, k);
  return top.filter((x) => truth.has(x)).length / Math.min(k, truth.size);
}

/** Scores held-out items against an index. */
function scoreItems(index: TopicIndex, items: { item: LabeledItem; vector: ArrayLike<number> }[]): PrecisionFigures {
  const areaOf = new Map(index.topics.map((t) => [t.id, t.area as string]));
  const sum = { areaP1: 0, areaP3: 0, primaryAreaP1: 0, topicP1: 0, topicP3: 0 };
  for (const { item, vector } of items) {
    const ranked = index.rank(vector);
    const topics = new Set(item.tags.map((t) => t.topicId));
    const areas = new Set(item.tags.map((t) => areaOf.get(t.topicId) ?? ''));
    const primary = areaOf.get([...item.tags].sort((a, b) => b.weight - a.weight)[0].topicId);
    const rankedAreas = distinctAreas(ranked);
    const rankedTopics = ranked.map((r) => r.topicId);
    sum.areaP1 += precisionAt(rankedAreas, areas, 1);
    sum.areaP3 += precisionAt(rankedAreas, areas, 3);
    sum.primaryAreaP1 += rankedAreas[0] === primary ? 1 : 0;
    sum.topicP1 += precisionAt(rankedTopics, topics, 1);
    sum.topicP3 += precisionAt(rankedTopics, topics, 3);
  }
  const n = items.length;
  const r = (x: number) => (n ? Math.round((x / n) * 1000) / 1000 : 0);
  return { n, areaP1: r(sum.areaP1), areaP3: r(sum.areaP3), primaryAreaP1: r(sum.primaryAreaP1), topicP1: r(sum.topicP1), topicP3: r(sum.topicP3) };
}

/**
 * Builds the index from `corpus` minus the held-out items and scores those items.
 * Defaults: the hand-written curriculum and its held-out course and question ids.
 */
export async function evaluateTagging(opts: {
  embedder?: Embedder; corpus?: Corpus; heldOutIds?: ReadonlySet<string>;
  /** Extra texts labelled by area only (e.g. test/fixtures/area-labeled-courses.tsv). */
  areaLabeled?: { area: string; text: string }[];
} = {}): Promise<TaggingEvaluation> {
  const { LexicalEmbedder } = await import('../embed/lexical-embedder');
  const embedder = opts.embedder ?? new LexicalEmbedder();
  let corpus = opts.corpus;
  let heldOut = opts.heldOutIds;
  if (!corpus || !heldOut) {
    const seeds = await import('./seeds-corpus');
    corpus ??= seeds.loadCorpusFromSeeds();
    heldOut ??= seeds.heldOutIds();
  }
  const train: Corpus = { ...corpus, items: corpus.items.filter((i) => !heldOut.has(i.id)) };
  const test = corpus.items.filter((i) => heldOut.has(i.id));
  const index = await indexCorpus(embedder, train);
  const vectors = await embedder.embed(test.map((i) => i.text));
  const scored = test.map((item, k) => ({ item, vector: vectors[k] }));
  const byKind: TaggingEvaluation['byKind'] = {};
  for (const kind of ['Course', 'Question'] as const) {
    const part = scored.filter((s) => s.item.kind === kind);
    if (part.length) byKind[kind] = scoreItems(index, part);
  }
  byKind.all = scoreItems(index, scored);
  const areas = new Set(corpus.topics.map((t) => t.area));
  const out: TaggingEvaluation = { embedderId: embedder.id, byKind, chanceAreaP1: Math.round(1000 / Math.max(1, areas.size)) / 1000 };
  if (opts.areaLabeled?.length) {
    const xs = await embedder.embed(opts.areaLabeled.map((x) => x.text));
    const misses = opts.areaLabeled
      .map((x, k) => ({ ...x, predicted: index.rank(xs[k])[0]?.area ?? '' }))
      .filter((x) => x.predicted !== x.area);
    const n = opts.areaLabeled.length;
    out.areaLabeled = { n, areaP1: Math.round(((n - misses.length) / n) * 1000) / 1000, misses };
  }
  return out;
}

/** Parses `area<TAB>text` lines (blank lines and `#` comments skipped) into an area-labelled set. */
export function parseAreaLabeled(tsv: string): { area: string; text: string }[] {
  return tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const tab = l.indexOf('\t');
    return { area: l.slice(0, tab).trim(), text: l.slice(tab + 1).trim() };
  });
}
