/**
 * `hongtu kt evaluate`: fit each model on the training file, predict every test response from the
 * responses before it (per student), and report AUC / RMSE / accuracy for our model and two baselines.
 */
import { readFileSync } from 'node:fs';
import { SkillIndex, parseDataset, type KtDataset, type KtFormat } from './dataset';
import { computeMetrics, type KtMetrics } from './metrics';
import { fitSkillMean, predictSkillMean } from './skill-mean';
import { fitBkt, predictBkt } from './bkt';
import { fitLrKt, predictLrKt } from './lr-kt';
import { fitHybridKt, predictHybridKt } from './hybrid-kt';

export interface ModelResult extends KtMetrics { model: string; fitSeconds: number }
export interface KtEvaluation {
  /** Our model; the others are baselines (skill-mean, bkt) and an ablation (lr-kt without the trees). */
  primary: 'hybrid-kt';
  train: { students: number; responses: number; skills: number };
  test: { students: number; responses: number };
  results: ModelResult[];
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
  const results: ModelResult[] = [];
  const [mean, tMean] = timed(() => fitSkillMean(train));
  results.push({ model: 'skill-mean', fitSeconds: tMean, ...computeMetrics(predictSkillMean(mean, test), y) });
  const [bkt, tBkt] = timed(() => fitBkt(train));
  results.push({ model: 'bkt', fitSeconds: tBkt, ...computeMetrics(predictBkt(bkt, test), y) });
  const [lr, tLr] = timed(() => fitLrKt(train));
  results.push({ model: 'lr-kt', fitSeconds: tLr, ...computeMetrics(predictLrKt(lr, test), y) });
  const [hy, tHy] = timed(() => fitHybridKt(train));
  results.push({ model: 'hybrid-kt', fitSeconds: tHy, ...computeMetrics(predictHybridKt(hy, test), y) });
  return {
    primary: 'hybrid-kt',
    train: { students: train.sequences.length, responses: train.responses, skills: train.skills.length },
    test: { students: test.sequences.length, responses: test.responses },
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
    `train: ${ev.train.students} students, ${ev.train.responses} responses, ${ev.train.skills} skills; test: ${ev.test.students} students, ${ev.test.responses} responses`,
    'model        AUC     RMSE    ACC     fit(s)',
  ];
  for (const r of ev.results) {
    const name = r.model === ev.primary ? `${r.model}*` : r.model;
    lines.push(`${name.padEnd(12)} ${r.auc.toFixed(4)}  ${r.rmse.toFixed(4)}  ${r.accuracy.toFixed(4)}  ${r.fitSeconds.toFixed(2)}`);
  }
  lines.push('* our model; skill-mean and bkt are the baselines, lr-kt is the same model without the trees');
  return lines.join('\n');
}
