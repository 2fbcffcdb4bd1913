/**
 * The product's learner model on the generated world (first 5,000 members at medium scale, all at
 * demo): fitted on 80% of members by `hongtu kt fit`'s code, then for the other 20% the AUC of each
 * answer predicted from the events before it, and Pearson r between the product's mastery at the
 * reference date and the generator's hidden mastery (all member × subtopic pairs, and pairs with direct
 * evidence), next to the previous product model (BKT + forgetting). Then the live model's costs: the
 * fit, and the per-event update (fold the member's history and write a row per subtopic; the fold
 * is measured here, the store write in the store section).
 */
import { readSimWorld } from '../../server/learning/simulate/sim-world';
import { evaluateOnWorld } from '../../server/learning/research/world-eval';
import { createProductModel } from '../../server/learning/model/product-model';
import { requiredTopicIds } from '../../server/learning/requirements';
import { HIDDEN_PARAMS } from '../../seeds/generator/hidden-model';
import { fmt, percentile, type BenchRow } from './stats';

export async function benchKt(dir: string, referenceDate: number, scale: 'demo' | 'medium' = 'medium'): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const memberLimit = scale === 'medium' ? 5000 : undefined;
  const world = await readSimWorld(dir, { referenceDate, memberLimit });
  const { model, ...ev } = evaluateOnWorld(world, HIDDEN_PARAMS.forgetting.halfLifeDays);
  const S = 'kt (generated world)';
  const where = `${ev.testMembers} test members (${ev.testAnswers} answers), fitted on ${ev.trainMembers} (${ev.trainAnswers} answers)`;
  rows.push({ section: S, metric: 'learner-model (product) AUC', value: fmt(ev.product.auc, 4), note: where });
  rows.push({ section: S, metric: 'bkt-forget (previous product) AUC', value: fmt(ev.bktForget.auc, 4), note: where });
  rows.push({
    section: S,
    metric: 'product mastery vs hidden truth, all pairs',
    value: `r ${fmt(ev.product.rAll, 3)}`,
    note: `${ev.product.pairsAll} member × subtopic pairs; bkt-forget r ${fmt(ev.bktForget.rAll, 3)}`,
  });
  rows.push({
    section: S,
    metric: 'product mastery vs hidden truth, pairs with evidence',
    value: `r ${fmt(ev.product.rEvidence, 3)}`,
    note: `${ev.product.pairsEvidence} pairs answered or studied (tag ≥ 0.5); bkt-forget r ${fmt(ev.bktForget.rEvidence, 3)}`,
  });
  rows.push({
    section: S,
    metric: 'fitted forgetting half-life',
    value: ev.halfLifeDays === null ? 'none' : `${ev.halfLifeDays} d`,
    note: `hidden half-life ${ev.trueHalfLifeDays} d; held-out log-likelihood per candidate: ${ev.halfLifeScores.map((s) => `${s.halfLifeDays ?? '∞'}:${fmt(s.logLikelihood, 5)}`).join(' ')}`,
  });
  rows.push({ section: S, metric: 'fit (all half-life candidates + trees)', value: `${fmt(ev.fitSeconds, 1)} s`, note: `${ev.trainAnswers} answers, one run` });
  // Per-event update: fold a member's whole history (as the server does after each event).
  const product = createProductModel(model.params, requiredTopicIds());
  const sampleMembers = world.members.filter((m) => m.answers.length + m.studies.length > 0).slice(0, 300);
  const times: number[] = [];
  for (const m of sampleMembers.slice(0, 20)) product.rowsFromHistory(m, world.view, m);
  for (const m of sampleMembers) {
    const t0 = performance.now();
    product.rowsFromHistory(m, world.view, m);
    times.push(performance.now() - t0);
  }
  const events = sampleMembers.map((m) => m.answers.length + m.studies.length).sort((a, b) => a - b);
  rows.push({
    section: S,
    metric: 'update: fold history → rows (per event)',
    value: `p50 ${fmt(percentile(times, 50))} ms`,
    note: `p90 ${fmt(percentile(times, 90))} ms, max ${fmt(Math.max(...times))} ms; n=${times.length} members, median ${events[events.length >> 1]} events each`,
  });
  return rows;
}
