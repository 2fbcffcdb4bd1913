/**
 * Learning gaps (学习短板) of one member, as a pure function of what is known about them. A topic whose
 * current mastery is below what something requires (the stage's required topics or areas, the
 * branch's recent meeting topics, a prerequisite of a course in the member's plan) is a gap only with
 * evidence:
 *  - answers: at least two recent answers on it, at most half of them right;
 *  - an overdue review: the estimate was at or above the target after the member's last event and
 *    has faded below it since;
 *  - a required topic never studied or answered while one of its prerequisites has answers mostly wrong.
 * A single wrong answer makes a gap only when the estimate is also below 75% of the target; recent
 * answers mostly right settle it (no gap). Answers and study sessions the integrity checks discount
 * (integrity/evidence-integrity.ts) are no evidence either way (`countedEvidence`). Otherwise it is "not yet assessed" (a separate list, never
 * painted as a gap): nothing is known about it, or a study session only, or one wrong answer near target. Recent answers mostly wrong (≥ 3, ≤ 40% right) make
 * a gap on any topic. Each reason is a code naming its evidence with typed parameters (server/i18n/reasons.ts),
 * stored in that form and rendered in the reader's language, so a member can read why the topic is listed.
 */
import type { Gap, MemberHistory, MemberStage } from '../../../graph';
import { encodeReason, reason, type Reason } from '../../i18n/reasons';
import { requirementNote } from '../../i18n/requirement-notes';
import { checkIntegrity, countsAsEvidence, type EventIntegrity } from '../integrity/evidence-integrity';
import { requirementOf, type StageRequirement } from '../requirements';
import type { CurriculumView } from '../mastery/curriculum-view';

export interface AnswerEvidence {
  n: number;
  correct: number;
}

export interface GapInputs {
  member: { id: string; stage: MemberStage };
  view: CurriculumView;
  /** Current mastery (forgetting applied) of a subtopic. */
  masteryOf: (topicId: string) => number;
  /** Mean current mastery of an area's subtopics. */
  areaMasteryOf: (area: string) => number;
  /** Recent answers per subtopic (the last few that test it). */
  evidence: Map<string, AnswerEvidence>;
  /** Subtopics the branch's meetings discussed recently, with how many meetings. */
  branchTopics: Map<string, number>;
  /** How many days back the branch's meeting topics were read (quoted in the reason). */
  branchDays?: number;
  /** Prerequisite subtopic → titles of not-yet-completed plan courses that need it. */
  planPrerequisites: Map<string, string[]>;
  now: number;
  /** Subtopics the member studied (a course covering them with weight ≥ 0.5). */
  studied?: Set<string>;
  /** The stored estimate of a subtopic as of the member's last event (before fading), if any. */
  storedOf?: (topicId: string) => number | undefined;
  /** What the member's stage must master (in force now); default: the catalogue's defaults. */
  requirement?: StageRequirement;
}

/** A required topic the member has not been assessed on (or not conclusively), with why. */
export interface NotAssessed {
  topicId: string;
  target: number;
  reasons: string[];
}

export interface GapAssessment {
  gaps: Gap[];
  notAssessed: NotAssessed[];
}

/** Below this share of the target, one wrong answer is enough evidence for a gap. */
const SINGLE_ANSWER_SHARE = 0.75;

/** Answers that say a topic is weak: at least two, at most half right. */
export const weakByAnswers = (ev: AnswerEvidence | undefined) => !!ev && ev.n >= 2 && ev.correct * 2 <= ev.n;

/** How strongly each kind of requirement counts towards severity. */
const WEIGHT = { stageTopic: 1, stageArea: 0.7, branch: 0.75, plan: 0.85, answers: 0.8 } as const;
const BRANCH_TARGET = 0.6;
const PLAN_TARGET = 0.5;
const ANSWER_TARGET = 0.6;
/** A cap for pathological topic trees; the hand-written curriculum has 64 subtopics. */
export const MAX_GAPS = 100;

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Reasons that quote the recent answers themselves. */
const ANSWER_CODES = new Set(['GAP_ANSWERS_WEAK', 'GAP_ANSWERS_MOSTLY_WRONG', 'GAP_ANSWERS_RECENT']);
const namesAnswers = (r: Reason) => ANSWER_CODES.has(r.code);

/** Compute the member's gaps, most severe first. */
export function computeGaps(x: GapInputs): Gap[] {
  return assessGaps(x).gaps;
}

/** The member's gaps (most severe first) and the required topics not yet assessed. */
export function assessGaps(x: GapInputs): GapAssessment {
  const req = x.requirement ?? requirementOf(x.member.stage);
  const found = new Map<string, { severity: number; reasons: Reason[] }>();
  const open = new Map<string, { topicId: string; target: number; reasons: Reason[] }>();
  const weakPrerequisite = (id: string) => (x.view.topics.get(id)?.prerequisiteIds ?? []).find((p) => weakByAnswers(x.evidence.get(p)));
  /** Why the evidence supports a gap on the topic, or null when it does not. */
  const evidenceFor = (topicId: string, target: number, m: number): Reason | '' | null => {
    const ev = x.evidence.get(topicId);
    if (weakByAnswers(ev)) return null; // the answers themselves are named below
    const stored = x.storedOf?.(topicId);
    if ((ev?.n || x.studied?.has(topicId)) && stored !== undefined && stored >= target && m < target) {
      return reason('GAP_REVIEW_OVERDUE', { was: stored, now: m });
    }
    const pre = !ev?.n && !x.studied?.has(topicId) ? weakPrerequisite(topicId) : undefined;
    if (pre) return reason('GAP_WEAK_PREREQUISITE', { prerequisite: pre });
    return '';
  };
  const add = (topicId: string, target: number, weight: number, why0: (m: number) => Reason) => {
    if (!x.view.topics.has(topicId)) return;
    const m = x.masteryOf(topicId);
    if (m >= target) return;
    const why = evidenceFor(topicId, target, m);
    const ev0 = x.evidence.get(topicId);
    // Answers mostly right settle it: close to target, neither a gap nor unassessed.
    if (why === '' && ev0 && ev0.n >= 1 && ev0.correct * 2 > ev0.n) return;
    // A single wrong answer is a gap only when the estimate is also well below target.
    if (why === '' && ev0 && ev0.n === 1 && ev0.correct === 0 && m < SINGLE_ANSWER_SHARE * target) {
      const sev = weight * Math.min(1, (target - m) / Math.max(target, 0.01));
      const g = found.get(topicId) ?? { severity: 0, reasons: [] };
      g.severity = Math.max(g.severity, sev);
      g.reasons.push(why0(m));
      found.set(topicId, g);
      return;
    }
    if (why === '') {
      const ev = x.evidence.get(topicId);
      const o = open.get(topicId) ?? { topicId, target, reasons: [] };
      o.target = Math.max(o.target, target);
      o.reasons.push(why0(m));
      const note = ev?.n
        ? reason('NOT_ASSESSED_FEW_ANSWERS', { answers: ev.n, correct: ev.correct })
        : reason(x.studied?.has(topicId) ? 'NOT_ASSESSED_STUDIED_ONLY' : 'NOT_ASSESSED_NOTHING', {});
      if (!o.reasons.some((r) => r.code === note.code)) o.reasons.push(note);
      open.set(topicId, o);
      return;
    }
    const sev = weight * Math.min(1, (target - m) / Math.max(target, 0.01));
    const g = found.get(topicId) ?? { severity: 0, reasons: [] };
    g.severity = Math.max(g.severity, sev);
    g.reasons.push(why0(m));
    if (why) g.reasons.push(why);
    found.set(topicId, g);
  };

  for (const r of req.topics) {
    add(r.topicId, r.target, WEIGHT.stageTopic, (m) =>
      reason('GAP_STAGE_TOPIC', { stage: req.stage, topic: r.topicId, target: r.target, mastery: m, ...requirementNote(req.stage, r.topicId, r.reason) }),
    );
  }
  for (const a of req.areas) {
    const am = x.areaMasteryOf(a.area);
    if (am >= a.target) continue;
    for (const id of x.view.leavesByArea.get(a.area) ?? []) {
      add(id, a.target, WEIGHT.stageArea, (m) =>
        reason('GAP_STAGE_AREA', { stage: req.stage, area: a.area, target: a.target, areaMastery: am, mastery: m, ...requirementNote(req.stage, a.area, a.reason) }),
      );
    }
  }
  for (const [id, count] of x.branchTopics) {
    add(id, BRANCH_TARGET, WEIGHT.branch, (m) => reason('GAP_BRANCH_MEETINGS', { days: x.branchDays ?? 90, topic: id, meetings: count, mastery: m }));
  }
  for (const [id, titles] of x.planPrerequisites) {
    add(id, PLAN_TARGET, WEIGHT.plan, (m) => reason('GAP_PLAN_PREREQUISITE', { course: titles[0] ?? '', course2: titles[1], topic: id, mastery: m }));
  }
  for (const [id, ev] of x.evidence) {
    if (ev.n >= 3 && ev.correct / ev.n <= 0.4) {
      add(id, ANSWER_TARGET, WEIGHT.answers, (m) => reason('GAP_ANSWERS_WEAK', { answers: ev.n, correct: ev.correct, mastery: m }));
    }
  }
  // Stage, branch and plan requirements on topics whose answers are mostly wrong name those answers.
  for (const [topicId, g] of found) {
    const ev = x.evidence.get(topicId);
    if (weakByAnswers(ev) && !g.reasons.some(namesAnswers)) g.reasons.push(reason('GAP_ANSWERS_MOSTLY_WRONG', { answers: ev!.n, correct: ev!.correct }));
  }

  const out: Gap[] = [];
  for (const [topicId, g] of found) {
    const ev = x.evidence.get(topicId);
    let severity = g.severity;
    const reasons = [...new Set(g.reasons.map(encodeReason))];
    if (ev && ev.n > 0) {
      // Wrong answers make a gap more urgent, right ones less so — the evidence the member sees; each
      // of the last five answers counts, so one more wrong answer never lowers the urgency by itself.
      severity += 0.03 * (ev.n - 2 * ev.correct);
      if (!g.reasons.some(namesAnswers)) reasons.push(encodeReason(reason('GAP_ANSWERS_RECENT', { answers: ev.n, correct: ev.correct })));
    }
    out.push({ memberId: x.member.id, topicId, severity: Math.round(Math.min(1, Math.max(0.01, severity)) * 1000) / 1000, reasons, updatedAt: x.now });
    open.delete(topicId);
  }
  return {
    gaps: out.sort((a, b) => b.severity - a.severity || a.topicId.localeCompare(b.topicId)).slice(0, MAX_GAPS),
    notAssessed: [...open.values()].map((o) => ({ ...o, reasons: o.reasons.map(encodeReason) })).sort((a, b) => a.topicId.localeCompare(b.topicId)),
  };
}

/** Per subtopic: how many of the last `perTopic` answers testing it (weight ≥ 0.5) were right. */
export function answerEvidence(view: CurriculumView, answers: { questionId: string; correct: boolean }[], perTopic = 5): Map<string, AnswerEvidence> {
  const out = new Map<string, AnswerEvidence>();
  for (const a of answers) {
    // newest first
    for (const tw of view.questionTopics.get(a.questionId) ?? []) {
      if (tw.weight < 0.5) continue;
      const e = out.get(tw.topicId) ?? { n: 0, correct: 0 };
      if (e.n >= perTopic) continue;
      e.n += 1;
      if (a.correct) e.correct += 1;
      out.set(tw.topicId, e);
    }
  }
  return out;
}

/** Subtopics covered (weight ≥ 0.5) by the courses of the given study sessions. */
export function studiedTopics(view: CurriculumView, studies: readonly { courseId: string }[]): Set<string> {
  const out = new Set<string>();
  for (const s of studies) for (const tw of view.courseTopics.get(s.courseId) ?? []) if (tw.weight >= 0.5) out.add(tw.topicId);
  return out;
}

/**
 * The evidence gaps are judged on: recent answers per subtopic and the subtopics studied, leaving out
 * the answers and study sessions the integrity checks discount (an answer faster than reading, a
 * same-option streak, study time that cannot be true). `report`: the history's integrity findings, when
 * the caller has them already.
 */
export function countedEvidence(
  view: CurriculumView,
  history: Pick<MemberHistory, 'answers' | 'studies'>,
  report: Map<string, EventIntegrity> = checkIntegrity(view, history),
): { evidence: Map<string, AnswerEvidence>; studied: Set<string> } {
  const counts = countsAsEvidence(report);
  return {
    evidence: answerEvidence(
      view,
      history.answers.filter((a) => counts(a.id)),
    ),
    studied: studiedTopics(
      view,
      history.studies.filter((s) => counts(s.id)),
    ),
  };
}
