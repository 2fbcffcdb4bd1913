/** Where `hongtu kt fit` keeps the fitted learner model, and how the server reads it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LearnerModelParams } from './learner-model';

/** `<data>/kt-params.json`, next to the embedded store's directory. */
export const masteryParamsPath = (dataDir: string) => path.join(path.dirname(dataDir), 'kt-params.json');

/**
 * The fitted parameters, or null when there is no file (the shipped defaults apply). A file from an
 * older model (a different `kind`) is refused with a message naming `hongtu kt fit`.
 */
export function loadMasteryParams(file: string): LearnerModelParams | null {
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<LearnerModelParams>;
  if (raw.kind !== 'learner-model' || !Array.isArray(raw.weights) || !Array.isArray(raw.topics)) {
    throw new Error(`${file} holds parameters of another learner model; run \`hongtu kt fit\` again (or delete the file to use the defaults)`);
  }
  return raw as LearnerModelParams;
}

export function saveMasteryParams(file: string, p: LearnerModelParams): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(compact(p))}\n`);
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The parameters with numbers rounded to 6 decimals (the file stays small and diffable). */
export function compact(p: LearnerModelParams): LearnerModelParams {
  return {
    ...p,
    globalMean: r6(p.globalMean),
    topicMean: p.topicMean.map(r6),
    weights: p.weights.map(r6),
    gbdt: p.gbdt && {
      base: r6(p.gbdt.base),
      learningRate: p.gbdt.learningRate,
      cuts: p.gbdt.cuts.map((c) => c.map(r6)),
      trees: p.gbdt.trees.map((t) => t.map((n) => ({ ...n, value: r6(n.value) }))),
    },
  };
}
