/**
 * The audit log as the store keeps it: ONE append-only sequence of entries (personal-data reads,
 * sign-ins and account changes, denied attempts, writes), each chained to the one before it:
 *
 *   hash(n) = SHA-256( hash(n-1) + "\n" + canonical(entry n) )      hash(0) = GENESIS_HASH
 *
 * where canonical() is the JSON array [seq, id, at, viewerId, action, targetKind, targetId, outcome].
 * Deleting, editing, inserting or reordering a row changes every hash after it, which
 * `hongtu audit verify` detects. The head (last seq and hash) lives on a single AuditHead node that
 * each appending transaction locks first: appends are ordered by that lock, so the chain cannot fork
 * (Kuzu has one writer anyway; on Neo4j concurrent transactions and processes queue on the node, and
 * a unique constraint on `seq` refuses any second entry with the same number).
 *
 * Pruning removes the oldest entries and leaves one AuditCheckpoint: the last removed seq and hash,
 * signed by the server (the signature is made and checked above the store; the store only keeps it).
 */
import { createHash } from 'node:crypto';
import type { AccessRecord } from './model';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Entries per appending transaction; a longer list is written in several (bounded transaction size). */
export const AUDIT_APPEND_CHUNK = 1000;

/** One stored entry: an AccessRecord with its place in the chain. */
export interface AuditEntry {
  seq: number;
  id: string;
  at: number;
  /** Member id of who acted; '' for someone not signed in. */
  viewerId: string;
  /** READ_MEMBER, SIGN_IN_FAILED, DENIED, WRITE, EXPORT_AUDIT_LOG, ... */
  action: string;
  /** What kind of thing was touched (Member, Account, Login) or, for DENIED and WRITE, the field (Query.member). */
  targetKind: string;
  /** The id(s) touched; '' when none. */
  targetId: string;
  /** '' for reads and account actions; OK or the error code for writes; the code for denied attempts. */
  outcome: string;
  hash: string;
}

/** The last entry's seq and hash (0 and GENESIS_HASH before the first; never lowered by pruning). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** What pruning leaves: the last removed entry's seq and hash, when, and the server's signature over them. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: number;
  signature: string;
}

export interface AuditLogStore {
  /**
   * Append to the chain (reads of personal data, account actions, denied attempts, writes), in as few
   * transactions as the chunk size allows. Idempotent by record id: an id already in the log (a retry)
   * is skipped, as is a repeated id within the list.
   */
  appendAccess(records: AccessRecord[]): Promise<void>;
  /**
   * Reads and account actions (not DENIED or WRITE entries), newest first, optionally for one viewer
   * and/or one target: "who read my data".
   */
  listAccess(opts: { viewerId?: string; targetId?: string; limit: number }): Promise<AccessRecord[]>;
  auditHead(): Promise<AuditHead>;
  /** Entries with seq > afterSeq (default 0), in seq order, at most `limit`; optionally only fromAt <= at < toAt. */
  listAudit(opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number }): Promise<AuditEntry[]>;
  getAuditCheckpoint(): Promise<AuditCheckpoint | null>;
  /**
   * In one transaction: delete every entry with seq <= checkpoint.seq and store the checkpoint in place
   * of the previous one. CONFLICT (nothing changed) unless the entry at checkpoint.seq exists with
   * checkpoint.hash and the checkpoint is past the stored one. Returns how many entries were removed.
   * Callers bound the transaction by advancing the checkpoint a bounded number of entries at a time.
   */
  pruneAudit(checkpoint: AuditCheckpoint): Promise<number>;
}

/** The text an entry's hash covers (with the previous hash in front). */
export function canonicalEntry(e: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([e.seq, e.id, e.at, e.viewerId, e.action, e.targetKind, e.targetId, e.outcome]);
}

export function entryHash(prevHash: string, e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(e)).digest('hex');
}

/** Give `records` the seqs after `head` and their hashes; returns the entries and the new head. */
export function chainEntries(head: AuditHead, records: AccessRecord[]): { entries: AuditEntry[]; head: AuditHead } {
  let { seq, hash } = head;
  const entries = records.map((r) => {
    seq += 1;
    const base = {
      seq,
      id: r.id,
      at: r.at,
      viewerId: r.viewerId,
      action: r.action,
      targetKind: r.targetKind,
      targetId: r.targetId,
      outcome: r.outcome ?? '',
    };
    hash = entryHash(hash, base);
    return { ...base, hash };
  });
  return { entries, head: { seq, hash } };
}

/** Drop repeated ids (the first wins) and the ids in `taken`. */
export function freshRecords(records: AccessRecord[], taken: ReadonlySet<string>): AccessRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    if (taken.has(r.id) || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

/** Actions that are not reads or account actions (kept out of listAccess). */
export const NON_ACCESS_ACTIONS = ['DENIED', 'WRITE'] as const;

/** A stored entry as the AccessRecord it was appended as (outcome only when there is one). */
export function entryToAccess(e: AuditEntry): AccessRecord {
  const r: AccessRecord = { id: e.id, at: e.at, viewerId: e.viewerId, action: e.action, targetKind: e.targetKind, targetId: e.targetId };
  if (e.outcome) r.outcome = e.outcome;
  return r;
}

/** What walking the chain found: `brokenAt` is the first seq that does not verify (null when all do). */
export interface ChainReport {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** Where the walk started: the checkpoint's seq and hash, or 0 and GENESIS_HASH. */
  from: AuditHead;
  head: AuditHead;
  brokenAt: number | null;
  reason: string | null;
}

/**
 * Walk the stored chain from the checkpoint (or the start) to the head, `page` entries per read:
 * every seq must follow the one before, every hash must be the hash of its entry after the previous
 * hash, and the last entry must be the head. The checkpoint's signature is checked by the caller.
 */
export async function walkChain(store: Pick<AuditLogStore, 'auditHead' | 'listAudit' | 'getAuditCheckpoint'>, page = 5000): Promise<ChainReport> {
  const cp = await store.getAuditCheckpoint();
  const from: AuditHead = cp ? { seq: cp.seq, hash: cp.hash } : { seq: 0, hash: GENESIS_HASH };
  const head = await store.auditHead();
  let prev = { ...from };
  let checked = 0;
  const broken = (seq: number, reason: string): ChainReport => ({ ok: false, checked, from, head, brokenAt: seq, reason });
  for (;;) {
    const entries = await store.listAudit({ afterSeq: prev.seq, limit: page });
    for (const e of entries) {
      if (e.seq !== prev.seq + 1) return broken(prev.seq + 1, `entry ${prev.seq + 1} is missing (next is ${e.seq})`);
      if (entryHash(prev.hash, e) !== e.hash) return broken(e.seq, `entry ${e.seq} does not match its hash (edited, or an entry before it changed)`);
      prev = { seq: e.seq, hash: e.hash };
      checked++;
    }
    if (entries.length < page) break;
  }
  if (prev.seq < head.seq) return broken(prev.seq + 1, `entries ${prev.seq + 1}–${head.seq} are missing (the head is at ${head.seq})`);
  if (prev.seq > head.seq || prev.hash !== head.hash) return broken(prev.seq, `the head (${head.seq}) does not match the last entry (${prev.seq})`);
  return { ok: true, checked, from, head, brokenAt: null, reason: null };
}
