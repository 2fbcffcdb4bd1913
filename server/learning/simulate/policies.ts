/**
 * What a simulated member studies next, per policy. Every policy sees only an observable view of the
 * member (PolicyView: stage, branch, their events and the product's estimate; no hidden mastery, no
 * ability) and returns candidate courses in preference order; the simulator takes them greedily
 * within the weekly budget.
 *  - recommender: the product's recommendations (gaps → ranked, prerequisite-aware, diversified);
 *  - random / popularity: any open course, shuffled / most studied first;
 *  - stage-random / stage-popularity: only courses teaching the stage's required topics or their
 *    prerequisites, a course never before a planned course that teaches its prerequisites (prerequisite
 *    order of the curriculum), then shuffled / most studied first.
 */
import type { AnswerEvent, Course, MemberKind, MemberStage, StudyEvent } from '../../../graph';
import { answerEvidence, assessGaps, studiedTopics } from '../gaps/compute-gaps';
import { rankCourses } from '../recommend/rank-courses';
import { isCompleted } from '../progress';
import { requirementOf } from '../requirements';
import type { SimWorld } from './sim-world';

export const POLICIES = ['recommender', 'random', 'popularity', 'stage-random', 'stage-popularity'] as const;
export type PolicyName = (typeof POLICIES)[number];

/** What a policy may know about a member: what the product could observe. */
export interface ObservedMember {
  readonly id: string;
  readonly stage: MemberStage;
  readonly kind: MemberKind;
  readonly branchId: string;
  readonly studies: readonly StudyEvent[];
}

export interface PolicyView {
  member: ObservedMember;
  /** The product's current estimate of a topic (subtopics and areas). */
  masteryOf: (topicId: string) => number;
  /** The product's stored estimate of a subtopic as of the member's last event. */
  storedOf: (topicId: string) => number | undefined;
  /** Answers, newest first. */
  recent: readonly AnswerEvent[];
  progress: ReadonlyMap<string, number>;
  now: number;
  rng: () => number;
}

/** The product's recommendations for the member as the product sees them. */
export function recommendFor(world: SimWorld, st: PolicyView, first: number): Course[] {
  const v = world.view;
  const { gaps, notAssessed } = assessGaps({
    member: st.member,
    view: v,
    now: st.now,
    masteryOf: st.masteryOf,
    areaMasteryOf: st.masteryOf,
    evidence: answerEvidence(v, st.recent.slice(0, 500)),
    studied: studiedTopics(v, st.member.studies),
    storedOf: st.storedOf,
    branchTopics: world.branchTopics.get(st.member.branchId) ?? new Map(),
    planPrerequisites: new Map(),
  });
  return rankCourses(
    {
      view: v,
      member: { id: st.member.id, name: st.member.id },
      masteryOf: st.masteryOf,
      gaps,
      courseProgress: new Map(st.progress),
      popularity: world.branchPopularity.get(st.member.branchId) ?? new Map(),
      coldStart: st.recent.length + st.member.studies.length < 5,
      toAssess: notAssessed,
      requiredTopics: new Set(requirementOf(st.member.stage).topics.map((t) => t.topicId)),
    },
    first,
  ).map((r) => r.course);
}

function shuffle<T>(list: T[], rng: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Subtopics the stage requires, with their prerequisites (recursively). */
function stageTopics(world: SimWorld, stage: MemberStage): Set<string> {
  const out = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (out.has(id) || depth > 16) return;
    out.add(id);
    for (const p of world.view.topics.get(id)?.prerequisiteIds ?? []) visit(p, depth + 1);
  };
  for (const t of requirementOf(stage).topics) visit(t.topicId, 0);
  return out;
}

/** Courses in an order where a course comes after the listed courses that teach its topics' prerequisites. */
function prerequisiteOrder(world: SimWorld, courses: Course[]): Course[] {
  const v = world.view;
  const teaches = new Map(courses.map((c) => [c.id, new Set((v.courseTopics.get(c.id) ?? []).filter((t) => t.weight >= 0.3).map((t) => t.topicId))]));
  const needs = (c: Course) => {
    const own = teaches.get(c.id)!;
    return new Set([...own].flatMap((t) => v.topics.get(t)?.prerequisiteIds ?? []).filter((p) => !own.has(p)));
  };
  const out: Course[] = [];
  const placed = new Set<string>();
  let left = courses;
  while (left.length) {
    const taught = new Set(left.flatMap((c) => [...teaches.get(c.id)!]));
    const ready = left.filter((c) => [...needs(c)].every((p) => !taught.has(p) || out.some((o) => teaches.get(o.id)!.has(p))));
    const next = ready.length ? ready : [left[0]];
    for (const c of next) {
      out.push(c);
      placed.add(c.id);
    }
    left = left.filter((c) => !placed.has(c.id));
  }
  return out;
}

export function candidatesFor(policy: PolicyName, world: SimWorld, st: PolicyView): Course[] {
  const open = (c: Course) => !isCompleted(st.progress.get(c.id) ?? 0);
  const byPopularity = (a: Course, b: Course) => (world.popularity.get(b.id) ?? 0) - (world.popularity.get(a.id) ?? 0) || a.id.localeCompare(b.id);
  if (policy === 'recommender') return recommendFor(world, st, 20);
  if (policy === 'popularity') return world.view.courses.filter(open).sort(byPopularity);
  if (policy === 'random') return shuffle(world.view.courses.filter(open), st.rng);
  const wanted = stageTopics(world, st.member.stage);
  const pool = world.view.courses.filter((c) => open(c) && (world.view.courseTopics.get(c.id) ?? []).some((t) => t.weight >= 0.3 && wanted.has(t.topicId)));
  const ordered = policy === 'stage-popularity' ? pool.sort(byPopularity) : shuffle(pool, st.rng);
  return prerequisiteOrder(world, ordered);
}
