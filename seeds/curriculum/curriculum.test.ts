import { describe, expect, it } from 'vitest';
import { COURSE_KINDS, MEMBER_STAGES, TOP_AREAS } from '../../graph';
import { courses, heldOutCourseIds, heldOutQuestionIds, isHeldOut, questions, requiredTopicsFor, stageRequirements, topics } from './index';

const topicById = new Map(topics.map((t) => [t.id, t]));
const subs = topics.filter((t) => t.parentId !== null);
const sentences = (s: string) => (s.match(/[。！？]/g) ?? []).length;
/** Chinese text: mostly Han characters, hardly any Latin letters. */
const isChinese = (s: string, minHan = 4) => {
  const han = (s.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  return han >= minHan && han / (han + latin) >= 0.9;
};

/** Asserts every tag names an existing subtopic whose area matches the id's prefix and its parent. */
function expectValidTags(owner: string, tags: Record<string, number>) {
  const entries = Object.entries(tags);
  expect(entries.length, owner).toBeGreaterThanOrEqual(1);
  for (const [id, w] of entries) {
    const t = topicById.get(id);
    expect(t, `${owner} → ${id}`).toBeDefined();
    expect(t!.parentId, `${owner} tags a subtopic, not an area: ${id}`).not.toBeNull();
    expect(t!.area).toBe(id.split('.')[0]);
    expect(t!.parentId).toBe(t!.area);
    expect(w, `${owner} weight of ${id}`).toBeGreaterThan(0);
    expect(w).toBeLessThanOrEqual(1);
  }
}

describe('topic tree', () => {
  it('has unique ids, the 8 fixed areas as roots and area.slug subtopics under them', () => {
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    const roots = topics.filter((t) => t.parentId === null);
    expect(roots.map((t) => t.id).sort()).toEqual([...TOP_AREAS].sort());
    for (const r of roots) expect(r.area).toBe(r.id);
    for (const t of subs) {
      expect(t.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(t.parentId).toBe(t.id.split('.')[0]);
      expect(t.area).toBe(t.parentId);
      expect(topicById.get(t.parentId!)?.parentId).toBeNull();
    }
  });

  it('has at least 48 subtopics, 6–8 per area', () => {
    expect(subs.length).toBeGreaterThanOrEqual(48);
    for (const a of TOP_AREAS) {
      const n = subs.filter((t) => t.area === a).length;
      expect(n, a).toBeGreaterThanOrEqual(6);
      expect(n, a).toBeLessThanOrEqual(8);
    }
  });

  it('describes every topic in 2–3 Chinese sentences', () => {
    for (const t of topics) {
      expect(isChinese(t.name, 2), t.id).toBe(true);
      expect(isChinese(t.description), t.id).toBe(true);
      expect(sentences(t.description), t.id).toBeGreaterThanOrEqual(2);
      expect(sentences(t.description), t.id).toBeLessThanOrEqual(3);
    }
  });

  it('has at least 30 prerequisite links, all to other existing topics, forming a DAG', () => {
    let links = 0;
    for (const t of topics) {
      for (const p of t.prerequisiteIds) {
        links++;
        expect(topicById.has(p), `${t.id} needs ${p}`).toBe(true);
        expect(p).not.toBe(t.id);
      }
    }
    expect(links).toBeGreaterThanOrEqual(30);
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') throw new Error(`prerequisite cycle: ${[...path, id].join(' → ')}`);
      state.set(id, 'visiting');
      for (const p of topicById.get(id)!.prerequisiteIds) visit(p, [...path, id]);
      state.set(id, 'done');
    };
    for (const t of topics) visit(t.id, []);
    expect(state.size).toBe(topics.length);
  });

  it('links areas to each other through prerequisites', () => {
    const cross = topics.flatMap((t) => t.prerequisiteIds.filter((p) => topicById.get(p)!.area !== t.area));
    expect(cross.length).toBeGreaterThanOrEqual(10);
  });
});

describe('stage requirements', () => {
  it('covers every stage with Chinese reasons and sensible targets', () => {
    for (const stage of MEMBER_STAGES) {
      const req = stageRequirements[stage];
      expect(req.stage).toBe(stage);
      expect(req.areas.length, stage).toBeGreaterThanOrEqual(1);
      expect(requiredTopicsFor(stage).length, stage).toBeGreaterThanOrEqual(3);
      for (const r of [...req.areas, ...req.topics]) {
        expect(isChinese(r.reason)).toBe(true);
        expect(r.target).toBeGreaterThanOrEqual(0.5);
        expect(r.target).toBeLessThanOrEqual(0.9);
      }
      for (const a of req.areas) expect(TOP_AREAS).toContain(a.area);
      for (const r of req.topics) expect(topicById.get(r.topicId)?.parentId, r.topicId).not.toBeNull();
    }
  });

  it('matches the requiredFor marks of the topic tree exactly', () => {
    for (const stage of MEMBER_STAGES) {
      const fromTopics = topics
        .filter((t) => t.requiredFor?.includes(stage))
        .map((t) => t.id)
        .sort();
      const fromReq = requiredTopicsFor(stage)
        .map((r) => r.topicId)
        .sort();
      expect(fromReq, stage).toEqual(fromTopics);
    }
  });

  it('asks admission and Constitution basics early, discipline and organizational life on probation, theory at FULL', () => {
    const areasOf = (s: (typeof MEMBER_STAGES)[number]) => new Set(requiredTopicsFor(s).map((r) => topicById.get(r.topicId)!.area));
    for (const s of ['ACTIVIST', 'CANDIDATE'] as const) {
      expect(areasOf(s).has('admission')).toBe(true);
      expect(areasOf(s).has('constitution')).toBe(true);
    }
    expect(areasOf('PROBATIONARY').has('discipline')).toBe(true);
    expect(areasOf('PROBATIONARY').has('organization')).toBe(true);
    expect(areasOf('FULL').has('theory')).toBe(true);
  });
});

describe('courses', () => {
  it('has at least 120 courses with unique, consecutive ids c-1..c-N', () => {
    expect(courses.length).toBeGreaterThanOrEqual(120);
    courses.forEach((c, i) => {
      expect(c.id).toBe(`c-${i + 1}`);
    });
  });

  it('gives every course a Chinese title, a 2–5 sentence Chinese summary, a kind and 5–90 minutes', () => {
    for (const c of courses) {
      expect(isChinese(c.title), c.id).toBe(true);
      expect(isChinese(c.summary), c.id).toBe(true);
      expect(sentences(c.summary), c.id).toBeGreaterThanOrEqual(2);
      expect(sentences(c.summary), c.id).toBeLessThanOrEqual(5);
      expect(COURSE_KINDS).toContain(c.kind);
      expect(c.minutes).toBeGreaterThanOrEqual(5);
      expect(c.minutes).toBeLessThanOrEqual(90);
    }
    expect(new Set(courses.map((c) => c.title)).size).toBe(courses.length);
  });

  it('tags 1–3 existing subtopics per course with a main tag of weight ≥ 0.6', () => {
    for (const c of courses) {
      expectValidTags(c.id, c.topics);
      expect(Object.keys(c.topics).length, c.id).toBeLessThanOrEqual(3);
      expect(Math.max(...Object.values(c.topics)), c.id).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('covers every subtopic with at least 2 courses, one of them outside the held-out set', () => {
    for (const t of subs) {
      const covering = courses.filter((c) => t.id in c.topics);
      expect(covering.length, t.id).toBeGreaterThanOrEqual(2);
      expect(
        covering.some((c) => !heldOutCourseIds.has(c.id)),
        t.id,
      ).toBe(true);
    }
  });

  it('holds out a deterministic ~20% of courses', () => {
    const expected = courses.filter((c) => Number(c.id.slice(2)) % 5 === 0).map((c) => c.id);
    expect([...heldOutCourseIds]).toEqual(expected);
    const share = heldOutCourseIds.size / courses.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
  });
});

describe('questions', () => {
  it('has at least 400 questions with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(400);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('tags existing subtopics and has a valid answer for every question', () => {
    for (const q of questions) {
      expectValidTags(q.id, q.topics);
      expect(isChinese(q.stem), q.id).toBe(true);
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(q.options).size, q.id).toBe(q.options.length);
      expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options.length, q.id).toBe(true);
      expect(q.difficulty).toBeGreaterThanOrEqual(0);
      expect(q.difficulty).toBeLessThanOrEqual(1);
    }
  });

  it('tests every area, and holds out a deterministic ~20% of questions', () => {
    const areas = new Set(questions.flatMap((q) => Object.keys(q.topics).map((id) => topicById.get(id)!.area)));
    expect([...areas].sort()).toEqual([...TOP_AREAS].sort());
    expect([...heldOutQuestionIds]).toEqual(questions.filter((q) => isHeldOut(q.id)).map((q) => q.id));
    const share = heldOutQuestionIds.size / questions.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
  });
});
