/** checkIntegrity (pure): each check on the smallest history that shows it, and an honest history left alone. */
import { describe, expect, it } from 'vitest';
import type { AnswerEvent, Course, Question, StudyEvent, Topic } from '../../../graph';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { checkIntegrity, readingSeconds, STREAK_MIN } from './evidence-integrity';
import { integrityText } from './integrity-text';

const topic = (id: string, parentId: string | null = 'history'): Topic => ({ id, name: id, area: 'history', description: '', parentId, prerequisiteIds: [] });
const tag = [{ topicId: 'history.x', weight: 1, source: 'MANUAL' as const, confidence: 1 }];
// 15 question keys cycling A, B, C, D; stems of 45 characters and options of 5: 65 characters, 4.3 s to read.
const questions: Question[] = Array.from({ length: 15 }, (_, i) => ({
  id: `q${i}`,
  stem: '党'.repeat(45),
  options: ['甲甲甲甲甲', '乙乙乙乙乙', '丙丙丙丙丙', '丁丁丁丁丁'],
  answer: i % 4,
  explanation: '',
  difficulty: 0.5,
  topics: tag,
}));
const course: Course = { id: 'c1', title: 'c1', summary: '', kind: 'VIDEO', minutes: 20, createdAt: 0, updatedAt: 0, topics: tag };
const view = buildCurriculumView([{ ...topic('history', null) }, topic('history.x')], [course], questions);
const T = Date.UTC(2025, 5, 1, 2);
const ans = (i: number, at: number, correct: boolean, seconds = 30, q = `q${i % 15}`): AnswerEvent => ({ id: `a${i}`, memberId: 'm', questionId: q, at, correct, seconds });
const study = (id: string, at: number, seconds: number): StudyEvent => ({ id, memberId: 'm', courseId: 'c1', at, seconds, progress: 1 });

describe('checkIntegrity', () => {
  it('reads questions at 15 characters a second', () => {
    expect(readingSeconds(questions[0])).toBeCloseTo(65 / 15, 1);
  });

  it('leaves an honest history alone', () => {
    const answers = Array.from({ length: 20 }, (_, i) => ans(i, T + i * 60_000, i % 3 !== 0));
    const studies = [study('s1', T - 3_600_000, 1200), study('s2', T + 86_400_000, 900)];
    expect(checkIntegrity(view, { answers, studies }).size).toBe(0);
  });

  it('discounts an answer faster than its question can be read, fully', () => {
    const r = checkIntegrity(view, { answers: [ans(1, T, true, 2)], studies: [] });
    expect(r.get('a1')).toMatchObject({ kind: 'ANSWER', discount: 1, modelDiscount: 1, findings: [{ code: 'TOO_FAST', share: 1, detail: { seconds: 2, readingSeconds: 4.3 } }] });
    expect(integrityText(r.get('a1')!.findings[0])).toBe('作答用时 2 秒，少于读完题目所需的约 4.3 秒，本次作答不计入掌握度');
  });

  it(`discounts a run of ${STREAK_MIN} answers in one sitting that always choosing option B gives, and not a shorter one`, () => {
    // Always B: right exactly when the key is B (q1, q5, q9, q13).
    const run = Array.from({ length: STREAK_MIN }, (_, i) => ans(i, T + i * 20_000, i % 4 === 1));
    const r = checkIntegrity(view, { answers: run, studies: [] });
    expect(r.size).toBe(STREAK_MIN);
    expect(r.get('a0')!.findings).toEqual([{ code: 'SAME_OPTION_STREAK', share: 1, detail: { option: 1, length: STREAK_MIN } }]);
    expect(checkIntegrity(view, { answers: run.slice(1), studies: [] }).size).toBe(0);
    // The same answers over two sittings (a pause of an hour in the middle) are no streak.
    const split = run.map((a, i) => (i >= 6 ? { ...a, at: a.at + 3_600_000 } : a));
    expect(checkIntegrity(view, { answers: split, studies: [] }).size).toBe(0);
  });

  it('discounts study time claimed twice, claimed while answering, and beyond 1.5 × the course length', () => {
    const r = checkIntegrity(view, {
      answers: [ans(1, T + 3_600_000, true)],
      studies: [
        study('s1', T, 1200),
        study('s2', T + 600_000, 1200), // started 10 minutes before s1 ended: half overlaps
        study('s3', T + 3_600_000 + 300_000, 1200), // 20 minutes claimed, an answer 5 minutes ago
        study('s4', T + 10 * 86_400_000, 3600), // 60 minutes on a 20-minute course
      ],
    });
    expect(r.get('s1')).toBeUndefined();
    expect(r.get('s2')).toMatchObject({ discount: 0.5, modelDiscount: 0.5, findings: [{ code: 'OVERLAPPING_STUDY', share: 0.5, detail: { overlapSeconds: 600 } }] });
    expect(r.get('s3')).toMatchObject({ discount: 0.75, findings: [{ code: 'STUDY_LONGER_THAN_ELAPSED', share: 0.75, detail: { elapsedSeconds: 300 } }] });
    // The model already counts at most 1.5 × the course length: shown, not applied twice.
    expect(r.get('s4')).toMatchObject({ discount: 0.5, modelDiscount: 0, findings: [{ code: 'BEYOND_COURSE_LENGTH', share: 0.5 }] });
    expect(integrityText(r.get('s4')!.findings[0])).toBe('本次学习记录了 60 分钟，超过课程时长（20 分钟）的 1.5 倍，超出部分（50%）不计入');
  });
});
