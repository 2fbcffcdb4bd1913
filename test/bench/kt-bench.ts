/**
 * Knowledge tracing on the synthetic world (issue 3): the generator's answers become a KT dataset
 * (member, main topic of the question, correct, time); 80% of members train, 20% test. Reports AUC and
 * fit time of every model, and how well the product's mastery model (BKT + forgetting, fitted by
 * `hongtu kt fit`'s code) recovers the generator's hidden mastery (Pearson r over member × topic pairs).
 */
import path from 'node:path';
import { readCsvFile } from '../../graph/csv';
import { TRUTH_DIR } from '../../graph/bulk-format';
import { SkillIndex, parseCsv } from '../../server/learning/kt/dataset';
import { evaluateDatasets } from '../../server/learning/kt/evaluate';
import { fitMasteryParams, type AnswerRow } from '../../server/learning/kt/fit-mastery';
import { createBktMasteryModel } from '../../server/learning/kt/bkt-mastery';
import type { Mastery } from '../../graph/model';
import { fmt, type BenchRow } from './stats';

async function readAnswers(dir: string): Promise<AnswerRow[]> {
  const main = new Map<string, { topic: string; w: number }>();
  let header = true;
  for await (const r of readCsvFile(path.join(dir, 'TESTS.csv'))) {
    if (header) { header = false; continue; }
    const w = Number(r[2]);
    const cur = main.get(r[0]);
    if (!cur || w > cur.w) main.set(r[0], { topic: r[1], w });
  }
  const difficulty = new Map<string, number>();
  header = true;
  for await (const r of readCsvFile(path.join(dir, 'Question.csv'))) {
    if (header) { header = false; continue; }
    difficulty.set(r[0], Number(r[5]));
  }
  const rows: AnswerRow[] = [];
  header = true;
  for await (const r of readCsvFile(path.join(dir, 'ANSWERED.csv'))) {
    if (header) { header = false; continue; }
    const m = main.get(r[1]);
    if (m) rows.push({ memberId: r[0], topicId: m.topic, at: Number(r[3]), correct: r[4] === 'true', difficulty: difficulty.get(r[1]) ?? 0.5 });
  }
  rows.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.at - b.at));
  return rows;
}

const isTest = (memberId: string) => Number(memberId.replace(/\D/g, '')) % 5 === 0;

function toKtCsv(rows: AnswerRow[]): string {
  return 'student,skill,correct,timestamp\n' + rows.map((r) => `${r.memberId},${r.topicId},${r.correct ? 1 : 0},${r.at}`).join('\n');
}

function pearson(x: number[], y: number[]): number {
  const n = x.length, mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

export async function benchKt(dir: string, referenceDate: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const answers = await readAnswers(dir);
  const index = new SkillIndex();
  const train = parseCsv(toKtCsv(answers.filter((a) => !isTest(a.memberId))), index);
  const test = parseCsv(toKtCsv(answers.filter((a) => isTest(a.memberId))), index);
  const ev = evaluateDatasets(train, test);
  for (const r of ev.results) {
    rows.push({ section: 'kt (synthetic)', metric: r.model, value: `AUC ${fmt(r.auc, 4)}`, note: `RMSE ${fmt(r.rmse, 4)}, acc ${fmt(r.accuracy, 4)}, fit ${fmt(r.fitSeconds)} s on ${ev.train.responses} responses` });
  }
  // Product mastery model: fit on train members, then trace test members and compare with the hidden truth.
  const t0 = performance.now();
  const fit = fitMasteryParams(answers.filter((a) => !isTest(a.memberId)));
  const fitS = (performance.now() - t0) / 1000;
  const model = createBktMasteryModel(fit.params);
  const est = new Map<string, Mastery>();
  for (const a of answers) {
    if (!isTest(a.memberId)) continue;
    const key = `${a.memberId}|${a.topicId}`;
    const cur = est.get(key);
    const [next] = model.observeAnswer(a.memberId, new Map(cur ? [[a.topicId, cur]] : []), {
      at: a.at, correct: a.correct, difficulty: a.difficulty, topics: [{ topicId: a.topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
    });
    est.set(key, next);
  }
  const xs: number[] = [], ys: number[] = [];
  let header = true;
  for await (const r of readCsvFile(path.join(dir, TRUTH_DIR, 'mastery.csv'))) {
    if (header) { header = false; continue; }
    const e = est.get(`${r[0]}|${r[1]}`);
    if (e) { xs.push(model.currentMastery(e, referenceDate)); ys.push(Number(r[2])); }
  }
  rows.push({ section: 'kt (synthetic)', metric: 'product mastery vs hidden truth', value: `Pearson r ${fmt(pearson(xs, ys), 3)}`, note: `${xs.length} member×topic pairs; fit ${fmt(fitS)} s, half-life ${fit.params.halfLifeDays} d` });
  return rows;
}
