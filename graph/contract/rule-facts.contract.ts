/**
 * The rules engine's batched facts (readBranchFacts): for the branches asked for, the same members,
 * groups, meetings, milestones, dues, open letters and talks the per-kind reads return, and nothing of
 * other branches or outside the span.
 */
import { describe, expect, it } from 'vitest';
import type { DuesPayment, DuesStandard, Milestone, TransferCase } from '../affairs-model';
import type { TalkRecord } from '../appraisal';
import type { GetStore } from './index';
import { DAY, T0 } from './fixtures';

const ev = { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null };
const ms = (id: string, memberId: string, at: number): Milestone => ({ id, memberId, step: 'APPLICATION', at, recordedAt: at, recordedBy: 'm-02', evidence: ev });
const std = (memberId: string): DuesStandard => ({
  memberId,
  year: 2025,
  category: 'STUDENT',
  baseFen: null,
  computedFen: 20,
  monthlyFen: 20,
  ruleId: 'dues.fixed-minimum',
  ruleVersion: 1,
  recordedAt: T0,
  recordedBy: 'm-02',
});
const pay = (id: string, memberId: string): DuesPayment => ({ id, memberId, months: ['2025-01', '2025-02'], amountFen: 40, paidAt: T0, recordedBy: 'm-02' });
const letter = (id: string, memberId: string, status: TransferCase['status']): TransferCase => ({
  id,
  memberId,
  kind: 'OUT',
  status,
  fromBranchId: 'b-1',
  toBranchId: null,
  externalOrg: '外单位',
  letterNumber: `L-${id}`,
  validUntil: T0 + 30 * DAY,
  duesPaidUntil: '2025-02',
  reason: '毕业',
  batchId: null,
  profileConsentAt: null,
  steps: [],
  createdAt: T0,
  updatedAt: T0,
});
const talk = (id: string, subjectId: string, branchId: string, at: number): TalkRecord => ({
  id,
  subjectId,
  branchId,
  kind: 'YEARLY',
  at,
  participantIds: [subjectId, 'm-02'],
  summary: '谈话内容',
  followUp: '',
  forCommittee: false,
  createdBy: 'm-02',
  createdAt: at,
});
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

export function ruleFactsContract(get: GetStore): void {
  describe('rule facts for many branches', () => {
    it('reads each kind of fact of the branches asked for, and only theirs', async () => {
      const s = get();
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '党员大会', at: T0 + DAY, minutes: 60, record: '记录' });
      await s.createMeeting({ id: 'mt-2', branchId: 'b-2', kind: 'PARTY_LECTURE', title: '党课', at: T0 + 2 * DAY, minutes: 45, record: '' });
      await s.createMeeting({ id: 'mt-3', branchId: 'b-1', kind: 'THEME_DAY', title: '主题党日', at: T0 + 40 * DAY, minutes: 60, record: '' });
      await s.createMeeting({ id: 'mt-4', branchId: 'b-3', kind: 'BRANCH_ASSEMBLY', title: '别的支部', at: T0 + DAY, minutes: 60, record: '' });
      await s.addMilestone(ms('ms-1', 'm-01', T0), null);
      await s.addMilestone(ms('ms-3', 'm-03', T0), null);
      await s.addMilestone(ms('ms-5', 'm-05', T0), null);
      for (const m of ['m-01', 'm-03', 'm-05']) await s.setDuesStandard(std(m));
      await s.recordDuesPayment(pay('pay-1', 'm-01'));
      await s.recordDuesPayment(pay('pay-5', 'm-05'));
      await s.createTransferCase(letter('tc-1', 'm-01', 'LETTER_ISSUED'));
      await s.createTransferCase(letter('tc-2', 'm-03', 'INITIATED'));
      await s.createTransferCase(letter('tc-5', 'm-05', 'LETTER_ISSUED'));
      await s.createTalkRecord(talk('tk-1', 'm-01', 'b-1', T0 + 3 * DAY));
      await s.createTalkRecord(talk('tk-2', 'm-03', 'b-2', T0 - DAY));
      await s.createTalkRecord(talk('tk-5', 'm-05', 'b-3', T0 + 3 * DAY));

      const f = await s.readBranchFacts(['b-1', 'b-2', 'b-1', 'no-such-branch'], T0, T0 + 30 * DAY);
      expect(f.members).toEqual([
        { id: 'm-01', name: '张三', branchId: 'b-1', stage: 'FULL' },
        { id: 'm-02', name: '李四', branchId: 'b-1', stage: 'PROBATIONARY' },
        { id: 'm-03', name: '王五', branchId: 'b-2', stage: 'ACTIVIST' },
      ]);
      expect([...f.groupCounts]).toEqual([['b-1', 1]]);
      expect(f.meetings).toEqual([
        { id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '党员大会', at: T0 + DAY },
        { id: 'mt-2', branchId: 'b-2', kind: 'PARTY_LECTURE', title: '党课', at: T0 + 2 * DAY },
      ]);
      expect(ids(f.milestones)).toEqual(['ms-1', 'ms-3']);
      expect(f.milestones.find((x) => x.id === 'ms-1')).toEqual(ms('ms-1', 'm-01', T0));
      expect(f.duesStandards.map((x) => x.memberId).sort()).toEqual(['m-01', 'm-03']);
      expect(f.duesStandards.find((x) => x.memberId === 'm-01')).toEqual(std('m-01'));
      expect(f.duesPayments).toEqual([pay('pay-1', 'm-01')]);
      expect(f.openLetters).toEqual([letter('tc-1', 'm-01', 'LETTER_ISSUED')]);
      expect(f.talks).toEqual([{ subjectId: 'm-01', branchId: 'b-1', kind: 'YEARLY', at: T0 + 3 * DAY }]);

      // The same facts as the per-kind reads.
      const memberIds = f.members.map((m) => m.id);
      expect(ids(f.milestones)).toEqual(ids([...(await s.listMilestones(memberIds)).values()].flat()));
      expect(f.duesPayments).toEqual(await s.listDuesPayments(memberIds));
      expect(f.openLetters).toEqual(await s.listTransferCases({ memberIds, statuses: ['LETTER_ISSUED'] }));
    });

    it('answers no branches, or unknown ones, with nothing', async () => {
      const s = get();
      for (const f of [await s.readBranchFacts([], 0, T0), await s.readBranchFacts(['ghost'], 0, T0)]) {
        expect(f.members).toEqual([]);
        expect(f.groupCounts.size).toBe(0);
        expect([f.meetings, f.milestones, f.duesStandards, f.duesPayments, f.openLetters, f.talks].every((x) => x.length === 0)).toBe(true);
      }
    });
  });
}
