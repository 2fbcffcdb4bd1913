/** What the appraisal and talk-record resolvers return (codegen `mappers`). */
import type { AppraisalRound, SelfAssessment, TalkRecord } from '../../graph';
import type { AppraisalResult, MemberAppraisal } from '../appraisal/ballots';

export type AppraisalRoundModel = AppraisalRound;
export type AppraisalResultModel = AppraisalResult;
export type SelfAssessmentModel = SelfAssessment;
export type MemberAppraisalModel = MemberAppraisal;
export type TalkRecordModel = TalkRecord;
export interface TalkRecordReadModel {
  viewerId: string;
  viewerName: string;
  at: number;
}
export interface TalkCountModel {
  branchId: string;
  count: number;
}
