/**
 * A small i18n core: locales, message lookup with `{name}` parameters, and Intl formatting.
 * Pure functions so they can be tested without React; the provider wraps them for components.
 */
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/** Look a key up in a locale and fill `{name}` placeholders; an unknown key falls back to zh-CN, then the key. */
export function translate(locale: Locale, key: MessageKey | string, params?: Params): string {
  const dict = DICTIONARIES[locale] as Record<string, string>;
  const raw = dict[key] ?? (DICTIONARIES[DEFAULT_LOCALE] as Record<string, string>)[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when the dictionary has the key (used to translate enum values that may grow on the server). */
export function hasMessage(locale: Locale, key: string): boolean {
  return key in DICTIONARIES[locale];
}

/** Number formats by locale and digits: making one costs far more than formatting with it, and pages format thousands. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers with the locale's grouping: 12,345 / 12,345. */
export function formatNumber(locale: Locale, n: number, digits = 0): string {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A 0..1 ratio as a percentage: 0.734 → "73%". */
export function formatPercent(locale: Locale, ratio: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** A date (epoch ms or ISO string) as a short calendar date: 2026年11月22日 / Nov 22, 2026. */
export function formatDate(locale: Locale, at: number | string, withTime = false): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** Time relative to `now`: "3天前" / "3 days ago"; future times read "in 3 days". */
export function formatRelative(locale: Locale, at: number | string, now: number = Date.now()): string {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) return '';
  let value = (t - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(value), unit);
    }
    value /= size;
  }
  return formatDate(locale, t);
}

/** Minutes as a duration: 90 → "1小时30分钟" / "1 h 30 min". */
export function formatMinutes(locale: Locale, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const unit = (u: 'hour' | 'minute', v: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: locale === 'en' ? 'short' : 'long' }).format(v);
  if (h === 0) return unit('minute', m);
  if (m === 0) return unit('hour', h);
  return locale === 'en' ? `${unit('hour', h)} ${unit('minute', m)}` : `${unit('hour', h)}${unit('minute', m)}`;
}

/** Pick the initial locale: a saved choice, else zh-CN (the product speaks Chinese first). */
export function initialLocale(saved: string | null): Locale {
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : DEFAULT_LOCALE;
}
