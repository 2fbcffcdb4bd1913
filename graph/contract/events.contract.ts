/** Learning events: idempotent by id, histories newest first, batch histories, study counts. */
import { describe, expect, it } from 'vitest';
import type { AnswerEvent, StudyEvent } from '../model';
import type { GetStore } from './index';
import { DAY, expectCode, snapshot, T0 } from './fixtures';

const study = (id: string, memberId: string, courseId: string, at: number): StudyEvent => ({ id, memberId, courseId, at, seconds: 600, progress: 0.25 });
const answer = (id: string, memberId: string, questionId: string, at: number, correct = true): AnswerEvent => ({ id, memberId, questionId, at, correct, seconds: 30 });

export function eventsContract(get: GetStore): void {
  describe('learning events', () => {
    it('a retried event is a no-op; the same id with other endpoints is a CONFLICT', async () => {
      const s = get();
      const e = study('s-1', 'm-01', 'k-01', T0);
      expect(await s.recordStudy(e)).toEqual({ created: true });
      expect(await s.recordStudy(e)).toEqual({ created: false });
      await expectCode(s.recordStudy({ ...e, courseId: 'k-02' }), 'CONFLICT', /s-1/);
      await expectCode(s.recordStudy({ ...e, memberId: 'm-02' }), 'CONFLICT', /s-1/);
      const a = answer('a-1', 'm-01', 'q-01', T0);
      expect(await s.recordAnswer(a)).toEqual({ created: true });
      expect(await s.recordAnswer(a)).toEqual({ created: false });
      await expectCode(s.recordAnswer({ ...a, questionId: 'q-02' }), 'CONFLICT', /a-1/);
      const h = await s.getMemberHistory('m-01', { limit: 10 });
      expect(h.studies).toEqual([e]);
      expect(h.answers).toEqual([a]);
      expect((await s.getMemberHistory('m-02', { limit: 10 })).studies).toEqual([]);
    });

    it('serialises concurrent writes: parallel retries still create each event once', async () => {
      const s = get();
      const evs = Array.from({ length: 12 }, (_, i) => study(`p-${i}`, i % 2 ? 'm-01' : 'm-02', 'k-01', T0 + i));
      const answers = evs.map((e) => answer(`pa-${e.id}`, e.memberId, 'q-01', e.at));
      const results = await Promise.all([...[...evs, ...evs].map((e) => s.recordStudy(e)), ...answers.map((a) => s.recordAnswer(a))]);
      expect(results.filter((r) => r.created)).toHaveLength(24);
      const map = await s.getHistoriesForMembers(['m-01', 'm-02'], { limit: 100 });
      expect(map.get('m-01')!.studies).toHaveLength(6);
      expect(map.get('m-02')!.studies).toHaveLength(6);
      expect(map.get('m-01')!.answers).toHaveLength(6);
    });

    it('rejects unknown members, courses and questions with NOT_FOUND, and the id stays usable', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.recordStudy(study('s-1', 'ghost', 'k-01', T0)), 'NOT_FOUND', /ghost/);
      await expectCode(s.recordStudy(study('s-1', 'm-01', 'k-404', T0)), 'NOT_FOUND', /k-404/);
      await expectCode(s.recordAnswer(answer('a-1', 'm-01', 'q-404', T0)), 'NOT_FOUND', /q-404/);
      expect(await snapshot(s)).toEqual(before);
      expect(await s.recordStudy(study('s-1', 'm-01', 'k-01', T0))).toEqual({ created: true });
    });

    it('returns a member history newest first, capped per list, with a lower time bound', async () => {
      const s = get();
      for (let i = 0; i < 5; i++) {
        await s.recordStudy(study(`s-${i}`, 'm-01', i % 2 ? 'k-01' : 'k-02', T0 + i * DAY));
        await s.recordAnswer(answer(`a-${i}`, 'm-01', 'q-01', T0 + i * DAY + 1, i % 2 === 0));
      }
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0 + DAY, minutes: 60, record: '' });
      await s.createMeeting({ id: 'mt-2', branchId: 'b-1', kind: 'GROUP_MEETING', title: '党小组会', at: T0 + 3 * DAY, minutes: 60, record: '' });
      await s.recordAttendance('mt-1', [{ memberId: 'm-01', status: 'PRESENT' }]);
      await s.recordAttendance('mt-2', [{ memberId: 'm-01', status: 'ABSENT' }]);
      const h = await s.getMemberHistory('m-01', { limit: 3 });
      expect(h.studies.map((e) => e.id)).toEqual(['s-4', 's-3', 's-2']);
      expect(h.answers.map((e) => [e.id, e.correct])).toEqual([
        ['a-4', true],
        ['a-3', false],
        ['a-2', true],
      ]);
      expect(h.attendance).toEqual([
        { meetingId: 'mt-2', memberId: 'm-01', status: 'ABSENT', at: T0 + 3 * DAY, kind: 'GROUP_MEETING' },
        { meetingId: 'mt-1', memberId: 'm-01', status: 'PRESENT', at: T0 + DAY, kind: 'BRANCH_ASSEMBLY' },
      ]);
      const recent = await s.getMemberHistory('m-01', { limit: 10, since: T0 + 3 * DAY });
      expect(recent.studies.map((e) => e.id)).toEqual(['s-4', 's-3']);
      expect(recent.attendance.map((e) => e.meetingId)).toEqual(['mt-2']);
      expect(await s.getMemberHistory('ghost', { limit: 5 })).toEqual({ studies: [], answers: [], attendance: [] });
      // Learning events only: the same lists, attendance left out.
      expect(await s.getMemberHistory('m-01', { limit: 3, attendance: false })).toEqual({ ...h, attendance: [] });
      expect(await s.getMemberHistory('m-01', { limit: 3, attendance: true })).toEqual(h);
    });

    it('reads many histories in one call, keyed by member, each capped', async () => {
      const s = get();
      for (let i = 0; i < 4; i++) await s.recordStudy(study(`s-${i}`, i < 3 ? 'm-01' : 'm-03', 'k-01', T0 + i * DAY));
      await s.recordAnswer(answer('a-1', 'm-03', 'q-02', T0));
      const map = await s.getHistoriesForMembers(['m-03', 'm-01', 'm-02'], { limit: 2 });
      expect(map.get('m-01')!.studies.map((e) => e.id)).toEqual(['s-2', 's-1']);
      expect(map.get('m-03')!.studies.map((e) => e.id)).toEqual(['s-3']);
      expect(map.get('m-03')!.answers.map((e) => e.id)).toEqual(['a-1']);
      expect(map.get('m-02')?.studies ?? []).toEqual([]);
      expect((await s.getHistoriesForMembers(['m-01'], { limit: 5, since: T0 + DAY })).get('m-01')!.studies).toHaveLength(2);
    });

    it('counts studies per course, optionally within branches and after a time', async () => {
      const s = get();
      await s.recordStudy(study('s-1', 'm-01', 'k-01', T0));
      await s.recordStudy(study('s-2', 'm-02', 'k-01', T0 + DAY));
      await s.recordStudy(study('s-3', 'm-04', 'k-01', T0 + DAY));
      await s.recordStudy(study('s-4', 'm-04', 'k-02', T0 + 2 * DAY));
      const all = await s.countStudiesByCourse({});
      expect(Object.fromEntries(all)).toEqual({ 'k-01': 3, 'k-02': 1 });
      expect(Object.fromEntries(await s.countStudiesByCourse({ branchIds: ['b-1'] }))).toEqual({ 'k-01': 2 });
      expect(Object.fromEntries(await s.countStudiesByCourse({ since: T0 + DAY }))).toEqual({ 'k-01': 2, 'k-02': 1 });
      expect(Object.fromEntries(await s.countStudiesByCourse({ branchIds: ['b-3'], since: T0 + 2 * DAY }))).toEqual({ 'k-02': 1 });
    });
  });
}
