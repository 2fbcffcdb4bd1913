/**
 * What a simulated member studies next, per policy: the product's recommendations (gaps → ranked,
 * prerequisite-aware, diversified courses), a random course, or the most popular course. Each returns
 * candidates in preference order; the simulator takes them greedily within the weekly budget.
 */
import type { AnswerEvent, Course, Mastery } from '../../../graph';
import { answerEvidence, computeGaps } from '../gaps/compute-gaps';
import { rollUpMastery } from '../kt/roll-up';
import type { MasteryModel } from '../mastery-model';
import { rankCourses } from '../recommend/rank-courses';
import type { SimMember, SimWorld } from './sim-world';

export const POLICIES = ['recommender', 'random', 'popularity'] as const;
export type PolicyName = (typeof POLICIES)[number];

export interface PolicyState {
  member: SimMember;
  /** The product's estimate (replayed history + what happened in the simulation). */
  est: Map<string, Mastery>;
  /** Answers, newest first. */
  recent: AnswerEvent[];
  progress: Map<string, number>;
  now: number;
  rng: () => number;
}

/** The product's recommendations for the member as the product sees them (no hidden state). */
export function recommendFor(world: SimWorld, model: MasteryModel, st: PolicyState, first: number): Course[] {
  const v = world.view;
  const leaf = new Map(v.leaves.map((t) => [t.id, model.currentMastery(st.est.get(t.id), st.now)]));
  const rolled = rollUpMastery([...v.topics.values()], leaf, model.currentMastery(undefined, st.now));
  const masteryOf = (id: string) => rolled.get(id) ?? model.currentMastery(undefined, st.now);
  const gaps = computeGaps({
    member: st.member, view: v, now: st.now, masteryOf, areaMasteryOf: masteryOf,
    evidence: answerEvidence(v, st.recent.slice(0, 500)),
    branchTopics: world.branchTopics.get(st.member.branchId) ?? new Map(),
    planPrerequisites: new Map(),
  });
  return rankCourses({
    view: v, member: { id: st.member.id, name: st.member.id }, masteryOf, gaps, courseProgress: st.progress,
    popularity: world.branchPopularity.get(st.member.branchId) ?? new Map(),
    coldStart: st.recent.length + st.member.studies.length < 5,
  }, first).map((r) => r.course);
}

export function candidatesFor(policy: PolicyName, world: SimWorld, model: MasteryModel, st: PolicyState): Course[] {
  const open = (c: Course) => (st.progress.get(c.id) ?? 0) < 0.9;
  if (policy === 'recommender') return recommendFor(world, model, st, 20);
  if (policy === 'popularity') {
    return world.view.courses.filter(open).sort((a, b) => (world.popularity.get(b.id) ?? 0) - (world.popularity.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  }
  const pool = world.view.courses.filter(open);
  for (let i = pool.length - 1; i > 0; i--) { const j = Math.floor(st.rng() * (i + 1)); [pool[i], pool[j]] = [pool[j], pool[i]]; }
  return pool;
}
