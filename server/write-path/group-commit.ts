/**
 * Group commit: learning events and access records that arrive while the previous batch commits
 * share the next store transaction (`store.recordEventBatch`). Kuzu has a single writer and each
 * transaction pays a commit, so fifty writers queued one by one wait for fifty commits; batched
 * they wait for one or two.
 *
 * - Each caller is answered only after the transaction holding its row has committed (durable).
 * - A row that fails (unknown id, id reused) fails only its own caller, with its own error.
 * - If the transaction itself fails, every row is written again on its own, so one bad row (say a
 *   duplicate access-record id) never fails the others.
 * - Batches are bounded (events and access records), so a transaction's memory is bounded; the queue
 *   is bounded too: past `maxQueued` waiting rows, new writes get UNAVAILABLE instead of waiting.
 * - With nothing in flight a write starts at once (after the current turn of the event loop, so the
 *   writes of one tick share it); `maxWaitMs` optionally holds a batch open a little longer.
 * - A request's WRITE audit entry (server/audit/write-entry.ts) is written with its event in the same
 *   transaction, so a request waits for one commit, not two; the row is acknowledged only with its entry.
 * - A batch runs in the joined causal scope of its callers (graph/causal.ts), so on a Neo4j cluster each
 *   caller's next read sees its write, whichever request's timer happened to start the batch.
 */
import type { BatchEvent, BatchOutcome } from '../../graph';
import type { AccessRecord, AnswerEvent, StudyEvent } from '../../graph';
import { currentCausalScope, type GraphStore, isStoreError, withCausalScopes, type WriteResult } from '../../graph';
import { claimWriteEntry, type PendingWriteEntry } from '../audit/write-entry';
import { isAppError, unavailable } from '../errors';

export interface GroupCommitOptions {
  /** Events per transaction (default 256). */
  maxEvents?: number;
  /** Access records per transaction (default 1024). */
  maxAccess?: number;
  /** Rows waiting before new writes are refused with UNAVAILABLE (default 20,000). */
  maxQueued?: number;
  /** Hold a batch open this long for more rows when nothing is in flight (default 0). */
  maxWaitMs?: number;
  /** Told after each commit which events were created (the outbox worker listens). */
  onCommitted?: (created: BatchEvent[]) => void;
}

interface EventItem {
  kind: 'event';
  row: BatchEvent;
  /** The request's WRITE entry, written with this row (row.audit); marked written when it commits. */
  entry?: PendingWriteEntry;
  /** The caller's causal scope keys (none outside a request). */
  scopes?: readonly string[];
  resolve(r: WriteResult): void;
  reject(e: unknown): void;
}
interface AccessItem {
  kind: 'access';
  records: AccessRecord[];
  scopes?: readonly string[];
  resolve(): void;
  reject(e: unknown): void;
}
type Item = EventItem | AccessItem;

export interface GroupCommitStats {
  batches: number;
  events: number;
  accessRecords: number;
  fallbacks: number;
  largestBatch: number;
}

export class GroupCommit {
  private queue: Item[] = [];
  private inFlight: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;
  readonly stats: GroupCommitStats = { batches: 0, events: 0, accessRecords: 0, fallbacks: 0, largestBatch: 0 };
  private readonly maxEvents: number;
  private readonly maxAccess: number;
  private readonly maxQueued: number;

  constructor(
    private readonly store: Pick<GraphStore, 'recordEventBatch' | 'appendAccess'>,
    private readonly opts: GroupCommitOptions = {},
  ) {
    this.maxEvents = opts.maxEvents ?? 256;
    this.maxAccess = opts.maxAccess ?? 1024;
    this.maxQueued = opts.maxQueued ?? 20_000;
  }

  recordAnswer(event: AnswerEvent): Promise<WriteResult> {
    return this.enqueueEvent({ kind: 'ANSWER', event });
  }

  recordStudy(event: StudyEvent): Promise<WriteResult> {
    return this.enqueueEvent({ kind: 'STUDY', event });
  }

  /** Resolves once the records are committed; rejects with the store's error (the caller withholds data). */
  appendAccess(records: AccessRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.push({ kind: 'access', records, resolve, reject }, reject));
  }

  /** Stop taking writes and wait for everything queued to commit. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight || this.queue.length) {
      if (this.inFlight) await this.inFlight;
      else this.flush();
    }
  }

  private enqueueEvent(row: BatchEvent): Promise<WriteResult> {
    // The request's WRITE audit entry, if it has one (server/audit/write-entry.ts), joins this row's transaction.
    const entry = claimWriteEntry();
    const audited: BatchEvent = entry ? { ...row, audit: [entry.record] } : row;
    return new Promise<WriteResult>((resolve, reject) => this.push({ kind: 'event', row: audited, entry, resolve, reject }, reject));
  }

  private push(item: Item, reject: (e: unknown) => void): void {
    if (this.closed) {
      reject(unavailable('The server is shutting down; try again shortly'));
      return;
    }
    if (this.queue.length >= this.maxQueued) {
      reject(unavailable('Too many writes are waiting; try again shortly'));
      return;
    }
    const scope = currentCausalScope();
    item.scopes = scope ? (scope.keys ?? [scope.key]) : [];
    this.queue.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.flush();
    };
    if (this.opts.maxWaitMs) setTimeout(go, this.opts.maxWaitMs);
    else setImmediate(go);
  }

  /** Take the next bounded batch off the queue and write it; the next batch starts when this one ends. */
  private flush(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const batch: Item[] = [];
    let events = 0;
    let access = 0;
    while (this.queue.length) {
      const next = this.queue[0];
      if (next.kind === 'event' && events >= this.maxEvents) break;
      if (next.kind === 'access' && access > 0 && access + next.records.length > this.maxAccess) break;
      batch.push(this.queue.shift()!);
      if (next.kind === 'event') events++;
      else access += next.records.length;
    }
    this.inFlight = this.write(batch).finally(() => {
      this.inFlight = null;
      if (this.queue.length) this.flush();
    });
  }

  private async write(batch: Item[]): Promise<void> {
    const events = batch.filter((i): i is EventItem => i.kind === 'event');
    const access = batch.filter((i): i is AccessItem => i.kind === 'access');
    let outcomes: BatchOutcome[];
    try {
      outcomes = await withCausalScopes(scopesOf(batch), () =>
        this.store.recordEventBatch(
          events.map((e) => e.row),
          access.flatMap((a) => a.records),
        ),
      );
    } catch {
      // The transaction failed as a whole: give every row its own chance and its own error.
      this.stats.fallbacks++;
      await this.writeOneByOne(events, access);
      return;
    }
    this.count(events.length, access);
    for (const a of access) a.resolve();
    this.settle(events, outcomes);
  }

  private async writeOneByOne(events: EventItem[], access: AccessItem[]): Promise<void> {
    for (const a of access) {
      try {
        await withCausalScopes(scopesOf([a]), () => this.store.appendAccess(a.records));
        a.resolve();
      } catch (e) {
        a.reject(e);
      }
    }
    for (const e of events) {
      try {
        this.settle([e], await withCausalScopes(scopesOf([e]), () => this.store.recordEventBatch([e.row], [])));
      } catch (err) {
        // Alone in its transaction, a row with an audit entry fails only when the transaction does; the
        // event is not stored, and the caller is told the write could not be recorded.
        e.reject(
          e.entry && !((isAppError(err) || isStoreError(err)) && err.code === 'UNAVAILABLE')
            ? unavailable('Could not record this write in the audit log; nothing was stored; try again shortly')
            : err,
        );
      }
    }
    this.count(events.length, access);
  }

  private count(events: number, access: AccessItem[]): void {
    this.stats.batches++;
    this.stats.events += events;
    this.stats.accessRecords += access.reduce((n, a) => n + a.records.length, 0);
    this.stats.largestBatch = Math.max(this.stats.largestBatch, events);
  }

  private settle(events: EventItem[], outcomes: BatchOutcome[]): void {
    const created: BatchEvent[] = [];
    for (const [i, e] of events.entries()) {
      const o = outcomes[i];
      if (o?.status === 'created') created.push(e.row);
      if (o?.status === 'created' || o?.status === 'replay') {
        if (e.entry) e.entry.written = true;
        e.resolve({ created: o.status === 'created' });
      } else e.reject(o?.error ?? new Error(`no outcome for event ${e.row.event.id}`));
    }
    if (created.length) this.opts.onCommitted?.(created);
  }
}

/** The causal scope keys of a batch's callers (those that have one). */
function scopesOf(items: Item[]): string[] {
  return items.flatMap((i) => i.scopes ?? []);
}
