/**
 * The product's learner model on the generator's world (hidden truth known): fitted on 80% of the
 * members with `hongtu kt fit`'s code, it predicts the other members' answers better than the
 * previous product model (BKT with forgetting), its mastery follows the hidden mastery (Pearson r),
 * and it finds a finite forgetting half-life (the world forgets with a 540-day half-life).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../seeds/generator/generate';
import { REFERENCE_DATE } from '../../../seeds/generator/scales';
import { HIDDEN_PARAMS } from '../../../seeds/generator/hidden-model';
import { readSimWorld } from '../simulate/sim-world';
import { evaluateOnWorld, type WorldEvaluation } from '../research/world-eval';
import type { LearnerModel } from './learner-model';
import { compact } from './params-file';
import { createProductModel } from './product-model';
import { requiredTopicIds } from '../requirements';

let dir: string;
let ev: WorldEvaluation & { model: LearnerModel };
let world: Awaited<ReturnType<typeof readSimWorld>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-learner-'));
  const g = await generateWorld({
    scale: { name: 'demo', committees: 2, branches: 20, members: 1000, answers: 60_000, studies: 10_000, weakBranchShare: 0.15 },
    outDir: path.join(dir, 'world'),
  });
  world = await readSimWorld(g.dir, { referenceDate: REFERENCE_DATE });
  ev = evaluateOnWorld(world, HIDDEN_PARAMS.forgetting.halfLifeDays);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('learner model on the generated world (1,000 members, ~60k answers)', () => {
  it('predicts held-out answers better than BKT with forgetting', () => {
    expect(ev.testMembers).toBe(200);
    expect(ev.testAnswers).toBeGreaterThan(5000);
    expect(ev.product.auc).toBeGreaterThan(ev.bktForget.auc + 0.03);
  });

  it('tracks hidden mastery: r ≥ 0.6 over every member × subtopic pair, far above BKT', () => {
    expect(ev.product.pairsAll).toBe(200 * world.view.leaves.length);
    expect(ev.product.rAll).toBeGreaterThanOrEqual(0.6);
    expect(ev.product.rEvidence).toBeGreaterThanOrEqual(0.6);
    expect(ev.product.rAll).toBeGreaterThan(ev.bktForget.rAll + 0.2);
  });

  it('finds a finite forgetting half-life, chosen by held-out likelihood over the candidates', () => {
    expect(ev.halfLifeDays).not.toBeNull();
    const best = Math.max(...ev.halfLifeScores.map((s) => s.logLikelihood));
    expect(ev.halfLifeScores.find((s) => s.halfLifeDays === ev.halfLifeDays)!.logLikelihood).toBe(best);
    expect(ev.halfLifeScores.find((s) => s.halfLifeDays === null)!.logLikelihood).toBeLessThan(best);
  });

  it('fades a stored estimate towards the prior at the fitted rate, and lists the evidence that moved each topic', () => {
    const product = createProductModel(compact(ev.model.params), requiredTopicIds());
    const m = world.members.find((x) => x.answers.length >= 10)!;
    const rows = product.rowsFromHistory(m, world.view, m);
    expect(rows.size).toBe(world.view.leaves.length);
    const [topicId, row] = [...rows].find(([, r]) => Math.abs(r.p - product.currentMastery(undefined, 0, r.topicId)) > 0.05)!;
    const prior = product.modelFor(world.view).priorMastery(topicId);
    const later = product.currentMastery(row, row.updatedAt + ev.halfLifeDays! * 86_400_000, topicId, m.stage);
    expect(later - prior).toBeCloseTo((row.p - prior) / 2, 3);
    const evidence = product.explain(m, world.view, m);
    const answered = world.view.questionTopics.get(m.answers[0].questionId)![0].topicId;
    const list = evidence.get(answered)!;
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].at).toBeGreaterThanOrEqual(list[list.length - 1].at);
    const newest = list.find((e) => e.kind === 'ANSWER')!;
    expect(newest.delta > 0).toBe(newest.correct);
  });
});
