/**
 * Cypher of the hash-chained audit log (catalogued in ./catalog, linted by test/neo4j-lint.test.ts).
 * `lockHead` sets a property on the single AuditHead node before reading it: the write lock is taken
 * first, so the seq and hash it returns are the latest committed ones and no other transaction can
 * append until this one ends (Neo4j's documented pattern against lost updates). A unique constraint on
 * AuditEntry.seq refuses a second entry with the same number should anything bypass the lock.
 */
const ENTRY_COLUMNS = `a.seq AS seq, a.id AS id, a.at AS at, a.viewerId AS viewerId, a.action AS action,
       a.targetKind AS targetKind, a.targetId AS targetId, a.outcome AS outcome, a.hash AS hash`;

export const AUDIT_Q = {
  lockHead: `MERGE (h:AuditHead {id: 'chain'})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.lockedAt = $now
RETURN h.seq AS seq, h.hash AS hash`,
  head: `MATCH (h:AuditHead {id: 'chain'}) RETURN h.seq AS seq, h.hash AS hash`,
  setHead: `MATCH (h:AuditHead {id: 'chain'}) SET h.seq = $seq, h.hash = $hash`,
  taken: `UNWIND $ids AS x
MATCH (a:AuditEntry {id: x})
RETURN collect(a.id) AS taken`,
  create: `UNWIND $entries AS e
CREATE (:AuditEntry {id: e.id, seq: e.seq, at: e.at, viewerId: e.viewerId, action: e.action, targetKind: e.targetKind,
                     targetId: e.targetId, outcome: e.outcome, hash: e.hash})`,
  listAccess: `MATCH (a:AuditEntry)
WHERE NOT a.action IN ['DENIED', 'WRITE'] AND ($viewerId IS NULL OR a.viewerId = $viewerId)
  AND ($targetId IS NULL OR a.targetId = $targetId)
RETURN ${ENTRY_COLUMNS}
ORDER BY at DESC, id DESC LIMIT $limit`,
  listAudit: `MATCH (a:AuditEntry)
WHERE a.seq > $afterSeq AND ($fromAt IS NULL OR a.at >= $fromAt) AND ($toAt IS NULL OR a.at < $toAt)
RETURN ${ENTRY_COLUMNS}
ORDER BY seq LIMIT $limit`,
  checkpoint: `MATCH (c:AuditCheckpoint {id: 'checkpoint'})
RETURN c.seq AS seq, c.hash AS hash, c.at AS at, c.signature AS signature`,
  /** Locks the checkpoint (created empty if there is none; a refused prune rolls that back). */
  lockCheckpoint: `MERGE (c:AuditCheckpoint {id: 'checkpoint'})
  ON CREATE SET c.seq = 0, c.hash = $genesis, c.at = 0, c.signature = ''
SET c.lockedAt = $now
RETURN c.seq AS seq`,
  entryAt: `MATCH (a:AuditEntry {seq: $seq}) RETURN a.hash AS hash`,
  deleteThrough: `MATCH (a:AuditEntry) WHERE a.seq <= $seq
DELETE a
RETURN count(*) AS n`,
  setCheckpoint: `MATCH (c:AuditCheckpoint {id: 'checkpoint'})
SET c.seq = $seq, c.hash = $hash, c.at = $at, c.signature = $signature`,
  /** Unchained access records of earlier versions, oldest first (moved into the chain by init). */
  legacyPage: `MATCH (a:AccessRecord)
RETURN a.id AS id, a.at AS at, a.viewerId AS viewerId, a.action AS action, a.targetKind AS targetKind,
       a.targetId AS targetId
ORDER BY at, id LIMIT $limit`,
  legacyDelete: `UNWIND $ids AS x
MATCH (a:AccessRecord {id: x})
DELETE a`,
} as const;

/** Constraints and indexes beyond the `id` uniqueness every label gets. */
export const AUDIT_DDL = {
  audit_entry_seq: 'CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE',
  audit_entry_at: 'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at)',
  audit_entry_viewer: 'CREATE INDEX audit_entry_viewer IF NOT EXISTS FOR (n:AuditEntry) ON (n.viewerId)',
  audit_entry_target: 'CREATE INDEX audit_entry_target IF NOT EXISTS FOR (n:AuditEntry) ON (n.targetId)',
} as const;
