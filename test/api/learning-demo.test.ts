/**
 * The learning queries on the generated demo world, right after the bulk load (no mastery rows yet):
 * the demo learner's strengths and gaps show at once, the branch gap heatmap and party-lecture
 * suggestion work for the secretary, and Member.gaps on a page of members is batched (no N+1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import type { GraphStore } from '../../graph/store';
import { generateWorld } from '../../seeds/generator/index';
import { createLearnerServices } from '../../server/learning/learner-services';
import { startTestServer, type TestServer } from '../support/api-server';
import { codes } from '../support/api-world';

let dir: string;
let store: KuzuStore;
let server: TestServer;
const calls: string[] = [];

function counting(s: GraphStore): GraphStore {
  return new Proxy(s, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return v.apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-learning-demo-'));
  const world = await generateWorld({ scale: 'demo', outDir: path.join(dir, 'bulk') });
  store = new KuzuStore({ dir: path.join(dir, 'db') });
  await store.init();
  await store.bulkLoad(world.dir);
  const wrapped = counting(store);
  const learner = createLearnerServices(wrapped);
  server = await startTestServer(wrapped, { deps: { learning: { learner, hooks: learner.hooks } } });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = async (id: string) => {
  const token = await server.tokenFor(id);
  return (q: string, v?: Record<string, unknown>) => server.gql(q, v, token);
};

describe('demo learner m-4 right after the bulk load', () => {
  it('has mastery replayed from history: strong in history and constitution, weak in admission and discipline', async () => {
    expect((await store.getMasteryForMembers(['m-4'])).get('m-4')).toEqual([]);
    const r = await (await as('m-4'))('{ mastery(memberId: "m-4") { areas { area mastery target } } }');
    expect(r.body.errors).toBeUndefined();
    const m = Object.fromEntries(r.body.data.mastery.areas.map((a: { area: string; mastery: number }) => [a.area, a.mastery]));
    expect(m.history).toBeGreaterThan(m.admission);
    expect(m.constitution).toBeGreaterThan(m.discipline);
    expect((await store.getMasteryForMembers(['m-4'])).get('m-4')!.length).toBeGreaterThan(10);
  });

  it('has gaps on the admission requirements of an activist, with answer evidence', async () => {
    const r = await (await as('m-4'))('{ gaps(memberId: "m-4") { topic { id area } severity reasons } }');
    const gaps = r.body.data.gaps as { topic: { id: string; area: string }; severity: number; reasons: string[] }[];
    expect(gaps.slice(0, 8).some((g) => g.topic.area === 'admission')).toBe(true);
    expect(gaps.some((g) => g.reasons.some((x) => /^最近 \d+ 次相关答题/.test(x)))).toBe(true);
    expect(gaps.map((g) => g.severity)).toEqual([...gaps.map((g) => g.severity)].sort((a, b) => b - a));
  });
});

describe('branchGaps', () => {
  const Q = `query($b: ID!) { branchGaps(branchId: $b) { branch { id } areas
    rows { member { id } cells { area mastery target severity gapCount notAssessedCount } }
    suggestedLecture { topic { id name } memberCount meanSeverity reason courses { id title } } } }`;

  it('gives the secretary a members × areas matrix and the most common gap as the party-lecture topic', async () => {
    const r = await (await as('m-3'))(Q, { b: 'b-1' });
    expect(r.body.errors).toBeUndefined();
    const g = r.body.data.branchGaps;
    const members = await store.listMembers({ branchIds: ['b-1'] }, 500);
    expect(g.rows).toHaveLength(members.totalCount);
    expect(g.areas).toHaveLength(8);
    for (const row of g.rows) expect(row.cells.map((c: { area: string }) => c.area)).toEqual(g.areas);
    const s = g.suggestedLecture;
    expect(s.memberCount).toBeGreaterThan(1);
    expect(s.courses.length).toBeGreaterThan(0);
    expect(s.reason).toContain(`有 ${s.memberCount} 人在「${s.topic.name}」上存在学习短板`);
    // It is the most common gap: no topic is a gap for more members.
    const gaps = await store.getGapsForMembers(members.items.map((m) => m.id));
    const counts = new Map<string, number>();
    for (const list of gaps.values()) for (const x of list) counts.set(x.topicId, (counts.get(x.topicId) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(s.memberCount);
    // Not saturated: no subtopic is a gap for every member, and topics not yet assessed are counted apart.
    expect(s.memberCount).toBeLessThan(members.totalCount);
    const open = g.rows.flatMap((row: { cells: { notAssessedCount: number; gapCount: number }[] }) => row.cells);
    expect(open.some((c: { notAssessedCount: number }) => c.notAssessedCount > 0)).toBe(true);
  });

  it('is FORBIDDEN to a member and to an admin of another committee', async () => {
    expect(codes(await (await as('m-4'))(Q, { b: 'b-1' }))).toEqual(['FORBIDDEN']);
    const foreign = (await store.listBranches()).find((b) => b.committeeId !== 'cm-1')!;
    expect(codes(await (await as('m-2'))(Q, { b: foreign.id }))).toEqual(['FORBIDDEN']);
    expect((await (await as('m-2'))(Q, { b: 'b-1' })).body.errors).toBeUndefined();
    expect(codes(await (await as('m-3'))(Q, { b: 'b-nowhere' }))).toEqual(['NOT_FOUND']);
  });
});

describe('Member.gaps', () => {
  const q = '{ members(filter: { branchIds: ["b-2"] }, first: 30) { nodes { id gaps { topic { id } severity mastery } } } }';
  const count = (name: string) => calls.filter((c) => c === name).length;

  it('computes never-computed gaps for a page of members in one batch, then reads them back in one call', async () => {
    const b2 = (await store.listMembers({ branchIds: ['b-2'] }, 30)).items.map((m) => m.id);
    expect([...(await store.getGapsForMembers(b2)).values()].flat()).toEqual([]);
    calls.length = 0;
    const r = await (await as('m-1'))(q);
    expect(r.body.errors).toBeUndefined();
    const nodes = r.body.data.members.nodes as { id: string; gaps: unknown[] }[];
    expect(nodes.length).toBeGreaterThan(5);
    // Gaps need evidence: some members have them, and members without events have none.
    const withGaps = nodes.filter((n) => n.gaps.length > 0).length;
    expect(withGaps).toBeGreaterThan(0);
    expect(count('getGapsForMembers')).toBe(1);
    expect(count('getMasteryForMembers')).toBe(1);
    expect(count('getHistoriesForMembers')).toBeLessThanOrEqual(2);
    expect(count('replaceGaps')).toBe(withGaps);

    calls.length = 0;
    const again = await (await as('m-1'))(q);
    // Same gaps and severities (mastery moves with the clock: forgetting is applied on read).
    const shape = (list: { id: string; gaps: { topic: { id: string }; severity: number }[] }[]) => list.map((n) => [n.id, n.gaps.map((g) => [g.topic.id, g.severity])]);
    expect(shape(again.body.data.members.nodes)).toEqual(shape(nodes as never));
    expect(count('getGapsForMembers')).toBe(1);
    expect(count('getMasteryForMembers')).toBe(1);
    // Members with no events have no mastery rows, and members without gaps have nothing stored, so their
    // histories are checked again: at most two batched reads, and nothing written.
    expect(count('getHistoriesForMembers')).toBeLessThanOrEqual(2);
    expect(count('replaceGaps')).toBe(0);
  });
});
