/**
 * The HIDDEN learner model the synthetic world is drawn from. Nothing in the product may read it:
 * it exists so that knowledge tracing can be scored against the truth (truth/mastery.csv) and so
 * that recommendation policies can be simulated ("members follow the top recommendations for
 * N weeks") with the same dynamics that produced the data. truth/params.json holds these numbers.
 *
 * Mastery is a number in [0, 1] per member and (non-area) topic.
 * - initial:   m0 = σ(stage + kind + area boosts + w·ability + required-stage boost − depth penalty + noise)
 * - study:     m ← m + (1 − m)(1 − e^(−rate · weight · minutes · e^(β·ability) · prereqFactor))
 * - forgetting m ← floor + (m − floor) · 2^(−days / halfLife)   (exact under splitting; m < floor stays)
 * - answer:    P(correct) = guess + (1 − guess − slip) · σ(a · (m − (offset + scale · difficulty)))
 */
import type { Area, MemberKind, MemberStage } from '../../graph';
import { MEMBER_STAGES } from '../../graph';

export const HIDDEN_PARAMS = {
  version: 'hidden-v1',
  initial: {
    stageLogit: { APPLICANT: -1.3, ACTIVIST: -0.8, CANDIDATE: -0.3, PROBATIONARY: 0.1, FULL: 0.4 } as Record<MemberStage, number>,
    kindLogit: { STUDENT: 0, TEACHER: 0.3, STAFF: 0.1, RETIRED: 0.2 } as Record<MemberKind, number>,
    /** What each stage has typically been taught on the way there. */
    stageAreaBoost: {
      APPLICANT: { constitution: 0.2 },
      ACTIVIST: { constitution: 0.4, history: 0.2 },
      CANDIDATE: { admission: 0.9, constitution: 0.5 },
      PROBATIONARY: { admission: 1.0, constitution: 0.6, discipline: 0.3 },
      FULL: { organization: 0.6, discipline: 0.4, admission: 0.3 },
    } as Record<MemberStage, Partial<Record<Area, number>>>,
    kindAreaBoost: {
      STUDENT: { affairs: 0.2 },
      TEACHER: { theory: 0.4 },
      STAFF: { organization: 0.3 },
      RETIRED: { history: 0.8, affairs: -0.3 },
    } as Record<MemberKind, Partial<Record<Area, number>>>,
    abilityWeight: 0.6,
    /** Added when the topic is required for a stage the member has already passed. */
    requiredPassedBoost: 0.5,
    /** Subtracted per level of prerequisite chain below the topic. */
    prereqDepthPenalty: 0.3,
    noiseSd: 0.6,
  },
  study: {
    /** Per weighted minute; 30 minutes at weight 1 closes ~36% of the remaining gap for an average member. */
    rate: 0.015,
    abilityWeight: 0.3,
    /** Gain multiplier when the prerequisites are not mastered at all (1 when they are fully). */
    prereqFloor: 0.4,
  },
  /** Answering a question teaches a little about the topics it tests (feedback shows the explanation). */
  practiceGain: 0.02,
  /** Attending a meeting counts as studying its topics for this fraction of its length. */
  meetingMinutesFactor: 0.15,
  forgetting: { halfLifeDays: 540, floor: 0.1 },
  /** Difficulty d (0..1) is the mastery threshold difficultyOffset + difficultyScale·d on the mastery scale. */
  answer: { slip: 0.08, discrimination: 8, difficultyOffset: 0.2, difficultyScale: 0.6, defaultGuess: 0.25 },
  /** Member behaviour (used by the generator; a simulator may replace it with its recommendations). */
  behaviour: {
    /** How a member picks a course: for their stage's needs, by popularity, or at random. */
    choice: { need: 0.45, popular: 0.35, random: 0.2 },
    popularityZipf: 0.8,
    /** Share of answers given right after a study session on that course's topics (the rest are quizzes). */
    practiceShare: 0.6,
    quizSize: 5,
    inactiveShare: { STUDENT: 0.1, TEACHER: 0.2, STAFF: 0.25, RETIRED: 0.45 } as Record<MemberKind, number>,
    activitySigma: 1.0,
    stageActivity: { APPLICANT: 0.8, ACTIVIST: 1.2, CANDIDATE: 1.6, PROBATIONARY: 1.4, FULL: 0.9 } as Record<MemberStage, number>,
  },
};
export type HiddenParams = typeof HIDDEN_PARAMS;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export interface InitialMasteryInput {
  ability: number;
  stage: MemberStage;
  kind: MemberKind;
  area: Area;
  /** Stages the topic is required for (TopicSeed.requiredFor). */
  requiredFor: readonly MemberStage[];
  /** Length of the longest prerequisite chain below the topic (0 = no prerequisites). */
  prereqDepth: number;
  /** A standard-normal draw, passed in so the function stays pure. */
  noise: number;
  /** Extra logit shift for this member and area (used to give demo accounts clear strengths and gaps). */
  areaShift?: number;
}

/** Mastery of one topic at the start of the simulated year. */
export function initialMastery(x: InitialMasteryInput, p: HiddenParams = HIDDEN_PARAMS): number {
  const q = p.initial;
  const stageIdx = MEMBER_STAGES.indexOf(x.stage);
  const passed = x.requiredFor.some((s) => MEMBER_STAGES.indexOf(s) < stageIdx);
  const logit =
    q.stageLogit[x.stage] +
    q.kindLogit[x.kind] +
    (q.stageAreaBoost[x.stage][x.area] ?? 0) +
    (q.kindAreaBoost[x.kind][x.area] ?? 0) +
    q.abilityWeight * x.ability +
    (passed ? q.requiredPassedBoost : 0) -
    q.prereqDepthPenalty * x.prereqDepth +
    q.noiseSd * x.noise +
    (x.areaShift ?? 0);
  return sigmoid(logit);
}

/**
 * Mastery after studying material on the topic for `minutes` with tag weight `weight`.
 * `prereqMastery` is the mean mastery of the topic's prerequisites (1 when it has none).
 */
export function studyGain(m: number, weight: number, minutes: number, ability: number, prereqMastery = 1, p: HiddenParams = HIDDEN_PARAMS): number {
  const s = p.study;
  const prereqFactor = s.prereqFloor + (1 - s.prereqFloor) * prereqMastery;
  const effort = s.rate * weight * Math.max(0, minutes) * Math.exp(s.abilityWeight * ability) * prereqFactor;
  return m + (1 - m) * (1 - Math.exp(-effort));
}

/** Mastery after answering a question that tests the topic with tag weight `weight`. */
export function practiceGain(m: number, weight: number, p: HiddenParams = HIDDEN_PARAMS): number {
  return m + (1 - m) * p.practiceGain * weight;
}

/** Mastery after `days` without practice. */
export function forget(m: number, days: number, p: HiddenParams = HIDDEN_PARAMS): number {
  const { floor, halfLifeDays } = p.forgetting;
  if (m <= floor || days <= 0) return m;
  return floor + (m - floor) * 2 ** (-days / halfLifeDays);
}

/**
 * Probability of a correct answer. `mastery` is the tag-weighted mean mastery of the topics the
 * question tests; `guess` defaults to 1 / number of options.
 */
export function pCorrect(mastery: number, difficulty: number, guess: number = HIDDEN_PARAMS.answer.defaultGuess, p: HiddenParams = HIDDEN_PARAMS): number {
  const { slip, discrimination, difficultyOffset, difficultyScale } = p.answer;
  return guess + (1 - guess - slip) * sigmoid(discrimination * (mastery - difficultyOffset - difficultyScale * difficulty));
}

/**
 * Convenience for simulators working with topic ids: study a course (tags topicId → weight) for
 * `minutes`, updating `state` (topicId → mastery, already forgotten to "now") in place. Topics
 * missing from `state` are skipped (e.g. area-level tags; the generator spreads those instead).
 */
export function studyCourse(
  state: Map<string, number>,
  tags: Record<string, number>,
  minutes: number,
  ability: number,
  prerequisitesOf: (topicId: string) => readonly string[],
  p: HiddenParams = HIDDEN_PARAMS,
): void {
  const before = new Map(state);
  for (const [topicId, weight] of Object.entries(tags)) {
    const m = before.get(topicId);
    if (m === undefined) continue;
    const pre = prerequisitesOf(topicId)
      .map((id) => before.get(id))
      .filter((x): x is number => x !== undefined);
    const preMastery = pre.length ? pre.reduce((a, b) => a + b, 0) / pre.length : 1;
    state.set(topicId, studyGain(m, weight, minutes, ability, preMastery, p));
  }
}

/** P(correct) for a question (tags topicId → weight, difficulty, option count) given `state`. */
export function answerProbability(
  state: Map<string, number>,
  q: { topics: Record<string, number>; difficulty: number; options: readonly unknown[] },
  p: HiddenParams = HIDDEN_PARAMS,
): number {
  let num = 0,
    den = 0;
  for (const [topicId, w] of Object.entries(q.topics)) {
    const m = state.get(topicId);
    if (m !== undefined) {
      num += w * m;
      den += w;
    }
  }
  const guess = q.options.length > 1 ? 1 / q.options.length : p.answer.defaultGuess;
  return pCorrect(den ? num / den : 0, q.difficulty, guess, p);
}

/** The function forms in words, written to truth/params.json next to the numbers. */
export const HIDDEN_FORMS = {
  initialMastery:
    "sigmoid(stageLogit[stage] + kindLogit[kind] + stageAreaBoost[stage][area] + kindAreaBoost[kind][area] + abilityWeight*ability + (requiredFor has a stage before the member's ? requiredPassedBoost : 0) - prereqDepthPenalty*prereqDepth + noiseSd*N(0,1) + areaShift)",
  studyGain:
    "m + (1-m)*(1-exp(-rate*weight*minutes*exp(study.abilityWeight*ability)*(prereqFloor+(1-prereqFloor)*meanPrereqMastery))), meanPrereqMastery read before the session's gains",
  practiceGain: 'm + (1-m)*practiceGain*weight (after every answer, right or wrong)',
  meetingGain: 'studyGain with minutes = meeting minutes * meetingMinutesFactor, for PRESENT attendees, per DISCUSSED topic weight',
  forget: 'm <= floor ? m : floor + (m-floor)*2^(-days/halfLifeDays), applied lazily before every read or update',
  pCorrect:
    'guess + (1-guess-slip)*sigmoid(discrimination*(mastery-(difficultyOffset+difficultyScale*difficulty))), guess = 1/options, mastery = tag-weighted mean over tested topics',
  tagsOnAreas: 'a tag on a top-level area spreads to each of its subtopics with half the weight',
};
