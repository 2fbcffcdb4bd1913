/**
 * `hongtu kt fit`: fit the product model's parameters (bkt-mastery.ts) from answer history.
 * BKT's l0/t/g/s by EM over every member × topic sequence (pooled: a Party-building curriculum has
 * too few answers per subtopic in a small branch to fit each topic reliably), then the forgetting
 * half-life by the log-likelihood of each answer predicted from the ones before it.
 */
import { fitBktSkill } from './bkt';
import { DEFAULT_MASTERY_PARAMS, createBktMasteryModel, type MasteryParams } from './bkt-mastery';
import type { Mastery } from '../../../graph';

/** One answer with its main topic and the question's difficulty, in time order per member. */
export interface AnswerRow {
  memberId: string;
  topicId: string;
  at: number;
  correct: boolean;
  difficulty: number;
}

const HALF_LIVES = [14, 30, 60, 90, 180, 365, Infinity];

function sequences(rows: AnswerRow[]): Map<string, AnswerRow[]> {
  const by = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const key = `${r.memberId}\u0000${r.topicId}`;
    let l = by.get(key);
    if (!l) by.set(key, (l = []));
    l.push(r);
  }
  for (const l of by.values()) l.sort((a, b) => a.at - b.at);
  return by;
}

/** Mean log-likelihood of each answer predicted online by the model with these parameters. */
export function logLikelihood(params: MasteryParams, seqs: Map<string, AnswerRow[]>): number {
  const model = createBktMasteryModel(params);
  let ll = 0,
    n = 0;
  for (const list of seqs.values()) {
    let row: Mastery | undefined;
    for (const a of list) {
      const p = model.predictCorrect(model.currentMastery(row, a.at), a.difficulty);
      ll += Math.log(a.correct ? p : 1 - p);
      n++;
      [row] = model.observeAnswer(a.memberId, new Map(row ? [[a.topicId, row]] : []), {
        at: a.at,
        correct: a.correct,
        difficulty: a.difficulty,
        topics: [{ topicId: a.topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
      });
    }
  }
  return n ? ll / n : 0;
}

export interface FitReport {
  params: MasteryParams;
  logLikelihood: number;
  answers: number;
  sequences: number;
}

export function fitMasteryParams(rows: AnswerRow[], base: MasteryParams = DEFAULT_MASTERY_PARAMS): FitReport {
  const seqs = sequences(rows);
  const bin = [...seqs.values()].map((l) => Uint8Array.from(l, (a) => (a.correct ? 1 : 0)));
  const b = bin.length ? fitBktSkill(bin, { l0: base.l0, t: base.t, g: base.g, s: base.s }) : base;
  let best: MasteryParams = { ...base, l0: b.l0, t: b.t, g: b.g, s: b.s, version: base.version + 1 };
  let bestLl = -Infinity;
  for (const h of HALF_LIVES) {
    const cand = { ...best, halfLifeDays: h };
    const ll = logLikelihood(cand, seqs);
    if (ll > bestLl) {
      bestLl = ll;
      best = cand;
    }
  }
  return { params: best, logLikelihood: bestLl, answers: rows.length, sequences: seqs.size };
}
