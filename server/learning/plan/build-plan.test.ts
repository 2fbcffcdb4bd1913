/**
 * The plan builder on a tiny curriculum (a pure function; no store): budget per week, prerequisite
 * order across weeks, courses longer than a week's budget left out, completed items kept.
 */
import { describe, expect, it } from 'vitest';
import type { Course, Topic } from '../../../graph';
import { createProductModel } from '../model/product-model';
import { requiredTopicIds } from '../requirements';
import { buildCurriculumView } from '../mastery/curriculum-view';
import type { CourseRecommendation } from '../recommend/rank-courses';
import { buildPlan } from './build-plan';
import { PREREQ_READY } from '../progress';

const topic = (id: string, prerequisiteIds: string[] = []): Topic => ({ id, name: id, area: 'admission', description: '', parentId: 'admission', prerequisiteIds });
const course = (id: string, minutes: number, topicId: string): Course => ({
  id,
  title: id,
  summary: '',
  kind: 'ARTICLE',
  minutes,
  createdAt: 0,
  updatedAt: 0,
  topics: [{ topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
});
const topics = [{ ...topic('admission'), parentId: null }, topic('t1'), topic('t2', ['t1']), topic('t3', ['t2'])];
// Ranked worst-first on purpose: the dependent courses come before their prerequisites.
const courses = [course('c3', 30, 't3'), course('c2', 30, 't2'), course('c1', 30, 't1'), course('big', 90, 't1'), course('c4', 20, 't1')];
const view = buildCurriculumView(topics, courses, []);
const ranked = courses.map(
  (c): CourseRecommendation => ({ course: c, score: 1, explanation: `学 ${c.id}`, topicIds: [c.topics[0].topicId], kind: 'GAP', path: { nodes: [], edges: [] } }),
);
const base = {
  id: 'p',
  memberId: 'm',
  now: 1_000_000,
  view,
  model: createProductModel(null, requiredTopicIds()),
  rows: new Map(),
  ranked,
  previous: null,
  courseProgress: new Map<string, number>(),
};

describe('buildPlan', () => {
  it('keeps each week within budget, puts prerequisites first, and leaves out what cannot fit a week', () => {
    const plan = buildPlan({ ...base, minutesPerWeek: 60, weeks: 4 });
    const at = new Map(plan.items.map((i) => [i.courseId, i]));
    expect(at.has('big')).toBe(false);
    expect(at.get('c1')!.order).toBeLessThan(at.get('c2')!.order);
    expect(at.get('c2')!.order).toBeLessThan(at.get('c3')!.order);
    for (let w = 1; w <= 4; w++) expect(plan.items.filter((i) => i.week === w).reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(60);
    expect(plan.items.map((i) => i.order)).toEqual(plan.items.map((_, k) => k));
    expect(plan.items.every((i) => i.due === base.now + i.week * 7 * 86_400_000 - 1)).toBe(true);
  });

  it('stops at the last week; a course waits for every planned course on its prerequisites', () => {
    const plan = buildPlan({ ...base, minutesPerWeek: 30, weeks: 2 });
    // c2 needs t1, taught by c1 and c4: both come first, so c2 and c3 do not fit in two weeks.
    expect(plan.items.map((i) => [i.courseId, i.week])).toEqual([
      ['c1', 1],
      ['c4', 2],
    ]);
  });

  it('keeps completed items of the previous plan and does not plan them again', () => {
    const first = buildPlan({ ...base, minutesPerWeek: 60, weeks: 4 });
    const progress = new Map([['c1', 1]]);
    const next = buildPlan({ ...base, id: 'p2', minutesPerWeek: 60, weeks: 4, previous: first, courseProgress: progress, ranked: ranked.filter((r) => r.course.id !== 'c1') });
    expect(next.items.filter((i) => i.courseId === 'c1')).toEqual([{ ...first.items.find((i) => i.courseId === 'c1')!, order: 0 }]);
    expect(next.items.map((i) => i.courseId)).toContain('c3');
  });

  it("orders a course after its prerequisite's course only while the prerequisite is not ready (the shared PREREQ_READY, on the member's current mastery)", () => {
    const masteryAt = (t1: number) => (id: string) => (id === 't1' ? t1 : PREREQ_READY - 0.01);
    // t1 just below ready: as without mastery, c2 waits for c1 and c4.
    expect(buildPlan({ ...base, minutesPerWeek: 30, weeks: 2, masteryOf: masteryAt(PREREQ_READY - 0.001) }).items.map((i) => [i.courseId, i.week])).toEqual([
      ['c1', 1],
      ['c4', 2],
    ]);
    // t1 ready: c2 goes first, and c3 still waits for c2 (t2 is not ready).
    expect(buildPlan({ ...base, minutesPerWeek: 30, weeks: 2, masteryOf: masteryAt(PREREQ_READY) }).items.map((i) => [i.courseId, i.week])).toEqual([
      ['c2', 1],
      ['c3', 2],
    ]);
  });
});
