/**
 * Turns a ranking of topics into AUTO tags with a confidence. Confidence is the softmax of the scores
 * over the leading candidates (temperature TEMPERATURE), i.e. how clearly a topic beats its rivals —
 * a raw cosine says little on its own, since its scale differs between embedders.
 */
import type { TopicTag } from '../../../graph';
import type { TopicScore } from './topic-index';

const TEMPERATURE = 0.02;
const MAX_TAGS = 3;
/** A second or third tag must keep at least this share of the first tag's confidence. */
const MIN_RELATIVE = 0.35;
/** Candidates the softmax runs over. */
const FIELD = 10;

/** Softmax confidences of the first FIELD scores (the rest are taken as 0). */
export function confidences(ranked: TopicScore[]): number[] {
  const top = ranked.slice(0, FIELD);
  if (top.length === 0) return [];
  const best = top[0].score;
  const e = top.map((t) => Math.exp((t.score - best) / TEMPERATURE));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The AUTO tags for an item: its best topic always, then up to two more that are nearly as likely. */
export function autoTagsFromRanking(ranked: TopicScore[]): TopicTag[] {
  const conf = confidences(ranked);
  const tags: TopicTag[] = [];
  for (let i = 0; i < Math.min(MAX_TAGS, conf.length); i++) {
    if (i > 0 && conf[i] < MIN_RELATIVE * conf[0]) break;
    const c = Math.round(conf[i] * 1000) / 1000;
    tags.push({ topicId: ranked[i].topicId, weight: c, source: 'AUTO', confidence: c });
  }
  return tags;
}
