/**
 * Statements of the group commit and the learning outbox on Neo4j (graph/event-batch.ts), catalogued
 * in catalog.ts and linted like every other statement.
 *
 * Concurrency: Neo4j runs transactions concurrently, so nothing here relies on a check made earlier
 * in the transaction staying true. The batch writes events with CREATE under the uniqueness
 * constraints on ANSWERED.id / STUDIED.id and Outbox.id: a concurrent writer of the same event id
 * makes one of the two transactions fail with a constraint violation instead of writing the event
 * (or its outbox entry) twice. The outbox claim SETs a property on each entry first, which takes the
 * entry's write lock; a worker that loses the race finds fewer entries than it expected and rolls
 * back. Tallies are MERGEd under the uniqueness constraint on OutboxTally.id.
 */
export const BATCH_Q = {
  /** Per row: do the endpoints exist, and where does an event with this id already point? */
  check: `UNWIND $rows AS row
RETURN row.i AS i,
  EXISTS { MATCH (:Member {id: row.memberId}) } AS fromExists,
  CASE row.kind
    WHEN 'ANSWER' THEN EXISTS { MATCH (:Question {id: row.toId}) }
    ELSE EXISTS { MATCH (:Course {id: row.toId}) }
  END AS toExists,
  CASE row.kind
    WHEN 'ANSWER' THEN COLLECT { MATCH (a:Member)-[:ANSWERED {id: row.id}]->(o:Question) RETURN [a.id, o.id] AS endpoints }
    ELSE COLLECT { MATCH (a:Member)-[:STUDIED {id: row.id}]->(o:Course) RETURN [a.id, o.id] AS endpoints }
  END AS existing`,
  createAnswers: `UNWIND $answers AS row
MATCH (m:Member {id: row.memberId})
MATCH (q:Question {id: row.toId})
CREATE (m)-[:ANSWERED {id: row.id, at: row.at, correct: row.correct, seconds: row.seconds}]->(q)
CREATE (:Outbox {id: row.key, kind: 'ANSWER', eventId: row.id, memberId: row.memberId, at: row.at})`,
  createStudies: `UNWIND $studies AS row
MATCH (m:Member {id: row.memberId})
MATCH (c:Course {id: row.toId})
CREATE (m)-[:STUDIED {id: row.id, at: row.at, seconds: row.seconds, progress: row.progress}]->(c)
CREATE (:Outbox {id: row.key, kind: 'STUDY', eventId: row.id, memberId: row.memberId, at: row.at})`,
} as const;

export const OUTBOX_Q = {
  list: `MATCH (o:Outbox)
RETURN o.id AS key, o.kind AS kind, o.eventId AS eventId, o.memberId AS memberId, o.at AS at
ORDER BY at, key LIMIT $limit`,
  /** Lock the entries this pass consumes; returns the ones that still exist. */
  claim: `UNWIND $keys AS key
MATCH (o:Outbox {id: key})
SET o.claimedAt = $now
RETURN o.id AS key`,
  replaceGaps: `UNWIND $members AS mg
MATCH (m:Member {id: mg.memberId})
CALL (m, mg) {
  OPTIONAL MATCH (m)-[old:HAS_GAP]->(:Topic)
  DELETE old
  WITH DISTINCT m, mg
  UNWIND mg.gaps AS gap
  MATCH (t:Topic {id: gap.topicId})
  MERGE (m)-[g:HAS_GAP]->(t)
  SET g.severity = gap.severity, g.reasons = gap.reasons, g.updatedAt = gap.updatedAt
}`,
  consume: `UNWIND $keys AS key
MATCH (o:Outbox {id: key})
DELETE o`,
  tally: `UNWIND $tallies AS t
MERGE (x:OutboxTally {id: t.memberId})
  ON CREATE SET x.applied = t.n
  ON MATCH SET x.applied = x.applied + t.n`,
  tallies: `MATCH (x:OutboxTally)
WHERE $memberIds IS NULL OR x.id IN $memberIds
RETURN x.id AS memberId, x.applied AS applied`,
} as const;
