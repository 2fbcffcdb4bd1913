/**
 * The event ledger (./event-ledger.ts): a new store writes each event as a ledger row reached by LOGGED and an
 * edge without an id; migration 12 brings a version-11 store there with the same histories, export and replays,
 * also after a run stopped part way at each of its steps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld, T0 } from '../contract/fixtures';
import type { MemberHistory } from '../model';
import { V12_STEPS } from './event-ledger';
import { columnsOf, edgeColumns, FORWARD_ONLY_RELS, forwardDdl } from './forward-rels';
import type { KuzuStore } from './kuzu-store';
import { SCHEMA_VERSION } from './schema';
import { toVersion11, withExecutor, withStore } from './test-stores';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-ledger-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const MEMBERS = ['m-01', 'm-02', 'm-03', 'm-05'];

/** A seeded store with answers and studies of several members, some at the same time (ties ordered by id). */
async function withEvents(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await withStore(dir, async (s) => {
    await seedWorld(s);
    for (const [i, m] of MEMBERS.entries()) {
      await s.recordAnswer({ id: `a-${i}`, memberId: m, questionId: 'q-01', at: T0 + i, correct: i % 2 === 0, seconds: 10 + i });
      await s.recordAnswer({ id: `b-${i}`, memberId: m, questionId: 'q-02', at: T0 + i, correct: true, seconds: 20 + i });
      await s.recordStudy({ id: `s-${i}`, memberId: m, courseId: 'k-01', at: T0 + i, seconds: 60 * i, progress: 0.25 * i });
    }
  });
  return dir;
}

const histories = async (s: KuzuStore): Promise<MemberHistory[]> => Promise.all(MEMBERS.map((m) => s.getMemberHistory(m, { limit: 10 })));

/** What a migrated store must still give: histories, the export's event files, and replays told from reuses. */
async function observe(dir: string): Promise<{ histories: MemberHistory[]; files: Record<string, string> }> {
  const out = path.join(tmp, `${path.basename(dir)}-export-${Math.random().toString(36).slice(2)}`);
  return withStore(dir, async (s) => {
    await s.exportBulk(out);
    const files = Object.fromEntries(['STUDIED', 'ANSWERED'].map((t) => [t, sortedLines(path.join(out, `${t}.csv`))]));
    fs.rmSync(out, { recursive: true, force: true });
    return { histories: await histories(s), files };
  });
}

const sortedLines = (file: string): string => fs.readFileSync(file, 'utf8').trim().split('\n').sort().join('\n');

async function tables(dir: string): Promise<string[]> {
  return withExecutor(dir, async (ex) => (await ex.read('CALL SHOW_TABLES() RETURN name')).map((t) => String(t.name)).sort());
}

/** The store's layout: version, edge columns, and ledger rows against LOGGED edges. */
async function layout(dir: string) {
  return withExecutor(dir, (ex) =>
    ex.ddl(async (r) => ({
      version: Number((await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS v"))[0].v),
      answered: await columnsOf(r, 'ANSWERED'),
      studied: await columnsOf(r, 'STUDIED'),
      ledger: Number((await r.raw('MATCH (k:EventKey) RETURN count(k) AS n'))[0].n),
      logged: Number((await r.raw('MATCH (:Member)-[l:LOGGED]->(:EventKey) RETURN count(l) AS n'))[0].n),
    })),
  );
}

describe('the event ledger', () => {
  it('a new store keeps ids in the ledger, none on the edges, one LOGGED edge per event', async () => {
    const dir = await withEvents('new');
    expect(await layout(dir)).toEqual({ version: SCHEMA_VERSION, answered: ['at', 'correct', 'seconds'], studied: ['at', 'seconds', 'progress'], ledger: 12, logged: 12 });
    const { histories: h } = await observe(dir);
    // Ties in time are ordered by id, newest first.
    expect(h[1].answers.map((a) => a.id)).toEqual(['b-1', 'a-1']);
    expect(h[2].studies).toEqual([{ id: 's-2', memberId: 'm-03', courseId: 'k-01', at: T0 + 2, seconds: 120, progress: 0.5 }]);
    expect(h[2].answers[1]).toEqual({ id: 'a-2', memberId: 'm-03', questionId: 'q-01', at: T0 + 2, correct: true, seconds: 12 });
  });

  const stops: [string, (dir: string) => Promise<void>][] = [
    [
      'the ledger copy stopped part way',
      (dir) =>
        withExecutor(dir, (ex) =>
          ex.ddl(async (r) => {
            await r.raw('CREATE NODE TABLE EventKey_v12(key STRING PRIMARY KEY, memberId STRING, targetId STRING, at INT64, correct BOOLEAN, seconds INT64, progress DOUBLE)');
            await r.raw("CREATE (:EventKey_v12 {key: 'A:partial', memberId: 'm-01', targetId: 'q-01', at: 1})");
          }),
        ),
    ],
    [
      'the ledger done, LOGGED part way, STUDIED copied and dropped',
      (dir) =>
        withExecutor(dir, (ex) =>
          ex.ddl(async (r) => {
            await V12_STEPS.ledger(r);
            await r.raw("CREATE REL TABLE LOGGED_v12(FROM Member TO EventKey) WITH (storage_direction = 'fwd')");
            await r.raw("MATCH (m:Member {id: 'm-01'}), (k:EventKey {key: 'A:a-0'}) CREATE (m)-[:LOGGED_v12]->(k)");
            await r.raw(forwardDdl('STUDIED_v12', FORWARD_ONLY_RELS.STUDIED));
            await r.raw(`COPY STUDIED_v12 FROM (MATCH (a:Member)-[r:STUDIED]->(b:Course) RETURN a.id, b.id, ${edgeColumns(FORWARD_ONLY_RELS.STUDIED)})`);
            await r.raw('DROP TABLE STUDIED');
          }),
        ),
    ],
  ];

  it.each(stops)('a version-11 store opens as version 12 with the same histories, export and replays: %s', async (_name, stop) => {
    const dir = await withEvents(`v11-${stops.findIndex((x) => x[1] === stop)}`);
    const before = await observe(dir);
    await withExecutor(dir, toVersion11);
    expect(await withExecutor(dir, (ex) => ex.ddl((r) => columnsOf(r, 'ANSWERED')))).toEqual(['id', 'at', 'correct', 'seconds']);
    // A ledger key without an edge (none is written so) is kept through the migration, and still tells a replay.
    await withExecutor(dir, (ex) => ex.write((tx) => tx.run("CREATE (:EventKey {key: 'A:lonely', memberId: 'm-01', targetId: 'q-01'})")));
    await stop(dir);

    const after = await observe(dir);
    expect(after).toEqual(before);
    expect(await layout(dir)).toEqual({ version: SCHEMA_VERSION, answered: ['at', 'correct', 'seconds'], studied: ['at', 'seconds', 'progress'], ledger: 13, logged: 13 });
    expect((await tables(dir)).filter((t) => t.endsWith('_v12') || t.endsWith('_v11'))).toEqual([]);
    await withStore(dir, async (s) => {
      // A replay of a migrated id creates nothing; its reuse elsewhere is refused; a new answer is read back.
      expect(await s.recordAnswer({ id: 'a-0', memberId: 'm-01', questionId: 'q-01', at: T0, correct: true, seconds: 10 })).toEqual({ created: false });
      await expect(s.recordAnswer({ id: 'a-0', memberId: 'm-02', questionId: 'q-01', at: T0, correct: true, seconds: 10 })).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { kind: 'Event', id: 'a-0' },
      });
      expect(await s.recordAnswer({ id: 'lonely', memberId: 'm-01', questionId: 'q-01', at: T0, correct: true, seconds: 1 })).toEqual({ created: false });
      await s.recordAnswer({ id: 'c-0', memberId: 'm-01', questionId: 'q-02', at: T0 + 50, correct: false, seconds: 3 });
      expect((await s.getMemberHistory('m-01', { limit: 10 })).answers.map((a) => a.id)).toEqual(['c-0', 'b-0', 'a-0']);
    });
  });
});
