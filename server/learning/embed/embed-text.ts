/**
 * The text each node kind is embedded from, and its content hash. One place, so the maintenance
 * service, tagging and search all embed exactly the same text for the same node.
 */
import { createHash } from 'node:crypto';
import type { Course, Meeting, Question, Topic } from '../../../graph';

/** A topic is its name and description. */
export const topicText = (t: Pick<Topic, 'name' | 'description'>): string => `${t.name}。${t.description}`;

/** A course is its title and summary. */
export const courseText = (c: Pick<Course, 'title' | 'summary'>): string => `${c.title}。${c.summary}`;

/** A question is its stem, its correct option and its explanation (the distractors would blur its topic). */
export const questionText = (q: Pick<Question, 'stem' | 'options' | 'answer' | 'explanation'>): string =>
  [q.stem, q.options[q.answer] ?? '', q.explanation].filter(Boolean).join('。');

/** A meeting record is tagged from its title and record (meetings keep no vector). */
export const meetingText = (m: Pick<Meeting, 'title' | 'record'>): string => `${m.title}。${m.record}`;

/** Hash of the embedded text; a node whose hash and embedder id are unchanged is never embedded again. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);
