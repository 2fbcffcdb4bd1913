import { describe, expect, it } from 'vitest';
import { TOP_AREAS } from '../../graph';
import { questions } from './questions';
import { subtopics, topicById } from './topics';

/** Chinese text: mostly Han characters, hardly any Latin letters. */
const isChinese = (s: string, minHan: number) => {
  const han = (s.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  return han >= minHan && han / (han + latin) >= 0.9;
};

/** The tag with the highest weight: the subtopic a question is mainly about. */
const mainTag = (topics: Record<string, number>) => Object.entries(topics).reduce((best, t) => (t[1] > best[1] ? t : best));

const TRUE_FALSE = ['正确', '错误'];

describe('quiz questions', () => {
  it('has at least 400 questions with unique ids of the form q-<area>-NNN', () => {
    expect(questions.length).toBeGreaterThanOrEqual(400);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) {
      const m = /^q-([a-z]+)-(\d{3})$/.exec(q.id);
      expect(m, q.id).not.toBeNull();
      expect(TOP_AREAS as readonly string[], q.id).toContain(m![1]);
    }
  });

  it('is either single choice with 4 distinct options or a 判断题 with 正确/错误, and the answer is an index into the options', () => {
    for (const q of questions) {
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(q.options).size, q.id).toBe(q.options.length);
      if (q.options.length === 2) expect(q.options, q.id).toEqual(TRUE_FALSE);
      else expect(q.options.length, q.id).toBe(4);
      expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options.length, q.id).toBe(true);
      for (const o of q.options) expect(o.trim().length, q.id).toBeGreaterThan(0);
    }
  });

  it('writes stem, options and explanation in Chinese', () => {
    for (const q of questions) {
      expect(isChinese(q.stem, 6), q.id).toBe(true);
      expect(isChinese(q.explanation, 10), q.id).toBe(true);
      for (const o of q.options) expect(isChinese(o, 1) || /^[\d.%—\s]+$/.test(o), `${q.id}: ${o}`).toBe(true);
    }
  });

  it('tags 1–2 existing subtopics, the main one in the question’s own area with weight ≥ 0.6', () => {
    for (const q of questions) {
      const tags = Object.entries(q.topics);
      expect(tags.length, q.id).toBeGreaterThanOrEqual(1);
      expect(tags.length, q.id).toBeLessThanOrEqual(2);
      for (const [id, w] of tags) {
        const t = topicById.get(id);
        expect(t, `${q.id} → ${id}`).toBeDefined();
        expect(t!.parentId, `${q.id} tags a subtopic, not an area: ${id}`).not.toBeNull();
        expect(w, q.id).toBeGreaterThan(0);
        expect(w, q.id).toBeLessThanOrEqual(1);
      }
      const [mainId, mainWeight] = mainTag(q.topics);
      expect(mainWeight, q.id).toBeGreaterThanOrEqual(0.6);
      expect(topicById.get(mainId)!.area, q.id).toBe(q.id.split('-')[1]);
    }
  });

  it('tests every subtopic as the main tag of at least 6 questions', () => {
    const count = new Map<string, number>();
    for (const q of questions) {
      const [id] = mainTag(q.topics);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    for (const t of subtopics) expect(count.get(t.id) ?? 0, t.id).toBeGreaterThanOrEqual(6);
  });

  it('spreads difficulty within [0, 1] from easy basics to harder specifics in every area', () => {
    for (const q of questions) {
      expect(q.difficulty, q.id).toBeGreaterThanOrEqual(0);
      expect(q.difficulty, q.id).toBeLessThanOrEqual(1);
    }
    for (const area of TOP_AREAS) {
      const ds = questions.filter((q) => q.id.startsWith(`q-${area}-`)).map((q) => q.difficulty);
      expect(ds.filter((d) => d <= 0.3).length, area).toBeGreaterThanOrEqual(5);
      expect(ds.filter((d) => d >= 0.6).length, area).toBeGreaterThanOrEqual(5);
    }
  });

  it('does not let “always pick the same letter” pass: each position holds 20–30% of 4-option answers', () => {
    const four = questions.filter((q) => q.options.length === 4);
    for (let i = 0; i < 4; i++) {
      const share = four.filter((q) => q.answer === i).length / four.length;
      expect(share, `position ${i}`).toBeGreaterThanOrEqual(0.2);
      expect(share, `position ${i}`).toBeLessThanOrEqual(0.3);
    }
  });
});
