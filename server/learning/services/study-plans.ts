/** Study plans: build and save a new plan; read the newest with per-item progress. */
import { randomUUID } from 'node:crypto';
import type { Member, StudyPlan } from '../../../graph';
import { requireInt } from '../../validate';
import { countedEvidence } from '../gaps/compute-gaps';
import { assessSnapshot } from '../gaps/gap-service';
import { type LearnerSnapshot, progressByCourse } from '../mastery/learner-snapshot';
import { buildPlan } from '../plan/build-plan';
import { type LearnerCore, meetingTopicsOf } from './learner-core';
import { rankForSnapshot } from './recommend';

export interface PlanWithProgress {
  plan: StudyPlan;
  progress: number[];
}

/** Study events read for a plan's progress. */
const PLAN_HISTORY = 500;
/** Ranked candidates a plan is built from. */
const PLAN_CANDIDATES = 60;

/** Validate, build and save a new plan (completed items of the previous plan are kept). */
export async function generateStudyPlan(core: LearnerCore, member: Member, minutesPerWeek: number, weeks: number, now: number): Promise<PlanWithProgress> {
  requireInt('minutesPerWeek', minutesPerWeek, 15, 1200);
  requireInt('weeks', weeks, 1, 52);
  const [snap, branch] = await Promise.all([core.snapshot(member, now), core.branches.get(member.branchId, now)]);
  const previous = await core.store.getStudyPlan(member.id);
  // Ranked on the gaps as assessed now (as before this plan), not the stored ones.
  const { gaps, notAssessed } = assessSnapshot(snap, branch.meetingTopics, previous);
  const ranked = rankForSnapshot(snap, branch, gaps, PLAN_CANDIDATES, notAssessed);
  const plan = buildPlan({
    id: `plan-${randomUUID()}`,
    memberId: member.id,
    now,
    minutesPerWeek,
    weeks,
    view: snap.view,
    model: core.model,
    rows: snap.rows,
    ranked,
    previous,
    courseProgress: snap.courseProgress,
    evidenced: evidencedTopics(snap),
    masteryOf: snap.masteryOf,
  });
  await core.store.saveStudyPlan(plan);
  await core.gaps.refresh(snap, meetingTopicsOf(branch)); // the plan's prerequisites are a reason for gaps
  return { plan, progress: itemProgress(plan, snap) };
}

/** The newest plan with per-item progress from study events, or null. */
export async function studyPlanOf(core: LearnerCore, member: Member): Promise<PlanWithProgress | null> {
  const plan = await core.store.getStudyPlan(member.id);
  if (!plan) return null;
  const history = await core.store.getMemberHistory(member.id, { limit: PLAN_HISTORY });
  return { plan, progress: itemProgress(plan, { history, courseProgress: progressByCourse(history.studies) }) };
}

/** Each item's progress: LEARN items count all study of the course, REVIEW items only study since the plan started. */
function itemProgress(plan: StudyPlan, snap: Pick<LearnerSnapshot, 'history' | 'courseProgress'>): number[] {
  const sincePlan = progressByCourse(snap.history.studies, plan.startsAt);
  return plan.items.map((i) => Math.min(1, (i.kind === 'REVIEW' ? sincePlan : snap.courseProgress).get(i.courseId) ?? 0));
}

/** Subtopics with counted evidence: answered or studied, leaving out what the integrity checks discount. */
function evidencedTopics(snap: Pick<LearnerSnapshot, 'view' | 'history'>): Set<string> {
  const { evidence, studied } = countedEvidence(snap.view, snap.history);
  return new Set([...evidence.keys(), ...studied]);
}
