/**
 * STUDIED, ANSWERED and HAS_GAP in the forward direction only (./forward-rels.ts): a new store has them so,
 * and migration 10 turns a version-9 store's edges (both directions) into forward-only ones with the same
 * rows, also a page of members at a time and after a run stopped part way. Gaps that end are cleared, not
 * deleted, and survive checkpoints, as do groups members leave; no statement in graph/kuzu deletes one of these edges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld, T0 } from '../contract/fixtures';
import { KuzuExecutor } from './executor';
import { edgeColumns, FORWARD_ONLY_RELS, forwardDdl, storageDirection, V10_FORWARD_RELS, v10ForwardOnlyRels } from './forward-rels';
import type { KuzuStore } from './kuzu-store';
import { SCHEMA_VERSION } from './schema';
import { addMembers, checkpointOf, toVersion11, withExecutor, withStore } from './test-stores';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-fwd-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const NAMES = Object.keys(FORWARD_ONLY_RELS) as (keyof typeof FORWARD_ONLY_RELS)[];

/** A seeded store with events and gaps of several members. */
async function withEdges(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await withStore(dir, async (s) => {
    await seedWorld(s);
    for (const [i, m] of ['m-01', 'm-02', 'm-03', 'm-05'].entries()) {
      await s.recordAnswer({ id: `a-${i}`, memberId: m, questionId: 'q-01', at: T0 + i, correct: i % 2 === 0, seconds: 10 + i });
      await s.recordAnswer({ id: `b-${i}`, memberId: m, questionId: 'q-02', at: T0 + 10 + i, correct: true, seconds: 20 + i });
      await s.recordStudy({ id: `s-${i}`, memberId: m, courseId: 'k-01', at: T0 + i, seconds: 60 * i, progress: 0.25 * i });
      await s.replaceGaps(m, [{ memberId: m, topicId: 'history.founding', severity: 0.5 + i / 10, reasons: [`r${i}`], updatedAt: T0 + i }]);
    }
  });
  return dir;
}

/** Every edge of each table, as rows in a fixed order. */
async function edges(ex: KuzuExecutor): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of NAMES) {
    const rel = FORWARD_ONLY_RELS[name];
    const rows = await ex.read(`MATCH (a:${rel.from})-[r:${name}]->(b:${rel.to}) RETURN a.id AS a, b.id AS b, ${edgeColumns(rel)}`);
    out[name] = rows.map((x) => JSON.stringify(x)).sort();
  }
  return out;
}

/** Back to version 9: the same edges in tables of both directions (the event edges with their ids, as then). */
async function toVersion9(ex: KuzuExecutor): Promise<void> {
  await toVersion11(ex);
  await ex.ddl(async (r) => {
    for (const name of NAMES) {
      const rel = V10_FORWARD_RELS[name];
      const rows = await r.raw(`MATCH (a:${rel.from})-[r:${name}]->(b:${rel.to}) RETURN a.id AS a, b.id AS b, ${edgeColumns(rel)}`);
      await r.raw(`DROP TABLE ${name}`);
      await r.raw(`CREATE REL TABLE ${name}(FROM ${rel.from} TO ${rel.to}, ${rel.props})`);
      const props = edgeColumns(rel)
        .split(', ')
        .map((c) => c.slice(2));
      for (const x of rows) {
        const set = props.map((p) => `${p}: $${p}`).join(', ');
        await r.run(`MATCH (a:${rel.from} {id: $a}), (b:${rel.to} {id: $b}) CREATE (a)-[:${name} {${set}}]->(b)`, {
          a: x.a,
          b: x.b,
          ...Object.fromEntries(props.map((p) => [p, x[`r.${p}`]])),
        });
      }
    }
    await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 9");
  });
}

const directions = (ex: KuzuExecutor) => ex.ddl(async (r) => Promise.all(NAMES.map((n) => storageDirection(r, n))));

describe('forward-only event and gap edges', () => {
  it('a version-9 store opens as version 10 with the same edges, forward only, also after a run stopped part way', async () => {
    const dir = await withEdges('v9');
    const ex = new KuzuExecutor(dir);
    let before: Record<string, unknown[]>;
    try {
      before = await edges(ex);
      expect(before.ANSWERED).toHaveLength(8);
      expect(before.STUDIED).toHaveLength(4);
      expect(before.HAS_GAP).toHaveLength(4);
      expect(await directions(ex)).toEqual(['fwd', 'fwd', 'fwd']);
      await toVersion9(ex);
      expect(await directions(ex)).toEqual(['both', 'both', 'both']);
      expect(await edges(ex)).toEqual(before);
      // A stopped run: ANSWERED's twin holds a partial copy beside the table; STUDIED was copied and dropped
      // before its twin was renamed.
      await ex.ddl(async (r) => {
        await r.raw(forwardDdl('ANSWERED_fwd', V10_FORWARD_RELS.ANSWERED));
        await r.raw("MATCH (a:Member {id: 'm-01'}), (b:Question {id: 'q-01'}) CREATE (a)-[:ANSWERED_fwd {id: 'partial', at: 1, correct: true, seconds: 1}]->(b)");
        await r.raw(forwardDdl('STUDIED_fwd', V10_FORWARD_RELS.STUDIED));
        await r.raw(`COPY STUDIED_fwd FROM (MATCH (a:Member)-[r:STUDIED]->(b:Course) RETURN a.id, b.id, ${edgeColumns(V10_FORWARD_RELS.STUDIED)})`);
        await r.raw('DROP TABLE STUDIED');
      });
    } finally {
      await ex.close();
    }

    await withStore(dir, async (s) => {
      // Written on in the new form, read through the store.
      await s.recordAnswer({ id: 'after', memberId: 'm-04', questionId: 'q-02', at: T0 + 99, correct: false, seconds: 5 });
      const answers = async (m: string) => (await s.getMemberHistory(m, { limit: 50 })).answers.map((a) => a.id).sort();
      expect(await answers('m-04')).toEqual(['after']);
      expect(await answers('m-01')).toEqual(['a-0', 'b-0']);
      expect((await s.getMemberHistory('m-02', { limit: 50 })).studies.map((x) => x.id)).toEqual(['s-1']);
    });
    const check = new KuzuExecutor(dir);
    try {
      expect(await check.read("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version")).toEqual([{ version: SCHEMA_VERSION }]);
      expect(await directions(check)).toEqual(['fwd', 'fwd', 'fwd']);
      const after = await edges(check);
      expect(after.STUDIED).toEqual(before.STUDIED);
      expect(after.HAS_GAP).toEqual(before.HAS_GAP);
      expect(after.ANSWERED).toEqual([...before.ANSWERED, ...(await edgeOf(check, 'm-04'))].sort());
      const names = (await check.read('CALL SHOW_TABLES() RETURN name')).map((t) => String(t.name));
      expect(names.filter((n) => n.endsWith('_fwd'))).toEqual([]);
    } finally {
      await check.close();
    }
  });

  it('copies the same edges a page of members at a time', async () => {
    const dir = await withEdges('pages');
    const ex = new KuzuExecutor(dir);
    try {
      const before = await edges(ex);
      await toVersion9(ex);
      // Five members in pages of two: three pages, the last one short.
      await ex.ddl((r) => v10ForwardOnlyRels(r, 2));
      expect(await directions(ex)).toEqual(['fwd', 'fwd', 'fwd']);
      expect(await edges(ex)).toEqual(before);
    } finally {
      await ex.close();
    }
  });

  it("one member's gaps all cleared: the other members' gaps survive the checkpoints, and a gap can come back", async () => {
    // Kuzu 0.11 loses edges when deletes leave a region (1,024 neighbouring members) of a rel table empty;
    // gaps are cleared instead (outbox.ts writeGaps). Members in two regions: the seeded ones, then 1,100 more.
    const dir = await withEdges('cleared');
    await addMembers(dir, 1100, 'b-1');
    const gap = (m: string, severity: number) => ({ memberId: m, topicId: 'history.founding', severity, reasons: ['r'], updatedAt: T0 });
    const gapsOf = async (s: KuzuStore, m: string) => ((await s.getGapsForMembers([m])).get(m) ?? []).map((g) => g.severity);
    // A CHECKPOINT on the store's own database (executors of one file in a process share it).
    const checkpoint = () => checkpointOf(dir);
    for (let round = 0; round < 2; round++) {
      await withStore(dir, async (s) => {
        if (round === 0) {
          await s.replaceGaps('x-1100', [gap('x-1100', 0.7)]);
          await checkpoint();
          // Every gap of the first region ends (the seeded members').
          for (const m of ['m-01', 'm-02', 'm-03', 'm-05']) await s.replaceGaps(m, []);
          await checkpoint();
        }
        expect(await gapsOf(s, 'x-1100')).toEqual([0.7]);
        expect(await gapsOf(s, 'm-01')).toEqual([]);
        expect((await s.health()).counts.HAS_GAP).toBe(1);
      });
    }
    await withStore(dir, async (s) => {
      await s.replaceGaps('m-01', [gap('m-01', 0.9)]);
      await s.replaceGaps('m-01', [gap('m-01', 0.8)]);
      expect(await gapsOf(s, 'm-01')).toEqual([0.8]);
      expect((await s.health()).counts.HAS_GAP).toBe(2);
    });
    // One edge per member and topic: the cleared one was written over.
    const pairs = await withExecutor(dir, (ex) => ex.read("MATCH (:Member {id: 'm-01'})-[r:HAS_GAP]->(:Topic) RETURN count(r) AS n"));
    expect(pairs).toEqual([{ n: 1 }]);
  });

  it("members leave their party groups: another region's group survives the checkpoints, and a member can come back", async () => {
    // The same Kuzu 0.11 loss as for gaps: leaving a group stamps the IN_GROUP edge (members.ts). m-01 is the
    // only member of the first region in a group; 1,100 more members follow in b-1.
    const dir = await withEdges('groups');
    await addMembers(dir, 1100, 'b-1');
    const checkpoint = () => checkpointOf(dir);
    const groupOf = async (s: KuzuStore, m: string) => (await s.getMembersByIds([m]))[0]?.groupId ?? null;
    // From the group's side: the direction the loss emptied in a table stored both ways.
    const roster = async () => {
      const rows = await withExecutor(dir, (ex) => ex.read("MATCH (g:`Group` {id: 'g-1'})<-[r:IN_GROUP]-(m:Member) WHERE r.leftAt IS NULL RETURN m.id AS id"));
      return rows.map((r) => String(r.id)).sort();
    };
    await withStore(dir, async (s) => {
      await s.updateMember('x-1100', { groupId: 'g-1' });
      await s.updateMember('x-1099', { groupId: 'g-1' });
      await checkpoint();
      await s.updateMember('m-01', { groupId: null });
      await checkpoint();
      expect(await roster()).toEqual(['x-1099', 'x-1100']);
      expect(await groupOf(s, 'x-1100')).toBe('g-1');
      expect(await groupOf(s, 'm-01')).toBe(null);
      // A move leaves the group too.
      await s.moveMember({ id: 't-x1099', memberId: 'x-1099', toBranchId: 'b-2', at: T0 + 5, reason: '转接' });
      await checkpoint();
      expect(await roster()).toEqual(['x-1100']);
      expect(await groupOf(s, 'x-1099')).toBe(null);
      expect((await s.health()).counts.IN_GROUP).toBe(1);
      await s.updateMember('m-01', { groupId: 'g-1' });
      expect(await groupOf(s, 'm-01')).toBe('g-1');
    });
    expect(await roster()).toEqual(['m-01', 'x-1100']);
    // One edge per member and group: the member came back on the stamped one.
    const pairs = await withExecutor(dir, (ex) => ex.read("MATCH (:Member {id: 'm-01'})-[r:IN_GROUP]->() RETURN count(r) AS n"));
    expect(pairs).toEqual([{ n: 1 }]);
  });

  it('no statement in graph/kuzu deletes an event, ledger, gap or group edge', () => {
    const here = path.dirname(new URL(import.meta.url).pathname);
    const deletes = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(here, f), 'utf8')
          .split('\n')
          .filter((line) => /\bDELETE\b/.test(line) && !/^\s*(\/\/|\*)/.test(line))
          .map((line) => `${f}: ${line.trim()}`),
      );
    expect(deletes.length).toBeGreaterThan(10);
    const hits = deletes.filter((d) => [...NAMES, 'IN_GROUP', 'LOGGED'].some((t) => new RegExp(`:${t}\\b`).test(d)));
    expect(hits).toEqual([]);
  });
});

/** The ANSWERED edges of one member. */
async function edgeOf(ex: KuzuExecutor, memberId: string): Promise<unknown[]> {
  const rel = FORWARD_ONLY_RELS.ANSWERED;
  const rows = await ex.read(`MATCH (a:Member {id: $memberId})-[r:ANSWERED]->(b:Question) RETURN a.id AS a, b.id AS b, ${edgeColumns(rel)}`, { memberId });
  return rows.map((x) => JSON.stringify(x));
}
