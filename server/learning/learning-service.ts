/**
 * The learning features as the API calls them: each entry point checks that the viewer may read (or
 * manage) the member or branch, notes the read of learning data in the audit log, then calls the
 * learner services. Resolvers only read arguments and call these.
 */
import type { Member } from '../../graph';
import { assertCanManageMember, assertCanReadBranch, assertCanReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { listMembers, loadMemberRaw } from '../members/member-service';
import { getBranch } from '../org/org-service';
import { badInput } from '../errors';
import { requireInt } from '../validate';
import type { BranchGapReport } from './gaps/branch-gaps';
import type { LearnerServices } from './learner-services';
import type { PlacementStepResult } from './diagnostic/placement-service';
import type { PracticeQuestion } from './recommend/practice';
import type { CourseRecommendation } from './recommend/rank-courses';
import type { BranchAnswerIntegrity } from './services/branch-integrity';
import type { LearnerReads } from './services/learner-core';
import type { MasteryProfile } from './services/mastery-profile';
import type { GapWithMastery } from './services/member-gaps';
import type { PlanWithProgress } from './services/study-plans';

const BRANCH_PAGE = 100;

/** Note a read of the member's learning data in the audit log. */
const noteRead = (s: Session, memberId: string) => s.audit.note('READ_LEARNING', 'Member', memberId);

/** The member, if the viewer may read their learning data (noted in the audit log). */
export async function readableLearner(s: Session, memberId: string): Promise<Member> {
  const m = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, m);
  noteRead(s, m.id);
  return m;
}

/** An already loaded member's learning data is about to be read (Member.gaps): check scope and note it. */
export function assertLearningReadable(s: Session, m: Member): void {
  assertCanReadMember(s.viewer, m);
  noteRead(s, m.id);
}

/**
 * `started`: the member's learner reads begun before the session was known (LearnerCore.startReads);
 * they are handed on only once the scope check has passed, and only for the member it checked.
 */
export async function recommendationsFor(s: Session, l: LearnerServices, memberId: string, first: number, started?: Promise<LearnerReads | null>): Promise<CourseRecommendation[]> {
  const n = requireInt('first', first, 1, 50);
  const m = await readableLearner(s, memberId);
  // The read's access record goes to the store before the ranking (synchronous work) starts, and one turn
  // of the event loop lets the write path open its transaction: the write then overlaps the ranking
  // instead of following it. The answer still waits for the record (flushAudit).
  s.audit.writeNow();
  await new Promise((r) => setImmediate(r));
  return l.recommend(m, n, s.now(), (await started) ?? undefined);
}

/** The member's gaps (recomputed when stale), each with the current mastery of its topic. */
export async function gapsFor(s: Session, l: LearnerServices, memberId: string): Promise<GapWithMastery[]> {
  const m = await readableLearner(s, memberId);
  const snap = await l.snapshot(m, s.now());
  return (await l.gapsOf(m, s.now(), snap)).map((g) => ({ ...g, mastery: snap.masteryOf(g.topicId) }));
}

export async function masteryFor(s: Session, l: LearnerServices, memberId: string): Promise<MasteryProfile> {
  const m = await readableLearner(s, memberId);
  return l.masteryProfile(m, s.now(), s.viewer.memberId === m.id);
}

export async function studyPlanFor(s: Session, l: LearnerServices, memberId: string): Promise<PlanWithProgress | null> {
  return l.planOf(await readableLearner(s, memberId), s.now());
}

export async function practiceFor(s: Session, l: LearnerServices, memberId: string, first: number): Promise<PracticeQuestion[]> {
  const n = requireInt('first', first, 1, 20);
  return l.practice(await readableLearner(s, memberId), n, s.now());
}

/** The placement quiz's next step; only the member themself takes it. */
export async function placementStepFor(s: Session, l: LearnerServices, memberId: string, asked: string[]): Promise<PlacementStepResult> {
  return l.placement(s.viewer.memberId, await readableLearner(s, memberId), asked, s.now());
}

/** Every member of a branch the viewer may read (FORBIDDEN outside their scope, NOT_FOUND for no such branch). */
async function readableBranchMembers(s: Session, branchId: string): Promise<Member[]> {
  await getBranch(s, branchId);
  assertCanReadBranch(s.viewer, branchId);
  const members: Member[] = [];
  for (let after: string | null = null; ; ) {
    const page = await listMembers(s, { branchIds: [branchId] }, BRANCH_PAGE, after);
    members.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return members;
}

/** The branch's gap heatmap; every member in it is a read of learning data. */
export async function branchGapsFor(s: Session, l: LearnerServices, branchId: string): Promise<BranchGapReport> {
  const members = await readableBranchMembers(s, branchId);
  for (const m of members) noteRead(s, m.id);
  return l.branchReport(branchId, members, s.now());
}

/** Longest period the branch's discounted share is counted over. */
const MAX_INTEGRITY_SPAN = 2 * 366 * 86_400_000;

/**
 * Share of the branch's answers in [from, to) that the integrity checks discounted, by reason: a figure for
 * the branch (noted in the audit log as a read of the branch's learning data); no member is named.
 */
export async function branchAnswerIntegrityFor(s: Session, l: LearnerServices, branchId: string, from: number, to: number): Promise<BranchAnswerIntegrity> {
  if (!(to > from)) throw badInput('to', 'to must be after from');
  if (to - from > MAX_INTEGRITY_SPAN) throw badInput('to', 'the period from–to must be at most two years');
  const members = await readableBranchMembers(s, branchId);
  s.audit.note('READ_LEARNING', 'Branch', branchId);
  return l.answerIntegrity(members, from, to);
}

/** A new plan for the member: by the member themself or by whoever manages them. */
export async function generatePlanFor(s: Session, l: LearnerServices, memberId: string, minutesPerWeek: number, weeks: number): Promise<PlanWithProgress> {
  requireInt('minutesPerWeek', minutesPerWeek, 15, 1200);
  requireInt('weeks', weeks, 1, 52);
  const m = await loadMemberRaw(s, memberId);
  if (m.id !== s.viewer.memberId) assertCanManageMember(s.viewer, m);
  noteRead(s, m.id);
  return l.generatePlan(m, minutesPerWeek, weeks, s.now());
}
