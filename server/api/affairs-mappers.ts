/** What the party-affairs resolvers return per GraphQL type (codegen `mappers`). */
import type { DuesPayment, Milestone, Notice, TransferCase, TransferStepRecord } from '../../graph';
import type { MemberDues, BranchDues, DuesPrompt, StandardView } from '../affairs/dues-service';
import type { NoticeForViewer, NoticeStats } from '../affairs/notice-service';
import type { PipelineView } from '../affairs/pipeline-service';
import type { ProfileContent } from '../affairs/profile';
import type { Arrears } from '../rules/evaluators/dues';
import type { Citation, Obligation, RuleDef } from '../rules/types';

export type PipelineViewModel = PipelineView;
export type MilestoneModel = Milestone;
export type AffairsObligationModel = Obligation;
export type AffairsCitationModel = Citation;
export type AffairsRuleModel = RuleDef<unknown>;
export type DuesStandardModel = StandardView;
export type DuesPaymentModel = DuesPayment;
export type DuesArrearsModel = Arrears;
export type DuesPromptModel = DuesPrompt;
export type MemberDuesModel = MemberDues;
export type BranchDuesModel = BranchDues;
export type BranchDuesPromptModel = BranchDues['prompts'][number];
export type TransferCaseModel = TransferCase;
export type TransferStepModel = TransferStepRecord;
export type LearningProfileModel = ProfileContent;
export interface LearningProfileExportModel {
  token: string;
  content: ProfileContent;
}
export interface LearningProfileImportModel {
  issuer: string;
  content: ProfileContent;
}
export type NoticeModel = Notice;
export type NoticeForViewerModel = NoticeForViewer;
export type NoticeStatsModel = NoticeStats;
export type ImportedLearningProfileModel = import('../affairs/profile-records').KeptProfile;
