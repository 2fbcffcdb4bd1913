/**
 * A member records their own learning: a study session on a course, an answer to a quiz question.
 * Writes are idempotent by event id (client-supplied for retries, else generated).
 */
import { randomUUID } from 'node:crypto';
import type { AnswerEvent, Course, Question, StudyEvent } from '../../graph';
import { assertIsSelf } from '../auth/scope';
import type { Session } from '../auth/session';
import { notFound } from '../errors';
import { optionalId, requireInt, requireNumber, requirePast } from '../validate';
import { loadMemberRaw } from './member-service';

/**
 * Called after an event is stored (the learning services update mastery and gaps here). A hook
 * failure is logged and does not fail the mutation: the event is the truth, and derived state can
 * be recomputed from it.
 */
export interface EventHooks {
  onStudy?(s: Session, e: StudyEvent, course: Course): Promise<void>;
  onAnswer?(s: Session, e: AnswerEvent, question: Question): Promise<void>;
}

async function runHook(s: Session, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    s.log.error(`event hook ${name} failed; the event is stored:`, e);
  }
}

export interface RecordStudyInput {
  id?: string | null;
  memberId: string;
  courseId: string;
  at?: number | null;
  seconds: number;
  progress: number;
}

/** Record a study session of the viewer. */
export async function recordStudy(s: Session, input: RecordStudyInput, hooks: EventHooks = {}): Promise<{ event: StudyEvent; created: boolean; course: Course }> {
  const event: StudyEvent = {
    id: optionalId('id', input.id) ?? `s-${randomUUID()}`,
    memberId: input.memberId,
    courseId: input.courseId,
    at: input.at == null ? s.now() : requirePast('at', input.at, s.now()),
    seconds: requireInt('seconds', input.seconds, 0, 86_400),
    progress: requireNumber('progress', input.progress, 0, 1),
  };
  await loadMemberRaw(s, event.memberId);
  assertIsSelf(s.viewer, event.memberId);
  const course = await s.loaders.course.load(event.courseId);
  if (!course) throw notFound('Course', event.courseId);
  const { created } = await s.store.recordStudy(event);
  s.loaders.history.clear(event.memberId);
  if (created && hooks.onStudy) await runHook(s, 'onStudy', () => hooks.onStudy!(s, event, course));
  return { event, created, course };
}

export interface RecordAnswerInput {
  id?: string | null;
  memberId: string;
  questionId: string;
  choice: number;
  at?: number | null;
  seconds: number;
}

/** Record the viewer's answer to a question; correctness is decided here, not by the client. */
export async function recordAnswer(s: Session, input: RecordAnswerInput, hooks: EventHooks = {}): Promise<{ event: AnswerEvent; created: boolean; question: Question }> {
  const id = optionalId('id', input.id) ?? `a-${randomUUID()}`;
  const at = input.at == null ? s.now() : requirePast('at', input.at, s.now());
  const seconds = requireInt('seconds', input.seconds, 0, 86_400);
  await loadMemberRaw(s, input.memberId);
  assertIsSelf(s.viewer, input.memberId);
  const question = await s.loaders.question.load(input.questionId);
  if (!question) throw notFound('Question', input.questionId);
  const choice = requireInt('choice', input.choice, 0, question.options.length - 1);
  const event: AnswerEvent = { id, memberId: input.memberId, questionId: question.id, at, correct: choice === question.answer, seconds };
  const { created } = await s.store.recordAnswer(event);
  s.loaders.history.clear(event.memberId);
  if (created && hooks.onAnswer) await runHook(s, 'onAnswer', () => hooks.onAnswer!(s, event, question));
  return { event, created, question };
}
