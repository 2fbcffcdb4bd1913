/** bulkLoad of the bulk format and exportBulk → bulkLoad round-trips. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_NODES, BULK_RELS } from '../bulk-format';
import type { GraphStore } from '../store';
import type { GetStore } from './index';
import { writeBulkDir } from './bulk-fixture';
import { DAY, expectCode, T0 } from './fixtures';

/** Everything a reader can see of the graph, in a stable order. */
async function readAll(s: GraphStore) {
  const members = (await s.listMembers({}, 1000)).items;
  const ids = members.map((m) => m.id);
  const courses = (await s.listCourses({}, 1000)).items;
  const meetings = await s.listMeetings(
    (await s.listBranches()).map((b) => b.id),
    -1e15,
    1e15,
  );
  return {
    university: await s.getUniversity(),
    committees: await s.listCommittees(),
    branches: await s.listBranches(),
    groups: await Promise.all((await s.listBranches()).map((b) => s.listGroups(b.id))),
    members,
    topics: (await s.listTopics()).sort((a, b) => a.id.localeCompare(b.id)),
    courses,
    questions: (await s.listQuestions({}, 1000)).items,
    meetings,
    attendance: await s.listAttendance(meetings.map((m) => m.id)),
    histories: Object.fromEntries(await s.getHistoriesForMembers(ids, { limit: 100 })),
  };
}

export function bulkContract(get: GetStore): void {
  describe('bulk load and export', () => {
    // Made when the suite runs (not when it is collected: a skipped suite runs no afterAll).
    let tmp = '';
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-bulk-'));
    });
    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('loads a bulk directory into an empty store, quoting and all', async () => {
      const s = get();
      const dir = path.join(tmp, 'fixture');
      writeBulkDir(dir);
      await s.clear();
      const progress: [number, number][] = [];
      const counts = await s.bulkLoad(dir, (done, total) => progress.push([done, total]));
      expect(counts).toMatchObject({ University: 1, Member: 2, BELONGS_TO: 2, STUDIED: 2, ANSWERED: 2, COVERS: 2 });
      expect(Object.keys(counts).sort()).toEqual([...Object.keys(BULK_NODES), ...Object.keys(BULK_RELS)].sort());
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(await s.isEmpty()).toBe(false);
      expect(await s.listCommittees()).toEqual([{ id: 'c-9', name: '导入学院, "党委"', universityId: 'u-9' }]);
      const [m1, m2] = await s.getMembersByIds(['m-91', 'm-92']);
      expect(m1).toEqual({
        id: 'm-91',
        name: '导入 甲',
        kind: 'STUDENT',
        stage: 'FULL',
        role: 'SECRETARY',
        branchId: 'b-9',
        groupId: 'g-9',
        since: T0,
        stageSince: T0,
        phone: '13700000000',
        idNumber: null,
        createdAt: T0,
        updatedAt: T0 + DAY,
      });
      expect(m2).toMatchObject({ branchId: 'b-8', groupId: null, role: 'MEMBER', since: T0 + DAY });
      const [c] = await s.getCoursesByIds(['k-91']);
      expect(c.summary).toBe('第一行\n第二行，含"引号"');
      expect(c.topics.find((t) => t.topicId === 'constitution')).toEqual({ topicId: 'constitution', weight: 0.3, source: 'AUTO', confidence: 0.55 });
      expect((await s.getQuestionsByIds(['q-91']))[0].options).toEqual(['甲', '乙, 丙', '"丁"']);
      expect((await s.getMeetingsByIds(['mt-91']))[0]).toMatchObject({ branchId: 'b-9', record: '会议记录：\n一、学习党章' });
      const h = await s.getMemberHistory('m-91', { limit: 10 });
      expect(h.answers.map((a) => [a.id, a.correct])).toEqual([
        ['an-92', false],
        ['an-91', true],
      ]);
      expect(h.attendance).toEqual([{ meetingId: 'mt-91', memberId: 'm-91', status: 'PRESENT', at: T0 + DAY, kind: 'BRANCH_ASSEMBLY' }]);
      // Loaded events take part in idempotency like recorded ones.
      expect(await s.recordStudy({ id: 'ev-91', memberId: 'm-91', courseId: 'k-91', at: T0 + 2 * DAY, seconds: 600, progress: 0.5 })).toEqual({ created: false });
      await expectCode(s.recordStudy({ id: 'ev-92', memberId: 'm-91', courseId: 'k-91', at: T0, seconds: 1, progress: 1 }), 'CONFLICT');
    });

    it('refuses to load into a store that holds data', async () => {
      const s = get();
      const dir = path.join(tmp, 'fixture2');
      writeBulkDir(dir);
      await expectCode(s.bulkLoad(dir), 'CONFLICT', /empty/);
      await expectCode(s.bulkLoad(path.join(tmp, 'missing-dir')), 'BAD_USER_INPUT');
    });

    it('exportBulk then bulkLoad gives back the same graph', async () => {
      const s = get();
      await s.recordStudy({ id: 'ev-1', memberId: 'm-01', courseId: 'k-01', at: T0, seconds: 100, progress: 1 / 3 });
      await s.replaceAutoTags('Course', 'k-02', [{ topicId: 'history', weight: 1e-7, source: 'AUTO', confidence: 0.123456789012 }]);
      await s.recordAnswer({ id: 'an-1', memberId: 'm-01', questionId: 'q-01', at: T0 + 1, correct: false, seconds: 9 });
      await s.createMeeting({
        id: 'mt-1',
        branchId: 'b-1',
        kind: 'THEME_DAY',
        title: '主题党日, "志愿服务"',
        at: T0,
        minutes: 120,
        record: '第一行\n第二行',
        topics: [{ topicId: 'history', weight: 0.5, source: 'AUTO', confidence: 0.61 }],
      });
      await s.recordAttendance('mt-1', [
        { memberId: 'm-01', status: 'PRESENT' },
        { memberId: 'm-02', status: 'EXCUSED' },
      ]);
      const before = await readAll(s);
      const out = path.join(tmp, 'export');
      const counts = await s.exportBulk(out);
      expect(counts).toMatchObject({ Member: 5, BELONGS_TO: 5, IN_GROUP: 1, STUDIED: 1, ANSWERED: 1, ATTENDED: 2 });
      expect(Object.keys(counts).sort()).toEqual([...Object.keys(BULK_NODES), ...Object.keys(BULK_RELS)].sort());
      await s.clear();
      await s.bulkLoad(out);
      expect(await readAll(s)).toEqual(before);
      // The attendance counts kept on each meeting are filled from the loaded rows.
      expect(await s.listMeetingTallies(['b-1'], T0, T0 + 1)).toMatchObject([{ id: 'mt-1', present: 1, excused: 1, absent: 0 }]);
      // Full double precision survives the CSV round trip.
      expect((await s.getMemberHistory('m-01', { limit: 1 })).studies[0].progress).toBe(1 / 3);
      expect((await s.getCoursesByIds(['k-02']))[0].topics.find((t) => t.topicId === 'history')).toMatchObject({ weight: 1e-7, confidence: 0.123456789012 });
    });
  });
}
