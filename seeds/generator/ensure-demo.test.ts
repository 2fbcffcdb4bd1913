import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { ensureDemoData } from './ensure-demo';
import { readManifest } from './manifest';
import { REFERENCE_DATE } from './scales';
import { testCurriculum } from './test-curriculum';
import { makeTempDir } from '../../test/support/temp-dirs';

const root = makeTempDir('hongtu-ensure-');
const store = new KuzuStore({ dir: path.join(root, 'kuzu') });
beforeAll(async () => {
  await store.init();
});
afterAll(async () => {
  await store.close();
});

describe('ensureDemoData (real Kuzu store)', () => {
  it('generates and bulk-loads the demo world into an empty store, then leaves a filled store alone', async () => {
    const dir = path.join(root, 'bulk', 'demo');
    const first = await ensureDemoData(store, { dir, curriculum: testCurriculum });
    expect(first.loaded).toBe(true);
    const manifest = readManifest(dir)!;
    for (const table of ['Member', 'Meeting', 'STUDIED', 'ANSWERED', 'ATTENDED', 'DISCUSSED']) {
      expect(first.counts![table], table).toBe(manifest.counts[table]);
    }
    expect(await store.isEmpty()).toBe(false);
    const members = await store.getMembersByIds(DEMO_ACCOUNTS.map((a) => a.id));
    expect(members.map((m) => [m.id, m.name, m.role, m.branchId])).toEqual([
      ['m-1', '王建国', 'UNIVERSITY_ADMIN', members[0].branchId],
      ['m-2', '李红梅', 'COMMITTEE_ADMIN', members[1].branchId],
      ['m-3', '张伟', 'SECRETARY', 'b-1'],
      ['m-4', '刘洋', 'MEMBER', 'b-1'],
    ]);
    const history = await store.getMemberHistory('m-4', { limit: 1000 });
    expect(history.studies.length).toBeGreaterThanOrEqual(40);
    expect(history.answers.length).toBeGreaterThan(150);
    expect(history.answers.every((a) => a.at < REFERENCE_DATE)).toBe(true);

    const again = await ensureDemoData(store, { dir, curriculum: testCurriculum });
    expect(again).toEqual({ loaded: false, dir: null, counts: null });
    expect((await store.getMembersByIds(['m-300'])).length).toBe(1);
  });
});
