/**
 * Who read what. Services note each read of a member's personal data; the request writes the notes
 * through `store.appendAccess` in as few calls as it can (so a page of 50 members costs one write,
 * not 50), and `flush` — awaited before any data leaves — fails if any of them failed.
 *
 * With `writeEarly`, the notes of one burst of resolvers (everything noted before the event loop
 * next turns) are written while the request goes on reading, instead of after it: the write then
 * overlaps the reads that follow (a member's history, its courses) rather than adding to them.
 * Notes made later are written by `flush`. A page of members with their activity notes everything
 * in one burst, so it still costs one write.
 */
import { randomUUID } from 'node:crypto';
import type { AccessRecord } from '../../graph';
import type { GraphStore } from '../../graph';

export type AccessAction =
  | 'READ_MEMBER'
  | 'READ_HISTORY'
  | 'READ_LEARNING'
  /** Appraisal and talk records: a result or self-assessment read, a talk record read. */
  | 'READ_APPRAISAL'
  | 'READ_TALK'
  /** Party affairs: a dues income base read or written; a profile export consented to, or exported. */
  | 'READ_DUES_BASE'
  | 'WRITE_DUES_BASE'
  | 'CONSENT_PROFILE'
  | 'EXPORT_PROFILE'
  | 'OVERRIDE_RULE'
  /** An administrator read a member's account settings (status, sign-in factors, lock). */
  | 'READ_ACCOUNT'
  /** Meetings and member records: an absence reason read or written, minutes edited, a member record read or edited. */
  | 'READ_ABSENCE_REASON'
  | 'WRITE_ABSENCE_REASON'
  | 'EDIT_MINUTES'
  | 'READ_MEMBER_RECORD'
  | 'EDIT_MEMBER_RECORD'
  /** Portable profiles: one imported and kept with the member, a consent withdrawn, a kept profile discarded. */
  | 'IMPORT_PROFILE'
  | 'WITHDRAW_CONSENT'
  | 'DISCARD_PROFILE';

type Writer = Pick<GraphStore, 'appendAccess'>;

export class AccessLog {
  private readonly pending = new Map<string, AccessRecord>();
  /** Every key noted in this request, written or not: a repeated read is one record. */
  private readonly noted = new Set<string>();
  /** Writes under way or done; each settles to the error it failed with, or null. */
  private readonly writes: Promise<unknown>[] = [];
  private timer: NodeJS.Immediate | null = null;

  constructor(
    private readonly viewerId: string,
    private readonly now: () => number = Date.now,
    private readonly opts: { writeEarly?: Writer } = {},
  ) {}

  /** Note a read; repeated reads of the same target with the same action in one request are one record. */
  note(action: AccessAction, targetKind: string, targetId: string): void {
    const key = `${action}\u0000${targetKind}\u0000${targetId}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.pending.set(key, { id: randomUUID(), at: this.now(), viewerId: this.viewerId, action, targetKind, targetId });
    const store = this.opts.writeEarly;
    if (store && !this.timer)
      this.timer = setImmediate(() => {
        this.timer = null;
        this.start(store);
      });
  }

  /**
   * With `writeEarly`: hand the notes made so far to the store now rather than at the end of this turn of
   * the event loop, for a caller about to run a long synchronous step (the write then overlaps it).
   */
  writeNow(): void {
    const store = this.opts.writeEarly;
    if (!store) return;
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
    this.start(store);
  }

  /** Records noted and not yet handed to the store. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Write everything still pending and wait for every write of this request, early ones included.
   * Rejects with the first failure (the caller withholds the data); resolves to how many records
   * this request has written in all.
   */
  async flush(store: Writer): Promise<number> {
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
    this.start(store);
    const errors = await Promise.all(this.writes);
    const failed = errors.find((e) => e !== null);
    if (failed !== undefined) throw failed;
    return this.noted.size;
  }

  private start(store: Writer): void {
    if (this.pending.size === 0) return;
    const records = [...this.pending.values()];
    this.pending.clear();
    // Settled to a value so that an early failure is never an unhandled rejection; flush rethrows it.
    this.writes.push(
      store.appendAccess(records).then(
        () => null,
        (e: unknown) => e ?? new Error('appendAccess failed'),
      ),
    );
  }
}
