/**
 * Domain types of party affairs: the development pipeline (发展党员), transfer cases (组织关系转接),
 * dues (党费) and notices (党务公开). Times are epoch ms; money is integer fen (1 yuan = 100 fen);
 * months are 'YYYY-MM' in China Standard Time.
 */

/** The dated steps of the development pipeline, in the order the rules require them. */
export const PIPELINE_STEPS = [
  'APPLICATION',
  'TALK',
  'ACTIVIST',
  'REVIEW',
  'CANDIDATE',
  'POLITICAL_REVIEW',
  'TRAINING',
  'PRE_REVIEW',
  'PUBLIC_NOTICE',
  'BRANCH_VOTE',
  'COMMITTEE_APPROVAL',
  'FULL_MEMBERSHIP',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** What a recorded step rests on: a meeting, a document reference, the people involved. */
export interface MilestoneEvidence {
  meetingId: string | null;
  documentRef: string | null;
  /** Member ids involved (for ACTIVIST: the two sponsors 培养联系人). */
  people: string[];
  /** Training length, for TRAINING. */
  trainingDays: number | null;
  trainingHours: number | null;
  note: string | null;
}

export interface Milestone {
  id: string;
  memberId: string;
  step: PipelineStep;
  /** When the step happened. */
  at: number;
  recordedAt: number;
  recordedBy: string;
  evidence: MilestoneEvidence;
}

export const DUES_CATEGORIES = ['EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'RELIEF'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** A member's dues standard for one year (党费标准), set from the income base by the catalogue's brackets. */
export interface DuesStandard {
  memberId: string;
  year: number;
  category: DuesCategory;
  /** Monthly income after tax (or pension) in fen; null for fixed-minimum categories. Personal data. */
  baseFen: number | null;
  /** The amount the brackets give, in fen per month. */
  computedFen: number;
  /** What the member pays per month (≥ computedFen: members may pay more). */
  monthlyFen: number;
  ruleId: string;
  ruleVersion: number;
  recordedAt: number;
  recordedBy: string;
}

/** One payment for one or several consecutive months; `id` comes from the client (idempotent). */
export interface DuesPayment {
  id: string;
  memberId: string;
  /** Months covered, ascending, 'YYYY-MM'. */
  months: string[];
  amountFen: number;
  paidAt: number;
  recordedBy: string;
}

export const TRANSFER_CASE_KINDS = ['INTERNAL', 'OUT', 'IN'] as const;
export type TransferCaseKind = (typeof TRANSFER_CASE_KINDS)[number];

/**
 * INTERNAL: INITIATED → APPROVED → COMPLETED. OUT: INITIATED → APPROVED → LETTER_ISSUED → COMPLETED (回执).
 * IN: LETTER_RECEIVED → COMPLETED. Any open case may be CANCELLED.
 */
export const TRANSFER_CASE_STATUSES = ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED', 'COMPLETED', 'CANCELLED'] as const;
export type TransferCaseStatus = (typeof TRANSFER_CASE_STATUSES)[number];

export interface TransferStepRecord {
  status: TransferCaseStatus;
  at: number;
  by: string;
  note: string | null;
}

export interface TransferCase {
  id: string;
  memberId: string;
  kind: TransferCaseKind;
  status: TransferCaseStatus;
  fromBranchId: string | null;
  toBranchId: string | null;
  /** The organization outside the university (OUT: where to; IN: where from). */
  externalOrg: string | null;
  letterNumber: string | null;
  /** Letter valid until (epoch ms); the receipt is overdue after it. */
  validUntil: number | null;
  /** Dues paid up to and including this month, 'YYYY-MM'. */
  duesPaidUntil: string | null;
  reason: string;
  batchId: string | null;
  /** When the member consented to export their learning profile; null = no consent. */
  profileConsentAt: number | null;
  steps: TransferStepRecord[];
  createdAt: number;
  updatedAt: number;
}

export const NOTICE_AUDIENCES = ['BRANCH', 'COMMITTEE', 'UNIVERSITY'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
export const NOTICE_KINDS = ['GENERAL', 'PIPELINE'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  id: string;
  kind: NoticeKind;
  audience: NoticeAudience;
  /** Branch, committee or university id. */
  audienceId: string;
  title: string;
  body: string;
  publishedAt: number;
  publishedBy: string;
  /** Public-notice period (公示期) in working days, and when it ends (exclusive); null when none. */
  periodWorkingDays: number | null;
  periodEndsAt: number | null;
  /** For PIPELINE notices: the person in the pipeline. */
  subjectMemberId: string | null;
}

export interface NoticeRead {
  noticeId: string;
  memberId: string;
  at: number;
}
