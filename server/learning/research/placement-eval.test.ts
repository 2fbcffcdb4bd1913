/**
 * The placement quiz on a generated demo world (300 members, the hand-written curriculum), scored against
 * the generator's hidden mastery over every member × subtopic pair: the adaptive quiz asks at most 20
 * questions and its estimate correlates better with the truth than the same belief after 20 random
 * questions. The world's seed is one the quiz's settings were not chosen on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../seeds/generator/generate';
import { REFERENCE_DATE } from '../../../seeds/generator/scales';
import { createProductModel } from '../model/product-model';
import { requiredTopicIds } from '../requirements';
import { readSimWorld, type SimWorld } from '../simulate/sim-world';
import { evaluatePlacement, type PlacementEvaluation } from './placement-eval';

let dir: string;
let world: SimWorld;
let ev: PlacementEvaluation;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-placement-'));
  const g = await generateWorld({ scale: 'demo', outDir: path.join(dir, 'world'), seed: 22 });
  world = await readSimWorld(g.dir, { referenceDate: REFERENCE_DATE });
  ev = evaluatePlacement(world, createProductModel(null, requiredTopicIds()), world.members, 1);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('placement quiz on the generated world', () => {
  it('scores every member × subtopic pair with at most 20 questions a member', () => {
    expect(ev.members).toBe(world.members.length);
    expect(ev.pairs).toBe(world.members.length * world.view.leaves.length);
    expect(ev.adaptive.meanQuestions).toBeGreaterThan(0);
    expect(ev.adaptive.meanQuestions).toBeLessThanOrEqual(20);
    expect(ev.random.questions).toBe(20);
  });

  it('the adaptive quiz tracks hidden mastery better than 20 random questions through the same belief', () => {
    expect(ev.adaptive.r).toBeGreaterThan(ev.random.r);
    expect(ev.random.r).toBeGreaterThan(0);
  });
});
