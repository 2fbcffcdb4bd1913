/**
 * Checks both adapters run inside their write transactions, written once so the Kuzu and Neo4j stores
 * answer the same way: a create whose id is already stored is a retry (no-op) or a CONFLICT, and a
 * member record is saved only over the version its editor read. A member's record and pipeline steps
 * are checked against each other, so each write also holds when the other side is still as its caller
 * read it (both adapters lock the member for these writes).
 */
import { conflict, type StoreError } from './errors';
import type { TransferCase } from './affairs-model';
import type { ImportedProfile, MemberRecord } from './records-model';
import { sameRecord } from './affairs-checks';

/**
 * A create whose id may be stored already: false when nothing is stored (write it), true when the stored
 * record is a retry of this one (answer `created: false`), and `reused()` (a CONFLICT) otherwise.
 */
export function isRetry<T>(prior: T | undefined, same: (stored: T) => boolean, reused: () => StoreError): boolean {
  if (prior === undefined) return false;
  if (same(prior)) return true;
  throw reused();
}

/** A transfer case sent again: the same case whatever its steps and times. */
export const sameTransferCase = (a: TransferCase, b: TransferCase) => {
  const strip = (x: TransferCase) => ({ ...x, createdAt: 0, updatedAt: 0, steps: [] });
  return sameRecord(strip(a), strip(b));
};

/** A profile import sent again: the same member and the same consent token. */
export const sameProfile = (a: ImportedProfile, b: ImportedProfile) => a.memberId === b.memberId && a.token === b.token;

/** CONFLICT unless the stored version is the one the editor read and the record is its successor. */
export function checkRecordVersion(record: MemberRecord, stored: number, expectVersion: number): void {
  if (stored !== expectVersion) {
    throw conflict(`The record of member "${record.memberId}" was changed by someone else (version ${stored}); reload it and edit again`);
  }
  if (record.version !== expectVersion + 1) throw conflict(`The record's version must be ${expectVersion + 1}`);
}

/**
 * What a record save or a pipeline step was checked against on the other side: the member's record
 * version (0 = no record) for a step, the member's milestone ids for a record save.
 */
export interface RecordGuard {
  recordVersion: number;
}
export interface PipelineGuard {
  milestoneIds: readonly string[];
}

/** CONFLICT (details.changed = 'RECORD') unless the member's record is still at the version the step was checked against. */
export function checkRecordUnchanged(memberId: string, stored: number, guard: RecordGuard | undefined): void {
  if (guard && stored !== guard.recordVersion) {
    throw conflict(`The record of member "${memberId}" changed while this step was being checked (version ${stored}); check the step again`, {
      kind: 'MemberRecord',
      id: memberId,
      changed: 'RECORD',
    });
  }
}

/** CONFLICT (details.changed = 'PIPELINE') unless the member's milestones are still those the record was checked against. */
export function checkPipelineUnchanged(memberId: string, stored: readonly { id: string }[], guard: PipelineGuard | undefined): void {
  if (!guard) return;
  const known = new Set(guard.milestoneIds);
  if (stored.length !== known.size || stored.some((m) => !known.has(m.id))) {
    throw conflict(`The pipeline of member "${memberId}" changed while this record was being checked; check the record again`, {
      kind: 'Milestone',
      id: memberId,
      changed: 'PIPELINE',
    });
  }
}
