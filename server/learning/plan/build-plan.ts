/**
 * A study plan as a pure function: weekly items within the time budget, each course after the
 * courses that teach its prerequisites not yet ready (isReady, progress.ts: the member's current mastery,
 * the same figure the recommendations and the portrait use), spaced REVIEW items for topics whose mastery is fading, and
 * the completed items of the previous plan kept as they were.
 */
import type { Mastery, StudyPlan, StudyPlanItem } from '../../../graph';
import type { MasteryModel } from '../mastery-model';
import type { CurriculumView } from '../mastery/curriculum-view';
import { isCompleted, isReady } from '../progress';
import type { CourseRecommendation } from '../recommend/rank-courses';
import { encodeReasons, reason } from '../../i18n/reasons';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Share of each week's minutes that review items may use. */
const REVIEW_SHARE = 0.3;
/** A topic is "fading" when forgetting has taken this much off its last estimate. */
/** How far above the no-evidence estimate a topic counts as learned. */
const LEARNED = 0.1;
const FADE = 0.04;
/** Review weeks after the plan starts: expanding intervals (spaced repetition). */
const REVIEW_WEEKS = [1, 3, 7, 15, 31];

export interface PlanInput {
  id: string;
  memberId: string;
  now: number;
  minutesPerWeek: number;
  weeks: number;
  view: CurriculumView;
  model: MasteryModel;
  rows: Map<string, Mastery>;
  /** Ranked, unblocked, not completed courses, best first. */
  ranked: CourseRecommendation[];
  previous: StudyPlan | null;
  courseProgress: Map<string, number>;
  /** Subtopics the member answered or studied (only these are reviewed). */
  evidenced?: Set<string>;
  /**
   * The member's current mastery of a topic (the snapshot's, forgetting applied): a prerequisite that is
   * ready puts no order on the courses. Without it every prerequisite orders them.
   */
  masteryOf?: (topicId: string) => number;
}

/**
 * Topics learned before (answered or studied, when `evidenced` is given; the stored estimate is at least LEARNED above what the model assumes with no
 * evidence) whose estimate is decaying, most faded first.
 */
export function fadingTopics(model: MasteryModel, rows: Map<string, Mastery>, now: number, evidenced?: Set<string>): { topicId: string; was: number; now: number }[] {
  const out: { topicId: string; was: number; now: number }[] = [];
  for (const r of rows.values()) {
    if (evidenced && !evidenced.has(r.topicId)) continue;
    const cur = model.currentMastery(r, now);
    const prior = model.currentMastery(undefined, now, r.topicId);
    if (r.p - prior >= LEARNED && r.p - cur >= FADE) out.push({ topicId: r.topicId, was: r.p, now: cur });
  }
  return out.sort((a, b) => b.was - b.now - (a.was - a.now) || a.topicId.localeCompare(b.topicId));
}

/** Courses (by id) that must come before `id`: they cover a prerequisite, not yet ready, of a topic `id` covers. */
function predecessors(view: CurriculumView, ids: string[], ready: (topicId: string) => boolean = () => false): Map<string, Set<string>> {
  const covers = new Map(ids.map((id) => [id, new Set((view.courseTopics.get(id) ?? []).filter((t) => t.weight >= 0.3).map((t) => t.topicId))]));
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    const pre = new Set<string>();
    const own = covers.get(id)!;
    for (const t of own)
      for (const p of view.topics.get(t)?.prerequisiteIds ?? []) {
        if (own.has(p) || ready(p)) continue;
        for (const other of ids) if (other !== id && covers.get(other)!.has(p)) pre.add(other);
      }
    out.set(id, pre);
  }
  return out;
}

export function buildPlan(x: PlanInput): StudyPlan {
  const startsAt = x.now;
  const kept = (x.previous?.items ?? []).filter((i) => isCompleted(x.courseProgress.get(i.courseId) ?? 0) && i.kind === 'LEARN');
  const keptIds = new Set(kept.map((i) => i.courseId));
  const items: StudyPlanItem[] = [];
  const used = Array.from({ length: x.weeks + 1 }, () => 0);
  const due = (week: number) => startsAt + week * WEEK - 1;

  // Spaced reviews first, so learning fills what they leave.
  for (const f of fadingTopics(x.model, x.rows, x.now, x.evidenced).slice(0, 4)) {
    const course = (x.view.coursesByTopic.get(f.topicId) ?? []).filter((c) => c.weight >= 0.5).sort((a, b) => a.course.minutes - b.course.minutes)[0]?.course;
    if (!course) continue;
    for (const week of REVIEW_WEEKS) {
      if (week > x.weeks) break;
      if (used[week] + course.minutes > x.minutesPerWeek * REVIEW_SHARE) continue;
      used[week] += course.minutes;
      items.push({
        courseId: course.id,
        week,
        order: 0,
        due: due(week),
        minutes: course.minutes,
        topicIds: [f.topicId],
        kind: 'REVIEW',
        reason: encodeReasons([reason('PLAN_REVIEW', { topic: f.topicId, was: f.was, now: f.now })]),
      });
    }
  }

  const cands = x.ranked.filter((r) => !keptIds.has(r.course.id) && r.course.minutes <= x.minutesPerWeek);
  const ids = cands.map((r) => r.course.id);
  const masteryOf = x.masteryOf;
  const pre = predecessors(x.view, ids, masteryOf ? (p) => isReady(masteryOf(p)) : undefined);
  const placedAt = new Map<string, number>();
  let week = 1;
  let pending = [...cands];
  while (week <= x.weeks && pending.length) {
    let progressed = false;
    for (const r of pending) {
      const ready = [...pre.get(r.course.id)!].every((p) => placedAt.has(p));
      if (!ready || used[week] + r.course.minutes > x.minutesPerWeek) continue;
      used[week] += r.course.minutes;
      placedAt.set(r.course.id, week);
      items.push({
        courseId: r.course.id,
        week,
        order: 0,
        due: due(week),
        minutes: r.course.minutes,
        topicIds: r.topicIds,
        kind: 'LEARN',
        reason: r.explanation,
      });
      progressed = true;
    }
    pending = pending.filter((r) => !placedAt.has(r.course.id));
    // A course whose predecessors can never be placed would stall the loop; drop those at the end.
    if (!progressed || used[week] >= x.minutesPerWeek) week += 1;
  }
  items.sort((a, b) => a.week - b.week || (a.kind === b.kind ? 0 : a.kind === 'REVIEW' ? 1 : -1));
  const all = [...kept, ...items].map((i, order) => ({ ...i, order }));
  return { id: x.id, memberId: x.memberId, createdAt: x.now, minutesPerWeek: x.minutesPerWeek, weeks: x.weeks, startsAt, items: all };
}
