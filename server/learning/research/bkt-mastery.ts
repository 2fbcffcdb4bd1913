/**
 * A research baseline (the product's earlier learner model): BKT per member × topic, extended with
 *  - forgetting: P(learned) decays towards a floor with a half-life, applied on read from updatedAt;
 *  - question difficulty: harder questions have more slip and less guess;
 *  - study events: reading/watching a course moves P(learned) of the topics it covers, scaled by the
 *    tag weight and by how much of the course was completed;
 *  - multi-topic items: the update of each topic is scaled by its tag weight;
 *  - no learning credit for a wrong answer (standard BKT applies P(T) after every attempt, so a miss at
 *    low mastery can raise the estimate — true to the model, baffling to a member who just got it wrong).
 *    `learnOnWrong` scales P(T) after a miss; 0 keeps "a wrong answer never raises mastery".
 * "Mastery" is therefore P(learned) — a probability a member can read, and the value gaps compare with
 * stage requirements. Parameters come from `hongtu kt fit` (fitMasteryParams) or the defaults.
 */
import type { Mastery, MemberHistory, TopicTag } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';

export interface AnswerObservation {
  at: number;
  correct: boolean;
  difficulty: number;
  topics: TopicTag[];
}
export interface StudyObservation {
  at: number;
  seconds: number;
  progress: number;
  topics: TopicTag[];
}

/** Row-by-row BKT with forgetting: each event updates the rows of the topics it bears on. */
export interface BktMasteryModel {
  readonly id: string;
  observeAnswer(memberId: string, current: Map<string, Mastery>, obs: AnswerObservation): Mastery[];
  observeStudy(memberId: string, current: Map<string, Mastery>, obs: StudyObservation): Mastery[];
  currentMastery(row: Mastery | undefined, now: number): number;
  predictCorrect(mastery: number, difficulty: number): number;
}

const tagsOf = (tw: { topicId: string; weight: number }[]) => tw.map((t) => ({ topicId: t.topicId, weight: t.weight, source: 'MANUAL' as const, confidence: 1 }));

/** Replay a member's history oldest first through the BKT baseline; returns the final rows. */
export function replayBkt(model: BktMasteryModel, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>): Map<string, Mastery> {
  const events = [...history.answers.map((e) => ({ at: e.at, id: e.id, a: e, s: null })), ...history.studies.map((e) => ({ at: e.at, id: e.id, a: null, s: e }))].sort(
    (x, y) => x.at - y.at || x.id.localeCompare(y.id),
  );
  const rows = new Map<string, Mastery>();
  for (const e of events) {
    let out: Mastery[] = [];
    if (e.a) {
      const q = view.questionById.get(e.a.questionId),
        topics = view.questionTopics.get(e.a.questionId);
      if (q && topics?.length) out = model.observeAnswer(e.a.memberId, rows, { at: e.a.at, correct: e.a.correct, difficulty: q.difficulty, topics: tagsOf(topics) });
    } else if (e.s) {
      const topics = view.courseTopics.get(e.s.courseId);
      if (topics?.length) out = model.observeStudy(e.s.memberId, rows, { at: e.s.at, seconds: e.s.seconds, progress: e.s.progress, topics: tagsOf(topics) });
    }
    for (const r of out) rows.set(r.topicId, r);
  }
  return rows;
}

export interface MasteryParams {
  version: number;
  l0: number;
  t: number;
  g: number;
  s: number;
  /** P(learned) gain from completing a course fully, before the tag weight. */
  studyGain: number;
  /** Days for (p − floor) to halve without practice; Infinity = no forgetting. */
  halfLifeDays: number;
  floor: number;
  /** Share of P(T) applied after a wrong answer (0 = none; 1 = standard BKT). */
  learnOnWrong: number;
}

export const DEFAULT_MASTERY_PARAMS: MasteryParams = {
  version: 1,
  l0: 0.25,
  t: 0.12,
  g: 0.22,
  s: 0.1,
  studyGain: 0.3,
  halfLifeDays: 90,
  floor: 0.1,
  learnOnWrong: 0,
};

const DAY = 86_400_000;
const clamp01 = (x: number) => Math.min(0.999, Math.max(0.001, x));

/** Guess and slip for a question of difficulty d ∈ [0,1] (0.5 = the fitted averages). */
export function emission(p: MasteryParams, difficulty: number): { g: number; s: number } {
  const d = Math.min(1, Math.max(0, difficulty));
  return { g: clamp01(p.g * (1.5 - d)), s: clamp01(p.s * (0.5 + d)) };
}

/** P(learned) at `now`, with forgetting since `since`. */
export function decay(p: MasteryParams, value: number, since: number, now: number): number {
  if (!Number.isFinite(p.halfLifeDays) || now <= since) return value;
  if (value <= p.floor) return value;
  const f = 0.5 ** ((now - since) / DAY / p.halfLifeDays);
  return p.floor + (value - p.floor) * f;
}

export function createBktMasteryModel(params: MasteryParams = DEFAULT_MASTERY_PARAMS): BktMasteryModel {
  const current = (row: Mastery | undefined, now: number) => (row ? decay(params, row.p, row.updatedAt, now) : params.l0);
  return {
    id: `bkt-forget/${params.version}`,
    currentMastery: current,
    predictCorrect(mastery, difficulty) {
      const { g, s } = emission(params, difficulty);
      return mastery * (1 - s) + (1 - mastery) * g;
    },
    observeAnswer(memberId, rows, obs: AnswerObservation) {
      const { g, s } = emission(params, obs.difficulty);
      return obs.topics.map((tag) => {
        const pl = current(rows.get(tag.topicId), obs.at);
        const post = obs.correct ? (pl * (1 - s)) / (pl * (1 - s) + (1 - pl) * g) : (pl * s) / (pl * s + (1 - pl) * (1 - g));
        const next = post + (1 - post) * params.t * (obs.correct ? 1 : params.learnOnWrong);
        const w = Math.min(1, Math.max(0, tag.weight));
        return { memberId, topicId: tag.topicId, p: clamp01(pl + w * (next - pl)), updatedAt: obs.at };
      });
    },
    observeStudy(memberId, rows, obs: StudyObservation) {
      const done = Math.min(1, Math.max(0, obs.progress));
      return obs.topics.map((tag) => {
        const pl = current(rows.get(tag.topicId), obs.at);
        const gain = params.studyGain * Math.min(1, tag.weight) * done;
        return { memberId, topicId: tag.topicId, p: clamp01(pl + (1 - pl) * gain), updatedAt: obs.at };
      });
    },
  };
}
