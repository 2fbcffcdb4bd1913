/**
 * rankCourses on a tiny curriculum (a pure function): prerequisites first, completed courses skipped,
 * MMR spreads the top over different gaps, and with no gaps the branch's popular courses come out.
 */
import { describe, expect, it } from 'vitest';
import type { Course, Gap, Topic } from '../../../graph';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { renderStored } from '../../i18n/reasons';
import { rankCourses, type RankInput } from './rank-courses';

const topic = (id: string, prerequisiteIds: string[] = []): Topic => ({ id, name: `名${id}`, area: 'admission', description: '', parentId: 'admission', prerequisiteIds });
const course = (id: string, topicId: string, minutes = 20): Course => ({
  id,
  title: `课${id}`,
  summary: '',
  kind: 'ARTICLE',
  minutes,
  createdAt: 0,
  updatedAt: 0,
  topics: [{ topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
});
const view = buildCurriculumView(
  [{ ...topic('admission'), parentId: null }, topic('a'), topic('b'), topic('pre'), topic('hard', ['pre'])],
  [course('a1', 'a'), course('a2', 'a'), course('a3', 'a'), course('b1', 'b'), course('pre1', 'pre'), course('hard1', 'hard')],
  [],
);
const gap = (topicId: string, severity: number): Gap => ({ memberId: 'm', topicId, severity, reasons: ['原因'], updatedAt: 0 });
const input = (over: Partial<RankInput>): RankInput => ({
  view,
  member: { id: 'm', name: '某人' },
  masteryOf: () => 0.2,
  gaps: [],
  courseProgress: new Map(),
  popularity: new Map(),
  coldStart: false,
  ...over,
});

describe('rankCourses', () => {
  it('never recommends a course ahead of its prerequisite; recommends the prerequisite course, with the path', () => {
    const recs = rankCourses(input({ gaps: [gap('hard', 0.9)] }), 5);
    expect(recs.map((r) => r.course.id)).toEqual(['pre1']);
    expect(recs[0].kind).toBe('PREREQUISITE');
    expect(recs[0].path.edges.map((e) => [e.from, e.kind, e.to])).toEqual([
      ['member:m', 'HAS_GAP', 'topic:hard'],
      ['topic:pre', 'PREREQUISITE_OF', 'topic:hard'],
      ['course:pre1', 'COVERS', 'topic:pre'],
    ]);
    const ready = rankCourses(input({ gaps: [gap('hard', 0.9)], masteryOf: (id) => (id === 'pre' ? 0.6 : 0.2) }), 5);
    expect(ready.map((r) => r.course.id)).toEqual(['hard1']);
    expect(ready[0].kind).toBe('GAP');
  });

  it('skips completed courses', () => {
    const recs = rankCourses(
      input({
        gaps: [gap('a', 0.9)],
        courseProgress: new Map([
          ['a1', 0.95],
          ['a2', 0.5],
        ]),
      }),
      5,
    );
    expect(recs.map((r) => r.course.id)).toEqual(['a2', 'a3']);
  });

  it('spreads the top over different gaps (MMR) instead of three courses on one topic', () => {
    const recs = rankCourses(input({ gaps: [gap('a', 0.9), gap('b', 0.6)] }), 2);
    expect(recs.map((r) => r.course.id).sort()).toEqual(['a1', 'b1']);
  });

  it('with no gaps, recommends what the branch studies', () => {
    const recs = rankCourses(
      input({
        popularity: new Map([
          ['b1', 5],
          ['a2', 1],
        ]),
        coldStart: true,
      }),
      5,
    );
    expect(recs.map((r) => [r.course.id, r.kind])).toEqual([
      ['b1', 'POPULAR'],
      ['a2', 'POPULAR'],
    ]);
    const names = { topic: (id: string) => view.topics.get(id)?.name };
    expect(renderStored(recs[0].explanation, 'zh-CN', names)).toContain('本支部同志近半年学习这门课程 5 次。');
    expect(renderStored(recs[0].explanation, 'en', names)).toContain('Members of your branch studied this course 5 times in the last six months.');
  });

  it("puts the stage's required topics first at equal need, and a course per half hour of the member's time", () => {
    const toAssess = [
      { topicId: 'a', target: 0.6 },
      { topicId: 'b', target: 0.6 },
    ];
    const plain = rankCourses(
      input({
        toAssess,
        courseProgress: new Map([
          ['a2', 1],
          ['a3', 1],
        ]),
      }),
      2,
    );
    expect(plain.map((r) => r.course.id)).toEqual(['a1', 'b1']);
    const required = rankCourses(
      input({
        toAssess,
        requiredTopics: new Set(['b']),
        courseProgress: new Map([
          ['a2', 1],
          ['a3', 1],
        ]),
      }),
      2,
    );
    expect(required.map((r) => r.course.id)).toEqual(['b1', 'a1']);
    expect(required[0].score).toBeGreaterThan(required[1].score);
    // The same topic taught in 20 minutes beats it taught in 40.
    const long = buildCurriculumView([...view.topics.values()], [course('short', 'a', 20), course('long', 'a', 40)], []);
    const byTime = rankCourses(input({ view: long, gaps: [gap('a', 0.9)] }), 2);
    expect(byTime.map((r) => r.course.id)).toEqual(['short', 'long']);
    expect(byTime[0].score).toBeGreaterThan(byTime[1].score);
  });

  it('ranks a topic whose prerequisites are not yet ready below one that is ready, at equal need', () => {
    const masteryOf = (id: string) => (id === 'pre' ? 0.45 : 0.2);
    const recs = rankCourses(input({ gaps: [gap('hard', 0.6), gap('b', 0.6)], masteryOf }), 3);
    const order = recs.map((r) => r.course.id);
    expect(order.indexOf('b1')).toBeLessThan(order.indexOf('hard1'));
    // Its prerequisite (estimate 0.45 < 0.6) gets the need passed down.
    expect(order).toContain('pre1');
  });
});
