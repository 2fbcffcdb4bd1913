import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, formatNumber, formatPercent, formatRelative, initialLocale, translate } from './i18n';
import { zhCN } from './zh-CN';
import { en } from './en';

describe('i18n', () => {
  it('fills placeholders and falls back to zh-CN, then to the key', () => {
    expect(translate('zh-CN', 'home.greeting', { name: '王芳' })).toBe('王芳，你好');
    expect(translate('en', 'home.greeting', { name: 'Wang Fang' })).toBe('Hello, Wang Fang');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(translate('zh-CN', 'branch.held', { held: 2 })).toBe('已开 2 / 至少 {min}');
  });

  it('has an English text for every Chinese key and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });

  it('formats numbers, percentages and durations per locale', () => {
    expect(formatNumber('zh-CN', 12345)).toBe('12,345');
    expect(formatPercent('zh-CN', 0.734)).toBe('73%');
    expect(formatPercent('en', 0.5)).toBe('50%');
    expect(formatMinutes('zh-CN', 90)).toBe('1小时30分钟');
    expect(formatMinutes('en', 90)).toBe('1 hr 30 min');
    expect(formatMinutes('en', 45)).toBe('45 min');
  });

  it("formats dates in the reader's language", () => {
    const at = Date.UTC(2025, 2, 1, 12);
    expect(formatDate('zh-CN', at)).toBe('2025年3月1日');
    expect(formatDate('en', at)).toBe('Mar 1, 2025');
    expect(formatDate('en', 'not a date')).toBe('');
  });

  it('says how long ago something happened', () => {
    const now = Date.UTC(2025, 2, 10);
    expect(formatRelative('zh-CN', now - 3 * 86400_000, now)).toBe('3天前');
    expect(formatRelative('en', now - 3 * 86400_000, now)).toBe('3 days ago');
    expect(formatRelative('en', now - 30_000, now)).toBe('30 seconds ago');
  });

  it('starts in Chinese unless English was chosen', () => {
    expect(initialLocale(null)).toBe('zh-CN');
    expect(initialLocale('fr')).toBe('zh-CN');
    expect(initialLocale('en')).toBe('en');
  });
});
