/**
 * Topic representations for tagging, and the scoring of a text against them.
 *
 * A subtopic is represented by the centroid of its own text (name + description) and the texts of the
 * content manually tagged with it (courses, questions), each weighted by its tag weight. An area is the
 * centroid of its own text and its subtopics' centroids. A text's score for a subtopic mixes the two
 * levels, so a text that is clearly about an area but close to no single subtopic still lands in the right
 * area. Centroids dilute rare but decisive words (抗日战争 in one course among thirty), so the nearest
 * manually tagged example adds its own evidence:
 *   score(t) = SUBTOPIC_WEIGHT·cos(x, subtopic t) + (1 − SUBTOPIC_WEIGHT)·cos(x, area of t)
 *              + NEAREST_WEIGHT·max cos(x, example tagged t).
 * The weights were chosen by leave-one-out over the curriculum (figures in scripts/eval-tagging.ts);
 * the nearest-example term lifted question area P@1 from 0.864 to 0.893 and left courses unchanged.
 */
import type { Area, Topic } from '../../../graph';
import { centroid, dot } from '../embed/embedder';

/** Share of the subtopic similarity in a topic's score; the rest is the area similarity. */
export const SUBTOPIC_WEIGHT = 0.5;
/** Weight of a topic's own name + description among its manually tagged examples (each weighs its tag weight). */
export const OWN_TEXT_WEIGHT = 4;
/** Weight of the best similarity to a single manually tagged example of the topic. */
export const NEAREST_WEIGHT = 0.3;

/** One piece of manually tagged content: its vector and its MANUAL tags (topic id → weight). */
export interface TaggedExample {
  vector: ArrayLike<number>;
  tags: { topicId: string; weight: number }[];
  /** `Kind:id` of the content, so that retagging an item can leave out its own vector as nearest example. */
  key?: string;
}

/** A ranked topic for a text. */
export interface TopicScore {
  topicId: string;
  area: Area;
  name: string;
  score: number;
}

export interface TopicIndex {
  readonly embedderId: string;
  readonly topics: Topic[];
  /** Rank every candidate topic for one vector, best first; `excludeKey` leaves that example out of the nearest-example term. */
  rank(vector: ArrayLike<number>, excludeKey?: string): TopicScore[];
}

/**
 * Builds the index. `topicVectors` holds the embedding of each topic's own text (same order as `topics`).
 * Candidates are the subtopics; an area without subtopics is its own candidate.
 */
export function buildTopicIndex(
  embedderId: string,
  dimensions: number,
  topics: Topic[],
  topicVectors: ArrayLike<number>[],
  examples: TaggedExample[],
  opts: { subtopicWeight?: number; ownTextWeight?: number; nearestWeight?: number } = {},
): TopicIndex {
  const subW = opts.subtopicWeight ?? SUBTOPIC_WEIGHT;
  const ownW = opts.ownTextWeight ?? OWN_TEXT_WEIGHT;
  const nearW = opts.nearestWeight ?? NEAREST_WEIGHT;
  /** Per topic, the indexes into `examples` of its manually tagged content. */
  const exampleIdx: number[][] = topics.map(() => []);
  const byId = new Map(topics.map((t, i) => [t.id, i]));
  const members: ArrayLike<number>[][] = topics.map((_, i) => [topicVectors[i]]);
  const weights: number[][] = topics.map(() => [ownW]);
  examples.forEach((ex, e) => {
    for (const tag of ex.tags) {
      const i = byId.get(tag.topicId);
      if (i === undefined) continue;
      members[i].push(ex.vector);
      weights[i].push(tag.weight);
      exampleIdx[i].push(e);
    }
  });
  const own = topics.map((_, i) => centroid(members[i], dimensions, weights[i]));
  const hasChildren = new Set(topics.filter((t) => t.parentId).map((t) => t.area));
  const areaVec = new Map<string, Float32Array>();
  for (const a of new Set(topics.map((t) => t.area))) {
    const idx = topics.map((t, i) => (t.area === a ? i : -1)).filter((i) => i >= 0);
    areaVec.set(
      a,
      centroid(
        idx.map((i) => own[i]),
        dimensions,
      ),
    );
  }
  const candidates = topics.map((_, i) => i).filter((i) => topics[i].parentId !== null || !hasChildren.has(topics[i].area));

  return {
    embedderId,
    topics,
    rank(vector, excludeKey) {
      const areaSim = new Map<string, number>();
      for (const [a, v] of areaVec) areaSim.set(a, dot(vector, v));
      const exampleSim = nearW ? examples.map((ex) => (excludeKey !== undefined && ex.key === excludeKey ? 0 : dot(vector, ex.vector))) : [];
      return candidates
        .map((i) => {
          const t = topics[i];
          let nearest = 0;
          for (const e of exampleIdx[i]) nearest = Math.max(nearest, exampleSim[e] ?? 0);
          const score = subW * dot(vector, own[i]) + (1 - subW) * (areaSim.get(t.area) ?? 0) + nearW * nearest;
          return { topicId: t.id, area: t.area, name: t.name, score };
        })
        .sort((a, b) => b.score - a.score || (a.topicId < b.topicId ? -1 : 1));
    },
  };
}
