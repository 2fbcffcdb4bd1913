/**
 * Group commit on Neo4j (graph/event-batch.ts): one check of every row, then the new events and their
 * outbox entries written with UNWIND … CREATE, and the access records chained into the audit log, all in one
 * managed write transaction. See batch-queries.ts for why this stays correct when transactions run
 * concurrently: a concurrent writer of the same event id makes this transaction fail on the
 * uniqueness constraint, and a batch of one is then checked again (it is now a replay or a conflict).
 */
import { OUTBOX_SCOPE, withSharedScope } from '../causal';
import { eventIdReused, isStoreError, notFound } from '../errors';
import { type BatchEvent, type BatchOutcome, eventKey, rowAudit } from '../event-batch';
import type { AccessRecord } from '../model';
import { BATCH_Q } from './batch-queries';
import { appendChained } from './audit';
import type { Executor, Tx } from './executor';
import { int } from './mapping';

interface CheckRow {
  i: number;
  fromExists: boolean;
  toExists: boolean;
  existing: string[][];
}

const targetOf = (b: BatchEvent) => (b.kind === 'ANSWER' ? b.event.questionId : b.event.courseId);
const labelOf = (b: BatchEvent) => (b.kind === 'ANSWER' ? 'Question' : 'Course');

async function checkRows(tx: Tx, batch: BatchEvent[]): Promise<BatchOutcome[]> {
  const rows = batch.map((b, i) => ({ i, kind: b.kind, id: b.event.id, memberId: b.event.memberId, toId: targetOf(b) }));
  const checks = new Map((await tx.rows<CheckRow>(BATCH_Q.check, { rows })).map((c) => [Number(c.i), c]));
  const seen = new Map<string, string[]>();
  return batch.map((b, i) => {
    const c = checks.get(i)!;
    const key = eventKey(b.kind, b.event.id);
    const prior = seen.get(key) ?? c.existing[0];
    if (prior) {
      return prior[0] === b.event.memberId && prior[1] === targetOf(b) ? { status: 'replay' } : { status: 'conflict', error: eventIdReused(b.event.id, labelOf(b)) };
    }
    if (!c.fromExists) return { status: 'not-found', error: notFound('Member', b.event.memberId) };
    if (!c.toExists) return { status: 'not-found', error: notFound(labelOf(b), targetOf(b)) };
    seen.set(key, [b.event.memberId, targetOf(b)]);
    return { status: 'created' };
  });
}

/** The batch's outbox entries count for OUTBOX_SCOPE too (graph/causal.ts): the outbox worker reads after them. */
async function writeBatch(ex: Executor, batch: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
  return withSharedScope(OUTBOX_SCOPE, 'write', () => writeRows(ex, batch, access));
}

async function writeRows(ex: Executor, batch: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
  return ex.write(async (tx) => {
    const outcomes = batch.length ? await checkRows(tx, batch) : [];
    const created = batch.filter((_, i) => outcomes[i].status === 'created');
    const base = (b: BatchEvent) => ({
      key: eventKey(b.kind, b.event.id),
      id: b.event.id,
      memberId: b.event.memberId,
      toId: targetOf(b),
      at: int(b.event.at),
      seconds: int(b.event.seconds),
    });
    const answers = created.flatMap((b) => (b.kind === 'ANSWER' ? [{ ...base(b), correct: b.event.correct }] : []));
    const studies = created.flatMap((b) => (b.kind === 'STUDY' ? [{ ...base(b), progress: b.event.progress }] : []));
    if (answers.length) await tx.write(BATCH_Q.createAnswers, { answers });
    if (studies.length) await tx.write(BATCH_Q.createStudies, { studies });
    // Chained after the head in this same transaction (ids already stored are skipped): the batch's access
    // records, then the audit entries of the rows created or replayed.
    await appendChained(tx, [...access, ...rowAudit(batch, outcomes)]);
    return outcomes;
  });
}

export async function recordEventBatch(ex: Executor, batch: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
  if (batch.length === 0 && access.length === 0) return [];
  try {
    return await writeBatch(ex, batch, access);
  } catch (e) {
    // A single row lost a race with a concurrent writer of the same id: check it again, now committed.
    if (batch.length === 1 && isStoreError(e) && e.code === 'CONFLICT') return writeBatch(ex, batch, access);
    throw e;
  }
}
