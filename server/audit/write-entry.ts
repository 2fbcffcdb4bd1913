/**
 * A mutation's WRITE audit entry written in the same transaction as the event it records.
 *
 * A resolver that records a learning event runs its service inside `withWriteEntry`, with the WRITE
 * entry the audit plugin would write after execution (outcome OK). The group commit takes the entry
 * (`claimWriteEntry`) for the first event the service queues and writes it with that event: the caller
 * is acknowledged only when both are durable, and an entry that cannot be written fails the caller and
 * leaves no event. When the event is refused (not found, id reused) the entry is not written, and the
 * plugin writes the WRITE entry with the error code after execution, as for any refused mutation. The
 * plugin skips the WRITE entry of a field whose entry was committed (`committedWriteKeys`) and that
 * ended without an error.
 * Without the group commit (a plain store) nothing claims the entry and the plugin writes it as before.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccessRecord } from '../../graph';

export interface PendingWriteEntry {
  readonly record: AccessRecord;
  /** Taken by the first event queued for it; a second event of the same field does not carry it. */
  claimed: boolean;
  /** Set once the transaction holding the entry has committed. */
  written: boolean;
}

const current = new AsyncLocalStorage<PendingWriteEntry>();
/** Per request context object: the entries by the root field's response key. */
const byRequest = new WeakMap<object, Map<string, PendingWriteEntry>>();

/** Run `fn` with `record` as the WRITE entry of the root field `key` of the request `ctx`. */
export function withWriteEntry<T>(ctx: object, key: string, record: AccessRecord, fn: () => Promise<T>): Promise<T> {
  const entry: PendingWriteEntry = { record, claimed: false, written: false };
  let entries = byRequest.get(ctx);
  if (!entries) byRequest.set(ctx, (entries = new Map()));
  entries.set(key, entry);
  return current.run(entry, fn);
}

/** The WRITE entry of the running field, if it has one nobody has taken yet; taking it marks it. */
export function claimWriteEntry(): PendingWriteEntry | undefined {
  const entry = current.getStore();
  if (!entry || entry.claimed) return undefined;
  entry.claimed = true;
  return entry;
}

/** Root fields (response keys) of the request `ctx` whose WRITE entry is committed. */
export function committedWriteKeys(ctx: object): Set<string> {
  const out = new Set<string>();
  for (const [key, e] of byRequest.get(ctx) ?? []) if (e.written) out.add(key);
  return out;
}
