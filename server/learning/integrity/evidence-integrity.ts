/**
 * Integrity of evidence: answers and study sessions whose recorded time cannot be true are discounted
 * in mastery (they stay in the record), each with the reason, so credit comes from learning rather than
 * from clicks. Pure: a member's history and the curriculum in, findings per event out.
 *
 * A session or answer is taken to end at its `at` (the server records it when the client reports it)
 * and to last `seconds` before that.
 *  - TOO_FAST: an answer given in less time than reading its question takes (stem and options at
 *    READ_CHARS_PER_SECOND, a fast skim of Chinese text; careful reading is 5–8 characters a second).
 *  - SAME_OPTION_STREAK: at least STREAK_MIN answers in one sitting that are exactly what always choosing
 *    one option gives (right exactly when that option is the key). The store keeps right or wrong, not
 *    the option chosen, so a run is recognised by this consistency.
 *  - OVERLAPPING_STUDY: a study session that claims time already claimed by the previous session.
 *  - STUDY_LONGER_THAN_ELAPSED: a study session that claims more time than has passed since the member's
 *    last answer (they were answering questions during the time claimed).
 *  - BEYOND_COURSE_LENGTH: time beyond 1.5 × the course's length (the learner model already counts no
 *    more than that, so this finding is shown but not applied a second time).
 */
import type { AnswerEvent, MemberHistory, StudyEvent } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';

export const INTEGRITY_CODES = ['TOO_FAST', 'SAME_OPTION_STREAK', 'OVERLAPPING_STUDY', 'STUDY_LONGER_THAN_ELAPSED', 'BEYOND_COURSE_LENGTH'] as const;
export type IntegrityCode = (typeof INTEGRITY_CODES)[number];

/** Characters a second of a fast skim of Chinese text. */
export const READ_CHARS_PER_SECOND = 15;
/** No question can be read and answered faster than this. */
export const MIN_READ_SECONDS = 3;
/** Answers consistent with one option in a row, within one sitting, that make a streak. */
export const STREAK_MIN = 12;
/** A pause longer than this between answers starts a new sitting. */
export const SITTING_GAP_MS = 10 * 60_000;
/** Study time beyond this multiple of the course's length is not counted. */
export const COURSE_LENGTH_FACTOR = 1.5;

export interface IntegrityFinding {
  code: IntegrityCode;
  /** Share of the event this finding discounts, 0..1. */
  share: number;
  /** The numbers behind it (seconds, reading seconds, option, run length, overlapping seconds, ...). */
  detail: Record<string, number>;
}

export interface EventIntegrity {
  eventId: string;
  kind: 'ANSWER' | 'STUDY';
  at: number;
  /** Share of the event not counted, 0..1 (all findings together). */
  discount: number;
  /** The part the learner model applies (BEYOND_COURSE_LENGTH is already applied by its own input cap). */
  modelDiscount: number;
  findings: IntegrityFinding[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const combine = (shares: number[]) => 1 - shares.reduce((k, s) => k * (1 - Math.min(1, Math.max(0, s))), 1);

/** Seconds it takes at least to read a question (stem and options). */
export function readingSeconds(q: { stem: string; options: string[] }): number {
  const chars = [q.stem, ...q.options].reduce((n, s) => n + [...s.replace(/\s+/g, '')].length, 0);
  return Math.max(MIN_READ_SECONDS, Math.round((chars / READ_CHARS_PER_SECOND) * 10) / 10);
}

function answerFindings(view: CurriculumView, answers: AnswerEvent[]): Map<string, IntegrityFinding[]> {
  const out = new Map<string, IntegrityFinding[]>();
  const add = (id: string, f: IntegrityFinding) => out.set(id, [...(out.get(id) ?? []), f]);
  const sorted = [...answers].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (const a of sorted) {
    const q = view.questionById.get(a.questionId);
    if (!q) continue;
    const need = readingSeconds(q);
    if (a.seconds < need) add(a.id, { code: 'TOO_FAST', share: 1, detail: { seconds: a.seconds, readingSeconds: need } });
  }
  // Runs consistent with always choosing option k, per sitting.
  const options = Math.max(0, ...[...view.questionById.values()].map((q) => q.options.length));
  for (let k = 0; k < options; k++) {
    let run: AnswerEvent[] = [];
    const close = () => {
      if (run.length < STREAK_MIN) {
        run = [];
        return;
      }
      for (const a of run) {
        // A run of wrong answers fits several options; one finding per answer.
        if (!out.get(a.id)?.some((f) => f.code === 'SAME_OPTION_STREAK')) add(a.id, { code: 'SAME_OPTION_STREAK', share: 1, detail: { option: k, length: run.length } });
      }
      run = [];
    };
    let last = -Infinity;
    for (const a of sorted) {
      const q = view.questionById.get(a.questionId);
      if (a.at - last > SITTING_GAP_MS) close();
      last = a.at;
      if (!q || k >= q.options.length || a.correct !== (q.answer === k)) {
        close();
        continue;
      }
      run.push(a);
    }
    close();
  }
  return out;
}

function studyFindings(view: CurriculumView, studies: StudyEvent[], answers: AnswerEvent[]): Map<string, IntegrityFinding[]> {
  const out = new Map<string, IntegrityFinding[]>();
  const sorted = [...studies].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const answerTimes = answers.map((a) => a.at).sort((a, b) => a - b);
  let prevEnd = -Infinity;
  for (const s of sorted) {
    const found: IntegrityFinding[] = [];
    const claimed = Math.max(0, s.seconds);
    const start = s.at - claimed * 1000;
    if (claimed > 0) {
      const overlap = Math.min(claimed, Math.max(0, (prevEnd - start) / 1000));
      if (overlap > 0) found.push({ code: 'OVERLAPPING_STUDY', share: overlap / claimed, detail: { seconds: claimed, overlapSeconds: Math.round(overlap) } });
      // The member's last answer inside the claimed span (answers end at their `at`).
      let lastAnswer = -Infinity;
      for (let lo = 0, hi = answerTimes.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (answerTimes[mid] < s.at) {
          lastAnswer = answerTimes[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (lastAnswer > start) {
        const elapsed = (s.at - lastAnswer) / 1000;
        found.push({ code: 'STUDY_LONGER_THAN_ELAPSED', share: (claimed - elapsed) / claimed, detail: { seconds: claimed, elapsedSeconds: Math.round(elapsed) } });
      }
      const course = view.courseById.get(s.courseId);
      if (course) {
        const cap = course.minutes * 60 * COURSE_LENGTH_FACTOR;
        if (claimed > cap) found.push({ code: 'BEYOND_COURSE_LENGTH', share: 1 - cap / claimed, detail: { seconds: claimed, courseMinutes: course.minutes } });
      }
    }
    prevEnd = Math.max(prevEnd, s.at);
    if (found.length) out.set(s.id, found);
  }
  return out;
}

/** Every event of the history that is discounted, with its findings (events counted fully are absent). */
export function checkIntegrity(view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>): Map<string, EventIntegrity> {
  const out = new Map<string, EventIntegrity>();
  const put = (kind: 'ANSWER' | 'STUDY', id: string, at: number, findings: IntegrityFinding[]) => {
    const shares = findings.map((f) => ({ ...f, share: round(f.share) }));
    out.set(id, {
      eventId: id,
      kind,
      at,
      findings: shares,
      discount: round(combine(shares.map((f) => f.share))),
      modelDiscount: round(combine(shares.filter((f) => f.code !== 'BEYOND_COURSE_LENGTH').map((f) => f.share))),
    });
  };
  const at = new Map<string, number>([...history.answers, ...history.studies].map((e) => [e.id, e.at]));
  for (const [id, f] of answerFindings(view, history.answers)) put('ANSWER', id, at.get(id)!, f);
  for (const [id, f] of studyFindings(view, history.studies, history.answers)) put('STUDY', id, at.get(id)!, f);
  return out;
}

/** The model's discount of each event (0 = counted fully). */
export const modelDiscountOf = (report: Map<string, EventIntegrity>) => (id: string) => report.get(id)?.modelDiscount ?? 0;

/**
 * An event the learner model discounts by at least this share is no evidence about the member: it
 * neither makes nor settles a gap, and does not make a topic "assessed".
 */
export const EVIDENCE_DISCOUNT_LIMIT = 0.5;

/** Whether an event counts as evidence (its model discount is below EVIDENCE_DISCOUNT_LIMIT). */
export const countsAsEvidence = (report: Map<string, EventIntegrity>) => (id: string) => (report.get(id)?.modelDiscount ?? 0) < EVIDENCE_DISCOUNT_LIMIT;
