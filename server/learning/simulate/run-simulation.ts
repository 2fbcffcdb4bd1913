/**
 * Offline evaluation of recommendation policies on a generated world: every member follows a policy
 * for N weeks within a weekly time budget, studying under the generator's HIDDEN learning model
 * (seeds/generator/hidden-model.ts) and taking a short quiz after each course; the product only sees
 * the events, as it would in production, and policies only an observable view (PolicyView).
 * Reported per policy: how many members were simulated, mean hidden-mastery gain on the member's
 * stage-required topics and on all subtopics, required targets met, and the share of studies begun
 * while the hidden model's own prerequisite readiness was low: the mean hidden mastery of the
 * course's topics' prerequisites below READY, which cuts the hidden learning rate by more than 30%
 * (a rule no policy uses; the recommender's own threshold is on its estimate).
 */
import type { AnswerEvent, Mastery, StudyEvent } from '../../../graph';
import { forget, HIDDEN_PARAMS, pCorrect, practiceGain, studyGain } from '../../../seeds/generator/hidden-model';
import { requiredTopicsFor } from '../../../seeds/curriculum/requirements';
import { createProductModel, type ProductModel } from '../model/product-model';
import type { LearnerModelParams } from '../model/learner-model';
import { rollUpMastery } from '../model/roll-up';
import { requiredTopicIds } from '../requirements';
import { candidatesFor, POLICIES, type ObservedMember, type PolicyName, type PolicyView } from './policies';
import { readSimWorld, type SimMember, type SimWorld } from './sim-world';
import { REFERENCE_DATE } from '../../../seeds/generator/scales';

const WEEK = 7 * 86_400_000;
const QUIZ = 2;
/** Mean hidden prerequisite mastery below which the hidden study gain is cut by more than 30%. */
export const READY = (0.7 - HIDDEN_PARAMS.study.prereqFloor) / (1 - HIDDEN_PARAMS.study.prereqFloor);

export interface SimulationOptions {
  /** An already-read world, or `dir`: a bulk directory written by generateWorld (with truth/). */
  world?: SimWorld;
  dir?: string;
  /** Simulate only the first N members of the world (medium scale in the bench). */
  memberLimit?: number;
  weeks?: number;
  minutesPerWeek?: number;
  policies?: readonly PolicyName[];
  params?: LearnerModelParams;
  seed?: number;
}

export interface SimulationRow {
  policy: PolicyName;
  members: number;
  weeks: number;
  minutesPerWeek: number;
  /** Mean over members of the mean hidden gain on their stage's required topics. */
  gainRequired: number;
  /** Mean over members of the mean hidden gain over all subtopics. */
  gainAll: number;
  /** Standard deviation over members of the two gains. */
  gainRequiredSd: number;
  gainAllSd: number;
  /** Share of (member, required topic) pairs at or above the stage target, before and after. */
  targetsMetBefore: number;
  targetsMetAfter: number;
  /** Studies begun while the hidden prerequisite readiness was below READY, per study. */
  prereqViolationRate: number;
  studiesPerMember: number;
  /** Wall time the policy took to choose, per weekly choice (ms). */
  msPerChoice: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hashId = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

interface RunOpts {
  weeks: number;
  minutesPerWeek: number;
  seed: number;
  model: ProductModel;
}

/** The member as a policy may see them (no hidden mastery, no ability). */
export function observe(m: SimMember, studies: readonly StudyEvent[]): ObservedMember {
  return { id: m.id, stage: m.stage, kind: m.kind, branchId: m.branchId, studies };
}

function simulateMember(world: SimWorld, policy: PolicyName, m: SimMember, o: RunOpts) {
  const v = world.view;
  const hidden = new Map(m.hidden);
  const answers: AnswerEvent[] = [...m.answers];
  const studiesSeen: StudyEvent[] = [...m.studies];
  const progress = new Map<string, number>();
  for (const s of m.studies) progress.set(s.courseId, Math.max(progress.get(s.courseId) ?? 0, s.progress));
  const rng = mulberry32(hashId(m.id) ^ o.seed);
  let studies = 0,
    violations = 0,
    ms = 0,
    seq = 0;
  const prereqMean = (topicId: string) => {
    const pre = (v.topics.get(topicId)?.prerequisiteIds ?? []).map((p) => hidden.get(p)).filter((x): x is number => x !== undefined);
    return pre.length ? pre.reduce((a, b) => a + b, 0) / pre.length : 1;
  };
  for (let w = 0; w < o.weeks; w++) {
    const now = world.referenceDate + w * WEEK;
    const t0 = performance.now();
    // The product's estimate now, read as the server reads it (rows from the history, faded to now).
    const rows: Map<string, Mastery> = o.model.rowsFromHistory(m, v, { answers, studies: studiesSeen });
    const leaf = new Map(v.leaves.map((t) => [t.id, o.model.currentMastery(rows.get(t.id), now, t.id, m.stage)]));
    const rolled = rollUpMastery([...v.topics.values()], leaf, o.model.currentMastery(undefined, now));
    const view: PolicyView = {
      member: observe(m, studiesSeen),
      masteryOf: (id) => rolled.get(id) ?? o.model.currentMastery(undefined, now, id, m.stage),
      storedOf: (id) => rows.get(id)?.p,
      recent: answers,
      progress,
      now,
      rng,
    };
    const cands = candidatesFor(policy, world, view);
    ms += performance.now() - t0;
    let budget = o.minutesPerWeek;
    for (const c of cands) {
      if (c.minutes > budget) continue;
      budget -= c.minutes;
      const tws = v.courseTopics.get(c.id) ?? [];
      const main = tws.filter((t) => t.weight >= 0.3);
      const unready = main.some((t) => (v.topics.get(t.topicId)?.prerequisiteIds ?? []).length > 0 && prereqMean(t.topicId) < READY);
      studies += 1;
      if (unready) violations += 1;
      const gains = tws.map((t) => [t.topicId, studyGain(hidden.get(t.topicId) ?? 0, t.weight, c.minutes, m.ability, prereqMean(t.topicId))] as const);
      for (const [id, x] of gains) if (hidden.has(id)) hidden.set(id, x);
      studiesSeen.unshift({ id: `sim-s${seq++}`, memberId: m.id, courseId: c.id, at: now, seconds: c.minutes * 60, progress: 1 });
      progress.set(c.id, 1);
      const qs = tws.length ? (v.questionsByTopic.get(tws[0].topicId) ?? []) : [];
      for (let k = 0; k < QUIZ && qs.length; k++) {
        const q = qs[Math.floor(rng() * qs.length)];
        const qt = v.questionTopics.get(q.id) ?? [];
        const den = qt.reduce((s, t) => s + t.weight, 0) || 1;
        const mm = qt.reduce((s, t) => s + t.weight * (hidden.get(t.topicId) ?? 0), 0) / den;
        const correct = rng() < pCorrect(mm, q.difficulty, 1 / Math.max(2, q.options.length));
        for (const t of qt) if (hidden.has(t.topicId)) hidden.set(t.topicId, practiceGain(hidden.get(t.topicId)!, t.weight));
        answers.unshift({ id: `sim-a${seq++}`, memberId: m.id, questionId: q.id, at: now + 60_000 * (c.minutes + k + 1), correct, seconds: 30 });
      }
    }
    for (const [id, x] of hidden) hidden.set(id, forget(x, 7, HIDDEN_PARAMS));
  }
  return { hidden, studies, violations, ms };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/**
 * Run every policy over the world's members; one row per policy (what `npm run bench` prints).
 *   await runRecommendationSimulation({ dir: 'data/bulk/medium', memberLimit: 2000, weeks: 8, minutesPerWeek: 60 })
 */
export async function runRecommendationSimulation(opts: SimulationOptions): Promise<SimulationRow[]> {
  if (!opts.world && !opts.dir) throw new Error('runRecommendationSimulation needs a world or the dir of a generated world');
  const world = opts.world ?? (await readSimWorld(opts.dir!, { memberLimit: opts.memberLimit, referenceDate: REFERENCE_DATE }));
  return simulatePolicies(world, opts);
}

/** The simulation on a world already in memory. */
export function simulatePolicies(world: SimWorld, opts: Omit<SimulationOptions, 'world' | 'dir'> = {}): SimulationRow[] {
  const o = { weeks: opts.weeks ?? 8, minutesPerWeek: opts.minutesPerWeek ?? 60, seed: opts.seed ?? 1, model: createProductModel(opts.params ?? null, requiredTopicIds()) };
  const members = world.members.slice(0, opts.memberLimit ?? world.members.length).filter((m) => m.hidden.size > 0);
  return (opts.policies ?? POLICIES).map((policy) => {
    const gR: number[] = [],
      gA: number[] = [];
    let metBefore = 0,
      metAfter = 0,
      pairs = 0,
      studies = 0,
      violations = 0,
      ms = 0;
    for (const m of members) {
      const r = simulateMember(world, policy, m, o);
      const req = requiredTopicsFor(m.stage).filter((t) => m.hidden.has(t.topicId));
      gR.push(mean(req.map((t) => r.hidden.get(t.topicId)! - m.hidden.get(t.topicId)!)));
      gA.push(mean([...m.hidden].map(([id, x]) => r.hidden.get(id)! - x)));
      for (const t of req) {
        pairs += 1;
        if (m.hidden.get(t.topicId)! >= t.target) metBefore += 1;
        if (r.hidden.get(t.topicId)! >= t.target) metAfter += 1;
      }
      studies += r.studies;
      violations += r.violations;
      ms += r.ms;
    }
    return {
      policy,
      members: members.length,
      weeks: o.weeks,
      minutesPerWeek: o.minutesPerWeek,
      gainRequired: r4(mean(gR)),
      gainAll: r4(mean(gA)),
      gainRequiredSd: r4(sd(gR)),
      gainAllSd: r4(sd(gA)),
      targetsMetBefore: r4(pairs ? metBefore / pairs : 0),
      targetsMetAfter: r4(pairs ? metAfter / pairs : 0),
      prereqViolationRate: r4(studies ? violations / studies : 0),
      studiesPerMember: r4(studies / Math.max(1, members.length)),
      msPerChoice: r4(ms / Math.max(1, members.length * o.weeks)),
    };
  });
}
