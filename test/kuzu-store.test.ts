/** Behaviour specific to the embedded Kuzu adapter (the shared behaviour is in the contract suite). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBulkDir } from '../graph/contract/bulk-fixture';
import { KuzuExecutor } from '../graph/kuzu/executor';
import { KuzuStore } from '../graph/kuzu/kuzu-store';
import { SCHEMA_VERSION } from '../graph/kuzu/schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const fresh = (name: string) => new KuzuStore({ dir: path.join(tmp, name) });

describe('KuzuStore (embedded specifics)', () => {
  it('keeps the database in <dir>/hongtu.kuzu and records the schema version', async () => {
    const s = fresh('layout');
    await s.init();
    await s.init();
    expect(fs.existsSync(path.join(tmp, 'layout', 'hongtu.kuzu'))).toBe(true);
    const ex = new KuzuExecutor(path.join(tmp, 'layout'));
    expect(await ex.read('MATCH (v:SchemaVersion) RETURN v.id AS id, v.version AS version')).toEqual([{ id: 'schema', version: SCHEMA_VERSION }]);
    await ex.close();
    await s.close();
  });

  it('refuses to run on a schema newer than this build', async () => {
    const s = fresh('newer');
    await s.init();
    const ex = new KuzuExecutor(path.join(tmp, 'newer'));
    await ex.write((tx) => tx.run("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = $v", { v: SCHEMA_VERSION + 1 }));
    await ex.close();
    await expect(s.init()).rejects.toThrow(/newer than this build.*upgrade Hongtu/);
    await s.close();
  });

  it('answers UNAVAILABLE once closed', async () => {
    const s = fresh('closed');
    await s.init();
    await s.close();
    await expect(s.getUniversity()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/closed/) });
    await expect(s.createUniversity({ id: 'u', name: 'x' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('says what to do when the data file is not a Kuzu database', async () => {
    fs.mkdirSync(path.join(tmp, 'garbage'));
    fs.writeFileSync(path.join(tmp, 'garbage', 'hongtu.kuzu'), 'not a database');
    const s = fresh('garbage');
    await expect(s.init()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/not a Kuzu database.*HONGTU_DATA_DIR/) });
    await s.close();
  });

  it('shares one database between stores on the same directory in a process', async () => {
    const a = fresh('shared');
    const b = fresh('shared');
    await a.init();
    await b.init();
    await b.createUniversity({ id: 'u-1', name: '共享' });
    expect(await a.getUniversity()).toEqual({ id: 'u-1', name: '共享' });
    await b.close();
    expect(await a.isEmpty()).toBe(false);
    await a.close();
    const c = fresh('shared');
    expect(await c.getUniversity()).toEqual({ id: 'u-1', name: '共享' });
    await c.close();
  });

  it('searches vectors without an index by exact scan and reports the missing index', async () => {
    const s = fresh('unindexed');
    await s.init();
    await s.upsertTopic({ id: 'a', name: '甲', area: 'history', description: '', parentId: null, prerequisiteIds: [] });
    await s.upsertTopic({ id: 'b', name: '乙', area: 'history', description: '', parentId: null, prerequisiteIds: [] });
    await s.setEmbeddings('Topic', [
      { id: 'a', vector: [1, 0], embedderId: 'e1', contentHash: 'x' },
      { id: 'b', vector: [0.6, 0.8], embedderId: 'e2', contentHash: 'y' },
    ]);
    const hits = await s.vectorSearch('Topic', [0, 1], 2);
    expect(hits.map((h) => h.id)).toEqual(['b', 'a']);
    expect(hits[0].score).toBeCloseTo(0.8, 5);
    const h = await s.health();
    expect(h.ok).toBe(false);
    expect(h.problems.join('\n')).toMatch(/Topic embeddings \(2 dimensions\) have no vector index/);
    expect(h.problems.join('\n')).toMatch(/several embedders \(e1, e2\)|several embedders \(e2, e1\)/);
    await s.ensureVectorIndex('Topic', 2);
    expect((await s.health()).vectorIndexes).toEqual({ Topic: 2 });
    expect((await s.vectorSearch('Topic', [0, 1], 1))[0].id).toBe('b');
    await s.close();
  });

  it('rebuilds the index for large batches and keeps the vectors outside the batch', async () => {
    const s = fresh('rebuild');
    await s.init();
    const n = 300;
    for (let i = 0; i < n; i++) {
      await s.upsertQuestion({ id: `q-${i}`, stem: '题', options: ['甲'], answer: 0, explanation: '', difficulty: 0.5, topics: [] });
    }
    const vec = (i: number) => [Math.cos(i / 50), Math.sin(i / 50), 0.1];
    await s.ensureVectorIndex('Question', 3);
    await s.setEmbeddings('Question', [{ id: 'q-0', vector: [0, 0, 1], embedderId: 'e', contentHash: 'keep' }]);
    await s.setEmbeddings(
      'Question',
      Array.from({ length: n - 1 }, (_, k) => ({ id: `q-${k + 1}`, vector: vec(k + 1), embedderId: 'e', contentHash: 'big' })),
    );
    expect((await s.health()).vectorIndexes).toEqual({ Question: 3 });
    expect((await s.vectorSearch('Question', [0, 0, 1], 1))[0].id).toBe('q-0');
    expect((await s.vectorSearch('Question', vec(120), 1))[0].id).toBe('q-120');
    expect((await s.getEmbeddingMeta('Question')).filter((m) => m.contentHash !== null)).toHaveLength(n);
    await s.close();
  });

  it('names the file and the row when a bulk file is broken, and refuses a store with any data', async () => {
    const dir = path.join(tmp, 'bad-bulk');
    writeBulkDir(dir);
    fs.appendFileSync(path.join(dir, 'BELONGS_TO.csv'), 'm-404,b-9,MEMBER,0\n');
    const s = fresh('bad-bulk-db');
    await s.init();
    await expect(s.bulkLoad(dir)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/Loading BELONGS_TO\.csv failed: .*m-404/) });
    const t = fresh('topics-only');
    await t.init();
    await t.upsertTopic({ id: 'history', name: '党史', area: 'history', description: '', parentId: null, prerequisiteIds: [] });
    expect(await t.isEmpty()).toBe(true);
    await expect(t.bulkLoad(path.join(tmp, 'bad-bulk'))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/1 Topic rows/) });
    await s.close();
    await t.close();
  });
});
