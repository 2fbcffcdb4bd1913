/**
 * `hongtu reembed` and `hongtu tag` (bulk) through the real CLI on a Kuzu store in a temp dir: vectors
 * and indexes are rebuilt with the configured embedder, and AUTO tags are written next to MANUAL ones.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { courses } from '../../seeds/curriculum/courses';
import { topics } from '../../seeds/curriculum/topics';
import { childEnv } from '../support/child-env';
import { makeTempDir } from '../support/temp-dirs';

const dataDir = path.join(makeTempDir('hongtu-reembed-'), 'kuzu');
const hongtu = (args: string[]) =>
  spawnSync(process.execPath, ['bin/hongtu.mjs', ...args], {
    encoding: 'utf8',
    env: childEnv({ HONGTU_DATA_DIR: dataDir, HONGTU_EMBEDDER: 'lexical' }),
  });

async function withStore<T>(f: (s: KuzuStore) => Promise<T>): Promise<T> {
  const store = new KuzuStore({ dir: dataDir });
  await store.init();
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  await withStore(async (store) => {
    for (const t of topics) {
      await store.upsertTopic({ id: t.id, name: t.name, area: t.area, description: t.description, parentId: t.parentId, prerequisiteIds: [] });
    }
    for (const c of courses.slice(0, 40)) {
      await store.createCourse({
        id: c.id,
        title: c.title,
        summary: c.summary,
        kind: c.kind,
        minutes: c.minutes,
        topics: Object.entries(c.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })),
      });
    }
    await store.createCourse({ id: 'c-untagged', title: '组织关系转接怎么办', summary: '毕业生党员转出组织关系的流程和介绍信的开具。', kind: 'ARTICLE', minutes: 10, topics: [] });
  });
});

describe('hongtu reembed', () => {
  it('embeds every node with the configured embedder and indexes it', async () => {
    const r = hongtu(['reembed']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Topic: ${topics.length}/${topics.length} embedded with lexical-v1/2048; vector index 2048 dims`);
    expect(r.stdout).toContain('Course: 41/41 embedded with lexical-v1/2048');
    await withStore(async (store) => {
      expect((await store.health()).vectorIndexes).toMatchObject({ Topic: 2048, Course: 2048 });
      const meta = await store.getEmbeddingMeta('Course');
      expect(meta.every((m) => m.embedderId === 'lexical-v1/2048' && m.contentHash)).toBe(true);
    });
  });

  it('rejects an unknown --kind', () => {
    const r = hongtu(['reembed', '--kind', 'Member']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--kind must be one of Topic, Course, Question/);
  });
});

describe('hongtu tag --stdin on a store embedded by another embedder', () => {
  it('tags with the neural pipeline and leaves the stored vectors and indexes as they were', async () => {
    const r = spawnSync(process.execPath, ['bin/hongtu.mjs', 'tag', '--stdin', '--json'], {
      input: '党章规定的党员义务\n',
      encoding: 'utf8',
      env: childEnv({ HONGTU_DATA_DIR: dataDir, HONGTU_EMBEDDER: 'neural', HONGTU_MODELS_DIR: path.resolve('test/fixtures'), HONGTU_MODEL: 'tiny-bert' }),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/embedder: tiny-bert\/q8 \(32 dims\)/);
    // The random fixture ranks nothing meaningfully; only the shape is checked.
    expect(JSON.parse(r.stdout).topics).toHaveLength(3);
    await withStore(async (store) => {
      expect((await store.health()).vectorIndexes).toMatchObject({ Topic: 2048, Course: 2048 });
      expect((await store.getEmbeddingMeta('Course')).every((m) => m.embedderId === 'lexical-v1/2048')).toBe(true);
    });
  });
});

describe('hongtu tag', () => {
  it('writes AUTO tags and keeps MANUAL ones', async () => {
    const before = await withStore((s) => s.getCoursesByIds(['c-1']));
    const r = hongtu(['tag']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/AUTO tags written with lexical-v1\/2048: 41 courses, 0 questions, 0 meetings/);
    await withStore(async (store) => {
      const [c1, untagged] = await store.getCoursesByIds(['c-1', 'c-untagged']);
      expect(c1.topics.filter((t) => t.source === 'MANUAL')).toEqual(before[0].topics.filter((t) => t.source === 'MANUAL'));
      expect(untagged.topics.length).toBeGreaterThan(0);
      expect(untagged.topics.every((t) => t.source === 'AUTO')).toBe(true);
      expect(untagged.topics[0].topicId.startsWith('organization.')).toBe(true);
    });
  });
});
