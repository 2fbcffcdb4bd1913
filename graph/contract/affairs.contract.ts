/** Party affairs: milestones (compare-and-set), dues standards and payments, transfer cases, notices and reads. */
import { describe, expect, it } from 'vitest';
import type { DuesPayment, Milestone, Notice, TransferCase } from '../affairs-model';
import type { GetStore } from './index';
import { DAY, expectCode, snapshot, T0 } from './fixtures';

const ev = { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null };
const ms = (id: string, step: Milestone['step'], at: number, memberId = 'm-05'): Milestone => ({ id, memberId, step, at, recordedAt: at, recordedBy: 'm-04', evidence: ev });
const pay = (id: string, months: string[], amountFen = 20 * months.length, memberId = 'm-01'): DuesPayment => ({ id, memberId, months, amountFen, paidAt: T0, recordedBy: 'm-02' });
const tcase = (id: string, extra: Partial<TransferCase> = {}): TransferCase => ({
  id,
  memberId: 'm-01',
  kind: 'INTERNAL',
  status: 'INITIATED',
  fromBranchId: 'b-1',
  toBranchId: 'b-2',
  externalOrg: null,
  letterNumber: null,
  validUntil: null,
  duesPaidUntil: null,
  reason: '毕业',
  batchId: null,
  profileConsentAt: null,
  steps: [{ status: 'INITIATED', at: T0, by: 'm-02', note: null }],
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});
const notice = (id: string, extra: Partial<Notice> = {}): Notice => ({
  id,
  kind: 'GENERAL',
  audience: 'BRANCH',
  audienceId: 'b-1',
  title: '通知',
  body: '正文',
  publishedAt: T0,
  publishedBy: 'm-02',
  periodWorkingDays: null,
  periodEndsAt: null,
  subjectMemberId: null,
  ...extra,
});

export function affairsContract(get: GetStore): void {
  describe('party affairs', () => {
    it('adds milestones idempotently, oldest first, with compare-and-set on the newest', async () => {
      const s = get();
      expect(await s.addMilestone(ms('p-1', 'APPLICATION', T0), null)).toEqual({ created: true });
      expect(await s.addMilestone(ms('p-1', 'APPLICATION', T0), null)).toEqual({ created: false });
      expect(await s.addMilestone(ms('p-2', 'TALK', T0 + 10 * DAY), 'p-1')).toEqual({ created: true });
      await expectCode(s.addMilestone(ms('p-3', 'ACTIVIST', T0 + 20 * DAY), 'p-1'), 'CONFLICT', /changed/);
      await expectCode(s.addMilestone({ ...ms('p-1', 'TALK', T0 + DAY) }, 'p-2'), 'CONFLICT', /p-1/);
      const got = await s.listMilestones(['m-05', 'm-01']);
      expect(got.get('m-05')!.map((m) => m.id)).toEqual(['p-1', 'p-2']);
      expect(got.get('m-05')![1]).toEqual(ms('p-2', 'TALK', T0 + 10 * DAY));
      expect(got.get('m-01')).toEqual([]);
    });

    it('rejects a milestone of an unknown member, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.addMilestone(ms('p-9', 'APPLICATION', T0, 'ghost'), null), 'NOT_FOUND', /ghost/);
      expect(await snapshot(s)).toEqual(before);
    });

    it('keeps one dues standard per member and year, replacing it', async () => {
      const s = get();
      const st = {
        memberId: 'm-01',
        year: 2025,
        category: 'STUDENT' as const,
        baseFen: null,
        computedFen: 20,
        monthlyFen: 20,
        ruleId: 'dues.fixed-minimum',
        ruleVersion: 1,
        recordedAt: T0,
        recordedBy: 'm-02',
      };
      await s.setDuesStandard(st);
      await s.setDuesStandard({ ...st, monthlyFen: 100 });
      await s.setDuesStandard({ ...st, year: 2026 });
      expect((await s.listDuesStandards(['m-01'])).map((x) => [x.year, x.monthlyFen])).toEqual([
        [2025, 100],
        [2026, 20],
      ]);
      expect((await s.listDuesStandards(['m-01'], 2026)).length).toBe(1);
      await expectCode(s.setDuesStandard({ ...st, memberId: 'ghost' }), 'NOT_FOUND', /ghost/);
    });

    it('records payments idempotently by id; other content or a month paid twice is a conflict', async () => {
      const s = get();
      expect(await s.recordDuesPayment(pay('d-1', ['2025-01', '2025-02']))).toEqual({ created: true });
      expect(await s.recordDuesPayment(pay('d-1', ['2025-01', '2025-02']))).toEqual({ created: false });
      await expectCode(s.recordDuesPayment(pay('d-1', ['2025-03'])), 'CONFLICT', /d-1/);
      await expectCode(s.recordDuesPayment(pay('d-2', ['2025-02', '2025-03'])), 'CONFLICT', /2025-02/);
      expect(await s.recordDuesPayment(pay('d-3', ['2025-03']))).toEqual({ created: true });
      expect((await s.listDuesPayments(['m-01'])).map((p) => p.id).sort()).toEqual(['d-1', 'd-3']);
      await expectCode(s.recordDuesPayment(pay('d-4', ['2025-01'], 20, 'ghost')), 'NOT_FOUND', /ghost/);
    });

    it('creates transfer cases idempotently and advances them with compare-and-set', async () => {
      const s = get();
      expect(await s.createTransferCase(tcase('t-1'))).toEqual({ created: true });
      expect(await s.createTransferCase(tcase('t-1'))).toEqual({ created: false });
      await expectCode(s.createTransferCase(tcase('t-1', { toBranchId: 'b-3' })), 'CONFLICT', /t-1/);
      await expectCode(s.createTransferCase(tcase('t-2', { toBranchId: 'b-404' })), 'NOT_FOUND', /b-404/);
      const next = await s.advanceTransferCase('t-1', 'INITIATED', { status: 'APPROVED', step: { at: T0 + DAY, by: 'm-04', note: '同意' } });
      expect(next.status).toBe('APPROVED');
      expect(next.steps.map((x) => x.status)).toEqual(['INITIATED', 'APPROVED']);
      await expectCode(s.advanceTransferCase('t-1', 'INITIATED', { status: 'APPROVED', step: { at: T0, by: 'm-04', note: null } }), 'CONFLICT', /APPROVED/);
      await expectCode(s.advanceTransferCase('t-404', 'INITIATED', { status: 'APPROVED', step: { at: T0, by: 'm-04', note: null } }), 'NOT_FOUND', /t-404/);
      expect((await s.getTransferCasesByIds(['t-1']))[0]).toEqual(next);
      expect((await s.listTransferCases({ branchIds: ['b-2'] })).map((c) => c.id)).toEqual(['t-1']);
      expect(await s.listTransferCases({ memberIds: ['m-01'], statuses: ['COMPLETED'] })).toEqual([]);
      expect(await s.listTransferCases({ branchIds: ['b-3'] })).toEqual([]);
    });

    it('publishes notices to audiences and records first reads', async () => {
      const s = get();
      expect(await s.createNotice(notice('n-1'))).toEqual({ created: true });
      expect(await s.createNotice(notice('n-1'))).toEqual({ created: false });
      await expectCode(s.createNotice(notice('n-1', { title: '别的' })), 'CONFLICT', /n-1/);
      await s.createNotice(notice('n-2', { audience: 'COMMITTEE', audienceId: 'c-1', publishedAt: T0 + DAY }));
      await expectCode(s.createNotice(notice('n-3', { audienceId: 'b-404' })), 'NOT_FOUND', /b-404/);
      const list = await s.listNotices([
        { audience: 'BRANCH', id: 'b-1' },
        { audience: 'COMMITTEE', id: 'c-1' },
      ]);
      expect(list.map((n) => n.id)).toEqual(['n-2', 'n-1']);
      expect(await s.listNotices([{ audience: 'COMMITTEE', id: 'b-1' }])).toEqual([]);
      expect(await s.markNoticeRead('n-1', 'm-01', T0 + 5)).toEqual({ created: true });
      expect(await s.markNoticeRead('n-1', 'm-01', T0 + 9)).toEqual({ created: false });
      await expectCode(s.markNoticeRead('n-1', 'ghost', T0), 'NOT_FOUND', /ghost/);
      expect(await s.listNoticeReads(['n-1', 'n-2'])).toEqual([{ noticeId: 'n-1', memberId: 'm-01', at: T0 + 5 }]);
      expect((await s.getNoticesByIds(['n-2', 'x', 'n-1'])).map((n) => n.id)).toEqual(['n-2', 'n-1']);
    });
  });
}
