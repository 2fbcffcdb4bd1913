/**
 * Group commit on Kuzu: many learning events, their outbox entries and audit entries in ONE write
 * transaction (graph/event-batch.ts). Kuzu admits one writer, so the cost of a write is mostly the
 * transaction (lock hand-off, WAL commit); a batch pays it once.
 *
 * Every row is checked before anything is written: the ledger (EventKey, see events.ts) tells a new
 * id from a replay or a conflicting reuse, and the endpoints must exist. Rows that fail get their
 * outcome and write nothing; the remaining rows are written with the same statements as a single
 * event, plus the outbox entry. Two rows of one batch with the same id behave as if sent one after
 * the other (the second is a replay or a conflict).
 */
import { eventIdReused, notFound } from '../errors';
import { type BatchEvent, type BatchOutcome, eventKey } from '../event-batch';
import type { AccessRecord } from '../model';
import { freshRecords } from '../audit-log';
import { appendChained } from './audit';
import type { KuzuExecutor, Runner } from './executor';
import { existingIds } from './guards';

const Q = {
  key: 'MATCH (k:EventKey {key: $key}) RETURN k.memberId AS memberId, k.targetId AS targetId',
  answer: `MATCH (m:Member {id: $memberId}), (q:Question {id: $targetId})
    CREATE (:EventKey {key: $key, memberId: $memberId, targetId: $targetId})
    CREATE (:Outbox {key: $key, kind: 'ANSWER', eventId: $id, memberId: $memberId, at: $at})
    CREATE (m)-[:ANSWERED {id: $id, at: $at, correct: $correct, seconds: $seconds}]->(q) RETURN count(*) AS n`,
  study: `MATCH (m:Member {id: $memberId}), (c:Course {id: $targetId})
    CREATE (:EventKey {key: $key, memberId: $memberId, targetId: $targetId})
    CREATE (:Outbox {key: $key, kind: 'STUDY', eventId: $id, memberId: $memberId, at: $at})
    CREATE (m)-[:STUDIED {id: $id, at: $at, seconds: $seconds, progress: $progress}]->(c) RETURN count(*) AS n`,
} as const;

interface Plan { key: string; memberId: string; targetId: string; label: 'Question' | 'Course' }

const planOf = (b: BatchEvent): Plan => b.kind === 'ANSWER'
  ? { key: eventKey('ANSWER', b.event.id), memberId: b.event.memberId, targetId: b.event.questionId, label: 'Question' }
  : { key: eventKey('STUDY', b.event.id), memberId: b.event.memberId, targetId: b.event.courseId, label: 'Course' };

/** Outcome of each row against the ledger and the endpoints, before anything is written. */
async function checkRows(tx: Runner, batch: BatchEvent[], plans: Plan[]): Promise<BatchOutcome[]> {
  const members = await existingIds(tx, 'Member', plans.map((p) => p.memberId));
  const questions = await existingIds(tx, 'Question', plans.filter((p) => p.label === 'Question').map((p) => p.targetId));
  const courses = await existingIds(tx, 'Course', plans.filter((p) => p.label === 'Course').map((p) => p.targetId));
  const seen = new Map<string, Plan>();
  const out: BatchOutcome[] = [];
  for (const [i, p] of plans.entries()) {
    let prior: { memberId: string; targetId: string } | undefined = seen.get(p.key);
    if (!prior) {
      const rows = await tx.run(Q.key, { key: p.key });
      if (rows.length) prior = { memberId: String(rows[0].memberId), targetId: String(rows[0].targetId) };
    }
    if (prior) {
      out.push(prior.memberId === p.memberId && prior.targetId === p.targetId
        ? { status: 'replay' }
        : { status: 'conflict', error: eventIdReused(batch[i].event.id, p.label) });
      continue;
    }
    if (!members.has(p.memberId)) { out.push({ status: 'not-found', error: notFound('Member', p.memberId) }); continue; }
    if (!(p.label === 'Question' ? questions : courses).has(p.targetId)) {
      out.push({ status: 'not-found', error: notFound(p.label, p.targetId) });
      continue;
    }
    seen.set(p.key, p);
    out.push({ status: 'created' });
  }
  return out;
}

export async function recordEventBatch(ex: KuzuExecutor, batch: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
  if (batch.length === 0 && access.length === 0) return [];
  const plans = batch.map(planOf);
  return ex.write(async (tx) => {
    const outcomes = batch.length ? await checkRows(tx, batch, plans) : [];
    for (const [i, b] of batch.entries()) {
      if (outcomes[i].status !== 'created') continue;
      const p = plans[i];
      const base = { key: p.key, id: b.event.id, memberId: p.memberId, targetId: p.targetId, at: b.event.at, seconds: b.event.seconds };
      const rows = b.kind === 'ANSWER'
        ? await tx.run(Q.answer, { ...base, correct: b.event.correct })
        : await tx.run(Q.study, { ...base, progress: b.event.progress });
      // Checked above inside this transaction (the single writer), so this cannot happen; refuse rather than half-write.
      if (Number(rows[0]?.n ?? 0) !== 1) throw new Error(`event ${p.key} matched ${String(rows[0]?.n)} endpoint pairs`);
    }
    // Chained after the head in this same transaction (an id already stored fails the batch on the key).
    await appendChained(tx, freshRecords(access, new Set()));
    return outcomes;
  });
}
