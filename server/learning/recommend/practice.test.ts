/** pickPracticeQuestions (pure): round-robin over gaps, skips what was answered right lately, falls back to weak topics. */
import { describe, expect, it } from 'vitest';
import type { Gap, Question, Topic } from '../../../graph';
import { createProductModel } from '../model/product-model';
import { requiredTopicIds } from '../requirements';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { renderStored } from '../../i18n/reasons';
import { pickPracticeQuestions } from './practice';

const topic = (id: string): Topic => ({ id, name: `名${id}`, area: 'history', description: '', parentId: 'history', prerequisiteIds: [] });
const question = (id: string, topicId: string, difficulty = 0.5): Question => ({
  id,
  stem: id,
  options: ['甲', '乙', '丙', '丁'],
  answer: 0,
  explanation: '',
  difficulty,
  topics: [{ topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
});
const view = buildCurriculumView(
  [{ ...topic('history'), parentId: null }, topic('x'), topic('y'), topic('z')],
  [],
  [question('x1', 'x'), question('x2', 'x'), question('y1', 'y'), question('y2', 'y'), question('z1', 'z')],
);
const model = createProductModel(null, requiredTopicIds());
const names = { topic: (id: string) => view.topics.get(id)?.name };
const zh = (stored: string) => renderStored(stored, 'zh-CN', names);
const en = (stored: string) => renderStored(stored, 'en', names);
const gap = (topicId: string, severity: number): Gap => ({ memberId: 'm', topicId, severity, reasons: [], updatedAt: 0 });

describe('pickPracticeQuestions', () => {
  it('alternates between gap topics, most severe first, and skips questions answered right lately', () => {
    const out = pickPracticeQuestions(view, model, [gap('x', 0.9), gap('y', 0.5)], () => 0.3, [{ questionId: 'x1', correct: true }], 3);
    expect(out.map((q) => q.question.id)).toEqual(['x2', 'y1', 'y2']);
    expect(zh(out[0].reason)).toBe('针对你的学习短板「名x」（当前掌握度 30%）');
    expect(en(out[0].reason)).toBe('Practises your gap "名x" (mastery now 30%)');
  });

  it('with no gaps, practises the least-mastered topics', () => {
    const m: Record<string, number> = { x: 0.9, y: 0.8, z: 0.6 };
    const out = pickPracticeQuestions(view, model, [], (id) => m[id] ?? 0.5, [], 2);
    expect(out.map((q) => q.topicId)).toEqual(['z', 'y']);
    expect(zh(out[0].reason)).toBe('巩固练习「名z」（当前掌握度 60%）');
  });
});
