import { describe, expect, it } from 'vitest';
import { courses, topics } from '..';
import { courseContent, coursePrerequisites } from '../../../server/curriculum/course-content';
import { COURSE_CONTENT } from '.';

describe('course content of the demo curriculum', () => {
  it('belongs to real courses and has an outline, a reading of several paragraphs and questions', () => {
    const ids = new Set(courses.map((c) => c.id));
    // Every course of the demo curriculum has a study page.
    expect([...ids].filter((id) => !COURSE_CONTENT.has(id))).toEqual([]);
    for (const [id, c] of COURSE_CONTENT) {
      expect(ids.has(id), id).toBe(true);
      expect(c.outline.length, id).toBeGreaterThanOrEqual(3);
      expect(c.reading.length, id).toBeGreaterThanOrEqual(3);
      expect(c.reading.join('').length, id).toBeGreaterThan(300);
      expect(c.questions.length, id).toBeGreaterThanOrEqual(2);
      if (c.link) expect(c.link.url, id).toMatch(/^https:\/\//);
    }
    expect(courseContent('c-1')?.outline[0]).toContain('党章');
    expect(courseContent('no-such-course')).toBeNull();
  });

  it('names as prerequisites the topics to learn first that the course does not cover itself', () => {
    const index = new Map(
      topics.map((t) => [t.id, { id: t.id, name: t.name, area: t.area, description: t.description, parentId: t.parentId, prerequisiteIds: t.prerequisiteIds }]),
    );
    const withPrereq = courses.find((c) => Object.keys(c.topics).some((t) => (index.get(t)?.prerequisiteIds ?? []).some((p) => !(p in c.topics))))!;
    const course = {
      ...withPrereq,
      topics: Object.entries(withPrereq.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL' as const, confidence: 1 })),
      createdAt: 0,
      updatedAt: 0,
    };
    const pre = coursePrerequisites(course, index);
    const covered = new Set(Object.keys(withPrereq.topics));
    const expected = new Set(
      Object.keys(withPrereq.topics)
        .flatMap((t) => index.get(t)!.prerequisiteIds)
        .filter((t) => !covered.has(t)),
    );
    expect(pre.length).toBeGreaterThan(0);
    expect(new Set(pre.map((t) => t.id))).toEqual(expected);
  });
});
