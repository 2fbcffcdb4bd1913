/**
 * The offline evaluation at demo scale: members who follow the recommendations for 8 weeks gain more
 * hidden mastery on what their stage requires than members who study at random or by popularity,
 * and start far fewer courses ahead of their (hidden) prerequisites.
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
    expect([...rows.keys()]).toEqual(['recommender', 'random', 'popularity']);
    for (const r of rows.values()) {
      expect(r.members).toBe(300);
      expect(r.studiesPerMember).toBeGreaterThan(8);
      expect(r.targetsMetAfter).toBeGreaterThanOrEqual(r.targetsMetBefore);
    }
  });

  it('recommendations beat random and popularity on hidden mastery of the required topics', () => {
    const rec = rows.get('recommender')!;
    expect(rec.gainRequired).toBeGreaterThan(rows.get('random')!.gainRequired * 1.5);
    expect(rec.gainRequired).toBeGreaterThan(rows.get('popularity')!.gainRequired);
    expect(rec.targetsMetAfter).toBeGreaterThan(rows.get('random')!.targetsMetAfter);
  });

  it('recommendations rarely start a course ahead of its prerequisites', () => {
    const rec = rows.get('recommender')!;
    expect(rec.prereqViolationRate).toBeLessThan(rows.get('random')!.prereqViolationRate / 3);
    expect(rec.prereqViolationRate).toBeLessThan(rows.get('popularity')!.prereqViolationRate / 3);
  });
});
