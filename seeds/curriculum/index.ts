/**
 * The hand-written curriculum in one place: topic tree, courses, quiz questions, stage requirements,
 * and the deterministic held-out split used to measure topic-tagging precision.
 */
import { courses } from './courses';
import { questions } from './questions';
import { topics } from './topics';

export { topics, topicById, subtopics } from './topics';
export { courses } from './courses';
export { questions } from './questions';
export { stageRequirements, requiredTopicsFor, requiredAreasFor } from './requirements';
export type { StageRequirement, TopicRequirement, AreaRequirement } from './requirements';
export type { TopicSeed, CourseSeed, QuestionSeed } from './types';

/**
 * Held-out rule: an id whose trailing number is a multiple of 5 (c-5, c-10, …; q-history-005, …).
 * Deterministic and spread evenly over every area, because ids are numbered area by area.
 */
export function isHeldOut(id: string): boolean {
  const m = /(\d+)$/.exec(id);
  return m !== null && Number(m[1]) % 5 === 0;
}

/** ~20% of courses, never used to fit topic representations; tagging precision is measured on them. */
export const heldOutCourseIds: ReadonlySet<string> = new Set(courses.filter((c) => isHeldOut(c.id)).map((c) => c.id));

/** ~20% of questions, held out like the courses. */
export const heldOutQuestionIds: ReadonlySet<string> = new Set(questions.filter((q) => isHeldOut(q.id)).map((q) => q.id));

/** Counts for reports and the seed command's summary. */
export const curriculumCounts = {
  areas: topics.filter((t) => t.parentId === null).length,
  subtopics: topics.filter((t) => t.parentId !== null).length,
  courses: courses.length,
  questions: questions.length,
} as const;
