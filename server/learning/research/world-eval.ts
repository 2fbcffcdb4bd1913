/**
 * The product's learner model on a generated world, scored against the generator's hidden truth:
 * fit on 80% of members (`hongtu kt fit`'s code), then for the other 20%
 *  - AUC of each answer predicted from the events before it (the server's replay);
 *  - Pearson r between the product's mastery at the world's reference date (as a stored estimate,
 *    faded between the last event and the reference date exactly as on read) and hidden mastery,
 *    over every (member, subtopic) pair and over pairs with direct evidence;
 *  - the same for the previous product model (BKT with forgetting) as a baseline.
 * Research code: it reads truth/, which nothing in the product may read.
 */
import { stageRequirements } from '../../../seeds/curriculum/requirements';
import type { MemberStage } from '../../../graph';
import { MEMBER_STAGES } from '../../../graph';
import { computeMetrics } from './metrics';
import { fitLearnerModel, predictMembers, type FitOptions, type LearnerModel, type MemberEvents } from '../model/learner-model';
import { eventsFromHistory, topicInfoFromView } from '../model/history-events';
import type { TopicInfo } from '../model/features';
import type { SimMember, SimWorld } from '../simulate/sim-world';
import { createBktMasteryModel, replayBkt } from './bkt-mastery';
import { fitMasteryParams, type AnswerRow } from './fit-mastery';

export const isTestMember = (id: string) => Number(id.replace(/\D/g, '')) % 5 === 0;

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 2) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n,
    my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function requiredTopicIds(): Partial<Record<MemberStage, string[]>> {
  return Object.fromEntries(MEMBER_STAGES.map((s) => [s, stageRequirements[s].topics.map((t) => t.topicId)]));
}

export function worldTopicInfo(world: SimWorld): Map<string, TopicInfo> {
  return topicInfoFromView(world.view, requiredTopicIds());
}

export function memberEvents(world: SimWorld, m: SimMember): MemberEvents {
  return { id: m.id, ctx: { stage: m.stage }, events: eventsFromHistory(world.view, m) };
}

/**
 * Mastery of every subtopic at `now` the way the product reads it: the estimate stored after the
 * member's last event, faded to `now`; a member without any event reads the stage prior.
 */
export function productMastery(model: LearnerModel, me: MemberEvents, topics: string[], now: number): Map<string, number> {
  const st = model.replay(me.events);
  const out = new Map<string, number>();
  for (const t of topics) {
    if (!me.events.length) {
      out.set(t, model.priorMastery(t, me.ctx));
      continue;
    }
    const at = Number.isFinite(st.at) ? st.at : now;
    out.set(t, model.fadeTowardsPrior(model.masteryAt(st, me.ctx, t, at), model.priorMastery(t), at, now));
  }
  return out;
}

export interface WorldEvaluation {
  trainMembers: number;
  testMembers: number;
  trainAnswers: number;
  testAnswers: number;
  halfLifeDays: number | null;
  halfLifeScores: { halfLifeDays: number | null; logLikelihood: number }[];
  fitSeconds: number;
  product: { auc: number; rAll: number; rEvidence: number; pairsAll: number; pairsEvidence: number };
  bktForget: { auc: number; rAll: number; rEvidence: number; halfLifeDays: number };
  /** Hidden forgetting half-life of the world (days). */
  trueHalfLifeDays: number;
}

export function evaluateOnWorld(world: SimWorld, trueHalfLifeDays: number, opts: FitOptions = {}): WorldEvaluation & { model: LearnerModel } {
  const info = worldTopicInfo(world);
  const all = world.members.map((m) => ({ m, me: memberEvents(world, m) }));
  const train = all.filter((x) => !isTestMember(x.m.id));
  const test = all.filter((x) => isTestMember(x.m.id));
  const fit = fitLearnerModel(
    train.map((x) => x.me),
    info,
    opts,
  );
  const model = fit.model;
  const pred = predictMembers(
    model,
    test.map((x) => x.me),
  );
  const topics = world.view.leaves.map((t) => t.id);
  const xs: number[] = [],
    ys: number[] = [],
    xe: number[] = [],
    ye: number[] = [];
  for (const { m, me } of test) {
    const est = productMastery(model, me, topics, world.referenceDate);
    const touched = new Set(me.events.flatMap((e) => e.topics.filter((t) => t.weight >= 0.5).map((t) => t.topicId)));
    for (const t of topics) {
      const h = m.hidden.get(t);
      if (h === undefined) continue;
      xs.push(est.get(t)!);
      ys.push(h);
      if (touched.has(t)) {
        xe.push(est.get(t)!);
        ye.push(h);
      }
    }
  }
  // The previous product model: BKT + forgetting per (member, main topic), as it was fitted and run.
  const rowsOf = (list: typeof all): AnswerRow[] =>
    list
      .flatMap(({ m }) =>
        m.answers
          .map((a) => {
            const q = world.view.questionTopics.get(a.questionId)?.[0];
            return q ? { memberId: m.id, topicId: q.topicId, at: a.at, correct: a.correct, difficulty: world.view.questionById.get(a.questionId)!.difficulty } : null;
          })
          .filter((x): x is AnswerRow => x !== null),
      )
      .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.at - b.at));
  const bktFit = fitMasteryParams(rowsOf(train));
  const bkt = createBktMasteryModel(bktFit.params);
  const bp: number[] = [],
    by: number[] = [];
  for (const r of seqByMemberTopic(rowsOf(test))) {
    let row: import('../../../graph').Mastery | undefined;
    for (const a of r) {
      bp.push(bkt.predictCorrect(bkt.currentMastery(row, a.at), a.difficulty));
      by.push(a.correct ? 1 : 0);
      [row] = bkt.observeAnswer(a.memberId, new Map(row ? [[a.topicId, row]] : []), {
        at: a.at,
        correct: a.correct,
        difficulty: a.difficulty,
        topics: [{ topicId: a.topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
      });
    }
  }
  const bx: number[] = [],
    bty: number[] = [],
    bxe: number[] = [],
    bye: number[] = [];
  for (const { m } of test) {
    const rows = replayBkt(bkt, world.view, m);
    for (const t of topics) {
      const h = m.hidden.get(t);
      if (h === undefined) continue;
      const v = bkt.currentMastery(rows.get(t), world.referenceDate);
      bx.push(v);
      bty.push(h);
      if (rows.has(t)) {
        bxe.push(v);
        bye.push(h);
      }
    }
  }
  return {
    model,
    trainMembers: train.length,
    testMembers: test.length,
    trainAnswers: fit.answers,
    testAnswers: pred.p.length,
    halfLifeDays: model.halfLifeDays,
    halfLifeScores: fit.halfLifeScores,
    fitSeconds: fit.seconds,
    product: { auc: computeMetrics(pred.p, pred.y).auc, rAll: pearson(xs, ys), rEvidence: pearson(xe, ye), pairsAll: xs.length, pairsEvidence: xe.length },
    bktForget: { auc: computeMetrics(bp, by).auc, rAll: pearson(bx, bty), rEvidence: pearson(bxe, bye), halfLifeDays: bktFit.params.halfLifeDays },
    trueHalfLifeDays,
  };
}

function seqByMemberTopic(rows: AnswerRow[]): AnswerRow[][] {
  const by = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const k = `${r.memberId}\u0000${r.topicId}`;
    const l = by.get(k);
    if (l) l.push(r);
    else by.set(k, [r]);
  }
  return [...by.values()];
}
