/** What the learning resolvers return for GraphQL types without a 1:1 domain type (codegen `mappers`). */
import type { Gap, Member, StudyPlanItem } from '../../graph';
import type { BranchGapReport, BranchGapRow, LectureSuggestion } from '../learning/gaps/branch-gaps';
import type { PlanWithProgress } from '../learning/learner-services';
import type { LearnerSnapshot } from '../learning/mastery/learner-snapshot';
import type { PracticeQuestion } from '../learning/recommend/practice';
import type { CourseRecommendation } from '../learning/recommend/rank-courses';

export type RecommendationModel = CourseRecommendation;
/** A stored gap with the member's current mastery of its topic. */
export type LearningGapModel = Gap & { mastery: number };
export type MasteryProfileModel = LearnerSnapshot;
export interface AreaMasteryModel { area: string; mastery: number; target: number | null; requirement: string | null }
export interface TopicMasteryModel { topicId: string; mastery: number; target: number | null; updatedAt: number | null }
export type StudyPlanModel = PlanWithProgress & { member?: Member };
export type StudyPlanItemModel = StudyPlanItem & { progress: number };
export type PracticeQuestionModel = PracticeQuestion;
export type BranchGapsModel = BranchGapReport;
export type BranchGapRowModel = BranchGapRow;
export type LectureSuggestionModel = LectureSuggestion;
