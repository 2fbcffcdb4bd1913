/**
 * A course's study page beyond the course row: the written content (outline, reading, link, questions to
 * check understanding) and the topics to learn first. Content comes with the curriculum (seeds/curriculum/
 * content); a course without written content has none, and its page shows the summary alone.
 */
import type { Course, Topic } from '../../graph';
import { COURSE_CONTENT, type CourseContentSeed } from '../../seeds/curriculum/content';

export type CourseContent = Omit<CourseContentSeed, 'courseId'>;

export function courseContent(courseId: string): CourseContent | null {
  const c = COURSE_CONTENT.get(courseId);
  return c ? { outline: c.outline, reading: c.reading, link: c.link, questions: c.questions } : null;
}

/** Prerequisites of the topics the course covers that it does not cover itself, by id. */
export function coursePrerequisites(course: Course, topics: ReadonlyMap<string, Topic>): Topic[] {
  const covered = new Set(course.topics.map((t) => t.topicId));
  const out = new Map<string, Topic>();
  for (const tag of course.topics) {
    for (const id of topics.get(tag.topicId)?.prerequisiteIds ?? []) {
      const t = topics.get(id);
      if (t && !covered.has(id)) out.set(id, t);
    }
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
