/**
 * Group commit and the learning outbox, as the store offers them (both adapters implement these).
 *
 * `recordEventBatch` writes many learning events and access records in ONE transaction and answers
 * per row: created, replay (the same id with the same endpoints: nothing written), conflict (the id
 * was used for other endpoints) or not-found (member or target missing). A row that is not created
 * writes nothing; the other rows are unaffected. Every created event also writes its outbox entry
 * in the same transaction, so an acknowledged event always has its derived updates still to run or
 * already run — never lost between the two.
 *
 * The outbox is keyed by the event key (`A:<id>` for an answer, `S:<id>` for a study session, as the
 * event-id ledger). `completeOutbox` writes the derived state (mastery rows, gaps) and removes the
 * entries in one transaction, and refuses (CONFLICT, nothing written) when any entry was already
 * removed: an update is applied exactly once even when two workers race or a worker is retried.
 */
import type { AccessRecord, AnswerEvent, Gap, Mastery, StudyEvent } from './model';

/**
 * One event of a batch. `audit`: entries of the event's own audit trail (the request's WRITE entry),
 * chained in the same transaction when the row is created or a replay, and not written otherwise. An
 * entry that cannot be written fails the transaction, and with it the event (on Kuzu a taken entry id
 * fails it; Neo4j skips an entry id already stored, as its append does for retries).
 */
export type BatchEvent = ({ kind: 'ANSWER'; event: AnswerEvent } | { kind: 'STUDY'; event: StudyEvent }) & { audit?: AccessRecord[] };

export type BatchStatus = 'created' | 'replay' | 'conflict' | 'not-found';

/** One row's outcome; `error` is set for conflict and not-found (the error that row's caller gets). */
export interface BatchOutcome {
  status: BatchStatus;
  error?: Error;
}

export interface OutboxEntry {
  /** `A:<event id>` or `S:<event id>`. */
  key: string;
  kind: 'ANSWER' | 'STUDY';
  eventId: string;
  memberId: string;
  at: number;
}

/** What one worker pass writes: the new mastery rows, each touched member's gaps, the entries it consumed. */
export interface OutboxCompletion {
  entries: OutboxEntry[];
  mastery: Mastery[];
  /** Replaces every HAS_GAP of each member listed. */
  gaps: Map<string, Gap[]>;
}

export interface EventBatchStore {
  /**
   * Write the events (with their outbox entries) and the access records in one transaction; one
   * outcome per event, in order. Throws only when the transaction itself fails (then nothing of the
   * batch is written and the caller may retry rows one by one).
   */
  recordEventBatch(events: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]>;
  /** Up to `limit` outbox entries still to apply, oldest first (by at, then key). */
  listOutbox(limit: number): Promise<OutboxEntry[]>;
  /** Apply a worker pass atomically (see the file comment); returns how many entries it consumed. */
  completeOutbox(c: OutboxCompletion): Promise<number>;
  /** Entries consumed so far per member (all members when `memberIds` is omitted): an exact tally. */
  outboxAppliedCounts(memberIds?: string[]): Promise<Map<string, number>>;
}

/** The audit entries of the rows that were created or replayed, in row order (written with the batch's access records). */
export function rowAudit(batch: BatchEvent[], outcomes: BatchOutcome[]): AccessRecord[] {
  return batch.flatMap((b, i) => (b.audit && (outcomes[i]?.status === 'created' || outcomes[i]?.status === 'replay') ? b.audit : []));
}

/** The outbox/ledger key of an event. */
export const eventKey = (kind: 'ANSWER' | 'STUDY', id: string): string => `${kind === 'ANSWER' ? 'A' : 'S'}:${id}`;
