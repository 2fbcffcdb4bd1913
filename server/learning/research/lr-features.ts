/**
 * Features of one response computed only from the responses before it (the same code path for
 * training and prediction, so there is no leakage). Inspired by Best-LR (Gervet et al., 2020: counts of
 * prior successes/failures overall and per skill) and DAS3H (time since last practice), plus
 * exponentially weighted recent correctness — the part of DKT's advantage that is mostly recency.
 *
 * A feature vector is sparse: up to MAX_NNZ (index, value) pairs.
 */
export const DENSE = 18;
export const MAX_NNZ = DENSE + 5;

export interface StudentState {
  c: number;
  w: number; // total correct / wrong
  emaFast: number;
  emaSlow: number;
  last: number; // +1 / -1 / 0
  lastSkill: number;
  lastTime: number;
  perSkill: Map<number, SkillState>;
}
interface SkillState {
  c: number;
  w: number;
  ema: number;
  last: number;
  lastTime: number;
}

export function newStudentState(globalMean: number): StudentState {
  return { c: 0, w: 0, emaFast: globalMean, emaSlow: globalMean, last: 0, lastSkill: -2, lastTime: NaN, perSkill: new Map() };
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Write the features of a response on skill `k` at `time` (seconds, NaN if unknown) into idx/val at
 * `off`; returns the number written. Layout: [0] bias, [1..DENSE) dense, then per-skill blocks of size K:
 * one-hot, log correct, log wrong, ability×skill, recent×skill.
 */
export function writeFeatures(
  st: StudentState,
  k: number,
  time: number,
  K: number,
  skillMean: Float64Array,
  globalMean: number,
  idx: Int32Array,
  val: Float32Array,
  off: number,
): number {
  const sk = k >= 0 ? st.perSkill.get(k) : undefined;
  const n = st.c + st.w;
  const acc = logit((st.c + 2 * globalMean) / (n + 2));
  const base = k >= 0 ? skillMean[k] : globalMean;
  const dense = [
    Math.log1p(st.c),
    Math.log1p(st.w),
    acc,
    st.emaFast - globalMean,
    st.emaSlow - globalMean,
    st.last,
    sk ? 1 : 0,
    sk ? sk.ema - base : 0,
    sk ? sk.last : 0,
    sk ? Math.log1p(sk.c) : 0,
    sk ? Math.log1p(sk.w) : 0,
    st.lastSkill === k ? 1 : 0,
    st.lastSkill === k ? st.last : 0,
    sk ? logit((sk.c + 2 * base) / (sk.c + sk.w + 2)) - logit(base) : 0,
    Number.isFinite(time) && Number.isFinite(st.lastTime) ? Math.log1p(Math.max(0, time - st.lastTime) / 3600) : 0,
    sk && Number.isFinite(time) && Number.isFinite(sk.lastTime) ? Math.log1p(Math.max(0, time - sk.lastTime) / 3600) : 0,
    n === 0 ? 1 : 0,
    logit(Math.min(0.99, Math.max(0.01, base))),
  ];
  let j = off;
  idx[j] = 0;
  val[j++] = 1;
  for (let d = 0; d < DENSE - 1; d++) {
    idx[j] = 1 + d;
    val[j++] = dense[d];
  }
  if (k >= 0 && k < K) {
    const b = DENSE;
    idx[j] = b + k;
    val[j++] = 1;
    idx[j] = b + K + k;
    val[j++] = sk ? Math.log1p(sk.c) : 0;
    idx[j] = b + 2 * K + k;
    val[j++] = sk ? Math.log1p(sk.w) : 0;
    idx[j] = b + 3 * K + k;
    val[j++] = acc;
    idx[j] = b + 4 * K + k;
    val[j++] = st.emaFast - globalMean;
  }
  return j - off;
}

/** Number of weights for K skills. */
export const featureCount = (K: number) => DENSE + 5 * K;

/** Fold an observed response into the state. */
export function observe(st: StudentState, k: number, correct: number, time: number, skillMean: Float64Array, globalMean: number): void {
  const y = correct ? 1 : 0;
  if (y) st.c++;
  else st.w++;
  st.emaFast = 0.7 * st.emaFast + 0.3 * y;
  st.emaSlow = 0.92 * st.emaSlow + 0.08 * y;
  st.last = y ? 1 : -1;
  st.lastSkill = k;
  st.lastTime = time;
  if (k < 0) return;
  let sk = st.perSkill.get(k);
  if (!sk) st.perSkill.set(k, (sk = { c: 0, w: 0, ema: skillMean[k] ?? globalMean, last: 0, lastTime: NaN }));
  if (y) sk.c++;
  else sk.w++;
  sk.ema = 0.6 * sk.ema + 0.4 * y;
  sk.last = y ? 1 : -1;
  sk.lastTime = time;
}
