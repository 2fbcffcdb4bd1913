/** Baseline: the training correct rate of each skill (Laplace-smoothed), global rate for unseen skills. */
import type { KtDataset } from './dataset';

export interface SkillMeanModel {
  rate: Map<number, number>;
  global: number;
}

export function fitSkillMean(train: KtDataset): SkillMeanModel {
  const num = new Map<number, number>();
  const den = new Map<number, number>();
  let c = 0,
    n = 0;
  for (const seq of train.sequences) {
    for (let i = 0; i < seq.skills.length; i++) {
      const k = seq.skills[i];
      num.set(k, (num.get(k) ?? 0) + seq.correct[i]);
      den.set(k, (den.get(k) ?? 0) + 1);
      c += seq.correct[i];
      n++;
    }
  }
  const global = n ? c / n : 0.5;
  const rate = new Map<number, number>();
  for (const [k, d] of den) rate.set(k, ((num.get(k) ?? 0) + global * 2) / (d + 2));
  return { rate, global };
}

export function predictSkillMean(model: SkillMeanModel, data: KtDataset): Float64Array {
  const out = new Float64Array(data.responses);
  let o = 0;
  for (const seq of data.sequences) for (let i = 0; i < seq.skills.length; i++) out[o++] = model.rate.get(seq.skills[i]) ?? model.global;
  return out;
}
