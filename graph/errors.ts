/**
 * The store layer's own error type. Adapters throw StoreErrors for what a caller can act on; the server
 * maps them to its API errors (server/store-errors.ts). graph/ never depends on server/.
 *
 * Codes:
 * - NOT_FOUND: an id a write refers to does not exist (nothing was written).
 * - CONFLICT: an id is already taken (a create of an existing id, an event or transfer id reused
 *   with other endpoints, a bulk load into a store that holds data).
 * - BAD_USER_INPUT: a value the store cannot take (vector of the wrong dimension, a bulk file that is
 *   incomplete or malformed, an attendance status outside the set); `details.field` names it.
 * - UNAVAILABLE: the store cannot be reached or is busy for a moment (connection lost, server
 *   restarting, locked data directory, a transient error that outlasted the retries). Worth retrying.
 * - INTERNAL: the store answered but the work failed in a way retrying will not fix (a transaction
 *   over the server's memory limit, an unexpected database error). Logged and reported as an
 *   unexpected error, never as an outage.
 */
export const STORE_ERROR_CODES = ['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT', 'UNAVAILABLE', 'INTERNAL'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** Machine-readable details, e.g. `{ field }` or `{ kind, id }`; the driver's own code as `driverCode`. */
  readonly details: Record<string, unknown> | undefined;
  constructor(code: StoreErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.details = details;
  }
}

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError;

/** `Course "c-77" not found` */
export const notFound = (kind: string, id: string) => new StoreError('NOT_FOUND', `${kind} "${id}" not found`, { kind, id });
/** A value the store cannot take; the message names the field and what to do. */
export const badInput = (field: string, message: string) => new StoreError('BAD_USER_INPUT', message, { field });
export const conflict = (message: string, details?: Record<string, unknown>) => new StoreError('CONFLICT', message, details);
export const unavailable = (message = 'The graph store is unavailable; try again shortly', details?: Record<string, unknown>) => new StoreError('UNAVAILABLE', message, details);
export const internal = (message: string, details?: Record<string, unknown>, cause?: unknown) => new StoreError('INTERNAL', message, details, { cause });

/** A create whose id exists already (both adapters word it the same). */
export const alreadyExists = (kind: 'Member' | 'Course', id: string) => conflict(`${kind} "${id}" already exists; use update${kind} to change it`, { kind, id });

/** An event id sent again with another member or target (a retry with the same endpoints is a no-op instead). */
export const eventIdReused = (id: string, target: 'Course' | 'Question') =>
  conflict(`Event id "${id}" was already used for another ${target.toLowerCase()} or member; send a new id`, { kind: 'Event', id });

/** A transfer id sent again for another member or branch. */
export const transferIdReused = (id: string) => conflict(`Transfer id "${id}" was already used for another move; use a new id`, { kind: 'Transfer', id });

/** A record id sent again with other content (a retry with the same content is a no-op instead). */
export const idReused = (kind: 'Payment' | 'Transfer' | 'Notice', id: string) => conflict(`${kind} id "${id}" was already used for another ${kind.toLowerCase()}; use a new id`);

export const meetingIdReused = (id: string) => conflict(`Meeting id "${id}" is already in use; send a new id`);

export const profileReused = (id: string) => conflict(`Profile "${id}" was already imported with other content`);

export const ruleOverrideReused = (id: string) => conflict(`Rule override "${id}" already exists with other content; read the rule again and retry`);

export const accountExists = (memberId: string) => conflict(`Member "${memberId}" already has an account`);

export const loginTaken = (loginName: string) => conflict(`Login name "${loginName}" is taken by another account`);

export const outboxEntryApplied = (key: string) => conflict(`Outbox entry "${key}" was already applied; reload the pending entries`);

export const auditPrunedThrough = (seq: number) => conflict(`The audit log is already pruned through ${seq}`);

export const auditEntryMismatch = (seq: number) => conflict(`Audit entry ${seq} is not in the log with that hash; nothing pruned`);
