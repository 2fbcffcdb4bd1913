/**
 * Parameter checks for evaluators' validate(): each throws an Error naming the field
 * (`params.frequency must be one of MONTH, QUARTER, YEAR`); the loader prefixes the rule id. The
 * checks below also carry a reason code (i18n/error-messages.ts), so an override refused for its
 * parameters is written in the request's language.
 */
import { type ErrorReason, type ErrorReasonCode, renderError } from '../../i18n/error-messages';

export class ParamError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** The refusal as a code with parameters, where the check has one. */
    readonly reason?: ErrorReason,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

/** A ParamError with a reason code; its message is the English rendering. */
function refuse(code: ErrorReasonCode, field: string, params: Record<string, string | number> = {}): ParamError {
  const reason: ErrorReason = { code, params: { field, ...params } };
  return new ParamError(field, renderError(reason, 'en'), reason);
}

export function requireObject(raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw refuse('PARAMS_NOT_OBJECT', 'params');
  return raw as Record<string, unknown>;
}

export function requireOneOf<T extends string>(p: Record<string, unknown>, field: string, allowed: readonly T[]): T {
  const v = p[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw refuse('PARAM_ONE_OF', `params.${field}`, { allowed: allowed.join(', ') });
  }
  return v as T;
}

export function requireInteger(p: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = p[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw refuse('WHOLE_NUMBER_RANGE', `params.${field}`, { min, max });
  }
  return v;
}

export function requireNumber(p: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = p[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw refuse('PARAM_NUMBER', `params.${field}`, { min, max });
  }
  return v;
}

export function optionalBoolean(p: Record<string, unknown>, field: string): boolean | undefined {
  const v = p[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw refuse('PARAM_BOOLEAN', `params.${field}`);
  return v;
}
