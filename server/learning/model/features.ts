/**
 * The learner model's features for "will this member answer a question on topic k right at time t",
 * computed only from the state before that moment (the same function for training, evaluation and the
 * live server, so there is no leakage and no second implementation). After Best-LR (Gervet et al.
 * 2020: counts of prior right/wrong answers overall and per topic), PFA and DAS3H (time-faded
 * counts), plus recent correctness, study minutes, the question's difficulty, and what the member's
 * stage implies about a topic (required for an earlier stage, required now, how deep its prerequisites go).
 *
 * A row is sparse: up to MAX_NNZ (index, value) pairs at a fixed stride.
 * Layout: [0] bias, [1..DENSE) dense, then 5 blocks of K per-topic weights, then one weight per stage × area.
 */
import { MEMBER_STAGES } from '../../../graph';
import { evidenceAt, type LearnerState } from './learner-state';

export const DENSE = 24;
export const MAX_NNZ = DENSE + 6;

/** What the curriculum says about a topic (all optional: public datasets only have ids). */
export interface TopicInfo {
  area?: string;
  /** Stages the topic is required for. */
  requiredFor?: readonly string[];
  /** Longest prerequisite chain below the topic. */
  depth?: number;
  prerequisites?: readonly string[];
  /** Mean difficulty of the topic's questions (a "typical question"). */
  difficulty?: number;
}

/** What is known about the member apart from events (empty for public datasets). */
export interface MemberContext {
  stage?: string;
}

/** Everything feature computation needs from a fitted model. */
export interface FeatureSpace {
  halfLifeDays: number | null;
  globalMean: number;
  topicIndex: Map<string, number>;
  topicMean: Float64Array;
  stageAreaIndex: Map<string, number>;
  info: (topicId: string) => TopicInfo | undefined;
}

export const featureCount = (K: number, stageAreas: number) => DENSE + 5 * K + stageAreas;
export const baseRate = (fs: FeatureSpace, topicId: string) => {
  const k = fs.topicIndex.get(topicId);
  return k === undefined ? fs.globalMean : fs.topicMean[k];
};

const logit = (p: number) => Math.log(p / (1 - p));
const stageOrder = (s: string | undefined) => (s ? (MEMBER_STAGES as readonly string[]).indexOf(s) : -1);

/**
 * Write the feature row of a question on `topicId` (difficulty NaN = unknown) at time `t` into
 * idx/val at `off`. `asked` = false leaves out "was the last answer on this topic" (used for a
 * topic's mastery, which must not depend on what the member happened to answer last).
 */
export function writeFeatures(
  fs: FeatureSpace,
  st: LearnerState,
  ctx: MemberContext,
  topicId: string,
  difficulty: number,
  t: number,
  idx: Int32Array,
  val: Float32Array,
  off: number,
  asked = true,
): void {
  const gm = fs.globalMean;
  const base = Math.min(0.99, Math.max(0.01, baseRate(fs, topicId)));
  const ev = evidenceAt(st.topics.get(topicId), t, fs.halfLifeDays);
  const n = st.right + st.wrong;
  const acc = logit((st.right + 2 * gm) / (n + 2));
  const info = fs.info(topicId);
  const so = stageOrder(ctx.stage);
  const req = info?.requiredFor ?? [];
  const passed = so >= 0 && req.some((s) => stageOrder(s) >= 0 && stageOrder(s) < so) ? 1 : 0;
  const now = so >= 0 && req.some((s) => stageOrder(s) === so) ? 1 : 0;
  let pre = 0;
  const pres = info?.prerequisites ?? [];
  for (const p of pres) {
    const pe = evidenceAt(st.topics.get(p), t, fs.halfLifeDays);
    if (pe) pre += Math.log1p(pe.right) - Math.log1p(pe.wrong) + 0.1 * Math.log1p(pe.minutes);
  }
  const sameTopic = asked && st.lastTopic === topicId;
  const dense = [
    Math.log1p(st.right),
    Math.log1p(st.wrong),
    acc,
    st.fast - gm,
    st.slow - gm,
    st.last,
    ev && ev.answers > 0 ? 1 : 0,
    ev && ev.answers > 0 ? ev.recent - base : 0,
    ev ? ev.last : 0,
    ev ? Math.log1p(ev.right) : 0,
    ev ? Math.log1p(ev.wrong) : 0,
    sameTopic ? 1 : 0,
    sameTopic ? st.last : 0,
    ev ? logit((ev.right + 2 * base) / (ev.right + ev.wrong + 2)) - logit(base) : 0,
    ev ? Math.log1p(ev.minutes) : 0,
    Number.isFinite(difficulty) ? difficulty - 0.5 : 0,
    n === 0 ? 1 : 0,
    logit(base),
    passed,
    now,
    info?.depth ?? 0,
    pres.length ? pre / pres.length : 0,
    ev && ev.answers === 0 && ev.minutes > 0 ? 1 : 0,
  ];
  let j = off;
  idx[j] = 0;
  val[j++] = 1;
  for (let d = 0; d < DENSE - 1; d++) {
    idx[j] = 1 + d;
    val[j++] = dense[d];
  }
  const K = fs.topicMean.length;
  const k = fs.topicIndex.get(topicId);
  if (k !== undefined) {
    idx[j] = DENSE + k;
    val[j++] = 1;
    idx[j] = DENSE + K + k;
    val[j++] = ev ? Math.log1p(ev.right) : 0;
    idx[j] = DENSE + 2 * K + k;
    val[j++] = ev ? Math.log1p(ev.wrong) : 0;
    idx[j] = DENSE + 3 * K + k;
    val[j++] = acc;
    idx[j] = DENSE + 4 * K + k;
    val[j++] = st.fast - gm;
  }
  const sa = ctx.stage && info?.area ? fs.stageAreaIndex.get(`${ctx.stage}|${info.area}`) : undefined;
  if (sa !== undefined) {
    idx[j] = DENSE + 5 * K + sa;
    val[j++] = 1;
  }
  while (j < off + MAX_NNZ) {
    idx[j] = 0;
    val[j++] = 0;
  }
}
