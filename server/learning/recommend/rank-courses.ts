/**
 * Course recommendations for one member, as a pure function of their snapshot and gaps:
 *  1. need per subtopic = gap severity; a required topic of the member's stage not yet assessed counts
 *     like a gap of its distance to target, other topics not yet assessed at half that; need on the
 *     stage's required topics counts REQUIRED_WEIGHT times; a need whose
 *     prerequisite is not ready (current estimate below PREREQ_READY, progress.ts) passes most of it down to that
 *     prerequisite (recursively), so the prerequisite's course is recommended first;
 *  2. a course is blocked while any topic it covers has a prerequisite (not covered by the course
 *     itself) below PREREQ_FAR — blocked courses are never recommended;
 *  3. completed courses (progress ≥ COMPLETED, progress.ts) are skipped;
 *  4. relevance = Σ over the course's topics of tag weight × need × room to learn (1 − estimate) ×
 *     readiness ((mean prerequisite estimate / PREREQ_READY)³, at most 1), per half hour of the course;
 *     score = relevance (normalised) + what the branch studies (more weight at cold start);
 *  5. MMR over topic overlap diversifies the list.
 * Each result carries an explanation (reason codes with parameters, server/i18n/reasons.ts, rendered in
 * the reader's language) and the graph path behind it for the client to draw.
 */
import type { Course, Gap } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';
import { decodeReasons, encodeReasons, reason, type Reason } from '../../i18n/reasons';
import { buildPath, type LearningPath } from './learning-path';
import { mmrSelect, topicCosine } from './mmr';
import { isCompleted, isReady, PREREQ_FAR, PREREQ_READY } from '../progress';

export { PREREQ_FAR, PREREQ_READY };
/** Share of a topic's need passed on to each prerequisite it waits for. */
const PREREQ_PASS_ON = 0.9;
/** How steeply an unready topic's relevance falls: (prerequisite estimate / PREREQ_READY)^READINESS_POWER. */
const READINESS_POWER = 3;
/** Need on the subtopics the member's stage requires counts this many times a need elsewhere. */
const REQUIRED_WEIGHT = 2;

export interface Need {
  value: number;
  /** The gap topic this need was passed down from, for prerequisites. */
  via: string | null;
  /** Gap topics the member is not ready for until this topic is learned (it is their prerequisite). */
  unlocks: string[];
  /** A required topic not yet assessed (not a gap): studied at half the weight of a gap. */
  assess?: boolean;
}

/** A required topic not yet assessed, with the target that requires it. */
export interface ToAssess {
  topicId: string;
  target: number;
}

export interface RankInput {
  view: CurriculumView;
  member: { id: string; name: string };
  masteryOf: (topicId: string) => number;
  gaps: Gap[];
  courseProgress: Map<string, number>;
  /** Study counts per course among the member's branch (cold start, "what helped others"). */
  popularity: Map<string, number>;
  /** What helped similar members: how many of `members` branch members with similar gaps completed each course. */
  helped?: { members: number; counts: Map<string, number> };
  /** Few events: lean more on the branch and the stage curriculum. */
  coldStart: boolean;
  /** Topics not yet assessed: recommended (the stage's required ones like a gap, others at half), never called gaps. */
  toAssess?: ToAssess[];
  /** Subtopics the member's stage requires. */
  requiredTopics?: ReadonlySet<string>;
}

export interface CourseRecommendation {
  course: Course;
  score: number;
  /** Stored form: a list of reasons read as sentences (server/i18n/reasons.ts). */
  explanation: string;
  /** Gap or prerequisite topics this course addresses. */
  topicIds: string[];
  kind: 'GAP' | 'PREREQUISITE' | 'REQUIRED' | 'POPULAR';
  path: LearningPath;
}

/** Need per subtopic: gaps, passed down to prerequisites that are far from mastered. */
export function needsOf(
  view: CurriculumView,
  gaps: Gap[],
  masteryOf: (id: string) => number,
  toAssess: ToAssess[] = [],
  required: ReadonlySet<string> = new Set(),
): Map<string, Need> {
  const need = new Map<string, Need>(gaps.map((g) => [g.topicId, { value: g.severity, via: null, unlocks: [] }]));
  for (const a of toAssess) {
    if (need.has(a.topicId)) continue;
    const gap = Math.max(0.05, (a.target - masteryOf(a.topicId)) / Math.max(0.01, a.target));
    need.set(a.topicId, { value: (required.has(a.topicId) ? 1 : 0.5) * Math.min(1, gap), via: null, unlocks: [], assess: true });
  }
  for (const [id, n] of need) if (required.has(id)) n.value *= REQUIRED_WEIGHT;
  const queue = [...need.keys()];
  for (let guard = 0; queue.length && guard < 1000; guard++) {
    const t = queue.shift()!;
    const n = need.get(t)!;
    for (const p of view.topics.get(t)?.prerequisiteIds ?? []) {
      if (isReady(masteryOf(p))) continue;
      const passed = n.value * PREREQ_PASS_ON;
      const cur = need.get(p);
      if (!cur) {
        need.set(p, { value: passed, via: t, unlocks: [t] });
        queue.push(p);
        continue;
      }
      if (!cur.unlocks.includes(t)) cur.unlocks.push(t);
      // A prerequisite that is also a gap itself keeps its own severity, plus a little for what it unlocks.
      if (cur.via === null) cur.value = Math.min(1, Math.max(cur.value, passed) + 0.05);
      else if (passed > cur.value) {
        cur.value = passed;
        cur.via = t;
        queue.push(p);
      }
    }
  }
  return need;
}

/** The prerequisite topics (not covered by the course) that are far from mastered, if any. */
export function blockingPrerequisites(view: CurriculumView, course: Course, masteryOf: (id: string) => number): string[] {
  const covered = view.courseTopics.get(course.id) ?? [];
  const ids = new Set(covered.map((t) => t.topicId));
  const out = new Set<string>();
  for (const t of covered) {
    if (t.weight < 0.3) continue;
    for (const p of view.topics.get(t.topicId)?.prerequisiteIds ?? []) if (!ids.has(p) && masteryOf(p) < PREREQ_FAR) out.add(p);
  }
  return [...out];
}

/** Rank courses for the member; `first` results. */
export function rankCourses(x: RankInput, first: number): CourseRecommendation[] {
  const need = needsOf(x.view, x.gaps, x.masteryOf, x.toAssess, x.requiredTopics);
  const readiness = (topicId: string) => {
    const pre = x.view.topics.get(topicId)?.prerequisiteIds ?? [];
    if (!pre.length) return 1;
    return Math.min(1, pre.reduce((a, p) => a + x.masteryOf(p), 0) / pre.length / PREREQ_READY) ** READINESS_POWER;
  };
  const maxPop = Math.max(1, ...x.popularity.values());
  const popWeight = x.coldStart ? 0.35 : 0.15;
  type Cand = { course: Course; relevance: number; pop: number; score: number };
  const cands: Cand[] = [];
  for (const c of x.view.courses) {
    if (isCompleted(x.courseProgress.get(c.id) ?? 0)) continue;
    if (blockingPrerequisites(x.view, c, x.masteryOf).length) continue;
    // Per half hour of the member's time: a long course is worth more only if it teaches more.
    const relevance =
      ((x.view.courseTopics.get(c.id) ?? []).reduce((s, t) => s + t.weight * (need.get(t.topicId)?.value ?? 0) * (1 - x.masteryOf(t.topicId)) * readiness(t.topicId), 0) /
        Math.max(5, c.minutes)) *
      30;
    const branchPop = Math.log1p(x.popularity.get(c.id) ?? 0) / Math.log1p(maxPop);
    const pop = x.helped?.counts.size ? (branchPop + (x.helped.counts.get(c.id) ?? 0) / x.helped.members) / 2 : branchPop;
    if (relevance <= 0 && pop <= 0) continue;
    cands.push({ course: c, relevance, pop, score: 0 });
  }
  const maxRel = Math.max(1e-9, ...cands.map((c) => c.relevance));
  for (const c of cands) c.score = (1 - popWeight) * (c.relevance / maxRel) + popWeight * c.pop;
  const topics = (c: Cand) => x.view.courseTopics.get(c.course.id) ?? [];
  const picked = mmrSelect(
    cands,
    first,
    (c) => c.score,
    (a, b) => topicCosine(topics(a), topics(b)),
  );
  return picked.map((c) => explain(x, need, c.course, c.score, x.popularity.get(c.course.id) ?? 0));
}

/** Smallest group of other members an explanation may describe. */
const MIN_DISCLOSED_GROUP = 3;
/** Smallest count of branch study sessions an explanation may quote. */
const MIN_DISCLOSED_SESSIONS = 5;

function explain(x: RankInput, need: Map<string, Need>, course: Course, score: number, studied: number): CourseRecommendation {
  const v = x.view;
  const covered = (v.courseTopics.get(course.id) ?? [])
    .filter((t) => (need.get(t.topicId)?.value ?? 0) > 0)
    .sort((a, b) => b.weight * need.get(b.topicId)!.value - a.weight * need.get(a.topicId)!.value);
  const what = { courseKind: course.kind, title: course.title, minutes: course.minutes };
  const helped = x.helped?.counts.get(course.id) ?? 0;
  // Other members' gaps and study are personal data: the ranking may use them, but an explanation cites
  // them only as aggregates over groups large enough not to point at anyone (small-group disclosure).
  const social: Reason[] =
    helped > 0 && (x.helped?.members ?? 0) >= MIN_DISCLOSED_GROUP
      ? [reason('REC_PEERS_COMPLETED', { peers: x.helped!.members, completed: helped })]
      : studied >= MIN_DISCLOSED_SESSIONS
        ? [reason('REC_BRANCH_SESSIONS', { sessions: studied })]
        : [];
  const rounded = Math.round(score * 1000) / 1000;
  if (!covered.length) {
    return {
      course,
      score: rounded,
      kind: 'POPULAR',
      topicIds: [],
      explanation: encodeReasons([reason('REC_POPULAR', what), ...social]),
      path: buildPath(x.member, v, course, [], []),
    };
  }
  const main = covered[0].topicId;
  const chain: string[] = [main];
  const viaOf = (t: string) => need.get(t)?.via ?? (t === main ? (need.get(main)!.unlocks[0] ?? null) : null);
  for (let t = viaOf(main); t && chain.length < 6 && !chain.includes(t); t = viaOf(t)) chain.push(t);
  const gapTopic = chain[chain.length - 1];
  const others = { other1: covered[1]?.topicId, other2: covered[2]?.topicId };
  const assessOnly = !!need.get(gapTopic)?.assess;
  if (chain.length > 1) {
    return {
      course,
      score: rounded,
      kind: 'PREREQUISITE',
      topicIds: covered.map((t) => t.topicId),
      explanation: encodeReasons([
        reason(assessOnly ? 'REC_PREREQUISITE_OF_REQUIRED' : 'REC_PREREQUISITE_OF_GAP', { gapTopic, topic: main, mastery: x.masteryOf(main), ...what }),
        ...social,
      ]),
      path: assessOnly
        ? buildPath(
            x.member,
            v,
            course,
            [],
            covered.map((t) => t.topicId),
          )
        : buildPath(
            x.member,
            v,
            course,
            chain,
            covered.map((t) => t.topicId),
          ),
    };
  }
  if (assessOnly) {
    const target = x.toAssess?.find((a) => a.topicId === main)?.target ?? 0;
    return {
      course,
      score: rounded,
      kind: 'REQUIRED',
      topicIds: covered.map((t) => t.topicId),
      explanation: encodeReasons([reason('REC_REQUIRED', { topic: main, target, ...what, ...others }), ...social]),
      path: buildPath(
        x.member,
        v,
        course,
        [],
        covered.map((t) => t.topicId),
      ),
    };
  }
  const gap = x.gaps.find((g) => g.topicId === main);
  // The gap's first reason is the evidence behind the recommendation.
  const why = gap?.reasons[0] ? decodeReasons(gap.reasons[0]) : [];
  return {
    course,
    score: rounded,
    kind: 'GAP',
    topicIds: covered.map((t) => t.topicId),
    explanation: encodeReasons([reason('REC_GAP', { topic: main, mastery: x.masteryOf(main), ...what, ...others }), ...why, ...social]),
    path: buildPath(
      x.member,
      v,
      course,
      chain,
      covered.map((t) => t.topicId),
    ),
  };
}
