/**
 * Offline evaluation of topic tagging on manually labelled content the index did not learn from.
 * For every held-out item the index (built without any held-out item) ranks topics; we report
 *   - P@1: the top topic (or its area) is one of the item's manual labels;
 *   - P@3: |top 3 ∩ labels| / min(3, |labels|) — capped so that an item with one label can reach 1;
 *   - primary-area P@1 / primary-topic P@1: the top area / subtopic is the item's main (heaviest) label;
 *   - per area (main labels): precision (of the items whose top area is A, the share whose main label is
 *     in A) and recall, with the number of items behind each.
 * Areas are ranked by their best topic's score. Two splits: the curriculum's held-out ids (development:
 * the settings were chosen on the curriculum's items) and the frozen test split
 * (test/fixtures/tagging-test-items.tsv), written after the settings were frozen and scored with the
 * index built from the whole curriculum, as the product runs it.
 */
import type { Embedder } from '../embed/embedder';
import type { Corpus, LabeledItem, LabeledKind } from './corpus';
import { indexCorpus } from './topic-tagger';
import type { TopicIndex, TopicScore } from './topic-index';

export interface AreaPrecision {
  area: string;
  labelled: number;
  predicted: number;
  precision: number;
  recall: number;
}

export interface PrecisionFigures {
  n: number;
  /** Any label counts. */
  areaP1: number;
  areaP3: number;
  topicP1: number;
  topicP3: number;
  /** Only the main (heaviest) label counts. */
  primaryAreaP1: number;
  primaryTopicP1: number;
  /** Per area of the main label. */
  perArea: AreaPrecision[];
}

export interface TaggingEvaluation {
  embedderId: string;
  /** Figures per held-out kind and over all of them. */
  byKind: Partial<Record<LabeledKind | 'all', PrecisionFigures>>;
  /** What random guessing would score on area P@1 (1 / number of areas). */
  chanceAreaP1: number;
  /** Area P@1 on texts labelled by area only, written apart from the curriculum (when given). */
  areaLabeled?: { n: number; areaP1: number; misses: { text: string; area: string; predicted: string }[] };
  /** The frozen test split, scored with the index built from the whole curriculum (when given). */
  test?: PrecisionFigures;
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
export function scoreItems(index: TopicIndex, items: { item: LabeledItem; vector: ArrayLike<number> }[]): PrecisionFigures {
  const areaOf = new Map(index.topics.map((t) => [t.id, t.area as string]));
  const sum = { areaP1: 0, areaP3: 0, primaryAreaP1: 0, primaryTopicP1: 0, topicP1: 0, topicP3: 0 };
  const perArea = new Map<string, { labelled: number; predicted: number; hit: number }>();
  const cell = (a: string) => perArea.get(a) ?? perArea.set(a, { labelled: 0, predicted: 0, hit: 0 }).get(a)!;
  for (const { item, vector } of items) {
    const ranked = index.rank(vector);
    const topics = new Set(item.tags.map((t) => t.topicId));
    const areas = new Set(item.tags.map((t) => areaOf.get(t.topicId) ?? ''));
    const main = [...item.tags].sort((a, b) => b.weight - a.weight)[0].topicId;
    const primary = areaOf.get(main) ?? '';
    const rankedAreas = distinctAreas(ranked);
    const rankedTopics = ranked.map((r) => r.topicId);
    sum.areaP1 += precisionAt(rankedAreas, areas, 1);
    sum.areaP3 += precisionAt(rankedAreas, areas, 3);
    sum.primaryAreaP1 += rankedAreas[0] === primary ? 1 : 0;
    sum.primaryTopicP1 += rankedTopics[0] === main ? 1 : 0;
    sum.topicP1 += precisionAt(rankedTopics, topics, 1);
    sum.topicP3 += precisionAt(rankedTopics, topics, 3);
    cell(primary).labelled += 1;
    cell(rankedAreas[0] ?? '').predicted += 1;
    if (rankedAreas[0] === primary) cell(primary).hit += 1;
  }
  const n = items.length;
  const r = (x: number, d = n) => (d ? Math.round((x / d) * 1000) / 1000 : 0);
  return {
    n,
    areaP1: r(sum.areaP1),
    areaP3: r(sum.areaP3),
    primaryAreaP1: r(sum.primaryAreaP1),
    primaryTopicP1: r(sum.primaryTopicP1),
    topicP1: r(sum.topicP1),
    topicP3: r(sum.topicP3),
    perArea: [...perArea]
      .filter(([a]) => a)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([area, c]) => ({ area, labelled: c.labelled, predicted: c.predicted, precision: r(c.hit, c.predicted), recall: r(c.hit, c.labelled) })),
  };
}

/**
 * Items whose label the index finds implausible: the main label's area is not among the index's top
 * `areaRank` areas and the main subtopic not among its top `topicRank` subtopics (a check for
 * mislabelled fixtures and manual tags).
 */
export function suspectLabels(
  index: TopicIndex,
  items: { item: LabeledItem; vector: ArrayLike<number> }[],
  areaRank = 2,
  topicRank = 8,
): { id: string; label: string; predicted: string }[] {
  const areaOf = new Map(index.topics.map((t) => [t.id, t.area as string]));
  const out: { id: string; label: string; predicted: string }[] = [];
  for (const { item, vector } of items) {
    const ranked = index.rank(vector, `${item.kind}:${item.id}`);
    const main = [...item.tags].sort((a, b) => b.weight - a.weight)[0].topicId;
    const areaOk = distinctAreas(ranked)
      .slice(0, areaRank)
      .includes(areaOf.get(main) ?? '');
    const topicOk = ranked.slice(0, topicRank).some((t) => t.topicId === main);
    if (!areaOk && !topicOk) out.push({ id: item.id, label: main, predicted: ranked[0]?.topicId ?? '' });
  }
  return out;
}

/** Parses the frozen test split: `main<TAB>others|-<TAB>text` lines (blank lines and `#` comments skipped). */
export function parseTestItems(tsv: string): LabeledItem[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l, i) => {
      const [main, others, text] = l.split('\t');
      const rest =
        others && others.trim() !== '-'
          ? others
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : [];
      return {
        kind: text.trim().endsWith('？') ? ('Question' as const) : ('Course' as const),
        id: `test-${i + 1}`,
        text: text.trim(),
        tags: [{ topicId: main.trim(), weight: 1 }, ...rest.map((topicId) => ({ topicId, weight: 0.5 }))],
      };
    });
}

/**
 * Builds the index from `corpus` minus the held-out items and scores those items.
 * Defaults: the hand-written curriculum and its held-out course and question ids.
 */
export async function evaluateTagging(
  opts: {
    embedder?: Embedder;
    corpus?: Corpus;
    heldOutIds?: ReadonlySet<string>;
    /** Extra texts labelled by area only (e.g. test/fixtures/area-labeled-courses.tsv). */
    areaLabeled?: { area: string; text: string }[];
    /** The frozen test split (test/fixtures/tagging-test-items.tsv). */
    testItems?: LabeledItem[];
  } = {},
): Promise<TaggingEvaluation> {
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
    const misses = opts.areaLabeled.map((x, k) => ({ ...x, predicted: index.rank(xs[k])[0]?.area ?? '' })).filter((x) => x.predicted !== x.area);
    const n = opts.areaLabeled.length;
    out.areaLabeled = { n, areaP1: Math.round(((n - misses.length) / n) * 1000) / 1000, misses };
  }
  if (opts.testItems?.length) {
    const full = await indexCorpus(embedder, corpus);
    const xs = await embedder.embed(opts.testItems.map((i) => i.text));
    out.test = scoreItems(
      full,
      opts.testItems.map((item, k) => ({ item, vector: xs[k] })),
    );
  }
  return out;
}

/** Parses `area<TAB>text` lines (blank lines and `#` comments skipped) into an area-labelled set. */
export function parseAreaLabeled(tsv: string): { area: string; text: string }[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const tab = l.indexOf('\t');
      return { area: l.slice(0, tab).trim(), text: l.slice(tab + 1).trim() };
    });
}
