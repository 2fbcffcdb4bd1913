/**
 * Claimed gaps against the generator's hidden truth: for each member, the product's gaps computed as
 * the server computes them (stored estimates faded to the reference date, the last answers per topic,
 * the topics studied, the branch's recent meeting topics), compared on the stage's required topics with
 * "hidden mastery below the stage's target for the topic". Precision = claimed gaps that are truly
 * below target; recall = truly-below-target required topics that are claimed; plus the share of
 * required topics left "not yet assessed". Research code: it reads the hidden truth.
 */
import { answerEvidence, assessGaps, studiedTopics } from '../gaps/compute-gaps';
import type { MasteryModel } from '../mastery-model';
import { rollUpMastery } from '../model/roll-up';
import { requirementOf } from '../requirements';
import type { SimMember, SimWorld } from '../simulate/sim-world';

export interface GapEvaluation {
  members: number;
  /** (member, required topic) pairs judged. */
  pairs: number;
  truePairs: number;
  claimed: number;
  truePositives: number;
  precision: number;
  recall: number;
  notAssessed: number;
  /** Precision among claimed gaps with severity ≥ 0.5 and below. */
  byBand: { band: string; claimed: number; precision: number }[];
}

export function memberAssessment(world: SimWorld, model: MasteryModel, m: SimMember) {
  const v = world.view,
    now = world.referenceDate;
  const rows = model.rowsFromHistory(m, v, m);
  const leaf = new Map(v.leaves.map((t) => [t.id, model.currentMastery(rows.get(t.id), now, t.id, m.stage)]));
  const rolled = rollUpMastery([...v.topics.values()], leaf, model.currentMastery(undefined, now));
  const masteryOf = (id: string) => rolled.get(id) ?? model.currentMastery(undefined, now, id, m.stage);
  return assessGaps({
    member: m,
    view: v,
    now,
    masteryOf,
    areaMasteryOf: masteryOf,
    evidence: answerEvidence(v, m.answers),
    studied: studiedTopics(v, m.studies),
    storedOf: (id) => rows.get(id)?.p,
    branchTopics: world.branchTopics.get(m.branchId) ?? new Map(),
    planPrerequisites: new Map(),
  });
}

export function evaluateGaps(world: SimWorld, model: MasteryModel, members: SimMember[]): GapEvaluation {
  let pairs = 0,
    truePairs = 0,
    claimed = 0,
    tp = 0,
    notAssessed = 0;
  const bands = new Map<string, { claimed: number; tp: number }>([
    ['≥ 0.5', { claimed: 0, tp: 0 }],
    ['< 0.5', { claimed: 0, tp: 0 }],
  ]);
  for (const m of members) {
    const a = memberAssessment(world, model, m);
    const gaps = new Map(a.gaps.map((g) => [g.topicId, g]));
    const open = new Set(a.notAssessed.map((n) => n.topicId));
    for (const r of requirementOf(m.stage).topics) {
      const h = m.hidden.get(r.topicId);
      if (h === undefined) continue;
      pairs++;
      const truth = h < r.target;
      if (truth) truePairs++;
      if (open.has(r.topicId)) notAssessed++;
      const g = gaps.get(r.topicId);
      if (!g) continue;
      claimed++;
      if (truth) tp++;
      const b = bands.get(g.severity >= 0.5 ? '≥ 0.5' : '< 0.5')!;
      b.claimed++;
      if (truth) b.tp++;
    }
  }
  return {
    members: members.length,
    pairs,
    truePairs,
    claimed,
    truePositives: tp,
    precision: claimed ? tp / claimed : NaN,
    recall: truePairs ? tp / truePairs : NaN,
    notAssessed,
    byBand: [...bands].map(([band, b]) => ({ band, claimed: b.claimed, precision: b.claimed ? b.tp / b.claimed : NaN })),
  };
}
