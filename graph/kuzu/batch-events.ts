/**
 * Group commit on Kuzu: many learning events, their outbox entries and audit entries in ONE write
 * transaction (graph/event-batch.ts). Kuzu admits one writer, so the cost of a write is mostly the
 * transaction (lock hand-off, WAL commit); a batch pays it once.
 *
 * The ledger (EventKey, see events.ts) tells a new id from a replay or a conflicting reuse, and the
 * endpoints must exist. Rows that fail get their outcome and write nothing; the remaining rows are
 * written with the same statements as a single event, plus the outbox entry. Two rows of one batch
 * with the same id behave as if sent one after the other (the second is a replay or a conflict).
 * A batch of fresh ids is written first and checked after (`writeUnchecked`: the ledger's primary
 * key refuses a stored id); a batch with a stored or repeated id is checked first (`writeChecked`).
 */
import { eventIdReused, isStoreError, notFound } from '../errors';
import { type BatchEvent, type BatchOutcome, eventKey, rowAudit } from '../event-batch';
import type { AccessRecord } from '../model';
import { freshRecords } from '../audit-log';
import { appendChained } from './audit';
import type { KuzuExecutor, Runner } from './executor';
import { existingIds } from './guards';
import { byKeys, keyedWrites } from './keyed';
import { dbl, UNWIND_ROWS } from './outbox';
import { traceCount, tracing } from './write-trace';

// Rows are written with one primary-key-anchored statement each up to `Limits.rows` rows (keyed.ts: Kuzu
// plans the UNWIND form as the cross product of the Member and Question tables, whatever the batch's
// length: 106 million tuples at 200,000 members), and with one UNWIND statement per kind beyond, or on a
// store small enough for that product to cost less than the round trips. Progress (DOUBLE) travels as
// text: see outbox.ts.

const Q = {
  keys: 'MATCH (k:EventKey) WHERE k.key IN $ids RETURN k.key AS key, k.memberId AS memberId, k.targetId AS targetId',
  key: 'MATCH (k:EventKey {key: $id}) RETURN k.key AS key, k.memberId AS memberId, k.targetId AS targetId',
  answers: `UNWIND $rows AS r MATCH (m:Member {id: r.memberId}), (q:Question {id: r.targetId})
    CREATE (k:EventKey {key: r.key, memberId: r.memberId, targetId: r.targetId, at: r.at, correct: r.correct, seconds: r.seconds})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (:Outbox {key: r.key, kind: 'ANSWER', eventId: r.id, memberId: r.memberId, at: r.at})
    CREATE (m)-[:ANSWERED {at: r.at, correct: r.correct, seconds: r.seconds}]->(q) RETURN r.key AS key`,
  answer: `MATCH (m:Member {id: $memberId}), (q:Question {id: $targetId})
    CREATE (k:EventKey {key: $key, memberId: $memberId, targetId: $targetId, at: $at, correct: $correct, seconds: $seconds})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (:Outbox {key: $key, kind: 'ANSWER', eventId: $id, memberId: $memberId, at: $at})
    CREATE (m)-[:ANSWERED {at: $at, correct: $correct, seconds: $seconds}]->(q) RETURN $key AS key`,
  studies: `UNWIND $rows AS r MATCH (m:Member {id: r.memberId}), (c:Course {id: r.targetId})
    CREATE (k:EventKey {key: r.key, memberId: r.memberId, targetId: r.targetId, at: r.at, seconds: r.seconds, progress: CAST(r.progress AS DOUBLE)})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (:Outbox {key: r.key, kind: 'STUDY', eventId: r.id, memberId: r.memberId, at: r.at})
    CREATE (m)-[:STUDIED {at: r.at, seconds: r.seconds, progress: CAST(r.progress AS DOUBLE)}]->(c) RETURN r.key AS key`,
  study: `MATCH (m:Member {id: $memberId}), (c:Course {id: $targetId})
    CREATE (k:EventKey {key: $key, memberId: $memberId, targetId: $targetId, at: $at, seconds: $seconds, progress: CAST($progress AS DOUBLE)})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (:Outbox {key: $key, kind: 'STUDY', eventId: $id, memberId: $memberId, at: $at})
    CREATE (m)-[:STUDIED {at: $at, seconds: $seconds, progress: CAST($progress AS DOUBLE)}]->(c) RETURN $key AS key`,
} as const;

/**
 * How many rows, members and ledger keys a batch handles one statement each (keyed.ts `keyedWrites`). The
 * EventKey table holds every event ever stored (1.2 million rows at 20,000 members, 92 ms to scan; 12
 * million at 200,000, 2.4–6.6 s), one lookup is ~0.6 ms.
 */
interface Limits {
  rows: number;
  keys: number;
}
const limitsOf = async (ex: KuzuExecutor): Promise<Limits> => ({ rows: await keyedWrites(ex, 2_500), keys: await keyedWrites(ex, 40, 256) });

interface Plan {
  key: string;
  memberId: string;
  targetId: string;
  label: 'Question' | 'Course';
}

const planOf = (b: BatchEvent): Plan =>
  b.kind === 'ANSWER'
    ? { key: eventKey('ANSWER', b.event.id), memberId: b.event.memberId, targetId: b.event.questionId, label: 'Question' }
    : { key: eventKey('STUDY', b.event.id), memberId: b.event.memberId, targetId: b.event.courseId, label: 'Course' };

/** Outcome of each row against the ledger and the endpoints, before anything is written. */
async function checkRows(tx: Runner, batch: BatchEvent[], plans: Plan[], lim: Limits): Promise<BatchOutcome[]> {
  // Each check reads only the keys of the batch (keyed.ts): members by primary key up to `lim.rows`, the
  // ledger by key up to `lim.keys` (its table grows with every event).
  const ids = (label: Plan['label'] | null) => plans.flatMap((p) => (label === null ? [p.memberId] : p.label === label ? [p.targetId] : []));
  const members = await existingIds(tx, 'Member', ids(null), lim.rows);
  const questions = await existingIds(tx, 'Question', ids('Question'));
  const courses = await existingIds(tx, 'Course', ids('Course'));
  const stored = new Map(
    (
      await byKeys(
        tx,
        plans.map((p) => p.key),
        { one: Q.key, many: Q.keys },
        {},
        lim.keys,
      )
    ).map((r) => [String(r.key), { memberId: String(r.memberId), targetId: String(r.targetId) }]),
  );
  const seen = new Map<string, Plan>();
  const out: BatchOutcome[] = [];
  for (const [i, p] of plans.entries()) {
    const prior: { memberId: string; targetId: string } | undefined = seen.get(p.key) ?? stored.get(p.key);
    if (prior) {
      out.push(prior.memberId === p.memberId && prior.targetId === p.targetId ? { status: 'replay' } : { status: 'conflict', error: eventIdReused(batch[i].event.id, p.label) });
      continue;
    }
    if (!members.has(p.memberId)) {
      out.push({ status: 'not-found', error: notFound('Member', p.memberId) });
      continue;
    }
    if (!(p.label === 'Question' ? questions : courses).has(p.targetId)) {
      out.push({ status: 'not-found', error: notFound(p.label, p.targetId) });
      continue;
    }
    seen.set(p.key, p);
    out.push({ status: 'created' });
  }
  return out;
}

/** Write the rows at `indices` (answers and studies: per row, or one UNWIND per kind); returns the keys written. */
async function createRows(tx: Runner, batch: BatchEvent[], plans: Plan[], indices: number[], lim: Limits): Promise<Set<string>> {
  const answers: Record<string, string | number | boolean>[] = [];
  const studies: Record<string, string | number | boolean>[] = [];
  for (const i of indices) {
    const b = batch[i];
    const p = plans[i];
    const base = { key: p.key, id: b.event.id, memberId: p.memberId, targetId: p.targetId, at: b.event.at, seconds: b.event.seconds };
    if (b.kind === 'ANSWER') answers.push({ ...base, correct: b.event.correct });
    else studies.push({ ...base, progress: dbl(b.event.progress) });
  }
  const written = new Set<string>();
  for (const [many, one, rows] of [
    [Q.answers, Q.answer, answers],
    [Q.studies, Q.study, studies],
  ] as const) {
    if (rows.length <= lim.rows) {
      for (const r of rows) for (const x of await tx.run(one, r)) written.add(String(x.key));
      continue;
    }
    for (let i = 0; i < rows.length; i += UNWIND_ROWS) {
      for (const r of await tx.run(many, { rows: rows.slice(i, i + UNWIND_ROWS) })) written.add(String(r.key));
    }
  }
  return written;
}

/**
 * The usual batch: ids not seen before. Every row is written straight away, without reading the
 * ledger first (a look-up by a list of keys scans the whole EventKey table, which grows with every
 * event): a key already in the ledger fails the statement on the primary key, and the caller then
 * takes the checked path. A row whose member or target is missing matches nothing and writes nothing;
 * only such rows are then checked, in this same transaction, for their outcome.
 */
async function writeUnchecked(tx: Runner, batch: BatchEvent[], plans: Plan[], lim: Limits): Promise<BatchOutcome[]> {
  const written = await createRows(
    tx,
    batch,
    plans,
    batch.map((_, i) => i),
    lim,
  );
  const outcomes: BatchOutcome[] = plans.map(() => ({ status: 'created' }));
  const missed = plans.flatMap((p, i) => (written.has(p.key) ? [] : [i]));
  if (missed.length) {
    const checked = await checkRows(
      tx,
      missed.map((i) => batch[i]),
      missed.map((i) => plans[i]),
      lim,
    );
    for (const [j, i] of missed.entries()) {
      // Only a missing endpoint or a key already stored can explain a row that was not written.
      if (checked[j].status === 'created') throw new Error(`event ${batch[i].event.id} was neither written nor refused`);
      outcomes[i] = checked[j];
    }
  }
  return outcomes;
}

/** Every row checked against the ledger and the endpoints first, then the rows that pass written. */
async function writeChecked(tx: Runner, batch: BatchEvent[], plans: Plan[], lim: Limits): Promise<BatchOutcome[]> {
  const outcomes = batch.length ? await checkRows(tx, batch, plans, lim) : [];
  const fresh = outcomes.flatMap((o, i) => (o.status === 'created' ? [i] : []));
  const written = await createRows(tx, batch, plans, fresh, lim);
  // Checked above inside this transaction (the single writer), so this cannot happen; refuse rather than half-write.
  if (written.size !== fresh.length) throw new Error(`${fresh.length} events matched ${written.size} endpoint pairs`);
  return outcomes;
}

export async function recordEventBatch(ex: KuzuExecutor, batch: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
  if (batch.length === 0 && access.length === 0) return [];
  const plans = batch.map(planOf);
  const lim = await limitsOf(ex);
  const write = async (rows: (tx: Runner) => Promise<BatchOutcome[]>) => {
    const out = await ex.write(async (tx) => {
      const outcomes = await rows(tx);
      // Chained after the head in this same transaction, last (an id already stored fails the batch on the
      // key): the batch's access records, then the audit entries of the rows created or replayed.
      await appendChained(tx, freshRecords([...access, ...rowAudit(batch, outcomes)], new Set()));
      return outcomes;
    });
    // Each event created has its outbox entry (load-test diagnostics, write-trace.ts).
    if (tracing) traceCount('outbox entries written', out.filter((o) => o.status === 'created').length);
    return out;
  };
  if (new Set(plans.map((p) => p.key)).size === plans.length) {
    try {
      return await write((tx) => writeUnchecked(tx, batch, plans, lim));
    } catch (e) {
      // A key already stored (a replay, a reused id) or an access record's id: rolled back whole; check each row.
      if (!(isStoreError(e) && e.code === 'CONFLICT')) throw e;
    }
  }
  return write((tx) => writeChecked(tx, batch, plans, lim));
}
