/**
 * The placement quiz on a generated world, against the hidden truth: each member answers with the
 * hidden model's P(right) (hidden mastery, difficulty, guess); correlation (Pearson r over every
 * member × subtopic pair) between the quiz's P(known) and hidden mastery, for the adaptive quiz (≤ 20
 * questions), a fixed random 20-question quiz through the same belief update, and the product's
 * estimate after the member's whole history. Research code: it reads the hidden truth.
 */
import { pCorrect } from '../../../seeds/generator/hidden-model';
import type { MasteryModel } from '../mastery-model';
import { LOW_UNCERTAINTY, PLACEMENT_BUDGET, PlacementBelief, type PlacementAnswer, type PlacementSettings } from '../diagnostic/placement';
import type { SimMember, SimWorld } from '../simulate/sim-world';
import { pearson } from './world-eval';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlacementEvaluation {
  members: number;
  pairs: number;
  adaptive: { r: number; meanQuestions: number };
  random: { r: number; questions: number };
  history: { r: number };
}

export function evaluatePlacement(world: SimWorld, model: MasteryModel, members: SimMember[], seed = 1, settings?: Partial<PlacementSettings>): PlacementEvaluation {
  const v = world.view;
  model.useView?.(v);
  const answerAs =
    (m: SimMember, r: () => number) =>
    (questionId: string): PlacementAnswer => {
      const q = v.questionById.get(questionId)!;
      const tags = v.questionTopics.get(questionId) ?? [];
      const den = tags.reduce((s, t) => s + t.weight, 0) || 1;
      const mm = tags.reduce((s, t) => s + t.weight * (m.hidden.get(t.topicId) ?? 0), 0) / den;
      return { questionId, correct: r() < pCorrect(mm, q.difficulty, 1 / Math.max(2, q.options.length)) };
    };
  const ax: number[] = [],
    rx: number[] = [],
    hx: number[] = [],
    ys: number[] = [];
  let askedTotal = 0;
  const pool = [...v.questionById.keys()].filter((id) => v.questionTopics.get(id)?.length).sort();
  members.forEach((m, i) => {
    const prior = (t: string) => model.currentMastery(undefined, world.referenceDate, t, m.stage);
    const r = rng(seed * 7919 + i);
    const answer = answerAs(m, r);
    // The quiz as placementStep runs it, kept incrementally (placementStep replays every answer each step).
    const adaptive = new PlacementBelief(v, prior, settings);
    const asked = new Set<string>();
    while (asked.size < PLACEMENT_BUDGET && adaptive.uncertainty() >= LOW_UNCERTAINTY) {
      const next = adaptive.nextQuestion(asked);
      if (!next) break;
      asked.add(next.id);
      adaptive.observe(answer(next.id));
    }
    askedTotal += asked.size;
    const fixed = new PlacementBelief(v, prior, settings);
    const picked = new Set<string>();
    while (picked.size < Math.min(PLACEMENT_BUDGET, pool.length)) picked.add(pool[Math.floor(r() * pool.length)]);
    for (const id of picked) fixed.observe(answer(id));
    const rows = model.rowsFromHistory(m, v, m);
    for (const t of v.leaves) {
      const h = m.hidden.get(t.id);
      if (h === undefined) continue;
      ys.push(h);
      ax.push(adaptive.known.get(t.id)!);
      rx.push(fixed.known.get(t.id)!);
      hx.push(model.currentMastery(rows.get(t.id), world.referenceDate, t.id, m.stage));
    }
  });
  return {
    members: members.length,
    pairs: ys.length,
    adaptive: { r: pearson(ax, ys), meanQuestions: askedTotal / Math.max(1, members.length) },
    random: { r: pearson(rx, ys), questions: PLACEMENT_BUDGET },
    history: { r: pearson(hx, ys) },
  };
}
