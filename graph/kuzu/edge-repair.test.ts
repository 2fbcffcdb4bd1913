/**
 * A store that lost the edges of one direction (Kuzu 0.11, after deletes; ./edge-repair.ts): the store's
 * health names the table, and opening the store rebuilds it from the direction that kept more, also after a
 * rebuild stopped part way. The loss is made the way the build before schema version 11 made it: a member
 * leaving a party group by a DELETE of the edge, the last group edge of the first 1,024 members.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld } from '../contract/fixtures';
import { lopsidedProblem, lopsidedRels } from './edge-repair';
import type { KuzuExecutor } from './executor';
import { storeHealth } from './health';
import { KuzuStore } from './kuzu-store';
import { addMembers, checkpointOf, withExecutor, withStore } from './test-stores';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-repair-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Seeded, 1,100 more members in b-1, m-01 and x-1100 in g-1; then m-01's group edge deleted and a checkpoint. */
async function lopsidedStore(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await withStore(dir, async (s) => {
    await seedWorld(s);
  });
  await addMembers(dir, 1100, 'b-1');
  await withExecutor(dir, (ex) => ex.write((tx) => tx.run("MATCH (m:Member {id: 'x-1100'}), (g:`Group` {id: 'g-1'}) CREATE (m)-[:IN_GROUP]->(g)")));
  await checkpointOf(dir);
  await withExecutor(dir, (ex) => ex.write((tx) => tx.run("MATCH (:Member {id: 'm-01'})-[r:IN_GROUP]->() DELETE r")));
  await checkpointOf(dir);
  return dir;
}

const roster = (ex: KuzuExecutor) => ex.read("MATCH (g:`Group` {id: 'g-1'})<-[r:IN_GROUP]-(m:Member) RETURN m.id AS id");
/** Every edge read from the member side (a scan of members first: Kuzu starts at the pattern's first node). */
const fromMembers = (ex: KuzuExecutor) => ex.read('MATCH (m:Member)-[r:IN_GROUP]->(g:`Group`) RETURN m.id AS id, g.id AS groupId');

async function openCollectingWarnings(dir: string): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (w: Error) => {
    if (w.name === 'HongtuStoreRepair') warnings.push(w.message);
  };
  process.on('warning', onWarning);
  const s = new KuzuStore({ dir });
  try {
    await s.init();
    expect((await s.getMembersByIds(['x-1100']))[0]?.groupId).toBe('g-1');
  } finally {
    await s.close();
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
  }
  return warnings;
}

describe('edges lost in one direction', () => {
  it('health names the table, and opening the store rebuilds it from the side that kept more', async () => {
    const dir = await lopsidedStore('lost');
    // Read with a bare executor: opening a KuzuStore would repair.
    await withExecutor(dir, async (ex) => {
      // The loss as Kuzu 0.11 makes it: the group side lost x-1100, the member side kept it.
      expect(await roster(ex)).toEqual([]);
      expect(await fromMembers(ex)).toEqual([{ id: 'x-1100', groupId: 'g-1' }]);
      const lopsided = await ex.readMany((r) => lopsidedRels(r));
      expect(lopsided).toEqual([{ table: 'IN_GROUP', forward: 1, backward: 0 }]);
      const health = await storeHealth(ex);
      expect(health.problems).toContain(lopsidedProblem(lopsided[0]!));
      expect(health.ok).toBe(false);
    });

    const warnings = await openCollectingWarnings(dir);
    expect(warnings).toEqual(['IN_GROUP rebuilt from its source side: 1 edge kept, the other side had 0']);

    await withExecutor(dir, async (ex) => {
      expect(await roster(ex)).toEqual([{ id: 'x-1100' }]);
      expect(await ex.readMany((r) => lopsidedRels(r))).toEqual([]);
      expect((await storeHealth(ex)).problems.filter((p) => p.includes('edges read from'))).toEqual([]);
      const names = (await ex.read('CALL SHOW_TABLES() RETURN name')).map((t) => String(t.name));
      expect(names.filter((n) => n.endsWith('_repair'))).toEqual([]);
    });
    // Nothing left to repair: a second open warns of nothing.
    expect(await openCollectingWarnings(dir)).toEqual([]);
  });

  it('finishes a rebuild stopped part way', async () => {
    const dir = await lopsidedStore('stopped');
    await withExecutor(dir, (ex) =>
      ex.ddl(async (r) => {
        // IN_GROUP copied and dropped, its copy not yet renamed; and a partial copy of COVERS beside its table.
        await r.raw('CREATE REL TABLE IN_GROUP_repair(FROM Member TO `Group`, leftAt INT64)');
        await r.raw('COPY IN_GROUP_repair FROM (MATCH (a:Member)-[r:IN_GROUP]->(b:`Group`) RETURN a.id, b.id, r.leftAt)');
        await r.raw('DROP TABLE IN_GROUP');
        await r.raw('CREATE REL TABLE COVERS_repair(FROM Course TO Topic, weight DOUBLE, source STRING, confidence DOUBLE)');
      }),
    );
    expect(await openCollectingWarnings(dir)).toEqual([]);
    await withExecutor(dir, async (ex) => {
      expect(await roster(ex)).toEqual([{ id: 'x-1100' }]);
      expect(await ex.readMany((r) => lopsidedRels(r))).toEqual([]);
      const names = (await ex.read('CALL SHOW_TABLES() RETURN name')).map((t) => String(t.name));
      expect(names.filter((n) => n.endsWith('_repair'))).toEqual([]);
      expect(names).toContain('COVERS');
    });
  });
});
