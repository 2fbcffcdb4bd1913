/**
 * Entry point for "apply this event to the member's learner state": `LearnerServices.applyMemberEvent(memberId, now)`
 * (stable; called by the event hooks after every stored answer or study session, and safe to call again
 * for the same event: it refolds the member's stored history, so repeating it changes nothing).
 *
 * The learner-facing intelligence in one object for the composition root (start-server / tests):
 * mastery updates (event hooks), gaps, recommendations, study plans, practice questions and branch
 * gap reports. Services take already scope-checked members; the GraphQL resolvers check scope.
 *
 * Mastery of members who have history but no rows (right after the demo bulk load) is replayed from
 * their history lazily, on the first read that needs it (one batched read per request), so the demo
 * shows mastery and gaps immediately without a start-up pass over every member.
 */
import { randomUUID } from 'node:crypto';
import type { Area, Gap, Mastery, Member, StudyPlan } from '../../graph';
import type { GraphStore, Progress } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { EventHooks } from '../members/activity';
import { requireInt } from '../validate';
import { buildBranchGapReport, type BranchGapReport } from './gaps/branch-gaps';
import { branchMeetingTopics, GapService } from './gaps/gap-service';
import { answerEvidence, assessGaps, studiedTopics, type GapAssessment, type NotAssessed } from './gaps/compute-gaps';
import type { MasteryEvidence } from './mastery-model';
import { rollUpMastery } from './model/roll-up';
import { createProductModel } from './model/product-model';
import type { LearnerModelParams } from './model/learner-model';
import { requiredTopicIds } from './requirements';
import type { MasteryModel } from './mastery-model';
import { CurriculumCache, type CurriculumView } from './mastery/curriculum-view';
import { type LearnerSnapshot, loadSnapshot, makeSnapshot, progressByCourse, SNAPSHOT_HISTORY } from './mastery/learner-snapshot';
import { MasteryService, REPLAY_LIMIT } from './mastery/mastery-service';
import { assertOwnPlacement, placementFor, type PlacementStepResult } from './diagnostic/placement-service';
import { buildPlan } from './plan/build-plan';
import { pickPracticeQuestions, type PracticeQuestion } from './recommend/practice';
import { COMPLETED, type CourseRecommendation, rankCourses } from './recommend/rank-courses';
import { similarMembersHelped } from './recommend/similar-members';
import { LearningSummaries } from './summary/learning-summaries';

const DAY = 86_400_000;
/** Gaps older than this are recomputed on read (forgetting moves mastery even without events). */
const GAP_MAX_AGE = DAY;
const POPULARITY_WINDOW = 180 * DAY;

export interface PlanWithProgress { plan: StudyPlan; progress: number[] }
export interface MasteryProfile extends LearnerSnapshot {
  assessment: GapAssessment;
  /** Subtopic → the events that moved its estimate, newest first. */
  evidence: Map<string, MasteryEvidence[]>;
}

export class LearnerServices {
  readonly curriculum: CurriculumCache;
  readonly mastery: MasteryService;
  readonly gaps: GapService;
  readonly hooks: EventHooks;

  constructor(readonly store: GraphStore, readonly model: MasteryModel, private readonly log?: Pick<AppLogger, 'warn'>) {
    this.curriculum = new CurriculumCache(store);
    this.mastery = new MasteryService(store, model);
    this.gaps = new GapService(store);
    this.hooks = {
      onAnswer: (s, e) => this.guard('answer', () => this.applyAndSummarise(e.memberId, s.now())),
      onStudy: (s, e) => this.guard('study', () => this.applyAndSummarise(e.memberId, s.now())),
    };
  }

  /** The curriculum view, with the model bound to it (MasteryModel.useView). */
  private async view(): Promise<CurriculumView> {
    const view = await this.curriculum.get();
    this.model.useView?.(view);
    return view;
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
    try { await f(); } catch (e) { this.log?.warn(`mastery update after ${what} failed: ${e instanceof Error ? e.message : String(e)}`); }
  }

  /**
   * Apply the member's newest stored event to their learner state: refold their stored history
   * through the model, store a row per subtopic, then recompute their gaps (only this member).
   * Idempotent: the result depends only on the stored history.
   */
  async applyMemberEvent(memberId: string, now: number): Promise<void> {
    const view = await this.view();
    const [[member], history] = await Promise.all([
      this.store.getMembersByIds([memberId]),
      this.store.getMemberHistory(memberId, { limit: REPLAY_LIMIT }),
    ]);
    if (!member) return;
    const rows = await this.mastery.rebuild(member, view, history);
    await this.gaps.refresh(makeSnapshot(this.mastery, member, view, rows, history, now));
  }

  async snapshot(member: Member, now: number): Promise<LearnerSnapshot> {
    return loadSnapshot(this.mastery, await this.view(), member, now);
  }

  /** Stored gaps, recomputed first when never computed or older than a day. */
  async gapsOf(member: Member, now: number, snap?: LearnerSnapshot): Promise<Gap[]> {
    const stored = (await this.store.getGapsForMembers([member.id])).get(member.id) ?? [];
    if (stored.length && stored.every((g) => now - g.updatedAt < GAP_MAX_AGE)) return stored;
    return this.gaps.refresh(snap ?? (await this.snapshot(member, now)));
  }

  /** Ranked courses with explanations and paths. */
  async recommend(member: Member, first: number, now: number): Promise<CourseRecommendation[]> {
    requireInt('first', first, 1, 50);
    const snap = await this.snapshot(member, now);
    const [gaps, assessment] = await Promise.all([this.gapsOf(member, now, snap), this.gaps.assess(snap)]);
    return this.rank(snap, gaps, first, assessment.notAssessed);
  }

  private async rank(snap: LearnerSnapshot, gaps: Gap[], first: number, toAssess: NotAssessed[] = []): Promise<CourseRecommendation[]> {
    const [helped, popularity] = await Promise.all([
      similarMembersHelped(this.store, snap.member, gaps, snap.now - POPULARITY_WINDOW),
      this.store.countStudiesByCourse({ branchIds: [snap.member.branchId], since: snap.now - POPULARITY_WINDOW }),
    ]);
    const events = snap.history.answers.length + snap.history.studies.length;
    return rankCourses({
      view: snap.view, member: snap.member, masteryOf: snap.masteryOf, gaps, courseProgress: snap.courseProgress,
      popularity, helped: helped.members ? helped : undefined, coldStart: events < 5, toAssess,
    }, first);
  }

  /** Validate, build and save a new plan (completed items of the previous plan are kept). */
  async generatePlan(member: Member, minutesPerWeek: number, weeks: number, now: number): Promise<PlanWithProgress> {
    requireInt('minutesPerWeek', minutesPerWeek, 15, 1200);
    requireInt('weeks', weeks, 1, 52);
    const snap = await this.snapshot(member, now);
    const { gaps, notAssessed } = await this.gaps.assess(snap);
    const [ranked, previous] = await Promise.all([this.rank(snap, gaps, 60, notAssessed), this.store.getStudyPlan(member.id)]);
    const plan = buildPlan({
      id: `plan-${randomUUID()}`, memberId: member.id, now, minutesPerWeek, weeks, view: snap.view, model: this.model,
      rows: snap.rows, ranked, previous, courseProgress: snap.courseProgress,
      evidenced: new Set([...answerEvidence(snap.view, snap.history.answers).keys(), ...studiedTopics(snap.view, snap.history.studies)]),
    });
    await this.store.saveStudyPlan(plan);
    await this.gaps.refresh(snap); // the plan's prerequisites are a reason for gaps
    return { plan, progress: this.itemProgress(plan, snap) };
  }

  /** The newest plan with per-item progress from study events, or null. */
  async planOf(member: Member, _now: number): Promise<PlanWithProgress | null> {
    const plan = await this.store.getStudyPlan(member.id);
    if (!plan) return null;
    const history = await this.store.getMemberHistory(member.id, { limit: 500 });
    return { plan, progress: this.itemProgress(plan, { history, courseProgress: progressByCourse(history.studies) } as LearnerSnapshot) };
  }

  private itemProgress(plan: StudyPlan, snap: Pick<LearnerSnapshot, 'history' | 'courseProgress'>): number[] {
    const sincePlan = progressByCourse(snap.history.studies, plan.startsAt);
    return plan.items.map((i) => Math.min(1, (i.kind === 'REVIEW' ? sincePlan : snap.courseProgress).get(i.courseId) ?? 0));
  }

  /** The placement quiz's next step for a member given the questions it asked so far (the member only). */
  async placement(viewerMemberId: string | null | undefined, member: Member, asked: string[], now: number): Promise<PlacementStepResult> {
    assertOwnPlacement(viewerMemberId, member);
    const snap = await this.snapshot(member, now);
    // Ask about what is not yet assessed, as of before the quiz (its answers would shrink the list as it goes).
    const before = { ...snap, history: { ...snap.history, answers: snap.history.answers.filter((a) => !asked.includes(a.questionId)) } };
    const { notAssessed } = await this.gaps.assess(before);
    const focus = new Set(notAssessed.flatMap((n) => [n.topicId, ...(snap.view.topics.get(n.topicId)?.prerequisiteIds ?? [])]));
    return placementFor(snap, asked, focus);
  }

  /** Questions on the member's gap topics (the answer is revealed only by recordAnswer). */
  async practice(member: Member, first: number, now: number): Promise<PracticeQuestion[]> {
    requireInt('first', first, 1, 20);
    const snap = await this.snapshot(member, now);
    const gaps = await this.gapsOf(member, now, snap);
    return pickPracticeQuestions(snap.view, this.model, gaps, snap.masteryOf, snap.history.answers.slice(0, 50), first);
  }

  /**
   * Per-subtopic and per-area mastery now, from the member's snapshot, with the events that moved
   * each subtopic's estimate and the required topics not yet assessed.
   */
  async masteryProfile(member: Member, now: number): Promise<MasteryProfile> {
    const snap = await this.snapshot(member, now);
    const assessment = await this.gaps.assess(snap);
    const evidence = this.model.explain(member, snap.view, snap.history);
    return { ...snap, assessment, evidence };
  }

  /**
   * Gaps of many members at once (Member.gaps, branch reports): one batched read of gaps, mastery and
   * history; members whose gaps were never computed or are older than a day are computed and stored
   * (a one-time write per member). Each gap carries the member's current mastery of its topic.
   */
  async gapsForMembers(members: Member[], now: number): Promise<{ gaps: Map<string, (Gap & { mastery: number })[]>; rows: Map<string, Map<string, Mastery>> }> {
    const view = await this.view();
    const ids = members.map((m) => m.id);
    const [{ rows }, stored] = await Promise.all([this.mastery.ensureRows(view, members), this.store.getGapsForMembers(ids)]);
    const stale = members.filter((m) => { const g = stored.get(m.id) ?? []; return !g.length || g.some((x) => now - x.updatedAt >= GAP_MAX_AGE); });
    if (stale.length) {
      const histories = await this.store.getHistoriesForMembers(stale.map((m) => m.id), { limit: SNAPSHOT_HISTORY });
      const branchCache = new Map<string, Promise<Map<string, number>>>();
      for (const m of stale) {
        const snap = makeSnapshot(this.mastery, m, view, rows.get(m.id) ?? new Map(), histories.get(m.id)!, now);
        // A member with no gaps before and after writes nothing (no gaps is not stored as such).
        const before = stored.get(m.id) ?? [];
        const fresh = before.length ? await this.gaps.refresh(snap, branchCache) : await this.gaps.compute(snap, branchCache);
        if (!before.length && fresh.length) await this.store.replaceGaps(m.id, fresh);
        stored.set(m.id, fresh);
      }
    }
    const gaps = new Map(members.map((m) => {
      const r = rows.get(m.id) ?? new Map<string, Mastery>();
      return [m.id, (stored.get(m.id) ?? []).map((g) => ({ ...g, mastery: this.model.currentMastery(r.get(g.topicId), now, g.topicId, m.stage) }))];
    }));
    return { gaps, rows };
  }

  /**
   * Refold every member's history through the current model and store rows and gaps (`hongtu learn
   * recompute`, e.g. after `hongtu kt fit` changed the parameters). Pages of 200 members, three
   * batched reads and one write of mastery per page, then one gap write per member.
   */
  async recomputeAll(now: number, onProgress?: Progress): Promise<{ members: number; rows: number; gaps: number }> {
    const view = await this.view();
    const total = (await this.store.listMembers({}, 1)).totalCount;
    const out = { members: 0, rows: 0, gaps: 0 };
    for (let after: string | null = null; ;) {
      const page = await this.store.listMembers({}, 200, after);
      const histories = await this.store.getHistoriesForMembers(page.items.map((m) => m.id), { limit: REPLAY_LIMIT });
      const rows = new Map(page.items.map((m) => [m.id, this.mastery.fromHistory(m, view, histories.get(m.id)!)]));
      const writes = [...rows.values()].flatMap((r) => [...r.values()]);
      await this.store.upsertMastery(writes);
      const branchCache = new Map<string, Promise<Map<string, number>>>();
      for (const m of page.items) {
        const snap = makeSnapshot(this.mastery, m, view, rows.get(m.id)!, histories.get(m.id)!, now);
        out.gaps += (await this.gaps.refresh(snap, branchCache)).length;
      }
      out.members += page.items.length;
      out.rows += writes.length;
      onProgress?.(out.members, total, 'members');
      if (!page.hasNextPage) return out;
      after = page.endCursor;
    }
  }

  /**
   * Members × areas matrix and the suggested party-lecture topic for a branch's members; each cell
   * also counts the member's topics in the area that are not yet assessed (same rules as the
   * member's own page, without the study-plan prerequisites).
   */
  async branchReport(branchId: string, members: Member[], now: number): Promise<BranchGapReport> {
    const view = await this.view();
    const [{ gaps, rows, areaOf, prior }, histories, branchTopics] = await Promise.all([
      this.areaMasteryFor(members, now),
      this.store.getHistoriesForMembers(members.map((m) => m.id), { limit: SNAPSHOT_HISTORY }),
      branchMeetingTopics(this.store, view, branchId, now),
    ]);
    const open = new Map<string, string[]>();
    for (const m of members) {
      const r = rows.get(m.id) ?? new Map();
      const rolled = areaOf.get(m.id)!;
      const h = histories.get(m.id) ?? { answers: [], studies: [], attendance: [] };
      const masteryOf = (id: string) => rolled.get(id) ?? prior;
      const a = assessGaps({
        member: m, view, now, masteryOf, areaMasteryOf: masteryOf, evidence: answerEvidence(view, h.answers),
        studied: studiedTopics(view, h.studies), storedOf: (id) => r.get(id)?.p, branchTopics, planPrerequisites: new Map(),
      });
      const claimed = new Set((gaps.get(m.id) ?? []).map((g) => g.topicId));
      open.set(m.id, a.notAssessed.map((n) => n.topicId).filter((id) => !claimed.has(id)));
    }
    return buildBranchGapReport(branchId, view, members, gaps, (id, area: Area) => areaOf.get(id)?.get(area) ?? prior, (id) => open.get(id) ?? []);
  }

  /**
   * The gap report's rows without the not-yet-assessed counts (no history read): each member's area
   * mastery at `now` and their gaps, exactly as `branchReport` computes them. The maintained learning
   * summaries are made from these rows.
   */
  async gapReportRows(members: Member[], now: number): Promise<BranchGapReport['rows']> {
    const view = await this.view();
    const { gaps, areaOf, prior } = await this.areaMasteryFor(members, now);
    return buildBranchGapReport('', view, members, gaps, (id, area: Area) => areaOf.get(id)?.get(area) ?? prior).rows;
  }

  /** Gaps (gapsForMembers) and every topic's mastery rolled up the hierarchy at `now`, per member. */
  private async areaMasteryFor(members: Member[], now: number) {
    const view = await this.view();
    const { gaps, rows } = await this.gapsForMembers(members, now);
    const prior = this.model.currentMastery(undefined, now);
    const areaOf = new Map<string, Map<string, number>>();
    for (const m of members) {
      const r = rows.get(m.id) ?? new Map<string, Mastery>();
      const leaf = new Map(view.leaves.map((t) => [t.id, this.model.currentMastery(r.get(t.id), now, t.id, m.stage)]));
      areaOf.set(m.id, rollUpMastery([...view.topics.values()], leaf, prior));
    }
    return { gaps, rows, areaOf, prior };
  }
}

/** Build the services with the fitted (or default) learner model parameters. */
export function createLearnerServices(store: GraphStore, params?: LearnerModelParams | null, log?: Pick<AppLogger, 'warn'>): LearnerServices {
  return new LearnerServices(store, createProductModel(params ?? null, requiredTopicIds()), log);
}

export { COMPLETED };
