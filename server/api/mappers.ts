/**
 * What resolvers of GraphQL types without a 1:1 domain type return (codegen `mappers`). Domain
 * types (Member, Course, …) map directly to graph/model.ts.
 */
import type { AnswerEvent, Course, Member, MemberHistory, MeetingKind, Page, Question, Role, StudyEvent, Transfer } from '../../graph';
import type { Viewer } from '../auth/viewer';
import type { BranchLifeReport, KindLife } from '../life/branch-life';
import type { Period } from '../life/requirements';
import type { MeetingEdit } from '../../graph';

export type StudyRecordModel = StudyEvent;
export type AnswerRecordModel = AnswerEvent;
export type AttendanceRecordModel = MemberHistory['attendance'][number];
/** The loaded history and how many of each list the field asked for. */
export interface MemberActivityModel {
  history: MemberHistory;
  first: number;
}
export type MemberConnectionModel = Page<Member>;
export interface MemberEdgeModel {
  cursor: string;
  node: Member;
}
export type CourseConnectionModel = Page<Course>;
export interface CourseEdgeModel {
  cursor: string;
  node: Course;
}
export type QuestionConnectionModel = Page<Question>;
export type ViewerModel = Viewer;
export type BranchLifeModel = BranchLifeReport;
export type MeetingKindLifeModel = KindLife;
export type PeriodModel = Period;
export interface MissingMeetingModel {
  kind: MeetingKind;
  period: Period;
}
export interface MoveMemberPayloadModel {
  member: Member;
  transfer: Transfer;
}
export interface RecordStudyPayloadModel {
  event: StudyEvent;
  created: boolean;
  course: Course;
}
export interface RecordAnswerPayloadModel {
  event: AnswerEvent;
  created: boolean;
  question: Question;
}
export interface LoginPayloadModel {
  token: string;
  expiresAt: number;
  memberId: string;
  role: Role;
}
/** One change of a meeting's minutes. */
export type MeetingRecordEditModel = MeetingEdit;
/** A member's record with the member and the phone as the viewer may see it. */
export type MemberRecordModel = import('../members/member-record-service').MemberRecordView;
export type MemberRecordConflictModel = import('../members/record-pipeline').RecordConflict;
