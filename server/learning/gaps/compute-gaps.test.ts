/**
 * computeGaps / assessGaps on the hand-written curriculum (pure functions): a topic below target is a
 * gap only with evidence (answers mostly wrong, an overdue review, a weak prerequisite of a topic never
 * studied), each reason naming it; otherwise it is not yet assessed; mastery at or above every target
 * produces neither.
 */
import { describe, expect, it } from 'vitest';
import type { Course, Question, Topic } from '../../../graph';
import { topics } from '../../../seeds/curriculum/index';
import { buildCurriculumView } from '../mastery/curriculum-view';
import { decodeReasons, renderReason } from '../../i18n/reasons';
import { assessGaps, computeGaps, type GapInputs } from './compute-gaps';

const view = buildCurriculumView(
  topics.map((t): Topic => ({ ...t })),
  [] as Course[],
  [] as Question[],
);
const inputs = (over: Partial<GapInputs> & { mastery?: Record<string, number>; base?: number }): GapInputs => {
  const m = (id: string) => over.mastery?.[id] ?? over.base ?? 0.95;
  return {
    member: { id: 'm', stage: 'FULL' },
    view,
    now: 1,
    masteryOf: m,
    areaMasteryOf: m,
    evidence: new Map(),
    branchTopics: new Map(),
    planPrerequisites: new Map(),
    ...over,
  };
};
/** Stored reasons (codes with parameters) as a zh-CN reader sees them. */
const zh = (rs: string[]) => rs.flatMap(decodeReasons).map((r) => renderReason(r, 'zh-CN', { topic: (id) => view.topics.get(id)?.name }));
const reasonsOf = (gaps: ReturnType<typeof computeGaps>, id: string) => zh(gaps.find((g) => g.topicId === id)?.reasons ?? []);

const wrong = (n = 3) => ({ n, correct: 0 });

describe('computeGaps', () => {
  it('finds nothing when every requirement is met', () => {
    expect(computeGaps(inputs({}))).toEqual([]);
    expect(assessGaps(inputs({})).notAssessed).toEqual([]);
  });

  it('without evidence a topic below target is not yet assessed, never a gap', () => {
    const a = assessGaps(inputs({ mastery: { 'theory.xi-thought': 0.3 } }));
    expect(a.gaps).toEqual([]);
    expect(a.notAssessed.map((n) => ({ ...n, reasons: zh(n.reasons) }))).toEqual([
      {
        topicId: 'theory.xi-thought',
        target: 0.8,
        reasons: ['正式党员须掌握「习近平新时代中国特色社会主义思想」（要求 80%，当前 30%）：正式党员须深入学习习近平新时代中国特色社会主义思想', '还没有相关学习或答题记录'],
      },
    ]);
    // One wrong answer near the target does not settle it; far below the target it is a gap.
    const near = assessGaps(inputs({ mastery: { 'theory.xi-thought': 0.7 }, evidence: new Map([['theory.xi-thought', { n: 1, correct: 0 }]]) }));
    expect(near.gaps).toEqual([]);
    expect(zh(near.notAssessed[0].reasons)[1]).toBe('已有 1 次相关答题（答对 0 次），还不足以判断是否为短板');
    const far = assessGaps(inputs({ mastery: { 'theory.xi-thought': 0.3 }, evidence: new Map([['theory.xi-thought', { n: 1, correct: 0 }]]) }));
    expect(far.gaps.map((g) => g.topicId)).toEqual(['theory.xi-thought']);
    expect(far.notAssessed).toEqual([]);
  });

  it('names the stage requirement with target and current mastery when answers are mostly wrong', () => {
    const gaps = computeGaps(inputs({ mastery: { 'theory.xi-thought': 0.3 }, evidence: new Map([['theory.xi-thought', wrong(2)]]) }));
    expect(gaps.map((g) => g.topicId)).toEqual(['theory.xi-thought']);
    expect(zh(gaps[0].reasons)[0]).toBe('正式党员须掌握「习近平新时代中国特色社会主义思想」（要求 80%，当前 30%）：正式党员须深入学习习近平新时代中国特色社会主义思想');
    expect(zh(gaps[0].reasons)).toContain('最近 2 次相关答题只答对 0 次');
    expect(gaps[0].severity).toBeCloseTo((0.8 - 0.3) / 0.8 + 0.03 * 2, 2);
  });

  it('two answers mostly right settle a topic: neither a gap nor unassessed', () => {
    const a = assessGaps(inputs({ mastery: { 'theory.xi-thought': 0.7 }, evidence: new Map([['theory.xi-thought', { n: 3, correct: 2 }]]) }));
    expect(a).toEqual({ gaps: [], notAssessed: [] });
  });

  it('an estimate that faded below target since the last event is an overdue review', () => {
    const gaps = computeGaps(inputs({ mastery: { 'theory.xi-thought': 0.7 }, studied: new Set(['theory.xi-thought']), storedOf: () => 0.85 }));
    expect(zh(gaps[0].reasons)[1]).toBe('复习已逾期：上次学习或答题后掌握度为 85%，遗忘后降到 70%');
  });

  it('a required topic never studied while a prerequisite is answered mostly wrong is a gap', () => {
    const pre = topics.find((t) => t.id === 'theory.xi-thought')!.prerequisiteIds[0];
    const gaps = computeGaps(inputs({ mastery: { 'theory.xi-thought': 0.3, [pre]: 0.9 }, evidence: new Map([[pre, wrong(2)]]) }));
    const g = gaps.find((x) => x.topicId === 'theory.xi-thought')!;
    expect(zh(g.reasons)[1]).toMatch(/^还没有学习过本知识点，而它的先修知识「.+」最近答题多数答错$/);
  });

  it('names the branch meetings, the plan course and the wrong answers', () => {
    const gaps = computeGaps(
      inputs({
        mastery: { 'history.founding': 0.2, 'admission.application': 0.3, 'service.volunteering': 0.35 },
        branchTopics: new Map([['history.founding', 3]]),
        planPrerequisites: new Map([['admission.application', ['入党程序详解']]]),
        evidence: new Map([
          ['service.volunteering', { n: 5, correct: 1 }],
          ['history.founding', wrong()],
          ['admission.application', wrong()],
        ]),
      }),
    );
    expect(reasonsOf(gaps, 'history.founding')[0]).toBe('支部近 90 天的组织生活讨论了「中国共产党的创建」（3 次会议），你的掌握度为 20%');
    expect(reasonsOf(gaps, 'admission.application')[0]).toMatch(/^学习计划中的课程「入党程序详解」以「.+」为先修知识，当前掌握度 30%$/);
    expect(reasonsOf(gaps, 'service.volunteering')[0]).toBe('最近 5 次相关答题只答对 1 次，掌握度估计为 35%');
  });

  it('flags the weak subtopics of a required area whose mean is below target', () => {
    const gaps = computeGaps(inputs({ member: { id: 'm', stage: 'FULL' }, mastery: { affairs: 0.4, 'affairs.economy': 0.2 }, evidence: new Map([['affairs.economy', wrong()]]) }));
    const r = reasonsOf(gaps, 'affairs.economy');
    expect(r[0]).toMatch(/^正式党员要求「时事政治与形势政策」整体掌握度达到 65%（整体 40%，本知识点 20%）/);
  });

  it('stores each reason as a code with typed parameters, which reads the same in both languages', () => {
    const gaps = computeGaps(inputs({ mastery: { 'theory.xi-thought': 0.3 }, evidence: new Map([['theory.xi-thought', wrong(2)]]) }));
    const rs = gaps[0].reasons.flatMap(decodeReasons);
    expect(rs.map((r) => r.code)).toEqual(['GAP_STAGE_TOPIC', 'GAP_ANSWERS_MOSTLY_WRONG']);
    expect(rs[0].params).toMatchObject({ stage: 'FULL', topic: 'theory.xi-thought', target: 0.8, mastery: 0.3 });
    const en = rs.map((r) => renderReason(r, 'en', { topic: (id) => view.topics.get(id)?.name }));
    // The catalogue's note on the requirement, by key, in the same language.
    expect(en).toEqual([
      'The full member stage requires "习近平新时代中国特色社会主义思想" at 80% (now 30%): Full members must study Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era in depth',
      'Only 0 of the last 2 related answers were right',
    ]);
  });

  it('makes wrong answers more urgent than right ones at the same mastery', () => {
    const at = (correct: number) =>
      computeGaps(
        inputs({
          mastery: { 'theory.xi-thought': 0.4 },
          evidence: new Map([['theory.xi-thought', { n: 5, correct }]]),
        }),
      )[0].severity;
    expect(at(0)).toBeGreaterThan(at(1));
    expect(at(1)).toBeGreaterThan(at(2));
  });
});
