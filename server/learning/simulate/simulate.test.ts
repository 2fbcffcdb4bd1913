/**
 * The offline evaluation at demo scale, five policies on the same 300 members: the recommender gains
 * more hidden mastery on what the stage requires than the stage-blind baselines; the stage-aware
 * baselines keep to the prerequisite order. The full table (including where the recommender loses)
 * is reported by the bench and LEARNER.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../seeds/generator/index';
import { runRecommendationSimulation, type SimulationRow } from './run-simulation';

let dir: string;
let rows: Map<string, SimulationRow>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-sim-'));
  const world = await generateWorld({ scale: 'demo', outDir: path.join(dir, 'demo') });
  const result = await runRecommendationSimulation({ dir: world.dir, weeks: 8, minutesPerWeek: 60 });
  rows = new Map(result.map((r) => [r.policy, r]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recommendation simulation (demo scale, 8 weeks × 60 minutes)', () => {
  it('covers every member with hidden truth under each policy, within the same budget', () => {
    expect([...rows.keys()]).toEqual(['recommender', 'random', 'popularity', 'stage-random', 'stage-popularity']);
    for (const r of rows.values()) {
      expect(r.members).toBe(300);
      expect(r.studiesPerMember).toBeGreaterThan(8);
      expect(r.targetsMetAfter).toBeGreaterThanOrEqual(r.targetsMetBefore);
      expect(r.gainAll).toBeGreaterThan(0);
    }
  });

  it('recommendations beat the stage-blind baselines on hidden mastery of the required topics', () => {
    const rec = rows.get('recommender')!;
    expect(rec.gainRequired).toBeGreaterThan(rows.get('random')!.gainRequired * 1.5);
    expect(rec.gainRequired).toBeGreaterThan(rows.get('popularity')!.gainRequired);
    expect(rec.targetsMetAfter).toBeGreaterThan(rows.get('random')!.targetsMetAfter);
  });

  it('stage-aware baselines follow the prerequisite order: fewer studies begin while the hidden prerequisites are unready', () => {
    for (const p of ['stage-random', 'stage-popularity'] as const) {
      expect(rows.get(p)!.prereqViolationRate).toBeLessThan(rows.get('random')!.prereqViolationRate);
      expect(rows.get(p)!.gainRequired).toBeGreaterThan(rows.get('random')!.gainRequired);
    }
  });
});
