/**
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
import { GapService } from './gaps/gap-service';
import { createBktMasteryModel, type MasteryParams } from './kt/bkt-mastery';
import { rollUpMastery } from './kt/roll-up';
import type { MasteryModel } from './mastery-model';
import { CurriculumCache, type CurriculumView } from './mastery/curriculum-view';
import { type LearnerSnapshot, loadSnapshot, makeSnapshot, progressByCourse, SNAPSHOT_HISTORY } from './mastery/learner-snapshot';
import { applyAnswer, applyStudy, MasteryService, REPLAY_LIMIT, replayHistory } from './mastery/mastery-service';
import { buildPlan } from './plan/build-plan';
import { pickPracticeQuestions, type PracticeQuestion } from './recommend/practice';
import { COMPLETED, type CourseRecommendation, rankCourses } from './recommend/rank-courses';
import { similarMembersHelped } from './recommend/similar-members';

const DAY = 86_400_000;
/** Gaps older than this are recomputed on read (forgetting moves mastery even without events). */
const GAP_MAX_AGE = DAY;
const POPULARITY_WINDOW = 180 * DAY;

export interface PlanWithProgress { plan: StudyPlan; progress: number[] }

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
      onAnswer: (s, e) => this.guard('answer', () => this.afterEvent(e.memberId, s.now(), (view, rows) => applyAnswer(model, view, rows, e))),
      onStudy: (s, e) => this.guard('study', () => this.afterEvent(e.memberId, s.now(), (view, rows) => applyStudy(model, view, rows, e))),
    };
  }

  /** A hook failure must not fail the recorded event (the event is the truth); the next read repairs state. */
  private async guard(what: string, f: () => Promise<void>): Promise<void> {
    try { await f(); } catch (e) { this.log?.warn(`mastery update after ${what} failed: ${e instanceof Error ? e.message : String(e)}`); }
  }

  /** Update the member's mastery rows with the event, then their gaps (only this member). */
  private async afterEvent(memberId: string, now: number, apply: (view: CurriculumView, rows: Map<string, Mastery>) => Mastery[]): Promise<void> {
    const view = await this.curriculum.get();
    const [[member], { rows, rebuilt }, history] = await Promise.all([
      this.store.getMembersByIds([memberId]),
      this.mastery.ensureRows(view, [memberId]),
      this.store.getMemberHistory(memberId, { limit: SNAPSHOT_HISTORY }),
    ]);
    if (!member) return;
    const mine = rows.get(memberId) ?? new Map<string, Mastery>();
    // A member without rows was just replayed from history, which already includes this event.
    if (!rebuilt.includes(memberId)) await this.store.upsertMastery(apply(view, mine));
    await this.gaps.refresh(makeSnapshot(this.mastery, member, view, mine, history, now));
  }

  async snapshot(member: Member, now: number): Promise<LearnerSnapshot> {
    return loadSnapshot(this.mastery, await this.curriculum.get(), member, now);
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
    return this.rank(snap, await this.gapsOf(member, now, snap), first);
  }

  private async rank(snap: LearnerSnapshot, gaps: Gap[], first: number): Promise<CourseRecommendation[]> {
    const [helped, popularity] = await Promise.all([
      similarMembersHelped(this.store, snap.member, gaps, snap.now - POPULARITY_WINDOW),
      this.store.countStudiesByCourse({ branchIds: [snap.member.branchId], since: snap.now - POPULARITY_WINDOW }),
    ]);
    const events = snap.history.answers.length + snap.history.studies.length;
    return rankCourses({
      view: snap.view, member: snap.member, masteryOf: snap.masteryOf, gaps, courseProgress: snap.courseProgress,
      popularity, helped: helped.members ? helped : undefined, coldStart: events < 5,
    }, first);
  }

  /** Validate, build and save a new plan (completed items of the previous plan are kept). */
  async generatePlan(member: Member, minutesPerWeek: number, weeks: number, now: number): Promise<PlanWithProgress> {
    requireInt('minutesPerWeek', minutesPerWeek, 15, 1200);
    requireInt('weeks', weeks, 1, 52);
    const snap = await this.snapshot(member, now);
    const gaps = await this.gaps.compute(snap);
    const [ranked, previous] = await Promise.all([this.rank(snap, gaps, 60), this.store.getStudyPlan(member.id)]);
    const plan = buildPlan({
      id: `plan-${randomUUID()}`, memberId: member.id, now, minutesPerWeek, weeks, view: snap.view, model: this.model,
      rows: snap.rows, ranked, previous, courseProgress: snap.courseProgress,
    });
    await this.store.saveStudyPlan(plan);
    await this.gaps.refresh(snap); // the plan's prerequisites are a reason for gaps
    return { plan, progress: this.itemProgress(plan, snap) };
  }

  /** The newest plan with per-item progress from study events, or null. */
  async planOf(member: Member, now: number): Promise<PlanWithProgress | null> {
    const plan = await this.store.getStudyPlan(member.id);
    if (!plan) return null;
    const history = await this.store.getMemberHistory(member.id, { limit: 500 });
    return { plan, progress: this.itemProgress(plan, { history, courseProgress: progressByCourse(history.studies) } as LearnerSnapshot) };
  }

  private itemProgress(plan: StudyPlan, snap: Pick<LearnerSnapshot, 'history' | 'courseProgress'>): number[] {
    const sincePlan = progressByCourse(snap.history.studies, plan.startsAt);
    return plan.items.map((i) => Math.min(1, (i.kind === 'REVIEW' ? sincePlan : snap.courseProgress).get(i.courseId) ?? 0));
  }

  /** Questions on the member's gap topics (the answer is revealed only by recordAnswer). */
  async practice(member: Member, first: number, now: number): Promise<PracticeQuestion[]> {
    requireInt('first', first, 1, 20);
    const snap = await this.snapshot(member, now);
    const gaps = await this.gapsOf(member, now, snap);
    return pickPracticeQuestions(snap.view, this.model, gaps, snap.masteryOf, snap.history.answers.slice(0, 50), first);
  }

  /** Per-subtopic and per-area mastery now, from the member's snapshot. */
  async masteryProfile(member: Member, now: number): Promise<LearnerSnapshot> {
    return this.snapshot(member, now);
  }

  /**
   * Gaps of many members at once (Member.gaps, branch reports): one batched read of gaps, mastery and
   * history; members whose gaps were never computed or are older than a day are computed and stored
   * (a one-time write per member). Each gap carries the member's current mastery of its topic.
   */
  async gapsForMembers(members: Member[], now: number): Promise<{ gaps: Map<string, (Gap & { mastery: number })[]>; rows: Map<string, Map<string, Mastery>> }> {
    const view = await this.curriculum.get();
    const ids = members.map((m) => m.id);
    const [{ rows }, stored] = await Promise.all([this.mastery.ensureRows(view, ids), this.store.getGapsForMembers(ids)]);
    const stale = members.filter((m) => { const g = stored.get(m.id) ?? []; return !g.length || g.some((x) => now - x.updatedAt >= GAP_MAX_AGE); });
    if (stale.length) {
      const histories = await this.store.getHistoriesForMembers(stale.map((m) => m.id), { limit: SNAPSHOT_HISTORY });
      const branchCache = new Map<string, Promise<Map<string, number>>>();
      for (const m of stale) {
        const snap = makeSnapshot(this.mastery, m, view, rows.get(m.id) ?? new Map(), histories.get(m.id)!, now);
        stored.set(m.id, await this.gaps.refresh(snap, branchCache));
      }
    }
    const gaps = new Map(ids.map((id) => {
      const r = rows.get(id) ?? new Map<string, Mastery>();
      return [id, (stored.get(id) ?? []).map((g) => ({ ...g, mastery: this.model.currentMastery(r.get(g.topicId), now) }))];
    }));
    return { gaps, rows };
  }

  /**
   * Replay every member's history through the current model and store rows and gaps (`hongtu learn
   * recompute`, e.g. after `hongtu kt fit` changed the parameters). Pages of 200 members, three
   * batched reads and one write of mastery per page, then one gap write per member.
   */
  async recomputeAll(now: number, onProgress?: Progress): Promise<{ members: number; rows: number; gaps: number }> {
    const view = await this.curriculum.get();
    const total = (await this.store.listMembers({}, 1)).totalCount;
    const out = { members: 0, rows: 0, gaps: 0 };
    for (let after: string | null = null; ;) {
      const page = await this.store.listMembers({}, 200, after);
      const histories = await this.store.getHistoriesForMembers(page.items.map((m) => m.id), { limit: REPLAY_LIMIT });
      const rows = new Map(page.items.map((m) => [m.id, replayHistory(this.model, view, histories.get(m.id)!)]));
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

  /** Members × areas matrix and the suggested party-lecture topic for a branch's members. */
  async branchReport(branchId: string, members: Member[], now: number): Promise<BranchGapReport> {
    const view = await this.curriculum.get();
    const { gaps, rows } = await this.gapsForMembers(members, now);
    const prior = this.model.currentMastery(undefined, now);
    const areaOf = new Map(members.map((m) => {
      const r = rows.get(m.id) ?? new Map();
      const leaf = new Map(view.leaves.map((t) => [t.id, this.model.currentMastery(r.get(t.id), now)]));
      return [m.id, rollUpMastery([...view.topics.values()], leaf, prior)];
    }));
    return buildBranchGapReport(branchId, view, members, gaps, (id, area: Area) => areaOf.get(id)?.get(area) ?? prior);
  }
}

/** Build the services with the fitted (or default) mastery parameters. */
export function createLearnerServices(store: GraphStore, params?: MasteryParams, log?: Pick<AppLogger, 'warn'>): LearnerServices {
  return new LearnerServices(store, createBktMasteryModel(params), log);
}

export { COMPLETED };
