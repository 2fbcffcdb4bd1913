import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BULK_NODES, BULK_RELS, type BulkNode, type BulkRel, bulkFile } from '../../graph';
import { parseCsv } from '../../graph';
import { generateWorld, type GenerateResult } from './generate';
import { SCALES } from './scales';
import { testCurriculum } from './test-curriculum';
import { generateTestWorld, readRows } from './test-world';

function hashDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let world: GenerateResult;
beforeAll(async () => {
  world = await generateTestWorld(7);
});

describe('generateWorld', () => {
  it('is deterministic: same seed → byte-identical files; another seed → different members', async () => {
    const again = await generateTestWorld(7);
    const a = hashDir(world.dir);
    expect(Object.keys(a)).toContain('truth/mastery.csv');
    expect(hashDir(again.dir)).toEqual(a);
    const other = hashDir((await generateTestWorld(8)).dir);
    expect(other['Member.csv']).not.toBe(a['Member.csv']);
    expect(other['Topic.csv']).toBe(a['Topic.csv']);
  });

  it('writes every bulk table with the header of graph/bulk-format.ts and rows of that width', () => {
    const tables = { ...BULK_NODES, ...Object.fromEntries(Object.entries(BULK_RELS).map(([k, v]) => [k, v.columns])) };
    for (const [table, columns] of Object.entries(tables)) {
      const [header, ...rows] = parseCsv(readFileSync(path.join(world.dir, bulkFile(table as BulkNode | BulkRel)), 'utf8'));
      expect(header, table).toEqual([...columns]);
      expect(rows.length, table).toBe(world.manifest.counts[table]);
      for (const r of rows) expect(r.length, `${table} row ${r[0]}`).toBe(columns.length);
    }
  });

  it('has the demo scale row counts', () => {
    const c = world.manifest.counts;
    const demo = SCALES.demo;
    expect([c.University, c.Committee, c.Branch, c.Member]).toEqual([1, demo.committees, demo.branches, demo.members]);
    expect([c.Topic, c.Course, c.Question]).toEqual([testCurriculum.topics.length, testCurriculum.courses.length, testCurriculum.questions.length]);
    expect(c.BELONGS_TO).toBe(demo.members);
    expect(c.HELD).toBe(c.Meeting);
    // ~35 required meetings per branch a year (+12 per group), fewer in weak branches.
    expect(c.Meeting).toBeGreaterThan(25 * demo.branches);
    expect(c.Meeting).toBeLessThan(40 * demo.branches + 13 * c.Group);
    expect(Math.abs(c.STUDIED - demo.studies)).toBeLessThan(demo.studies * 0.05);
    expect(Math.abs(c.ANSWERED - demo.answers)).toBeLessThan(demo.answers * 0.05);
    expect(world.manifest.truth['mastery.csv']).toBe(demo.members * testCurriculum.topics.filter((t) => t.parentId).length);
  });

  it('names only existing nodes at both ends of every relationship', () => {
    const ids: Record<string, Set<string>> = {};
    for (const node of Object.keys(BULK_NODES)) ids[node] = new Set(readRows(world.dir, bulkFile(node as BulkNode)).map((r) => r.id));
    for (const [rel, def] of Object.entries(BULK_RELS)) {
      for (const r of readRows(world.dir, bulkFile(rel as BulkRel))) {
        expect(ids[def.from].has(r.from), `${rel} from ${r.from}`).toBe(true);
        expect(ids[def.to].has(r.to), `${rel} to ${r.to}`).toBe(true);
      }
    }
    for (const node of Object.keys(BULK_NODES)) {
      expect(ids[node].size, `${node} ids unique`).toBe(world.manifest.counts[node]);
    }
  });

  it('reuses a complete directory with a matching manifest and regenerates when inputs differ', async () => {
    const marker = path.join(world.dir, 'marker.txt');
    writeFileSync(marker, 'kept');
    const reused = await generateWorld({ scale: 'demo', outDir: world.dir, seed: 7, curriculum: testCurriculum });
    expect(reused.reused).toBe(true);
    expect(readFileSync(marker, 'utf8')).toBe('kept');
    const changed = { ...testCurriculum, courses: testCurriculum.courses.slice(1) };
    const fresh = await generateWorld({ scale: 'demo', outDir: world.dir, seed: 7, curriculum: changed });
    expect(fresh.reused).toBe(false);
    expect(fresh.manifest.counts.Course).toBe(testCurriculum.courses.length - 1);
    expect(readdirSync(world.dir)).not.toContain('marker.txt');
  });

  it('rejects an invalid curriculum with every problem named', async () => {
    const bad = {
      ...testCurriculum,
      courses: [{ ...testCurriculum.courses[0], topics: { 'no.such-topic': 1 } }],
      questions: [{ ...testCurriculum.questions[0], answer: 9 }],
    };
    await expect(generateWorld({ scale: 'demo', outDir: `${world.dir}-bad`, curriculum: bad })).rejects.toThrow(/unknown topic "no\.such-topic"[\s\S]*answer 9 is not an index/);
  });
});
