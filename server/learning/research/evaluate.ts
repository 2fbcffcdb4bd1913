/**
 * `hongtu kt evaluate`: fit each model on the training file, predict every test response from the
 * responses before it (per student), and report AUC / RMSE / accuracy for the product's learner model
 * (server/learning/model, fitted and run through the same code as the server) beside the research
 * baselines. Figures are given over all test responses and over responses with adjacent multi-skill
 * copies removed (see `firstCopies`).
 */
import { readFileSync } from 'node:fs';
import { SkillIndex, parseDataset, type KtDataset, type KtFormat } from './dataset';
import { computeMetrics, type KtMetrics } from './metrics';
import { fitSkillMean, predictSkillMean } from './skill-mean';
import { fitBkt, predictBkt } from './bkt';
import { fitLrKt, predictLrKt } from './lr-kt';
import { fitHybridKt, predictHybridKt } from './hybrid-kt';
import { fitLearnerModel, predictMembers, type MemberEvents } from '../model/learner-model';

export interface ModelResult extends KtMetrics {
  model: string;
  fitSeconds: number;
  dedup: KtMetrics;
}
export interface KtEvaluation {
  /** The product's model; the others are research baselines. */
  primary: 'learner-model';
  train: { students: number; responses: number; skills: number };
  test: { students: number; responses: number; firstCopies: number };
  /** Forgetting half-life the product model chose (days; null = none or no timestamps). */
  halfLifeDays: number | null;
  results: ModelResult[];
}

/** A KT dataset as the learner model's events (one topic per response; times in ms when known). */
export function toMemberEvents(data: KtDataset): MemberEvents[] {
  return data.sequences.map((s) => ({
    id: s.student,
    ctx: {},
    events: Array.from(s.skills, (k, i) => ({
      kind: 'answer' as const,
      at: s.times ? s.times[i] * 1000 : NaN,
      correct: s.correct[i] === 1,
      difficulty: NaN,
      topics: k >= 0 ? [{ topicId: data.skills[k], weight: 1 }] : [{ topicId: `unknown`, weight: 1 }],
    })),
  }));
}

/**
 * 1 for every response except the second of an adjacent pair with a different skill and the same
 * outcome: public files write one multi-skill response as such a pair, and scoring the copy rewards
 * a model for reading the previous line's answer.
 */
export function firstCopies(data: KtDataset): Uint8Array {
  const keep = new Uint8Array(data.responses).fill(1);
  let o = 0;
  for (const s of data.sequences) {
    for (let i = 0; i < s.skills.length; i++, o++) {
      if (i > 0 && keep[o - 1] && s.skills[i] !== s.skills[i - 1] && s.correct[i] === s.correct[i - 1] && (!s.times || s.times[i] === s.times[i - 1])) keep[o] = 0;
    }
  }
  return keep;
}

function masked(pred: ArrayLike<number>, y: Uint8Array, keep: Uint8Array): KtMetrics {
  const p: number[] = [],
    t: number[] = [];
  for (let i = 0; i < y.length; i++)
    if (keep[i]) {
      p.push(pred[i]);
      t.push(y[i]);
    }
  return computeMetrics(p, t);
}

function truthOf(data: KtDataset): Uint8Array {
  const y = new Uint8Array(data.responses);
  let o = 0;
  for (const s of data.sequences) for (let i = 0; i < s.correct.length; i++) y[o++] = s.correct[i];
  return y;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

/** Evaluate the three models on parsed train/test sets that share one SkillIndex. */
export function evaluateDatasets(train: KtDataset, test: KtDataset): KtEvaluation {
  const y = truthOf(test);
  const keep = firstCopies(test);
  const results: ModelResult[] = [];
  const add = (model: string, fitSeconds: number, pred: ArrayLike<number>) =>
    results.push({ model, fitSeconds, ...computeMetrics(Array.from(pred), y), dedup: masked(pred, y, keep) });
  const [product, tProduct] = timed(() => fitLearnerModel(toMemberEvents(train)));
  add('learner-model', tProduct, predictMembers(product.model, toMemberEvents(test)).p);
  const [mean, tMean] = timed(() => fitSkillMean(train));
  add('skill-mean', tMean, predictSkillMean(mean, test));
  const [bkt, tBkt] = timed(() => fitBkt(train));
  add('bkt', tBkt, predictBkt(bkt, test));
  const [lr, tLr] = timed(() => fitLrKt(train));
  add('lr-kt', tLr, predictLrKt(lr, test));
  const [hy, tHy] = timed(() => fitHybridKt(train));
  add('hybrid-kt', tHy, predictHybridKt(hy, test));
  return {
    primary: 'learner-model',
    train: { students: train.sequences.length, responses: train.responses, skills: train.skills.length },
    test: { students: test.sequences.length, responses: test.responses, firstCopies: keep.reduce((a, b) => a + b, 0) },
    halfLifeDays: product.model.halfLifeDays,
    results,
  };
}

/** Read, parse and evaluate two files. */
export function evaluateFiles(trainPath: string, testPath: string, format?: KtFormat): KtEvaluation {
  const index = new SkillIndex();
  const train = parseDataset(readFileSync(trainPath, 'utf8'), index, { format });
  const test = parseDataset(readFileSync(testPath, 'utf8'), index, { format });
  return evaluateDatasets(train, test);
}

/** A fixed-width table for the terminal. */
export function formatEvaluation(ev: KtEvaluation): string {
  const lines = [
    `train: ${ev.train.students} students, ${ev.train.responses} responses, ${ev.train.skills} skills; test: ${ev.test.students} students, ${ev.test.responses} responses (${ev.test.firstCopies} without adjacent multi-skill copies)`,
    'model           AUC     RMSE    ACC     | dedup AUC  RMSE    ACC     | fit(s)',
  ];
  for (const r of ev.results) {
    const name = r.model === ev.primary ? `${r.model}*` : r.model;
    lines.push(
      `${name.padEnd(15)} ${r.auc.toFixed(4)}  ${r.rmse.toFixed(4)}  ${r.accuracy.toFixed(4)}  | ${r.dedup.auc.toFixed(4)}     ${r.dedup.rmse.toFixed(4)}  ${r.dedup.accuracy.toFixed(4)}  | ${r.fitSeconds.toFixed(2)}`,
    );
  }
  lines.push(
    `* the product's learner model, fitted and run as the server runs it (forgetting half-life: ${ev.halfLifeDays === null ? 'none' : `${ev.halfLifeDays} days`}); the others are research baselines`,
  );
  lines.push('dedup: the second of two adjacent responses with different skills and the same outcome is not scored');
  return lines.join('\n');
}
