/**
 * Reasons as data: a code from a closed set (./reason-messages.ts) with typed parameters, stored in
 * that form and rendered in the request's language when read. Stored strings are JSON — one reason
 * `{"code":…,"params":…}` or a list of them; a string that is not (text written before reasons had
 * codes) reads as LEGACY_TEXT and is shown as it is in every language.
 */
import { AREA_NAMES_EN, COURSE_KIND_NAMES, REASON_MESSAGES, STAGE_NAMES } from './reason-messages';
import type { Locale } from './locale';
import { requirementNoteText } from './requirement-notes';
import { fillTemplate } from './template';

export type ReasonCode = keyof typeof REASON_MESSAGES;
export const REASON_CODES = Object.keys(REASON_MESSAGES) as ReasonCode[];
/** What a parameter holds: an id or enum value to be named, a 0–1 share, a count, a day (YYYY-MM-DD), or content text. */
export type ReasonParamKind = 'TOPIC' | 'AREA' | 'STAGE' | 'COURSE_KIND' | 'SHARE' | 'COUNT' | 'DATE' | 'TEXT' | 'NOTE';
export type ReasonValue = string | number;

export interface Reason {
  code: ReasonCode;
  params: Record<string, ReasonValue>;
}

type Spec<C extends ReasonCode> = (typeof REASON_MESSAGES)[C]['params'];
type ParamsOf<C extends ReasonCode> = { [K in keyof Spec<C> as Spec<C>[K] extends `${string}?` ? never : K]: ReasonValue } & {
  [K in keyof Spec<C> as Spec<C>[K] extends `${string}?` ? K : never]?: ReasonValue | null;
};

/** Build a reason; shares are kept to three decimals and absent optional parameters are left out. */
export function reason<C extends ReasonCode>(code: C, params: ParamsOf<C>): Reason {
  const spec = REASON_MESSAGES[code].params as Record<string, string>;
  const out: Record<string, ReasonValue> = {};
  for (const name of Object.keys(spec)) {
    const v = (params as Record<string, ReasonValue | null | undefined>)[name];
    if (v === undefined || v === null) continue;
    out[name] = kindOf(spec[name]) === 'SHARE' ? Math.round(Number(v) * 1000) / 1000 : v;
  }
  return { code, params: out };
}

const kindOf = (spec: string) => spec.replace('?', '') as ReasonParamKind;

/** The kind of a code's parameter (TEXT for a name the code does not declare). */
export function paramKind(code: ReasonCode, name: string): ReasonParamKind {
  const spec = (REASON_MESSAGES[code].params as Record<string, string>)[name];
  return spec ? kindOf(spec) : 'TEXT';
}

/** The stored form of one reason. */
export const encodeReason = (r: Reason): string => JSON.stringify({ code: r.code, params: r.params });
/** The stored form of a list of reasons read as one text (an explanation of several sentences). */
export const encodeReasons = (rs: readonly Reason[]): string => JSON.stringify(rs.map((r) => ({ code: r.code, params: r.params })));

const isCode = (c: unknown): c is ReasonCode => typeof c === 'string' && Object.hasOwn(REASON_MESSAGES, c);
const isReason = (x: unknown): x is Reason => !!x && typeof x === 'object' && isCode((x as Reason).code) && !!(x as Reason).params && typeof (x as Reason).params === 'object';

/** The reasons a stored string holds: one, a list, or legacy text. */
export function decodeReasons(stored: string): Reason[] {
  const s = stored.trimStart();
  if (s.startsWith('{') || s.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(s);
      const list = Array.isArray(v) ? v : [v];
      if (list.every(isReason)) return list as Reason[];
    } catch {
      /* not JSON: legacy text */
    }
  }
  return stored ? [{ code: 'LEGACY_TEXT', params: { text: stored } }] : [];
}

/** Names the renderer looks up (topics and areas are curriculum nodes; their names are the curriculum's). */
export interface ReasonNames {
  topic(id: string): string | undefined;
}

/** A parameter's value as the reader sees it in the locale. */
export function formatParam(kind: ReasonParamKind, value: ReasonValue, locale: Locale, names: ReasonNames): string {
  const v = String(value);
  switch (kind) {
    case 'SHARE':
      return `${Math.round(Number(value) * 100)}%`;
    case 'TOPIC':
      return names.topic(v) ?? v;
    case 'AREA':
      return locale === 'en' ? ((AREA_NAMES_EN as Record<string, string>)[v] ?? names.topic(v) ?? v) : (names.topic(v) ?? v);
    case 'STAGE':
      return (STAGE_NAMES[locale] as Record<string, string>)[v] ?? v;
    case 'COURSE_KIND':
      return (COURSE_KIND_NAMES[locale] as Record<string, string>)[v] ?? v;
    case 'NOTE':
      return requirementNoteText(v, locale) ?? v;
    default:
      return v;
  }
}

/** One reason's text in the locale. */
export function renderReason(r: Reason, locale: Locale, names: ReasonNames): string {
  const template: string = REASON_MESSAGES[r.code][locale];
  const has = (name: string) => r.params[name] !== undefined && r.params[name] !== null;
  return fillTemplate(template, has, (name) => formatParam(paramKind(r.code, name), r.params[name], locale, names));
}

/** Several reasons read as sentences: "…。…。" in Chinese, "…. …." in English; a single reason as it is. */
export function renderSentences(rs: readonly Reason[], locale: Locale, names: ReasonNames): string {
  const texts = rs.map((r) => renderReason(r, locale, names)).filter(Boolean);
  if (texts.length === 1) return texts[0];
  if (locale === 'en') return texts.map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)).join(' ');
  return texts.map((t) => (/[。！？]$/.test(t) ? t : `${t}。`)).join('');
}

/** A stored reason string (one reason, a list, or legacy text) as text in the locale. */
export const renderStored = (stored: string, locale: Locale, names: ReasonNames): string => renderSentences(decodeReasons(stored), locale, names);
