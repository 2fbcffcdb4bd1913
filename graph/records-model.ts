/**
 * Records a secretary keeps beside the meetings and the pipeline: the reason a member was excused or
 * absent, earlier versions of a meeting's minutes, a member's record (党员档案: dates of each stage,
 * sponsors 入党介绍人 and 培养联系人, contact), and learning profiles imported from another Hongtu.
 * Times are epoch ms.
 */

/** Why a member was excused or absent from a meeting. Personal data. */
export interface AbsenceReason {
  meetingId: string;
  memberId: string;
  reason: string;
}

/** One change of a meeting's minutes: who changed them, when, and the text before the change. */
export interface MeetingEdit {
  id: string;
  meetingId: string;
  at: number;
  by: string;
  previous: string;
}

/** A member's record (党员档案). Each date is when the member reached that stage; null = not recorded. */
export interface MemberRecord {
  memberId: string;
  /** 递交入党申请书 */
  appliedAt: number | null;
  /** 确定为入党积极分子 */
  activistAt: number | null;
  /** 列为发展对象 */
  candidateAt: number | null;
  /** 入党（接收为预备党员）: the join date. */
  joinedAt: number | null;
  /** 转为正式党员 */
  fullAt: number | null;
  /** 入党介绍人: member ids. */
  sponsorIds: string[];
  /** 培养联系人: member ids. */
  contactIds: string[];
  email: string | null;
  /** Starts at 1 and grows by one with each save (compare-and-set). */
  version: number;
  updatedAt: number;
  updatedBy: string;
}

/** A verified learning profile from another instance, kept with the member it was imported for. */
export interface ImportedProfile {
  /** Issuer and the sender's transfer id: one profile per transfer. */
  id: string;
  memberId: string;
  issuer: string;
  /** The signed document as received (JWS compact form). */
  token: string;
  /** What it carries, as verified (JSON text of the profile content). */
  content: string;
  importedAt: number;
  importedBy: string;
}
