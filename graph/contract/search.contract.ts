/** Embeddings with a vector index (including a change of dimension) and keyword search. */
import { describe, expect, it } from 'vitest';
import type { EmbeddingRow } from '../model';
import type { GetStore } from './index';
import { expectCode } from './fixtures';

const row = (id: string, vector: number[], contentHash = `h-${id}`): EmbeddingRow => ({ id, vector, embedderId: 'test-3d', contentHash });
const near = (a: number[], b: number[]) =>
  a.forEach((x, i) => {
    expect(x).toBeCloseTo(b[i], 5);
  });

export function searchContract(get: GetStore): void {
  describe('embeddings and search', () => {
    it('stores vectors with embedder and hash, and reports every node in the meta', async () => {
      const s = get();
      await s.ensureVectorIndex('Course', 3);
      await s.setEmbeddings('Course', [row('k-01', [1, 0, 0]), row('k-02', [0.6, 0.8, 0])]);
      const got = await s.getEmbeddings('Course', ['k-02', 'k-03', 'k-01']);
      expect(got.map((r) => [r.id, r.embedderId, r.contentHash])).toEqual([
        ['k-02', 'test-3d', 'h-k-02'],
        ['k-01', 'test-3d', 'h-k-01'],
      ]);
      near(got[0].vector, [0.6, 0.8, 0]);
      const meta = [...(await s.getEmbeddingMeta('Course'))].sort((a, b) => a.id.localeCompare(b.id));
      expect(meta).toEqual([
        { id: 'k-01', embedderId: 'test-3d', contentHash: 'h-k-01' },
        { id: 'k-02', embedderId: 'test-3d', contentHash: 'h-k-02' },
        { id: 'k-03', embedderId: null, contentHash: null },
      ]);
      expect((await s.health()).vectorIndexes.Course).toBe(3);
    });

    it('ranks by cosine similarity, best first, and follows updated vectors', async () => {
      const s = get();
      await s.ensureVectorIndex('Topic', 3);
      await s.setEmbeddings('Topic', [
        row('constitution', [1, 0, 0]),
        row('constitution.duties', [0.9, 0.1, 0]),
        row('history', [0, 0, 1]),
        row('history.founding', [0, 0.2, 0.9]),
      ]);
      let hits = await s.vectorSearch('Topic', [1, 0.05, 0], 3);
      expect(hits.map((h) => h.id)).toEqual(['constitution', 'constitution.duties', 'history.founding']);
      expect(hits[0].score).toBeGreaterThan(0.99);
      expect(hits[0].score).toBeLessThanOrEqual(1.0001);
      expect(hits[1].score).toBeGreaterThan(hits[2].score);
      await s.setEmbeddings('Topic', [row('history', [1, 0.05, 0], 'h2')]);
      hits = await s.vectorSearch('Topic', [1, 0.05, 0], 1);
      expect(hits.map((h) => h.id)).toEqual(['history']);
      expect(hits[0].score).toBeCloseTo(1, 3);
      expect((await s.getEmbeddings('Topic', ['history']))[0].contentHash).toBe('h2');
    });

    it('handles a change of dimension: new index, new vectors, old-size queries refused', async () => {
      const s = get();
      await s.ensureVectorIndex('Question', 3);
      await s.setEmbeddings('Question', [row('q-01', [1, 0, 0]), row('q-02', [0, 1, 0])]);
      await s.ensureVectorIndex('Question', 4);
      expect((await s.health()).vectorIndexes.Question).toBe(4);
      await s.setEmbeddings('Question', [row('q-01', [0, 0, 0, 1]), row('q-02', [0, 1, 0, 0])]);
      const hits = await s.vectorSearch('Question', [0, 0.1, 0, 1], 2);
      expect(hits.map((h) => h.id)).toEqual(['q-01', 'q-02']);
      await expectCode(s.vectorSearch('Question', [1, 0, 0], 2), 'BAD_USER_INPUT');
      await s.ensureVectorIndex('Question', 4);
      expect((await s.vectorSearch('Question', [0, 0, 0, 1], 1)).map((h) => h.id)).toEqual(['q-01']);
    });

    it('rejects vectors of unknown nodes with NOT_FOUND', async () => {
      const s = get();
      await s.ensureVectorIndex('Course', 3);
      await expectCode(s.setEmbeddings('Course', [row('k-01', [1, 0, 0]), row('k-404', [0, 1, 0])]), 'NOT_FOUND', /k-404/);
      expect(await s.getEmbeddings('Course', ['k-01'])).toEqual([]);
    });

    it('keyword search scores 2 per title hit and 1 per summary hit, Chinese terms included', async () => {
      const s = get();
      const hits = await s.keywordSearch('Course', ['党章', '义务'], 10);
      // k-01: 党章 in title (2) + summary (1), 义务 in summary (1) = 4; k-03: 党章 + 义务 in summary = 2.
      expect(hits).toEqual([
        { id: 'k-01', score: 4 },
        { id: 'k-03', score: 2 },
      ]);
      expect(await s.keywordSearch('Course', ['党史'], 10)).toEqual([{ id: 'k-02', score: 2 }]);
      expect((await s.keywordSearch('Course', ['党章', '义务'], 1)).map((h) => h.id)).toEqual(['k-01']);
      const topics = await s.keywordSearch('Topic', ['党员', '权利'], 10);
      expect(topics[0]).toEqual({ id: 'constitution.rights', score: 6 });
      expect(topics.map((t) => t.id)).toContain('constitution.duties');
      expect(await s.keywordSearch('Course', [], 10)).toEqual([]);
      expect(await s.keywordSearch('Course', ['不存在的词'], 10)).toEqual([]);
    });
  });
}
