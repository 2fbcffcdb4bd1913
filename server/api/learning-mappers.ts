/** What the learning resolvers return for GraphQL types without a 1:1 domain type (codegen `mappers`). */
import type { Gap, Member, StudyPlanItem } from '../../graph';
import type { BranchGapReport, BranchGapRow, LectureSuggestion } from '../learning/gaps/branch-gaps';
import type { MasteryProfile, PlanWithProgress } from '../learning/learner-services';
import type { MasteryEvidence } from '../learning/mastery-model';
import type { PracticeQuestion } from '../learning/recommend/practice';
import type { CourseRecommendation } from '../learning/recommend/rank-courses';

export type RecommendationModel = CourseRecommendation;
/** A stored gap with the member's current mastery of its topic. */
export type LearningGapModel = Gap & { mastery: number };
export type MasteryProfileModel = MasteryProfile;
export type AreaMasteryModel = import('../learning/services/mastery-profile').AreaMasteryFigure;
export interface TopicMasteryModel {
  topicId: string;
  mastery: number;
  target: number | null;
  updatedAt: number | null;
  assessed: boolean;
  evidence: MasteryEvidence[];
}
export interface NotAssessedTopicModel {
  topicId: string;
  target: number;
  reasons: string[];
}
export type MasteryEvidenceModel = MasteryEvidence;
export type DiscountedEvidenceModel = import('../learning/integrity/evidence-integrity').EventIntegrity;
export type EvidenceDiscountModel = import('../learning/integrity/evidence-integrity').IntegrityFinding;
export type BranchDiscountReasonModel = import('../learning/services/branch-integrity').BranchAnswerIntegrity['reasons'][number];
export type StudyPlanModel = PlanWithProgress & { member?: Member };
export type StudyPlanItemModel = StudyPlanItem & { progress: number };
export type PracticeQuestionModel = PracticeQuestion;
export type BranchGapsModel = BranchGapReport;
export type BranchGapRowModel = BranchGapRow;
export type LectureSuggestionModel = LectureSuggestion;
export type PlacementStepModel = import('../learning/diagnostic/placement-service').PlacementStepResult;
export type PlacementEstimateModel = { topicId: string; known: number };
