/**
 * The learner-facing intelligence in one object for the composition root (start-server / tests):
 * mastery updates (event hooks), gaps, recommendations, study plans, practice questions, placement,
 * portraits and branch gap reports. Each concern lives in its own module under services/; this class
 * binds them to one store and model. Services take already scope-checked members; the session-level
 * entry points with permission checks and audit notes are in learning-service.ts.
 *
 * `applyMemberEvent(memberId, now)` is called by the event hooks after every stored answer or study
 * session, and is safe to call again for the same event (it refolds the member's stored history).
 *
 * Mastery of members who have history but no rows (right after the demo bulk load) is replayed from
 * their history lazily, on the first read that needs it (one batched read per request), so the demo
 * shows mastery and gaps immediately without a start-up pass over every member.
 */
import type { BranchGapReport } from './gaps/branch-gaps';
import type { GraphStore, Member, Progress } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { EventHooks } from '../members/activity';
import type { PlacementStepResult } from './diagnostic/placement-service';
import type { MasteryModel } from './mastery-model';
import type { LearnerModelParams } from './model/learner-model';
import { createProductModel } from './model/product-model';
import type { CourseRecommendation } from './recommend/rank-courses';
import type { PracticeQuestion } from './recommend/practice';
import { requiredTopicIds } from './requirements';
import { type BranchAnswerIntegrity, branchAnswerIntegrity } from './services/branch-integrity';
import { branchGapReport, gapReportRows } from './services/branch-report';
import { LearnerCore, type LearnerReads } from './services/learner-core';
import { applyMemberEvent } from './services/member-events';
import { gapsForMembers } from './services/member-gaps';
import { masteryProfile, type MasteryProfile } from './services/mastery-profile';
import { placementStep, practiceQuestions } from './services/practice-and-placement';
import { recommendCourses } from './services/recommend';
import { recomputeAll } from './services/recompute-all';
import { generateStudyPlan, type PlanWithProgress, studyPlanOf } from './services/study-plans';
import { LearningSummaries } from './summary/learning-summaries';

export type { MasteryProfile, PlanWithProgress };

export class LearnerServices extends LearnerCore {
  readonly hooks: EventHooks;

  constructor(
    store: GraphStore,
    model: MasteryModel,
    private readonly log?: Pick<AppLogger, 'warn'>,
  ) {
    super(store, model);
    this.hooks = {
      onAnswer: (s, e) => this.guard('answer', () => this.applyAndSummarise(e.memberId, s.now())),
      onStudy: (s, e) => this.guard('study', () => this.applyAndSummarise(e.memberId, s.now())),
    };
  }

  private summariesInstance?: LearningSummaries;
  /** The maintained branch learning figures (summary/learning-summaries.ts) over this store. */
  get summaries(): LearningSummaries {
    this.summariesInstance ??= new LearningSummaries(this.store, this, this.log);
    return this.summariesInstance;
  }

  private async applyAndSummarise(memberId: string, now: number): Promise<void> {
    await this.applyMemberEvent(memberId, now);
    await this.summaries.update([memberId], now);
  }

  /** A hook failure must not fail the recorded event (the event is the truth); the next read repairs state. */
  private async guard(what: string, f: () => Promise<void>): Promise<void> {
    try {
      await f();
    } catch (e) {
      this.log?.warn(`mastery update after ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  applyMemberEvent(memberId: string, now: number): Promise<void> {
    return applyMemberEvent(this, memberId, now);
  }
  /** `started`: this member's reads begun early (startReads); used only when they are this member's. */
  recommend(member: Member, first: number, now: number, started?: LearnerReads): Promise<CourseRecommendation[]> {
    return recommendCourses(this, member, first, now, started);
  }
  generatePlan(member: Member, minutesPerWeek: number, weeks: number, now: number): Promise<PlanWithProgress> {
    return generateStudyPlan(this, member, minutesPerWeek, weeks, now);
  }
  planOf(member: Member, _now?: number): Promise<PlanWithProgress | null> {
    return studyPlanOf(this, member);
  }
  placement(viewerMemberId: string | null | undefined, member: Member, asked: string[], now: number): Promise<PlacementStepResult> {
    return placementStep(this, viewerMemberId, member, asked, now);
  }
  practice(member: Member, first: number, now: number): Promise<PracticeQuestion[]> {
    return practiceQuestions(this, member, first, now);
  }
  masteryProfile(member: Member, now: number, self = false): Promise<MasteryProfile> {
    return masteryProfile(this, member, now, self);
  }
  gapsForMembers(members: Member[], now: number) {
    return gapsForMembers(this, members, now);
  }
  recomputeAll(now: number, onProgress?: Progress) {
    return recomputeAll(this, now, onProgress);
  }
  branchReport(branchId: string, members: Member[], now: number): Promise<BranchGapReport> {
    return branchGapReport(this, branchId, members, now);
  }
  /** Share of the members' answers in [from, to) that the integrity checks discounted, by reason (no member named). */
  answerIntegrity(members: Member[], from: number, to: number): Promise<BranchAnswerIntegrity> {
    return branchAnswerIntegrity(this, members, from, to);
  }
  gapReportRows(members: Member[], now: number): Promise<BranchGapReport['rows']> {
    return gapReportRows(this, members, now);
  }
}

/** Build the services with the fitted (or default) learner model parameters. */
export function createLearnerServices(store: GraphStore, params?: LearnerModelParams | null, log?: Pick<AppLogger, 'warn'>): LearnerServices {
  return new LearnerServices(store, createProductModel(params ?? null, requiredTopicIds()), log);
}
