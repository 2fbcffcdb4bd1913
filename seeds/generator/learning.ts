/**
 * One member's year of learning, drawn from the hidden model (hidden-model.ts): study sessions
 * chosen by stage needs / popularity / chance, practice questions right after studying, quizzes,
 * and the topics of meetings the member attended. Events are emitted in strictly increasing time.
 */
import type { Area } from '../../graph';
import type { CurriculumIndex, Tag } from './curriculum-index';
import { forget, HIDDEN_PARAMS, initialMastery, pCorrect, practiceGain, studyGain } from './hidden-model';
import type { MemberRec } from './people';
import type { Rng } from './rng';
import { DAY_MS, REFERENCE_DATE, WINDOW_START } from './scales';

export interface LearningSink {
  study(member: MemberRec, courseId: string, at: number, seconds: number, progress: number): void;
  answer(member: MemberRec, questionId: string, at: number, correct: boolean, seconds: number): void;
}
export interface AttendedMeeting {
  at: number;
  minutes: number;
  topics: Tag[];
}

/** Local hours at which people study, with relative weights (lunch break and evenings peak). */
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0, 0.2, 0.6, 1, 1.2, 1.2, 1, 1.6, 1.4, 1, 1, 1, 0.8, 0.8, 1.4, 2, 2.2, 1.8, 0.8];
const LIMIT = REFERENCE_DATE - 60_000;

class MemberState {
  readonly m: Float64Array;
  readonly last: Float64Array;
  constructor(n: number, start: number) {
    this.m = new Float64Array(n);
    this.last = new Float64Array(n).fill(start);
  }
  /** Mastery of skill k at time t, forgetting applied (lazily; exact because forgetting composes). */
  at(k: number, t: number): number {
    if (t > this.last[k]) {
      this.m[k] = forget(this.m[k], (t - this.last[k]) / DAY_MS);
      this.last[k] = t;
    }
    return this.m[k];
  }
}

function prereqMastery(ci: CurriculumIndex, s: MemberState, k: number, t: number): number {
  const ps = ci.prereqs[k];
  if (!ps.length) return 1;
  let sum = 0;
  for (const p of ps) sum += s.at(p, t);
  return sum / ps.length;
}

/** Study gains of one session; prerequisite mastery is read before any of the session's gains (as in studyCourse). */
function learn(st: MemberState, ci: CurriculumIndex, tags: Tag[], minutes: number, ability: number, t: number): void {
  const pms = tags.map((tag) => prereqMastery(ci, st, tag.skill, t));
  tags.forEach((tag, i) => {
    st.m[tag.skill] = studyGain(st.at(tag.skill, t), tag.weight, minutes, ability, pms[i]);
  });
}

/** Simulate and emit one member's events; returns hidden mastery per skill at the reference date. */
export function simulateMember(
  member: MemberRec,
  counts: { studies: number; answers: number },
  meetings: AttendedMeeting[],
  ci: CurriculumIndex,
  rng: Rng,
  sink: LearningSink,
): Float64Array {
  const start = Math.max(WINDOW_START, member.createdAt);
  const st = new MemberState(ci.skills.length, start);
  ci.skills.forEach((t, k) => {
    st.m[k] = initialMastery({
      ability: member.ability,
      stage: member.stage,
      kind: member.kind,
      area: t.area,
      requiredFor: t.requiredFor ?? [],
      prereqDepth: ci.prereqDepth[k],
      noise: rng.normal(),
      areaShift: member.demo?.areaShift[t.area],
    });
  });
  const beh = HIDDEN_PARAMS.behaviour;
  const nStudies = ci.courses.length ? counts.studies : 0;
  const nAnswers = ci.questions.length ? counts.answers : 0;
  const practice = new Array<number>(nStudies).fill(0);
  const nPractice = nStudies ? Math.round(nAnswers * beh.practiceShare) : 0;
  for (let i = 0; i < nPractice; i++) practice[rng.int(0, nStudies - 1)]++;
  const sessions: { at: number; kind: 'study' | 'quiz' | 'meeting'; n: number; meeting?: AttendedMeeting }[] = [];
  for (let i = 0; i < nStudies; i++) sessions.push({ at: sessionTime(start, rng), kind: 'study', n: practice[i] });
  for (let left = nAnswers - nPractice; left > 0; left -= beh.quizSize) {
    sessions.push({ at: sessionTime(start, rng), kind: 'quiz', n: Math.min(beh.quizSize, left) });
  }
  for (const mt of meetings) if (mt.at >= start) sessions.push({ at: mt.at, kind: 'meeting', n: 0, meeting: mt });
  sessions.sort((a, b) => a.at - b.at);

  const focus = member.demo ? member.demo.focusAreas.flatMap((a) => ci.skillsByArea.get(a) ?? []) : null;
  const gaps = member.demo
    ? Object.entries(member.demo.areaShift)
        .filter(([, v]) => (v ?? 0) < 0)
        .flatMap(([a]) => ci.skillsByArea.get(a as Area) ?? [])
        .filter((k) => ci.questionsBySkill[k].length)
    : [];
  let cursor = 0;
  const answer = (qi: number) => {
    const q = ci.questions[qi];
    const t = cursor + rng.int(5, 40) * 1000;
    if (t >= LIMIT) return;
    let num = 0,
      den = 0;
    for (const tag of q.tags) {
      num += tag.weight * st.at(tag.skill, t);
      den += tag.weight;
    }
    const correct = rng.chance(pCorrect(den ? num / den : 0, q.difficulty, q.guess));
    const seconds = Math.round(8 + 40 * q.difficulty + rng.logNormal(2, 0.5));
    sink.answer(member, q.id, t, correct, seconds);
    for (const tag of q.tags) st.m[tag.skill] = practiceGain(st.at(tag.skill, t), tag.weight);
    cursor = t + seconds * 1000;
  };
  for (const s of sessions) {
    if (s.kind === 'meeting') {
      learn(st, ci, s.meeting!.topics, s.meeting!.minutes * HIDDEN_PARAMS.meetingMinutesFactor, member.ability, s.at);
      continue;
    }
    const t0 = Math.max(s.at, cursor + 60_000);
    if (t0 >= LIMIT) continue;
    cursor = t0;
    if (s.kind === 'study') {
      const c = ci.courses[chooseCourse(member, st, t0, ci, focus, rng)];
      const progress = rng.chance(0.55) ? 1 : Math.round(rng.uniform(0.15, 0.95) * 100) / 100;
      const seconds = Math.max(30, Math.round(c.minutes * 60 * progress * rng.logNormal(0, 0.25)));
      sink.study(member, c.id, t0, seconds, progress);
      const minutes = Math.min(seconds / 60, c.minutes * 1.5);
      learn(st, ci, c.tags, minutes, member.ability, t0);
      cursor = t0 + seconds * 1000;
      for (let i = 0; i < s.n; i++) answer(practiceQuestion(c.tags, ci, rng));
    } else {
      for (let i = 0; i < s.n; i++) answer(quizQuestion(member, gaps, ci, rng));
    }
  }
  const out = new Float64Array(ci.skills.length);
  for (let k = 0; k < out.length; k++) out[k] = st.at(k, REFERENCE_DATE);
  return out;
}

function sessionTime(start: number, rng: Rng): number {
  const t = start + Math.floor(rng.next() * (REFERENCE_DATE - DAY_MS - start));
  const dayStart = Math.floor((t + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  const at = dayStart + rng.weighted(HOUR_WEIGHTS) * 3_600_000 + rng.int(0, 3599) * 1000;
  return at < start ? at + DAY_MS : at;
}

function chooseCourse(member: MemberRec, st: MemberState, t: number, ci: CurriculumIndex, focus: number[] | null, rng: Rng): number {
  const ch = HIDDEN_PARAMS.behaviour.choice;
  const r = rng.next();
  const pool = focus ?? (r < ch.need ? ci.needs[member.stage] : null);
  if (pool) {
    const withCourses = pool.filter((k) => ci.coursesBySkill[k].length);
    if (withCourses.length) {
      const k = withCourses[rng.weighted(withCourses.map((x) => (1 - st.at(x, t)) ** 2 + 0.01))];
      return rng.pick(ci.coursesBySkill[k]);
    }
  }
  if (r < ch.need + ch.popular && ci.popularity) return ci.popularity.draw(rng);
  return rng.int(0, ci.courses.length - 1);
}

function practiceQuestion(tags: Tag[], ci: CurriculumIndex, rng: Rng): number {
  const usable = tags.filter((t) => ci.questionsBySkill[t.skill].length);
  if (!usable.length) return rng.int(0, ci.questions.length - 1);
  const tag = usable[rng.weighted(usable.map((t) => t.weight))];
  return rng.pick(ci.questionsBySkill[tag.skill]);
}

function quizQuestion(member: MemberRec, gaps: number[], ci: CurriculumIndex, rng: Rng): number {
  if (gaps.length && rng.chance(member.demo!.gapQuizShare)) return rng.pick(ci.questionsBySkill[rng.pick(gaps)]);
  if (rng.chance(0.3)) {
    const needs = ci.needs[member.stage].filter((k) => ci.questionsBySkill[k].length);
    if (needs.length) return rng.pick(ci.questionsBySkill[rng.pick(needs)]);
  }
  return rng.int(0, ci.questions.length - 1);
}
