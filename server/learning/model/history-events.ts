/**
 * From stored history to the learner model's inputs: a member's answers and study sessions as
 * LearnerEvents (topics resolved through the curriculum view, question difficulty, minutes of study),
 * and what the curriculum says about each subtopic (area, stages that require it, prerequisites,
 * typical difficulty). The server, `hongtu kt fit`, the generator-world benchmark and the simulator
 * all build the model's inputs here.
 */
import { type AnswerEvent, eventKey, type MemberStage, type StudyEvent } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';
import type { TopicInfo } from './features';
import type { LearnerEvent } from './learner-state';

/** Stage → subtopic ids the stage requires (from the stage requirements). */
export type RequiredTopics = Partial<Record<MemberStage, readonly string[]>>;

/** Per subtopic: area, requiring stages, prerequisites, prerequisite depth and mean question difficulty. */
export function topicInfoFromView(view: CurriculumView, required: RequiredTopics): Map<string, TopicInfo> {
  const requiredFor = new Map<string, string[]>();
  for (const [stage, ids] of Object.entries(required)) for (const id of ids ?? []) requiredFor.set(id, [...(requiredFor.get(id) ?? []), stage]);
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const pres = view.topics.get(id)?.prerequisiteIds ?? [];
    const d = pres.length ? 1 + Math.max(...pres.map((p) => depthOf(p, seen))) : 0;
    depth.set(id, d);
    return d;
  };
  const out = new Map<string, TopicInfo>();
  for (const t of view.leaves) {
    const qs = view.questionsByTopic.get(t.id) ?? [];
    out.set(t.id, {
      area: t.area,
      requiredFor: requiredFor.get(t.id) ?? [],
      depth: depthOf(t.id, new Set()),
      prerequisites: t.prerequisiteIds,
      difficulty: qs.length ? qs.reduce((s, q) => s + q.difficulty, 0) / qs.length : undefined,
    });
  }
  return out;
}

/** Minutes of a study session that count: its seconds, at most 1.5 × the course's length. */
export function studyMinutes(view: CurriculumView, e: Pick<StudyEvent, 'courseId' | 'seconds'>): number {
  const c = view.courseById.get(e.courseId);
  return Math.max(0, Math.min(e.seconds / 60, (c?.minutes ?? 60) * 1.5));
}

export function answerToEvent(view: CurriculumView, e: AnswerEvent, discount = 0): LearnerEvent | null {
  const q = view.questionById.get(e.questionId);
  const topics = view.questionTopics.get(e.questionId);
  if (!q || !topics?.length) return null;
  return { kind: 'answer', at: e.at, topics, correct: e.correct, difficulty: q.difficulty, ref: e.id, discount };
}

export function studyToEvent(view: CurriculumView, e: StudyEvent, discount = 0): LearnerEvent | null {
  const topics = view.courseTopics.get(e.courseId);
  if (!topics?.length) return null;
  return { kind: 'study', at: e.at, topics, minutes: studyMinutes(view, e), ref: e.id, discount };
}

/** A learner event with its event key (graph's `eventKey`: `A:<id>` for an answer, `S:<id>` for a study session). */
export interface KeyedEvent {
  key: string;
  e: LearnerEvent;
}

/**
 * A member's history as keyed events, oldest first (ties by id). `discountOf` gives each event's
 * integrity discount (0 = counts fully). Events the curriculum cannot place (an unknown question or a
 * course without topics) are left out.
 */
export function keyedEventsFromHistory(
  view: CurriculumView,
  history: { answers: AnswerEvent[]; studies: StudyEvent[] },
  discountOf: (id: string) => number = () => 0,
): KeyedEvent[] {
  const list: { at: number; id: string; key: string; e: LearnerEvent }[] = [];
  for (const a of history.answers) {
    const e = answerToEvent(view, a, discountOf(a.id));
    if (e) list.push({ at: a.at, id: a.id, key: eventKey('ANSWER', a.id), e });
  }
  for (const s of history.studies) {
    const e = studyToEvent(view, s, discountOf(s.id));
    if (e) list.push({ at: s.at, id: s.id, key: eventKey('STUDY', s.id), e });
  }
  list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return list.map((x) => ({ key: x.key, e: x.e }));
}

/**
 * A member's history as events, oldest first (ties by id). `discountOf` gives each event's integrity
 * discount (0 = counts fully).
 */
export function eventsFromHistory(view: CurriculumView, history: { answers: AnswerEvent[]; studies: StudyEvent[] }, discountOf: (id: string) => number = () => 0): LearnerEvent[] {
  return keyedEventsFromHistory(view, history, discountOf).map((x) => x.e);
}
