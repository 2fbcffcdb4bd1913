/**
 * Parameter checks for evaluators' validate(): each throws an Error naming the field
 * (`params.frequency must be one of MONTH, QUARTER, YEAR`); the loader prefixes the rule id.
 */
export class ParamError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

export function requireObject(raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ParamError('params', 'params must be an object');
  return raw as Record<string, unknown>;
}

export function requireOneOf<T extends string>(p: Record<string, unknown>, field: string, allowed: readonly T[]): T {
  const v = p[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new ParamError(`params.${field}`, `params.${field} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

export function requireInteger(p: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = p[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ParamError(`params.${field}`, `params.${field} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

export function requireNumber(p: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = p[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new ParamError(`params.${field}`, `params.${field} must be a number from ${min} to ${max}`);
  }
  return v;
}

export function optionalBoolean(p: Record<string, unknown>, field: string): boolean | undefined {
  const v = p[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new ParamError(`params.${field}`, `params.${field} must be true or false`);
  return v;
}
