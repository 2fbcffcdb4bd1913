/**
 * The part of the GraphStore that holds party affairs (pipeline milestones, dues, transfer cases,
 * notices). Same conventions as graph/store.ts: unknown ids → NOT_FOUND with nothing written; writes
 * idempotent by id (same content → `{ created: false }`, other content → CONFLICT); batch reads in
 * the order asked for.
 */
import type { DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, NoticeRead, TransferCase, TransferCaseStatus } from './affairs-model';
import type { WriteResult } from './store';
import type { RecordGuard } from './write-checks';

export interface TransferCasePatch {
  status: TransferCaseStatus;
  /** The step record appended to the case's history. */
  step: { at: number; by: string; note: string | null };
  letterNumber?: string | null;
  validUntil?: number | null;
  duesPaidUntil?: string | null;
  profileConsentAt?: number | null;
  toBranchId?: string | null;
}

export interface AffairsStore {
  // ---- development pipeline ----
  /**
   * Add a milestone when the member's newest milestone id is still `expectLatest` (null = none):
   * a compare-and-set, so two concurrent steps cannot both pass the order check. A changed newest
   * milestone → CONFLICT. Same id and content again → `{ created: false }`. With `record`, the member's
   * record must still be at that version (0 = none; the step was checked against it), else CONFLICT
   * with `details.changed = 'RECORD'`.
   */
  addMilestone(m: Milestone, expectLatest: string | null, record?: RecordGuard): Promise<WriteResult>;
  /** Milestones per member, oldest first (by `at`, then id). */
  listMilestones(memberIds: string[]): Promise<Map<string, Milestone[]>>;

  // ---- dues ----
  /** Insert or replace the standard of (memberId, year). Unknown member → NOT_FOUND. */
  setDuesStandard(s: DuesStandard): Promise<void>;
  /** Standards of the members (all years, or one year), by member then year. */
  listDuesStandards(memberIds: string[], year?: number): Promise<DuesStandard[]>;
  /**
   * Record a payment. Same id and content → `{ created: false }`; same id, other content → CONFLICT;
   * a month already paid by another payment → CONFLICT naming the month. Checked in the write.
   */
  recordDuesPayment(p: DuesPayment): Promise<WriteResult>;
  /** Payments of the members, by member then paidAt. */
  listDuesPayments(memberIds: string[]): Promise<DuesPayment[]>;

  // ---- transfer cases ----
  /** Create a case; idempotent by id (same content → created:false, other content → CONFLICT). */
  createTransferCase(c: TransferCase): Promise<WriteResult>;
  /** Move a case from `expect` to patch.status (compare-and-set; another status → CONFLICT). */
  advanceTransferCase(id: string, expect: TransferCaseStatus, patch: TransferCasePatch): Promise<TransferCase>;
  getTransferCasesByIds(ids: string[]): Promise<TransferCase[]>;
  /** Cases touching the branches (from or to), or of the members; newest first. */
  listTransferCases(filter: { branchIds?: string[]; memberIds?: string[]; statuses?: TransferCaseStatus[] }): Promise<TransferCase[]>;

  // ---- notices ----
  createNotice(n: Notice): Promise<WriteResult>;
  getNoticesByIds(ids: string[]): Promise<Notice[]>;
  /** Notices addressed to any of the audiences, newest first. */
  listNotices(audiences: { audience: NoticeAudience; id: string }[]): Promise<Notice[]>;
  /** Record that a member read a notice (the first read time is kept). Unknown ids → NOT_FOUND. */
  markNoticeRead(noticeId: string, memberId: string, at: number): Promise<WriteResult>;
  listNoticeReads(noticeIds: string[]): Promise<NoticeRead[]>;
}
