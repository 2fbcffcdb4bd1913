/**
 * LR-KT: logistic regression on learning-history features (lr-features.ts), trained with Adam on
 * mini-batches. Fits hundreds of thousands of responses in seconds on one core, and is interpretable:
 * every weight is a named effect (prior successes on the skill, recent correctness, time since practice).
 */
import type { KtDataset } from './dataset';
import { MAX_NNZ, featureCount, newStudentState, observe, writeFeatures } from './lr-features';

export interface LrKtModel {
  K: number;
  w: Float64Array;
  skillMean: Float64Array;
  globalMean: number;
}
export interface LrKtOptions {
  epochs?: number;
  lr?: number;
  l2?: number;
  batch?: number;
  seed?: number;
}

export function skillMeans(train: KtDataset, K: number): { skillMean: Float64Array; globalMean: number } {
  const num = new Float64Array(K),
    den = new Float64Array(K);
  let c = 0,
    n = 0;
  for (const s of train.sequences)
    for (let i = 0; i < s.skills.length; i++) {
      const k = s.skills[i];
      if (k >= 0) {
        num[k] += s.correct[i];
        den[k]++;
      }
      c += s.correct[i];
      n++;
    }
  const globalMean = n ? c / n : 0.5;
  const skillMean = new Float64Array(K);
  for (let k = 0; k < K; k++) skillMean[k] = (num[k] + 5 * globalMean) / (den[k] + 5);
  return { skillMean, globalMean };
}

/** Feature rows of a whole dataset (fixed stride MAX_NNZ; unused slots have value 0). */
export function featurize(data: KtDataset, K: number, skillMean: Float64Array, globalMean: number) {
  const idx = new Int32Array(data.responses * MAX_NNZ);
  const val = new Float32Array(data.responses * MAX_NNZ);
  const y = new Uint8Array(data.responses);
  let r = 0;
  for (const s of data.sequences) {
    const st = newStudentState(globalMean);
    for (let i = 0; i < s.skills.length; i++) {
      const t = s.times ? s.times[i] : NaN;
      writeFeatures(st, s.skills[i], t, K, skillMean, globalMean, idx, val, r * MAX_NNZ);
      y[r++] = s.correct[i];
      observe(st, s.skills[i], s.correct[i], t, skillMean, globalMean);
    }
  }
  return { idx, val, y, rows: r };
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The LR log-odds of the feature row at `off`. */
export function lrLogit(w: Float64Array, idx: Int32Array, val: Float32Array, off: number): number {
  let z = 0;
  for (let f = 0; f < MAX_NNZ; f++) z += w[idx[off + f]] * val[off + f];
  return z;
}

export function fitLrKt(train: KtDataset, opts: LrKtOptions = {}): LrKtModel {
  const K = train.skills.length;
  const { skillMean, globalMean } = skillMeans(train, K);
  const { idx, val, y, rows } = featurize(train, K, skillMean, globalMean);
  const P = featureCount(K);
  const w = new Float64Array(P);
  w[0] = Math.log(globalMean / (1 - globalMean));
  const m = new Float64Array(P),
    v = new Float64Array(P);
  const g = new Float64Array(P);
  const touched = new Int32Array(P);
  const { epochs = 4, lr = 0.01, l2 = 1e-6, batch = 256, seed = 7 } = opts;
  const rand = mulberry32(seed);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const b1 = 0.9,
    b2 = 0.999;
  let step = 0;
  for (let e = 0; e < epochs; e++) {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let start = 0; start < rows; start += batch) {
      const end = Math.min(rows, start + batch);
      let nt = 0;
      for (let q = start; q < end; q++) {
        const r = order[q],
          o = r * MAX_NNZ;
        let z = 0;
        for (let f = 0; f < MAX_NNZ; f++) z += w[idx[o + f]] * val[o + f];
        const err = (sigmoid(z) - y[r]) / (end - start);
        for (let f = 0; f < MAX_NNZ; f++) {
          const p = idx[o + f],
            x = val[o + f];
          if (x === 0) continue;
          if (g[p] === 0) touched[nt++] = p;
          g[p] += err * x;
        }
      }
      step++;
      const c1 = 1 - b1 ** step,
        c2 = 1 - b2 ** step;
      // Lazy Adam: only the weights this batch touched (sparse features).
      for (let q = 0; q < nt; q++) {
        const p = touched[q];
        const grad = g[p] + l2 * w[p];
        m[p] = b1 * m[p] + (1 - b1) * grad;
        v[p] = b2 * v[p] + (1 - b2) * grad * grad;
        w[p] -= (lr * (m[p] / c1)) / (Math.sqrt(v[p] / c2) + 1e-8);
        g[p] = 0;
      }
    }
  }
  return { K, w, skillMean, globalMean };
}

/**
 * Walk a dataset student by student, giving `score` the feature row of each response built from the
 * responses before it (idx/val at offset 0), then folding the response in. Returns P(correct) per response.
 */
export function replayPredict(model: LrKtModel, data: KtDataset, score: (idx: Int32Array, val: Float32Array) => number): Float64Array {
  const { K, skillMean, globalMean } = model;
  const out = new Float64Array(data.responses);
  const idx = new Int32Array(MAX_NNZ),
    val = new Float32Array(MAX_NNZ);
  let r = 0;
  for (const s of data.sequences) {
    const st = newStudentState(globalMean);
    for (let i = 0; i < s.skills.length; i++) {
      const t = s.times ? s.times[i] : NaN;
      const k = s.skills[i] < K ? s.skills[i] : -1;
      idx.fill(0);
      val.fill(0);
      writeFeatures(st, k, t, K, skillMean, globalMean, idx, val, 0);
      out[r++] = sigmoid(score(idx, val));
      observe(st, k, s.correct[i], t, skillMean, globalMean);
    }
  }
  return out;
}

export function predictLrKt(model: LrKtModel, data: KtDataset): Float64Array {
  return replayPredict(model, data, (idx, val) => lrLogit(model.w, idx, val, 0));
}
