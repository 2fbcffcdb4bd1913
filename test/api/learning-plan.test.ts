/**
 * Study plans over HTTP: the weekly budget holds, prerequisites not yet ready come first, completed items survive
 * re-planning, fading topics get spaced reviews, and bad input changes nothing.
 */
import { isReady } from '../../server/learning/progress';
import { describe, expect, it } from 'vitest';
import { courses, topics } from '../../seeds/curriculum/index';
import { codes } from '../support/api-world';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const GEN = `mutation($id: ID!, $m: Int!, $w: Int!) { generateStudyPlan(memberId: $id, minutesPerWeek: $m, weeks: $w) {
  id minutesPerWeek weeks startsAt progress items { week order due minutes kind reason progress completed course { id } topics { id } } } }`;
const PLAN = 'query($id: ID!) { studyPlan(memberId: $id) { id progress items { kind completed progress course { id } } } }';

type Item = {
  week: number;
  order: number;
  due: number | string;
  minutes: number;
  kind: string;
  reason: string;
  progress: number;
  completed: boolean;
  course: { id: string };
  topics: { id: string }[];
};
const covers = new Map(
  courses.map((c) => [
    c.id,
    Object.entries(c.topics)
      .filter(([, w]) => w >= 0.3)
      .map(([t]) => t),
  ]),
);
const prereqs = new Map(topics.map((t) => [t.id, t.prerequisiteIds]));

describe('generateStudyPlan', () => {
  it('fits each week in the budget, orders by prerequisites, and gives due dates and reasons', async () => {
    const r = await h.as('m-e')(GEN, { id: 'm-e', m: 60, w: 6 });
    expect(r.body.errors).toBeUndefined();
    const plan = r.body.data.generateStudyPlan;
    const items = plan.items as Item[];
    expect(items.length).toBeGreaterThan(6);
    for (let w = 1; w <= 6; w++) {
      expect(items.filter((i) => i.week === w).reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(60);
    }
    expect(Math.max(...items.map((i) => i.week))).toBeLessThanOrEqual(6);
    // The member's current mastery, as the portrait shows it: a prerequisite at or above PREREQ_READY orders nothing.
    const m = await h.as('m-e')('query { mastery(memberId: "m-e") { topics { topic { id } mastery } } }');
    const mastery = new Map<string, number>(m.body.data.mastery.topics.map((t: { topic: { id: string }; mastery: number }) => [t.topic.id, t.mastery]));
    let pairs = 0;
    for (const a of items)
      for (const b of items) {
        // b teaches a prerequisite, not yet ready, of a topic a teaches (and a does not teach it itself) → b is not later than a.
        const aTopics = covers.get(a.course.id) ?? [];
        const needs = aTopics
          .flatMap((t) => prereqs.get(t) ?? [])
          .filter((p) => !aTopics.includes(p))
          .filter((p) => !isReady(mastery.get(p) ?? 0));
        if (a !== b && (covers.get(b.course.id) ?? []).some((t) => needs.includes(t))) {
          pairs += 1;
          expect(b.order, `${b.course.id} before ${a.course.id}`).toBeLessThan(a.order);
        }
      }
    expect(pairs).toBeGreaterThan(0);
    expect(items.map((i) => i.order)).toEqual(items.map((_, k) => k));
    const start = Date.parse(plan.startsAt);
    for (const i of items) expect(Date.parse(String(i.due))).toBe(start + i.week * 7 * 86_400_000 - 1);
    expect(items.every((i) => i.reason.length > 10 && i.kind === 'LEARN')).toBe(true);
    expect(await h.store.getStudyPlan('m-e')).toMatchObject({ id: plan.id, minutesPerWeek: 60, weeks: 6 });
  });

  it('shows progress from study events and keeps completed items on re-plan', async () => {
    const first = (await h.as('m-e')(PLAN, { id: 'm-e' })).body.data.studyPlan;
    const done = first.items[0].course.id;
    await h.as('m-e')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', { i: { memberId: 'm-e', courseId: done, seconds: 900, progress: 1 } });
    const half = first.items[1].course.id;
    await h.as('m-e')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', { i: { memberId: 'm-e', courseId: half, seconds: 300, progress: 0.5 } });
    const now = (await h.as('m-e')(PLAN, { id: 'm-e' })).body.data.studyPlan;
    expect(now.items[0]).toMatchObject({ completed: true, progress: 1 });
    expect(now.items[1]).toMatchObject({ completed: false, progress: 0.5 });
    expect(now.progress).toBeCloseTo(1 / now.items.length);

    const again = (await h.as('m-e')(GEN, { id: 'm-e', m: 60, w: 6 })).body.data.generateStudyPlan;
    expect(again.id).not.toBe(first.id);
    const kept = (again.items as Item[]).filter((i) => i.course.id === done);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ completed: true, kind: 'LEARN' });
  });

  it('schedules spaced reviews for topics learned long ago and fading', async () => {
    const long = Date.now() - 200 * 86_400_000;
    const topic = 'constitution.general-program';
    for (const [k, q] of questionsOn(topic).slice(0, 6).entries()) {
      const r = await h.as('m-f')('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
        i: { memberId: 'm-f', questionId: q.id, choice: q.answer, seconds: 20, at: new Date(long + k * 60_000).toISOString() },
      });
      expect(r.body.data.recordAnswer.correct).toBe(true);
    }
    const plan = (await h.as('m-f')(GEN, { id: 'm-f', m: 120, w: 8 })).body.data.generateStudyPlan;
    const reviews = (plan.items as Item[]).filter((i) => i.kind === 'REVIEW');
    expect(reviews.length).toBeGreaterThanOrEqual(2);
    const onTopic = reviews.filter((i) => i.topics.some((t) => t.id === topic));
    expect(onTopic.map((i) => i.week)).toEqual([1, 3, 7]);
    expect(onTopic[0].reason).toMatch(/^复习「党章总纲：性质、宗旨与指导思想」：上次估计掌握度 \d+%，因遗忘已降到约 \d+%/);
  });
});

describe('generateStudyPlan rejects bad input and writes nothing', () => {
  const attempt = (viewer: string, id: string, m: number, w: number) => h.as(viewer)(GEN, { id, m, w });

  it('budget and weeks out of range → BAD_USER_INPUT naming the field', async () => {
    const before = await h.store.getStudyPlan('m-g');
    const low = await attempt('m-g', 'm-g', 10, 4);
    expect(low.body.errors[0]).toMatchObject({ message: '每周学习分钟数（minutesPerWeek）须为15至1200之间的整数', extensions: { code: 'BAD_USER_INPUT' } });
    const high = await attempt('m-g', 'm-g', 1201, 4);
    expect(codes(high)).toEqual(['BAD_USER_INPUT']);
    const weeks = await attempt('m-g', 'm-g', 60, 53);
    expect(weeks.body.errors[0]).toMatchObject({ message: '周数（weeks）须为1至52之间的整数', extensions: { code: 'BAD_USER_INPUT' } });
    expect(codes(await attempt('m-g', 'm-g', 60, 0))).toEqual(['BAD_USER_INPUT']);
    expect(await h.store.getStudyPlan('m-g')).toEqual(before);
  });

  it('unknown or unreadable member → NOT_FOUND; readable but not managed → FORBIDDEN; nothing saved', async () => {
    expect(codes(await attempt('m-sec', 'm-nobody', 60, 4))).toEqual(['NOT_FOUND']);
    // A member the viewer may not read answers as one who does not exist (server/auth/scope.ts).
    expect(codes(await attempt('m-a', 'm-b', 60, 4))).toEqual(['NOT_FOUND']);
    expect(codes(await attempt('m-cm', 'm-b', 60, 4))).toEqual(['FORBIDDEN']);
    expect(codes(await attempt('m-sec', 'm-d', 60, 4))).toEqual(['NOT_FOUND']);
    expect(await h.store.getStudyPlan('m-b')).toBeNull();
    expect(await h.store.getStudyPlan('m-d')).toBeNull();
  });

  it('the branch secretary may plan for a member of the branch', async () => {
    const r = await attempt('m-sec', 'm-h', 45, 2);
    expect(r.body.errors).toBeUndefined();
    expect((await h.store.getStudyPlan('m-h'))?.id).toBe(r.body.data.generateStudyPlan.id);
  });

  it('studyPlan is null before any plan and scoped like the other reads', async () => {
    expect((await h.as('m-b')(PLAN, { id: 'm-b' })).body.data.studyPlan).toBeNull();
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await h.as('m-b')(PLAN, { id: 'm-e' }))).toEqual(['NOT_FOUND']);
  });
});
