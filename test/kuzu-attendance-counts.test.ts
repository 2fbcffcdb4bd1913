/**
 * Kuzu schema version 8: a store written before attendance counts were kept on each meeting gets them from
 * its rows when it is opened by this build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld, T0 } from '../graph/contract/fixtures';
import { KuzuExecutor } from '../graph/kuzu/executor';
import { KuzuStore } from '../graph/kuzu/kuzu-store';
import { SCHEMA_VERSION } from '../graph/kuzu/schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-counts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('Kuzu migration to attendance counts kept on each meeting', () => {
  it('fills the counts of meetings stored by version 7 from their rows', async () => {
    const dir = path.join(tmp, 'v7');
    const s = new KuzuStore({ dir });
    await s.init();
    await seedWorld(s);
    await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0, minutes: 60, record: '' });
    await s.createMeeting({ id: 'mt-2', branchId: 'b-1', kind: 'THEME_DAY', title: '主题党日', at: T0 + 1, minutes: 60, record: '' });
    await s.recordAttendance('mt-1', [
      { memberId: 'm-01', status: 'PRESENT' },
      { memberId: 'm-02', status: 'ABSENT' },
      { memberId: 'm-03', status: 'EXCUSED' },
      { memberId: 'm-04', status: 'PRESENT' },
    ]);
    await s.close();

    // Back to version 7: no count columns on Meeting.
    const ex = new KuzuExecutor(dir);
    await ex.ddl(async (r) => {
      for (const c of ['present', 'excused', 'absent']) await r.raw(`ALTER TABLE Meeting DROP ${c}`);
      await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 7");
    });
    expect((await ex.read("CALL TABLE_INFO('Meeting') RETURN name")).map((c) => c.name)).not.toContain('present');
    await ex.close();

    const reopened = new KuzuStore({ dir });
    try {
      await reopened.init();
      expect((await reopened.listMeetingTallies(['b-1'], T0, T0 + 2)).map((t) => ({ id: t.id, counts: [t.present, t.excused, t.absent] }))).toEqual([
        { id: 'mt-1', counts: [2, 1, 1] },
        { id: 'mt-2', counts: [0, 0, 0] },
      ]);
      // Kept from here on.
      await reopened.recordAttendance('mt-2', [{ memberId: 'm-01', status: 'ABSENT' }]);
      expect((await reopened.listMeetingTallies(['b-1'], T0 + 1, T0 + 2))[0]).toMatchObject({ id: 'mt-2', present: 0, excused: 0, absent: 1 });
      const check = new KuzuExecutor(dir);
      expect(await check.read("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version")).toEqual([{ version: SCHEMA_VERSION }]);
      await check.close();
    } finally {
      await reopened.close();
    }
  });
});
