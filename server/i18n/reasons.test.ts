/**
 * The reason dictionary and its renderer (pure functions): every code has both translations with
 * the parameters it declares, the API's ReasonCode enum lists exactly these codes, stored strings
 * decode (legacy text included), and Accept-Language picks the locale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeFromHeader } from './locale';
import { REASON_MESSAGES } from './reason-messages';
import { decodeReasons, encodeReason, encodeReasons, REASON_CODES, reason, renderReason, renderSentences } from './reasons';

const CJK = /[\u4e00-\u9fff]/;
const placeholders = (t: string) => new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const names = { topic: (id: string) => (({ 'history.founding': '中国共产党的创建' }) as Record<string, string>)[id] };

describe('reason dictionary', () => {
  it.each(REASON_CODES)('%s has a zh-CN and an en text using only its declared parameters', (code) => {
    const m = REASON_MESSAGES[code];
    const declared = Object.keys(m.params);
    for (const t of [m['zh-CN'], m.en]) {
      expect(t.trim().length).toBeGreaterThan(0);
      for (const p of placeholders(t)) expect(declared).toContain(p);
    }
    // Every parameter but content text is said in both languages (English leaves out Chinese notes).
    const said = declared.filter((p) => !String((m.params as Record<string, string>)[p]).startsWith('TEXT') || code === 'LEGACY_TEXT');
    for (const p of said) {
      expect(placeholders(m['zh-CN'])).toContain(p);
      expect(placeholders(m.en)).toContain(p);
    }
    // A text with words has them in both languages; a bare placeholder (legacy text, a period label) reads the same.
    const words = m['zh-CN'].replace(/\{\w+\}/g, '').trim().length > 0;
    if (words) expect(m['zh-CN']).toMatch(CJK);
    if (words) expect(m.en).not.toBe(m['zh-CN']);
    expect(m.en).not.toMatch(CJK);
  });

  it("the API enum ReasonCode lists exactly the dictionary's codes", () => {
    const sdl = readFileSync(new URL('../api/reasons.graphql', import.meta.url), 'utf8');
    const body = sdl.slice(sdl.indexOf('enum ReasonCode {'));
    const values = body
      .replace(/"""[\s\S]*?"""/g, '')
      .match(/^\s+([A-Z_]+)\s*$/gm)!
      .map((v) => v.trim());
    expect(values.sort()).toEqual([...REASON_CODES].sort());
  });
});

describe('rendering', () => {
  it('names topics, stages, areas and kinds in the locale; shares as percentages', () => {
    const r = reason('GAP_BRANCH_MEETINGS', { days: 90, topic: 'history.founding', meetings: 3, mastery: 0.2 });
    expect(renderReason(r, 'zh-CN', names)).toBe('支部近 90 天的组织生活讨论了「中国共产党的创建」（3 次会议），你的掌握度为 20%');
    expect(renderReason(r, 'en', names)).toBe('Branch meetings of the last 90 days discussed "中国共产党的创建" (3 meetings); your mastery is 20%');
    // A catalogue note by its key reads in the locale; an administrator's own note is quoted as written.
    const s = reason('GAP_STAGE_AREA', { stage: 'PROBATIONARY', area: 'discipline', target: 0.7, areaMastery: 0.4, mastery: 0.25, note: 'PROBATIONARY/discipline' });
    expect(renderReason(s, 'en', names)).toBe(
      `The probationary member stage requires 70% across "Discipline" (area 40%, this topic 25%): Probationary members must learn the Party's discipline and keep it strictly`,
    );
    expect(renderReason(s, 'zh-CN', names)).toMatch(/（整体 40%，本知识点 25%）：预备党员须学纪知纪、严守党的纪律$/);
    const own = reason('GAP_STAGE_AREA', { stage: 'PROBATIONARY', area: 'history', target: 0.7, areaMastery: 0.4, mastery: 0.25, noteText: '预备党员须学习党史' });
    expect(renderReason(own, 'en', names)).toBe('The probationary member stage requires 70% across "Party history" (area 40%, this topic 25%): "预备党员须学习党史"');
    const p = reason('REC_POPULAR', { courseKind: 'VIDEO', title: '党史故事', minutes: 15 });
    expect(renderReason(p, 'zh-CN', names)).toBe('这门视频《党史故事》（约 15 分钟）在本支部学习的人较多，适合作为入门学习');
  });

  it('shows an optional part only when its parameters are given', () => {
    const one = reason('GAP_PLAN_PREREQUISITE', { course: '甲', topic: 'history.founding', mastery: 0.3 });
    const two = reason('GAP_PLAN_PREREQUISITE', { course: '甲', course2: '乙', topic: 'history.founding', mastery: 0.3 });
    expect(renderReason(one, 'zh-CN', names)).toBe('学习计划中的课程「甲」以「中国共产党的创建」为先修知识，当前掌握度 30%');
    expect(renderReason(two, 'zh-CN', names)).toBe('学习计划中的课程「甲」「乙」以「中国共产党的创建」为先修知识，当前掌握度 30%');
    expect(renderReason(two, 'en', names)).toBe('The course "甲" and "乙" in your study plan builds on "中国共产党的创建"; your mastery is 30%');
    expect(one.params).not.toHaveProperty('course2');
  });

  it('reads several reasons as sentences in each language', () => {
    const rs = [reason('NOT_ASSESSED_NOTHING', {}), reason('REC_BRANCH_SESSIONS', { sessions: 6 })];
    expect(renderSentences(rs, 'zh-CN', names)).toBe('还没有相关学习或答题记录。本支部同志近半年学习这门课程 6 次。');
    expect(renderSentences(rs, 'en', names)).toBe('No related study or answers yet. Members of your branch studied this course 6 times in the last six months.');
    expect(renderSentences(rs.slice(0, 1), 'en', names)).toBe('No related study or answers yet');
  });
});

describe('stored form', () => {
  it('round-trips one reason and a list; shares keep three decimals', () => {
    const r = reason('PRACTICE_GAP', { topic: 'history.founding', mastery: 0.123456 });
    expect(r.params.mastery).toBe(0.123);
    expect(decodeReasons(encodeReason(r))).toEqual([r]);
    expect(decodeReasons(encodeReasons([r, r]))).toEqual([r, r]);
  });

  it('reads text from before reasons had codes, and unknown codes, as legacy text shown as written', () => {
    for (const s of ['最近 2 次相关答题只答对 0 次', '{"code":"FROM_THE_FUTURE","params":{}}', '[not json', '{"code":1}']) {
      const [r] = decodeReasons(s);
      expect(r).toEqual({ code: 'LEGACY_TEXT', params: { text: s } });
      expect(renderReason(r, 'en', names)).toBe(s);
    }
    expect(decodeReasons('')).toEqual([]);
  });
});

describe('localeFromHeader', () => {
  it.each([
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fr-FR,de;q=0.5', 'zh-CN'],
    ['fr, en;q=0.4, zh;q=0.3', 'en'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});
