/**
 * Mastery as one MasteryState node per member (./mastery-state.ts): the statements one member at a time
 * and over many members keep the same rows, a partial upsert keeps a member's other topics, and
 * migration 9 moves the MASTERY edges of a version-8 store into the nodes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld, T0 } from '../contract/fixtures';
import type { Mastery } from '../model';
import { KuzuExecutor } from './executor';
import { KuzuStore } from './kuzu-store';
import { LearnerQueries } from './learner';
import { writeMastery } from './mastery-state';
import { SCHEMA_VERSION } from './schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-mastery-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const row = (memberId: string, topicId: string, p: number, updatedAt = T0): Mastery => ({ memberId, topicId, p, updatedAt });

async function seeded(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  const s = new KuzuStore({ dir });
  await s.init();
  await seedWorld(s);
  await s.close();
  return dir;
}

describe('MasteryState', () => {
  it('keeps the same rows whether members are written one by one or in statements over all of them', async () => {
    const dir = await seeded('forms');
    const ex = new KuzuExecutor(dir);
    try {
      const q = new LearnerQueries(ex);
      for (const oneByOne of [0, 32]) {
        const [a, b] = oneByOne ? ['m-03', 'm-04'] : ['m-01', 'm-02'];
        // A whole number before fractions (the list must not be typed INT64 by its first element).
        await ex.write((tx) =>
          writeMastery(tx, [row(a, 'history.founding', 1), row(a, 'constitution.duties', 0.4), row(a, 'constitution.rights', 0.2), row(b, 'history.founding', 0)], oneByOne),
        );
        // Created above; now updated: one topic replaced, one added, the last row per topic winning (lists of
        // different lengths in one statement, so rows mixed between members would show).
        await ex.write((tx) =>
          writeMastery(tx, [row(a, 'constitution.duties', 0.5, T0 + 1), row(a, 'constitution.duties', 0.65, T0 + 2), row(b, 'constitution.rights', 0.125, T0 + 3)], oneByOne),
        );
        const got = await q.getMasteryForMembers([a, b]);
        expect(got.get(a)).toEqual([row(a, 'constitution.duties', 0.65, T0 + 2), row(a, 'constitution.rights', 0.2), row(a, 'history.founding', 1)]);
        expect(got.get(b)).toEqual([row(b, 'constitution.rights', 0.125, T0 + 3), row(b, 'history.founding', 0)]);
      }
      // The one-statement read of a member's learner rows carries the same mastery.
      expect((await q.getLearnerRows('m-01')).mastery).toEqual([
        row('m-01', 'constitution.duties', 0.65, T0 + 2),
        row('m-01', 'constitution.rights', 0.2),
        row('m-01', 'history.founding', 1),
      ]);
      expect(await ex.read('MATCH (s:MasteryState) RETURN count(*) AS n')).toEqual([{ n: 4 }]);
    } finally {
      await ex.close();
    }
  });

  it('moves the MASTERY edges of a version-8 store into one node per member', async () => {
    const dir = await seeded('v8');
    // Back to version 8: mastery as MASTERY edges.
    const ex = new KuzuExecutor(dir);
    await ex.ddl(async (r) => {
      await r.raw('DROP TABLE MasteryState');
      await r.raw('CREATE REL TABLE MASTERY(FROM Member TO Topic, p DOUBLE, updatedAt INT64)');
      for (const [m, t, p, at] of [
        ['m-01', 'history.founding', 1, T0],
        ['m-01', 'constitution.duties', 0.4, T0 + 5],
        ['m-02', 'constitution.rights', 0.3333, T0 + 7],
      ] as const)
        await r.run('MATCH (m:Member {id: $m}), (t:Topic {id: $t}) CREATE (m)-[:MASTERY {p: $p, updatedAt: $at}]->(t)', { m, t, p, at });
      await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 8");
    });
    await ex.close();

    const s = new KuzuStore({ dir });
    try {
      await s.init();
      const got = await s.getMasteryForMembers(['m-01', 'm-02', 'm-03']);
      expect(got.get('m-01')).toEqual([row('m-01', 'constitution.duties', 0.4, T0 + 5), row('m-01', 'history.founding', 1)]);
      expect(got.get('m-02')).toEqual([row('m-02', 'constitution.rights', 0.3333, T0 + 7)]);
      expect(got.get('m-03')).toEqual([]);
      // Written from here on in the new form.
      await s.upsertMastery([row('m-02', 'history.founding', 0.9, T0 + 9)]);
      expect((await s.getMasteryForMembers(['m-02'])).get('m-02')).toEqual([row('m-02', 'constitution.rights', 0.3333, T0 + 7), row('m-02', 'history.founding', 0.9, T0 + 9)]);
    } finally {
      await s.close();
    }
    const check = new KuzuExecutor(dir);
    try {
      expect(await check.read("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version")).toEqual([{ version: SCHEMA_VERSION }]);
      expect((await check.read('CALL SHOW_TABLES() RETURN name')).map((t) => t.name)).not.toContain('MASTERY');
    } finally {
      await check.close();
    }
  });
});
