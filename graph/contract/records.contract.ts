/** Absence reasons with attendance, minutes history, member records (compare-and-set) and imported profiles. */
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../affairs-model';
import type { ImportedProfile, MemberRecord } from '../records-model';
import type { GetStore } from './index';
import { DAY, expectCode, T0 } from './fixtures';

const rec = (extra: Partial<MemberRecord> = {}): MemberRecord => ({
  memberId: 'm-02',
  appliedAt: T0 - 900 * DAY,
  activistAt: T0 - 800 * DAY,
  candidateAt: T0 - 400 * DAY,
  joinedAt: T0 - 300 * DAY,
  fullAt: null,
  sponsorIds: ['m-01', 'm-04'],
  contactIds: ['m-01'],
  email: 'li@example.edu',
  version: 1,
  updatedAt: T0,
  updatedBy: 'm-04',
  ...extra,
});
const profile = (id: string, extra: Partial<ImportedProfile> = {}): ImportedProfile => ({
  id,
  memberId: 'm-01',
  issuer: 'https://other.example',
  token: 'a.b.c',
  content: '{"member":{"id":"x"}}',
  importedAt: T0,
  importedBy: 'm-02',
  ...extra,
});

async function meeting(get: GetStore, id = 'mt-r') {
  await get().createMeeting({ id, branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0, minutes: 60, record: '初稿' });
}

export function recordsContract(get: GetStore): void {
  describe('absence reasons, minutes history, member records, imported profiles', () => {
    it('keeps the reason of excused and absent rows with the attendance, and drops it when the member is marked present', async () => {
      const s = get();
      await meeting(get);
      await s.recordAttendance('mt-r', [
        { memberId: 'm-01', status: 'EXCUSED', reason: '外出实习' },
        { memberId: 'm-02', status: 'ABSENT', reason: '未请假' },
        { memberId: 'm-03', status: 'PRESENT', reason: 'ignored' },
      ]);
      expect((await s.listAttendance(['mt-r'])).map((a) => `${a.memberId}:${a.status}`)).toEqual(['m-01:EXCUSED', 'm-02:ABSENT', 'm-03:PRESENT']);
      expect(await s.listAbsenceReasons(['mt-r'])).toEqual([
        { meetingId: 'mt-r', memberId: 'm-01', reason: '外出实习' },
        { meetingId: 'mt-r', memberId: 'm-02', reason: '未请假' },
      ]);
      await s.recordAttendance('mt-r', [
        { memberId: 'm-01', status: 'PRESENT' },
        { memberId: 'm-02', status: 'ABSENT', reason: '病假' },
      ]);
      expect(await s.listAbsenceReasons(['mt-r'])).toEqual([{ meetingId: 'mt-r', memberId: 'm-02', reason: '病假' }]);
      expect(await s.listAbsenceReasons([])).toEqual([]);
    });

    it('writes no reason when a row names an unknown member', async () => {
      const s = get();
      await meeting(get);
      await expectCode(
        s.recordAttendance('mt-r', [
          { memberId: 'm-01', status: 'EXCUSED', reason: '出差' },
          { memberId: 'ghost', status: 'ABSENT', reason: 'x' },
        ]),
        'NOT_FOUND',
        /ghost/,
      );
      expect(await s.listAbsenceReasons(['mt-r'])).toEqual([]);
      expect(await s.listAttendance(['mt-r'])).toEqual([]);
    });

    it('replaces minutes keeping the earlier text with who and when, once per edit id', async () => {
      const s = get();
      await meeting(get);
      await s.updateMeetingRecord('mt-r', '第二稿', { id: 'e-1', at: T0 + DAY, by: 'm-02' });
      await s.updateMeetingRecord('mt-r', '第二稿', { id: 'e-1', at: T0 + DAY, by: 'm-02' });
      await s.updateMeetingRecord('mt-r', '定稿', { id: 'e-2', at: T0 + 2 * DAY, by: 'm-04' });
      expect((await s.getMeetingsByIds(['mt-r']))[0].record).toBe('定稿');
      expect(await s.listMeetingEdits(['mt-r'])).toEqual([
        { id: 'e-2', meetingId: 'mt-r', at: T0 + 2 * DAY, by: 'm-04', previous: '第二稿' },
        { id: 'e-1', meetingId: 'mt-r', at: T0 + DAY, by: 'm-02', previous: '初稿' },
      ]);
      await expectCode(s.updateMeetingRecord('ghost', 'x', { id: 'e-3', at: T0, by: 'm-02' }), 'NOT_FOUND', /ghost/);
      expect(await s.listMeetingEdits(['ghost'])).toEqual([]);
    });

    it('stores member records by compare-and-set on the version, with the phone in the same write', async () => {
      const s = get();
      expect(await s.getMemberRecords(['m-02'])).toEqual([]);
      await s.saveMemberRecord(rec(), 0, '13800000000');
      expect(await s.getMemberRecords(['m-05', 'm-02'])).toEqual([rec()]);
      expect((await s.getMembersByIds(['m-02']))[0].phone).toBe('13800000000');
      // A second editor who read version 0 loses: nothing of theirs is written.
      await expectCode(s.saveMemberRecord(rec({ email: 'x@x' }), 0, '1'), 'CONFLICT', /m-02/);
      await s.saveMemberRecord(rec({ version: 2, fullAt: T0 }), 1);
      expect((await s.getMemberRecords(['m-02']))[0]).toEqual(rec({ version: 2, fullAt: T0 }));
      expect((await s.getMembersByIds(['m-02']))[0].phone).toBe('13800000000');
    });

    it('writes a record save and a pipeline step only beside the other side as their callers read it', async () => {
      const s = get();
      const ev = { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null };
      const step = (id: string, at: number): Milestone => ({ id, memberId: 'm-02', step: 'APPLICATION', at, recordedAt: T0, recordedBy: 'm-04', evidence: ev });
      const changed = async (p: Promise<unknown>, side: string) => {
        const err = (await p.then(
          () => null,
          (e: unknown) => e,
        )) as { code?: string; details?: Record<string, unknown> } | null;
        expect(err?.code).toBe('CONFLICT');
        expect(err?.details?.changed).toBe(side);
      };
      await s.saveMemberRecord(rec(), 0, undefined, { milestoneIds: [] });
      // A step checked against "no record" loses to the record saved since: nothing of it is written.
      await changed(s.addMilestone(step('ms-r1', T0 - 901 * DAY), null, { recordVersion: 0 }), 'RECORD');
      expect((await s.listMilestones(['m-02'])).get('m-02')).toEqual([]);
      expect(await s.addMilestone(step('ms-r1', T0 - 900 * DAY), null, { recordVersion: 1 })).toEqual({ created: true });
      // A record checked against "no steps" loses to the step recorded since: the stored record stays.
      await changed(s.saveMemberRecord(rec({ version: 2, email: 'x@example.edu' }), 1, '1', { milestoneIds: [] }), 'PIPELINE');
      expect(await s.getMemberRecords(['m-02'])).toEqual([rec()]);
      expect((await s.getMembersByIds(['m-02']))[0].phone).not.toBe('1');
      await s.saveMemberRecord(rec({ version: 2, appliedAt: null }), 1, undefined, { milestoneIds: ['ms-r1'] });
      expect((await s.getMemberRecords(['m-02']))[0].version).toBe(2);
      // A retried step (same id and content) stays a no-op whatever the record's version.
      expect(await s.addMilestone(step('ms-r1', T0 - 900 * DAY), null, { recordVersion: 0 })).toEqual({ created: false });
    });

    it('refuses a record naming an unknown sponsor or member, writing nothing', async () => {
      const s = get();
      await expectCode(s.saveMemberRecord(rec({ sponsorIds: ['m-01', 'ghost'] }), 0, '1'), 'NOT_FOUND', /ghost/);
      await expectCode(s.saveMemberRecord(rec({ memberId: 'nobody' }), 0), 'NOT_FOUND', /nobody/);
      expect(await s.getMemberRecords(['m-02', 'nobody'])).toEqual([]);
      expect((await s.getMembersByIds(['m-02']))[0].phone).not.toBe('1');
    });

    it('keeps imported profiles once per id, newest first', async () => {
      const s = get();
      expect(await s.saveImportedProfile(profile('p-1'))).toEqual({ created: true });
      expect(await s.saveImportedProfile(profile('p-1'))).toEqual({ created: false });
      await expectCode(s.saveImportedProfile(profile('p-1', { token: 'other' })), 'CONFLICT', /p-1/);
      await s.saveImportedProfile(profile('p-2', { importedAt: T0 + DAY }));
      expect((await s.listImportedProfiles(['m-01'])).map((p) => p.id)).toEqual(['p-2', 'p-1']);
      expect(await s.listImportedProfiles(['m-01']).then((x) => x[1])).toEqual(profile('p-1'));
      await expectCode(s.saveImportedProfile(profile('p-3', { memberId: 'ghost' })), 'NOT_FOUND', /ghost/);
      expect(await s.listImportedProfiles(['ghost'])).toEqual([]);
    });

    it('discards an imported profile only for the member it is kept with, once', async () => {
      const s = get();
      await s.saveImportedProfile(profile('p-9'));
      expect(await s.deleteImportedProfile('p-9', 'm-02')).toBe(false);
      expect((await s.listImportedProfiles(['m-01'])).map((p) => p.id)).toContain('p-9');
      expect(await s.deleteImportedProfile('p-9', 'm-01')).toBe(true);
      expect(await s.deleteImportedProfile('p-9', 'm-01')).toBe(false);
      expect(await s.deleteImportedProfile('nothing', 'm-01')).toBe(false);
      expect((await s.listImportedProfiles(['m-01'])).map((p) => p.id)).not.toContain('p-9');
      // Kept again after a discard, it is a new profile.
      expect(await s.saveImportedProfile(profile('p-9'))).toEqual({ created: true });
    });
  });
}
