/**
 * One error type with a code from a closed set. Services and adapters throw these; the GraphQL edge
 * (server/api/errors-plugin) turns them into GraphQL errors with `extensions.code`; anything else is
 * masked by yoga as "Unexpected error." and logged with the request id.
 *
 * The store layer has its own StoreError (graph/errors.ts); `fromStoreError` maps it here.
 */
import { isStoreError } from '../graph';

export const ERROR_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'UNAVAILABLE', 'RATE_LIMITED'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Optional machine-readable details, e.g. the offending field. */
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** `Course "c-77" not found` */
export const notFound = (kind: string, id: string) => new AppError('NOT_FOUND', `${kind} "${id}" not found`, { kind, id });
/** `minutesPerWeek must be 15–1200` — message names the field and what to do. */
export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });
export const forbidden = (message = 'You do not have access to this resource') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first') => new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError('CONFLICT', message, details);
export const unavailable = (message = 'The graph store is unavailable; try again shortly') => new AppError('UNAVAILABLE', message);

/**
 * Too many attempts; `retryAfterSeconds` says when to try again (also as `retryAfter`, the name the
 * request rate limits use, server/api/security-rate-limit.ts).
 */
export const rateLimited = (message: string, retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds: seconds, retryAfter: seconds });
};

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The store's errors (graph/errors.ts) as API errors: NOT_FOUND, CONFLICT, BAD_USER_INPUT and
 * UNAVAILABLE keep their code, message and details. INTERNAL (the store answered, but the work failed
 * in a way a retry will not fix) is not an API error: it stays as is, so the edge logs it and answers
 * "Unexpected error." with the request id. Anything else passes through.
 */
export function fromStoreError(e: unknown): unknown {
  if (!isStoreError(e) || e.code === 'INTERNAL') return e;
  return new AppError(e.code, e.message, e.details);
}
