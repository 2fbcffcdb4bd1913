/**
 * The two message renderers (reasons and refusals) share their template syntax: `{name}` is a
 * parameter, `[…]` is kept only when every parameter inside it has a value. Edge cases of both, pure
 * functions: absent, null and empty parameters, a missing required parameter, several optional parts,
 * a parameter given but unknown to the code, and a rule citation appended to a refusal. A reason's
 * empty text counts as given; a refusal's empty parameter counts as missing.
 */
import { describe, expect, it } from 'vitest';
import { type ErrorReason, renderError } from './error-messages';
import { type Reason, renderReason } from './reasons';
import { fillTemplate } from './template';

const names = { topic: (id: string) => (({ 'history.founding': '中国共产党的创建', 'theory.basics': '基本理论' }) as Record<string, string>)[id] };
const r = (code: Reason['code'], params: Record<string, unknown>) => ({ code, params }) as Reason;
const e = (code: ErrorReason['code'], params: Record<string, unknown>) => ({ code, params }) as ErrorReason;

describe('fillTemplate', () => {
  const has = (v: Record<string, string>) => (name: string) => Object.hasOwn(v, name);
  const fill = (t: string, v: Record<string, string>) => fillTemplate(t, has(v), (name) => `<${v[name]}>`);

  it('fills each parameter with its formatted value and keeps one without a value as written', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('<x> and {b}');
    expect(fill('{a}{a}', { a: '1' })).toBe('<1><1>');
    expect(fill('no parameters', {})).toBe('no parameters');
    expect(fill('', {})).toBe('');
  });

  it('keeps an optional part only when every parameter inside it has a value', () => {
    expect(fill('A[ b={b}][ c={c}]', { b: '2' })).toBe('A b=<2>');
    expect(fill('A[ {b} and {c}]', { b: '2' })).toBe('A');
    expect(fill('A[ {b} and {c}]', { b: '2', c: '3' })).toBe('A <2> and <3>');
    expect(fill('A[ fixed text]', {})).toBe('A fixed text');
    expect(fill('A[]', {})).toBe('A');
  });

  it('fills values that look like template syntax as they are (filled once, after the optional parts)', () => {
    expect(fill('{a}[ {b}]', { a: '{b}', b: '[x]' })).toBe('<{b}> <[x]>');
    expect(
      fillTemplate(
        '{a}',
        () => true,
        () => '$& $1 $$',
      ),
    ).toBe('$& $1 $$');
  });
});

describe('renderReason', () => {
  it('keeps an optional part whose parameter is given, drops it when absent or null', () => {
    const base = { course: '党史', topic: 'history.founding', mastery: 0.42 };
    expect(renderReason(r('GAP_PLAN_PREREQUISITE', base), 'zh-CN', names)).toBe('学习计划中的课程「党史」以「中国共产党的创建」为先修知识，当前掌握度 42%');
    expect(renderReason(r('GAP_PLAN_PREREQUISITE', { ...base, course2: null }), 'en', names)).toBe(
      'The course "党史" in your study plan builds on "中国共产党的创建"; your mastery is 42%',
    );
    expect(renderReason(r('GAP_PLAN_PREREQUISITE', { ...base, course2: '党章' }), 'en', names)).toBe(
      'The course "党史" and "党章" in your study plan builds on "中国共产党的创建"; your mastery is 42%',
    );
  });

  it('counts an empty parameter as given (an empty text is shown as empty, its optional part kept)', () => {
    expect(renderReason(r('GAP_PLAN_PREREQUISITE', { course: '党史', course2: '', topic: 'history.founding', mastery: 0.5 }), 'zh-CN', names)).toBe(
      '学习计划中的课程「党史」「」以「中国共产党的创建」为先修知识，当前掌握度 50%',
    );
    expect(renderReason(r('LEGACY_TEXT', { text: '' }), 'en', names)).toBe('');
  });

  it('leaves a missing required parameter as written, keeps each optional part on its own', () => {
    expect(renderReason(r('GAP_PLAN_PREREQUISITE', { course: '党史', mastery: 0.5 }), 'en', names)).toBe(
      'The course "党史" in your study plan builds on "{topic}"; your mastery is 50%',
    );
    const rec = { topic: 'history.founding', target: 0.7, courseKind: 'VIDEO', title: '开天辟地', minutes: 30 };
    expect(renderReason(r('REC_REQUIRED', { ...rec, other2: 'theory.basics' }), 'zh-CN', names)).toContain('讲这部分内容「基本理论」，学完后');
    expect(renderReason(r('REC_REQUIRED', { ...rec, other1: 'theory.basics' }), 'zh-CN', names)).toContain('讲这部分内容，还涉及「基本理论」，学完后');
    expect(renderReason(r('REC_REQUIRED', { ...rec, other1: 'x.unknown' }), 'en', names)).toContain('covers it, and also "x.unknown"; a few');
  });
});

describe('renderError', () => {
  it('counts an empty parameter as missing: left as written, its optional part dropped', () => {
    expect(renderError(e('TEXT_EMPTY', { field: '' }), 'en')).toBe('{field} must not be empty');
    expect(renderError(e('TEXT_EMPTY', { field: 'title' }), 'zh-CN')).toBe('标题（title）不能为空');
    expect(renderError(e('RECORD_WAIT', { field: 'joinedAt', months: 12, from: 'candidateAt', rule: '' }), 'en')).toBe('joinedAt must be at least 12 months after candidateAt');
  });

  it("appends the rule's citation when a rule is named, each optional part on its own", () => {
    const params = { field: 'joinedAt', months: 12, from: 'candidateAt', rule: 'pipeline.candidate.min-wait' };
    expect(renderError(e('RECORD_WAIT', params), 'en')).toBe('joinedAt must be at least 12 months after candidateAt (rule pipeline.candidate.min-wait)');
    expect(renderError(e('RECORD_WAIT', { ...params, ruleTitleEn: 'A year as a candidate', citation: '《细则》第十二条' }), 'en')).toBe(
      'joinedAt must be at least 12 months after candidateAt (rule pipeline.candidate.min-wait: A year as a candidate, 《细则》第十二条)',
    );
    expect(renderError(e('RECORD_WAIT', { ...params, ruleTitle: '', citation: '《细则》' }), 'zh-CN')).toBe(
      '入党日期（joinedAt）须在列为发展对象日期（candidateAt）满12个月之后（依据：规则 pipeline.candidate.min-wait，《细则》）',
    );
  });

  it('shows a zero as a value and formats money and fields in the locale', () => {
    expect(renderError(e('INT_RANGE', { field: 'first', min: 0, max: 5 }), 'zh-CN')).toBe('每页条数（first）须为0至5之间的整数');
    expect(renderError(e('DUES_AMOUNT_LOW', { amount: 0, due: 120, months: '2026-01' }), 'en')).toBe('amountFen 0 fen (¥0.00) is below the 120 fen (¥1.20) due for 2026-01');
  });
});
