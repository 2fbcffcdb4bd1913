/**
 * What the learner model knows about one member: a running summary of their evidence, built by
 * folding events in time order (`applyEvent`). The same fold serves training, evaluation on public
 * datasets, the live server and the simulator, so every figure measures the code the product runs.
 *
 * Evidence on a topic (right answers, wrong answers, study minutes) fades with the model's forgetting
 * half-life: each count is multiplied by 2^(−days/halfLife) between events. Member-wide counts
 * (overall right/wrong, recent streak) do not fade; they describe the person, not one topic.
 */

/** A subtopic an event bears on, with the tag weight (0..1]. */
export interface TopicWeight {
  topicId: string;
  weight: number;
}

/** An answer or a study session, as the model sees it. `at` is epoch ms (NaN when unknown). */
export type LearnerEvent =
  | { kind: 'answer'; at: number; topics: TopicWeight[]; correct: boolean; difficulty: number; ref?: string; discount?: number }
  | { kind: 'study'; at: number; topics: TopicWeight[]; minutes: number; ref?: string; discount?: number };

export interface TopicEvidence {
  /** Faded, tag-weighted right / wrong answers and study minutes, as of `at`. */
  right: number;
  wrong: number;
  minutes: number;
  at: number;
  /** Answers on the topic ever (not faded), and an average of recent outcomes (1 right, 0 wrong). */
  answers: number;
  recent: number;
  last: number;
}

export interface LearnerState {
  right: number;
  wrong: number;
  /** Recent correctness, fast and slow moving averages. */
  fast: number;
  slow: number;
  /** +1 / −1 for the last answer, 0 before any. */
  last: number;
  lastTopic: string | null;
  at: number;
  topics: Map<string, TopicEvidence>;
}

const DAY = 86_400_000;

export function newLearnerState(globalMean: number): LearnerState {
  return { right: 0, wrong: 0, fast: globalMean, slow: globalMean, last: 0, lastTopic: null, at: NaN, topics: new Map() };
}

/** The fading factor over `ms` for a half-life in days (null = no forgetting; unknown times = none). */
export function fade(halfLifeDays: number | null, ms: number): number {
  if (halfLifeDays === null || !Number.isFinite(ms) || ms <= 0) return 1;
  return 0.5 ** (ms / DAY / halfLifeDays);
}

/** The topic's evidence faded to time `t` (a copy; the state is not changed). */
export function evidenceAt(ev: TopicEvidence | undefined, t: number, halfLifeDays: number | null): TopicEvidence | undefined {
  if (!ev) return undefined;
  const f = fade(halfLifeDays, t - ev.at);
  return f === 1 ? ev : { ...ev, right: ev.right * f, wrong: ev.wrong * f, minutes: ev.minutes * f, at: t };
}

/**
 * Fold one event into the state (in place). A `discount` in [0,1] (integrity checks) scales how much
 * the event counts: 0 means it is kept in the record but moves nothing.
 */
export function applyEvent(st: LearnerState, e: LearnerEvent, halfLifeDays: number | null, topicMean: (topicId: string) => number): void {
  const keep = 1 - Math.min(1, Math.max(0, e.discount ?? 0));
  if (keep <= 0) return;
  for (const tw of e.topics) {
    const w = Math.min(1, Math.max(0, tw.weight)) * keep;
    let ev = st.topics.get(tw.topicId);
    if (!ev) st.topics.set(tw.topicId, (ev = { right: 0, wrong: 0, minutes: 0, at: e.at, answers: 0, recent: topicMean(tw.topicId), last: 0 }));
    const f = fade(halfLifeDays, e.at - ev.at);
    ev.right *= f;
    ev.wrong *= f;
    ev.minutes *= f;
    if (Number.isFinite(e.at)) ev.at = e.at;
    if (e.kind === 'study') {
      ev.minutes += w * e.minutes;
      continue;
    }
    if (e.correct) ev.right += w;
    else ev.wrong += w;
    if (w >= 0.5) {
      ev.answers += 1;
      ev.recent = 0.6 * ev.recent + 0.4 * (e.correct ? 1 : 0);
      ev.last = e.correct ? 1 : -1;
    }
  }
  if (Number.isFinite(e.at)) st.at = e.at;
  if (e.kind !== 'answer') return;
  const y = e.correct ? 1 : 0;
  if (y) st.right += keep;
  else st.wrong += keep;
  st.fast = st.fast + keep * 0.3 * (y - st.fast);
  st.slow = st.slow + keep * 0.08 * (y - st.slow);
  st.last = y ? 1 : -1;
  st.lastTopic = mainTopic(e.topics);
}

/** The heaviest topic of an event (ties: first). */
export function mainTopic(topics: TopicWeight[]): string | null {
  let best: TopicWeight | null = null;
  for (const t of topics) if (!best || t.weight > best.weight) best = t;
  return best ? best.topicId : null;
}
