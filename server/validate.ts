/**
 * Input checks shared by the services. Each throws BAD_USER_INPUT naming the field and saying what
 * is allowed, before anything is written. The refusal carries a reason code (i18n/error-messages.ts),
 * so the API writes it in the request's language; its message (logs, the CLI) is the English one.
 */
import type { AppError } from './errors';
import { type ErrorReasonCode, refusalError } from './i18n/error-messages';

/** BAD_USER_INPUT naming `field`, with a reason code (i18n/error-messages.ts) whose `field` parameter is that field. */
export const refuse = (code: ErrorReasonCode, field: string, params: Record<string, string | number> = {}): AppError =>
  refusalError('BAD_USER_INPUT', { code, params: { field, ...params } }, { field });

/** Allowed clock skew for "past event" timestamps sent by clients. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Control characters other than tab and line breaks, and the bidirectional controls (embeddings,
 * overrides, isolates, marks) that can make a name display as something else ("Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function refuseUnsafeChars(field: string, v: string): void {
  const m = UNSAFE_CHARS.exec(v);
  if (m) {
    const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw refuse('TEXT_UNSAFE_CHAR', field, { char: code, position: m.index + 1 });
  }
}

/** Trimmed, non-empty text of at most `max` characters, without control or text-direction characters. */
export function requireText(field: string, value: string, max: number): string {
  refuseUnsafeChars(field, value);
  const v = value.trim();
  if (v.length === 0) throw refuse('TEXT_EMPTY', field);
  if ([...v].length > max) throw refuse('TEXT_TOO_LONG', field, { max });
  return v;
}

/** Text that may be empty, at most `max` characters, without control or text-direction characters. */
export function optionalText(field: string, value: string | null | undefined, max: number): string {
  refuseUnsafeChars(field, value ?? '');
  const v = (value ?? '').trim();
  if ([...v].length > max) throw refuse('TEXT_TOO_LONG', field, { max });
  return v;
}

/** An integer within [min, max]. */
export function requireInt(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw refuse('INT_RANGE', field, { min, max });
  return value;
}

/** A number within [min, max]. */
export function requireNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) throw refuse('NUMBER_RANGE', field, { min, max });
  return value;
}

/** A value from a closed list (defends services against callers that bypass GraphQL enums). */
export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw refuse('ONE_OF', field, { allowed: allowed.join(', ') });
  return value as T;
}

/** A time of an event that has already happened (not more than a few minutes in the future). */
export function requirePast(field: string, at: number, now: number): number {
  if (!Number.isFinite(at)) throw refuse('NOT_A_DATE_TIME', field);
  if (at > now + FUTURE_SKEW_MS) throw refuse('PAST_EVENT_IN_FUTURE', field);
  if (at < Date.UTC(1921, 6, 1)) throw refuse('PAST_EVENT_TOO_EARLY', field);
  return at;
}

/** `first` of a page: 1–100. */
export function requirePageSize(first: number, max = 100): number {
  return requireInt('first', first, 1, max);
}

/** A mainland mobile number: 11 digits starting with 1. */
export function optionalPhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (!/^1\d{10}$/.test(v)) throw refuse('PHONE_FORMAT', 'phone');
  return v;
}

/** A resident identity number: 17 digits and a digit or X. */
export function optionalIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) throw refuse('ID_NUMBER_FORMAT', 'idNumber');
  return v;
}

/** An id supplied by a client for idempotent writes. */
export function optionalId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[A-Za-z0-9._:-]{1,80}$/.test(value)) throw refuse('CLIENT_ID_FORMAT', field);
  return value;
}
