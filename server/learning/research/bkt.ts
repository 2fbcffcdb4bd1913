/**
 * Standard Bayesian Knowledge Tracing (Corbett & Anderson 1994): per skill, a two-state hidden Markov
 * model (not learned / learned) with P(L0), P(T), P(G), P(S) and no forgetting, fitted by EM
 * (Baum–Welch on each student's sequence for that skill). Guess and slip are capped at 0.3 as is
 * usual, which keeps the "learned" state meaning learned (identifiability).
 */
import type { KtDataset } from './dataset';

export interface BktParams {
  l0: number;
  t: number;
  g: number;
  s: number;
}

const CAP = 0.3;
const EPS = 1e-6;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Split each student's sequence into per-skill subsequences of 0/1. */
function subsequences(data: KtDataset): Map<number, Uint8Array[]> {
  const bySkill = new Map<number, Uint8Array[]>();
  for (const seq of data.sequences) {
    const parts = new Map<number, number[]>();
    for (let i = 0; i < seq.skills.length; i++) {
      const k = seq.skills[i];
      if (k < 0) continue;
      let p = parts.get(k);
      if (!p) parts.set(k, (p = []));
      p.push(seq.correct[i]);
    }
    for (const [k, p] of parts) {
      let list = bySkill.get(k);
      if (!list) bySkill.set(k, (list = []));
      list.push(Uint8Array.from(p));
    }
  }
  return bySkill;
}

/** EM for one skill's sequences. Returns the fitted parameters. */
export function fitBktSkill(seqs: Uint8Array[], init: BktParams = { l0: 0.4, t: 0.1, g: 0.2, s: 0.1 }, iterations = 30): BktParams {
  let { l0, t, g, s } = init;
  for (let it = 0; it < iterations; it++) {
    let sumL0 = 0,
      nSeq = 0;
    let transNum = 0,
      transDen = 0;
    let guessNum = 0,
      guessDen = 0;
    let slipNum = 0,
      slipDen = 0;
    let ll = 0;
    for (const obs of seqs) {
      const n = obs.length;
      const alpha = new Float64Array(n); // P(L_t | o_1..t), scaled
      const scale = new Float64Array(n);
      let prior = l0;
      for (let i = 0; i < n; i++) {
        const eL = obs[i] ? 1 - s : s;
        const eU = obs[i] ? g : 1 - g;
        const a = prior * eL;
        const b = (1 - prior) * eU;
        scale[i] = a + b;
        alpha[i] = a / scale[i];
        ll += Math.log(scale[i]);
        prior = alpha[i] + (1 - alpha[i]) * t;
      }
      // Backward pass: beta ratios for L and U, scaled by the same factors.
      let bL = 1,
        bU = 1;
      const gammaL = new Float64Array(n);
      gammaL[n - 1] = alpha[n - 1];
      for (let i = n - 2; i >= 0; i--) {
        const o = obs[i + 1];
        const eL = o ? 1 - s : s;
        const eU = o ? g : 1 - g;
        // xi for transitions i → i+1
        const aL = alpha[i],
          aU = 1 - alpha[i];
        const xiLL = aL * 1 * eL * bL;
        const xiUL = aU * t * eL * bL;
        const xiUU = aU * (1 - t) * eU * bU;
        const z = xiLL + xiUL + xiUU;
        transNum += xiUL / z;
        transDen += (xiUL + xiUU) / z;
        const nbL = (1 * eL * bL) / scale[i + 1];
        const nbU = (t * eL * bL + (1 - t) * eU * bU) / scale[i + 1];
        bL = nbL;
        bU = nbU;
        const gl = aL * bL,
          gu = aU * bU;
        gammaL[i] = gl / (gl + gu);
      }
      sumL0 += gammaL[0];
      nSeq++;
      for (let i = 0; i < n; i++) {
        const gL = gammaL[i],
          gU = 1 - gL;
        guessDen += gU;
        slipDen += gL;
        if (obs[i]) guessNum += gU;
        else slipNum += gL;
      }
    }
    void ll;
    const next = {
      l0: clamp(sumL0 / Math.max(1, nSeq), EPS, 1 - EPS),
      t: clamp(transNum / Math.max(EPS, transDen), EPS, 1 - EPS),
      g: clamp(guessNum / Math.max(EPS, guessDen), EPS, CAP),
      s: clamp(slipNum / Math.max(EPS, slipDen), EPS, CAP),
    };
    const delta = Math.abs(next.l0 - l0) + Math.abs(next.t - t) + Math.abs(next.g - g) + Math.abs(next.s - s);
    ({ l0, t, g, s } = next);
    if (delta < 1e-5) break;
  }
  return { l0, t, g, s };
}

/** A fitted BKT model: per-skill parameters plus pooled ones for skills unseen in training. */
export interface BktModel {
  perSkill: Map<number, BktParams>;
  pooled: BktParams;
}

export function fitBkt(train: KtDataset): BktModel {
  const subs = subsequences(train);
  const all: Uint8Array[] = [];
  for (const list of subs.values()) all.push(...list);
  const pooled = fitBktSkill(all, undefined, 15);
  const perSkill = new Map<number, BktParams>();
  for (const [k, list] of subs) perSkill.set(k, fitBktSkill(list, pooled));
  return { perSkill, pooled };
}

/** Predict each response from the ones before it, student by student (online filtering). */
export function predictBkt(model: BktModel, data: KtDataset): Float64Array {
  const out = new Float64Array(data.responses);
  let o = 0;
  for (const seq of data.sequences) {
    const state = new Map<number, number>();
    for (let i = 0; i < seq.skills.length; i++) {
      const k = seq.skills[i];
      const p = model.perSkill.get(k) ?? model.pooled;
      const pl = state.get(k) ?? p.l0;
      out[o++] = pl * (1 - p.s) + (1 - pl) * p.g;
      const post = seq.correct[i] ? (pl * (1 - p.s)) / (pl * (1 - p.s) + (1 - pl) * p.g) : (pl * p.s) / (pl * p.s + (1 - pl) * (1 - p.g));
      state.set(k, post + (1 - post) * p.t);
    }
  }
  return out;
}
