/**
 * The hash-chained audit log on Neo4j (graph/audit-log.ts; statements in ./audit-queries). An append
 * locks the AuditHead node first (AUDIT_Q.lockHead), then skips ids already stored, hashes the entries
 * after the head in JS, creates them and moves the head, all in one managed transaction: concurrent
 * transactions, in this process or another one sharing the database, append one after the other, so
 * the chain has one order. The lock is held for one short transaction; the server's group commit
 * (server/write-path/) puts many requests' records into each one.
 */
import { type AuditCheckpoint, type AuditEntry, type AuditHead, AUDIT_APPEND_CHUNK, chainEntries, entryToAccess, freshRecords, GENESIS_HASH } from '../audit-log';
import { auditEntryMismatch, auditPrunedThrough } from '../errors';
import type { AccessRecord } from '../model';
import { AUDIT_Q } from './audit-queries';
import type { Executor, Tx } from './executor';
import { int, num, toAuditEntry } from './mapping';
import { str } from '../rows';

/** Chain `records` (ids already stored are skipped) after the head, inside the caller's write transaction. */
export async function appendChained(tx: Tx, records: AccessRecord[], now = Date.now()): Promise<void> {
  if (records.length === 0) return;
  const [h] = await tx.rows(AUDIT_Q.lockHead, { genesis: GENESIS_HASH, now: int(now) });
  const [t] = await tx.rows<{ taken: string[] }>(AUDIT_Q.taken, { ids: records.map((r) => r.id) });
  const fresh = freshRecords(records, new Set(t?.taken ?? []));
  if (fresh.length === 0) return;
  const { entries, head } = chainEntries({ seq: num(h.seq), hash: str(h.hash) }, fresh);
  await tx.write(AUDIT_Q.create, { entries: entries.map((e) => ({ ...e, seq: int(e.seq), at: int(e.at) })) });
  await tx.write(AUDIT_Q.setHead, { seq: int(head.seq), hash: head.hash });
}

export class AuditOps {
  constructor(private readonly ex: Executor) {}

  async appendAccess(records: AccessRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += AUDIT_APPEND_CHUNK) {
      const chunk = records.slice(i, i + AUDIT_APPEND_CHUNK);
      await this.ex.write((tx) => appendChained(tx, chunk));
    }
  }

  async listAccess(opts: { viewerId?: string; targetId?: string; limit: number }): Promise<AccessRecord[]> {
    if (opts.limit <= 0) return [];
    const rows = await this.ex.read((tx) =>
      tx.rows(AUDIT_Q.listAccess, {
        viewerId: opts.viewerId || null,
        targetId: opts.targetId || null,
        limit: int(opts.limit),
      }),
    );
    return rows.map((r) => entryToAccess(toAuditEntry(r)));
  }

  async auditHead(): Promise<AuditHead> {
    const [h] = await this.ex.read((tx) => tx.rows(AUDIT_Q.head));
    return h ? { seq: num(h.seq), hash: str(h.hash) } : { seq: 0, hash: GENESIS_HASH };
  }

  async listAudit(opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number }): Promise<AuditEntry[]> {
    if (opts.limit <= 0) return [];
    const rows = await this.ex.read((tx) =>
      tx.rows(AUDIT_Q.listAudit, {
        afterSeq: int(opts.afterSeq ?? 0),
        fromAt: opts.fromAt === undefined ? null : int(opts.fromAt),
        toAt: opts.toAt === undefined ? null : int(opts.toAt),
        limit: int(opts.limit),
      }),
    );
    return rows.map(toAuditEntry);
  }

  async getAuditCheckpoint(): Promise<AuditCheckpoint | null> {
    const [c] = await this.ex.read((tx) => tx.rows(AUDIT_Q.checkpoint));
    return c ? { seq: num(c.seq), hash: str(c.hash), at: num(c.at), signature: str(c.signature) } : null;
  }

  async pruneAudit(cp: AuditCheckpoint): Promise<number> {
    return this.ex.write(async (tx) => {
      const [prior] = await tx.rows(AUDIT_Q.lockCheckpoint, { genesis: GENESIS_HASH, now: int(Date.now()) });
      if (num(prior.seq) >= cp.seq) throw auditPrunedThrough(num(prior.seq));
      const [at] = await tx.rows(AUDIT_Q.entryAt, { seq: int(cp.seq) });
      if (!at || str(at.hash) !== cp.hash) throw auditEntryMismatch(cp.seq);
      const [n] = await tx.rows(AUDIT_Q.deleteThrough, { seq: int(cp.seq) });
      await tx.write(AUDIT_Q.setCheckpoint, { seq: int(cp.seq), hash: cp.hash, at: int(cp.at), signature: cp.signature });
      return num(n?.n ?? 0);
    });
  }

  /** Move unchained AccessRecord nodes of earlier versions into the chain, a bounded page per transaction. */
  async adoptLegacyAccess(page = AUDIT_APPEND_CHUNK): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.ex.write(async (tx) => {
        const rows = await tx.rows(AUDIT_Q.legacyPage, { limit: int(page) });
        if (rows.length === 0) return 0;
        const records = rows.map((r) => ({
          id: str(r.id),
          at: num(r.at),
          viewerId: str(r.viewerId),
          action: str(r.action),
          targetKind: str(r.targetKind),
          targetId: str(r.targetId),
        }));
        await appendChained(tx, records);
        await tx.write(AUDIT_Q.legacyDelete, { ids: records.map((r) => r.id) });
        return records.length;
      });
      if (n === 0) return moved;
      moved += n;
    }
  }
}
