/**
 * Who read what. Services note each read of a member's personal data; the request flushes the
 * notes once, after execution, through one `store.appendAccess` call (so a page of 50 members costs
 * one write, not 50).
 */
import { randomUUID } from 'node:crypto';
import type { AccessRecord } from '../../graph/model';
import type { GraphStore } from '../../graph/store';

export type AccessAction = 'READ_MEMBER' | 'READ_HISTORY' | 'READ_LEARNING';

export class AccessLog {
  private readonly pending = new Map<string, AccessRecord>();
  constructor(private readonly viewerId: string, private readonly now: () => number = Date.now) {}

  /** Note a read; repeated reads of the same target with the same action in one request are one record. */
  note(action: AccessAction, targetKind: string, targetId: string): void {
    const key = `${action}\u0000${targetKind}\u0000${targetId}`;
    if (this.pending.has(key)) return;
    this.pending.set(key, { id: randomUUID(), at: this.now(), viewerId: this.viewerId, action, targetKind, targetId });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Append everything noted so far in one call and forget it. */
  async flush(store: Pick<GraphStore, 'appendAccess'>): Promise<number> {
    if (this.pending.size === 0) return 0;
    const records = [...this.pending.values()];
    this.pending.clear();
    await store.appendAccess(records);
    return records.length;
  }
}
