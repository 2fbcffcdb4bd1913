/** Appraisal rounds, blind-signature issuance, anonymous ballots, self-assessments and talk records. */
import { describe, expect, it } from 'vitest';
import type { AppraisalRound, TalkRecord } from '../appraisal';
import type { GetStore } from './index';
import { DAY, expectCode, snapshot, T0 } from './fixtures';

const round = (id: string, over: Partial<AppraisalRound> = {}): AppraisalRound => ({
  id,
  branchId: 'b-1',
  title: '2025年度民主评议党员',
  periodFrom: T0,
  periodTo: T0 + 365 * DAY,
  closesAt: T0 + 400 * DAY,
  closedAt: null,
  minBallots: 5,
  publicKey: 'pk-base64',
  voterIds: ['m-01', 'm-02'],
  appraiseeIds: ['m-01', 'm-02'],
  createdBy: 'm-02',
  createdAt: T0,
  ...over,
});

const talk = (id: string, over: Partial<TalkRecord> = {}): TalkRecord => ({
  id,
  subjectId: 'm-01',
  branchId: 'b-1',
  kind: 'YEARLY',
  at: T0,
  participantIds: ['m-01', 'm-02'],
  summary: '谈了学习和工作情况',
  followUp: '',
  forCommittee: false,
  createdBy: 'm-02',
  createdAt: T0,
  ...over,
});

export function appraisalContract(get: GetStore): void {
  describe('appraisal and talk records', () => {
    it('creates a round idempotently, keeps its key apart, and destroys the key on close', async () => {
      const s = get();
      expect(await s.createAppraisalRound(round('ar-1'), 'sealed')).toEqual({ created: true });
      expect(await s.createAppraisalRound(round('ar-1', { branchId: 'b-2' }), 'other')).toEqual({ created: false });
      expect(await s.getAppraisalRoundsByIds(['nope', 'ar-1'])).toEqual([round('ar-1')]);
      expect(await s.getAppraisalRoundKey('ar-1')).toBe('sealed');
      await s.createAppraisalRound(round('ar-2', { createdAt: T0 + DAY }), 'sealed-2');
      expect((await s.listAppraisalRounds(['b-1'])).map((r) => r.id)).toEqual(['ar-2', 'ar-1']);
      expect(await s.listAppraisalRounds(['b-2'])).toEqual([]);
      expect(await s.closeAppraisalRound('ar-1', T0 + 2 * DAY)).toBe(true);
      expect(await s.closeAppraisalRound('ar-1', T0 + 3 * DAY)).toBe(false);
      expect(await s.getAppraisalRoundKey('ar-1')).toBeNull();
      expect((await s.getAppraisalRoundsByIds(['ar-1']))[0].closedAt).toBe(T0 + 2 * DAY);
    });

    it('rejects a round of an unknown branch or member, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.createAppraisalRound(round('ar-9', { branchId: 'b-9' }), 'k'), 'NOT_FOUND', /b-9/);
      await expectCode(s.createAppraisalRound(round('ar-9', { appraiseeIds: ['m-01', 'm-99'] }), 'k'), 'NOT_FOUND', /m-99/);
      expect(await s.getAppraisalRoundsByIds(['ar-9'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });

    it('issues once per voter: a retry with the same blinded message is SAME, another message is OTHER', async () => {
      const s = get();
      await s.createAppraisalRound(round('ar-1'), 'k');
      expect(await s.recordBallotIssue('ar-1', 'm-01', 'h1')).toBe('ISSUED');
      expect(await s.recordBallotIssue('ar-1', 'm-01', 'h1')).toBe('SAME');
      expect(await s.recordBallotIssue('ar-1', 'm-01', 'h2')).toBe('OTHER');
      expect(await s.hasBallotIssue('ar-1', 'm-01')).toBe(true);
      expect(await s.hasBallotIssue('ar-1', 'm-02')).toBe(false);
      expect(await s.countBallotIssues('ar-1')).toBe(1);
    });

    it('stores a ballot once per token hash, under concurrent replays too, and lists by hash', async () => {
      const s = get();
      await s.createAppraisalRound(round('ar-1'), 'k');
      const grades = [
        { memberId: 'm-01', grade: 'EXCELLENT' as const, comment: '积极' },
        { memberId: 'm-02', grade: 'QUALIFIED' as const, comment: null },
      ];
      const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => s.storeBallot({ tokenHash: 'ff', roundId: 'ar-1', grades })));
      expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === true)).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(await s.storeBallot({ tokenHash: 'aa', roundId: 'ar-1', grades: grades.slice(1) })).toBe(true);
      expect(await s.listBallots('ar-1')).toEqual([
        { tokenHash: 'aa', roundId: 'ar-1', grades: grades.slice(1) },
        { tokenHash: 'ff', roundId: 'ar-1', grades },
      ]);
      expect(await s.listBallots('ar-2')).toEqual([]);
    });

    it('keeps one self-assessment per round and member', async () => {
      const s = get();
      await s.createAppraisalRound(round('ar-1'), 'k');
      await s.upsertSelfAssessment({ roundId: 'ar-1', memberId: 'm-01', text: '初稿', updatedAt: T0 });
      await s.upsertSelfAssessment({ roundId: 'ar-1', memberId: 'm-01', text: '定稿', updatedAt: T0 + DAY });
      await s.upsertSelfAssessment({ roundId: 'ar-1', memberId: 'm-02', text: '自评', updatedAt: T0 });
      expect(await s.listSelfAssessments(['ar-1'], ['m-01'])).toEqual([{ roundId: 'ar-1', memberId: 'm-01', text: '定稿', updatedAt: T0 + DAY }]);
      expect((await s.listSelfAssessments(['ar-1'])).map((a) => a.memberId)).toEqual(['m-01', 'm-02']);
      expect(await s.listSelfAssessments(['ar-1'], [])).toEqual([]);
    });

    it('creates talk records idempotently and filters them by subject, participant, branch and time', async () => {
      const s = get();
      expect(await s.createTalkRecord(talk('tr-1'))).toEqual({ created: true });
      expect(await s.createTalkRecord(talk('tr-1', { summary: '改过' }))).toEqual({ created: false });
      await s.createTalkRecord(talk('tr-2', { subjectId: 'm-03', branchId: 'b-2', participantIds: ['m-03', 'm-04'], at: T0 + DAY, forCommittee: true }));
      expect(await s.getTalkRecordsByIds(['tr-1'])).toEqual([talk('tr-1')]);
      const ids = async (f: Parameters<ReturnType<GetStore>['listTalkRecords']>[0]) => (await s.listTalkRecords(f)).map((t) => t.id);
      expect(await ids({})).toEqual(['tr-2', 'tr-1']);
      expect(await ids({ subjectIds: ['m-01'] })).toEqual(['tr-1']);
      expect(await ids({ participantId: 'm-04' })).toEqual(['tr-2']);
      expect(await ids({ branchIds: ['b-1'] })).toEqual(['tr-1']);
      expect(await ids({ from: T0 + DAY })).toEqual(['tr-2']);
      expect(await ids({ to: T0 + DAY })).toEqual(['tr-1']);
      expect(await ids({ subjectIds: [] })).toEqual([]);
      expect(await s.countTalkRecords(null, T0, T0 + 2 * DAY)).toEqual(
        new Map([
          ['b-1', 1],
          ['b-2', 1],
        ]),
      );
      expect(await s.countTalkRecords(['b-2'], T0, T0 + 2 * DAY)).toEqual(new Map([['b-2', 1]]));
      expect((await s.getTalkRecordsByIds(['tr-2']))[0].forCommittee).toBe(true);
    });

    it('rejects a talk record naming an unknown member, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.createTalkRecord(talk('tr-9', { participantIds: ['m-01', 'm-77'] })), 'NOT_FOUND', /m-77/);
      expect(await s.getTalkRecordsByIds(['tr-9'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });
  });
}
