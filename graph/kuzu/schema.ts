/**
 * Kuzu schema and migrations. `migrate()` is idempotent: it reads the SchemaVersion node and applies
 * the steps after it, so later versions add a step instead of editing this one (version 1 creates the
 * forward-only event and gap edges of version 10 directly: it only ever runs on an empty store).
 *
 * Node tables loaded from a bulk-format file (graph/bulk-format.ts) start with that file's columns, in its
 * order; COPY FROM names them, so columns added later (Meeting's attendance counts) take their defaults.
 */
import type { EmbeddableKind } from '../model';
import { APPRAISAL_DDL } from './appraisal-ddl';
import { AFFAIRS_NODE_TABLES, AFFAIRS_REL_TABLES, AFFAIRS_V2 } from './affairs-schema';
import { v8AttendanceCounts } from './attendance-counts';
import { adoptLegacyAccess, AUDIT_DDL } from './audit';
import type { ExclusiveRunner, KuzuExecutor, Runner } from './executor';
import { v12EventLedger } from './event-ledger';
import { v13SummaryText } from './summary-text';
import { forwardDdl, V10_FORWARD_RELS, v10ForwardOnlyRels } from './forward-rels';
import { LEARNING_SUMMARY_DDL } from './learning-summary';
import { v9MasteryState } from './mastery-state';
import { OUTBOX_DDL } from './outbox';
import { RECORDS_DDL } from './records';

export const SCHEMA_VERSION = 13;

export const NODE_TABLES = [
  'University',
  'Committee',
  'Branch',
  'Group',
  'Member',
  'Topic',
  'Course',
  'Question',
  'Meeting',
  'StudyPlan',
  'Transfer',
  'AuditEntry',
  'AuditHead',
  'AuditCheckpoint',
  'EventKey',
  'SchemaVersion',
  ...AFFAIRS_NODE_TABLES,
  'RuleOverride',
  'Account',
  'AuthSession',
  'AccessToken',
  'AppraisalRound',
  'BallotIssue',
  'Ballot',
  'SelfAssessment',
  'TalkRecord',
  'MemberLearning',
  'BranchLearning',
  'MasteryState',
] as const;

export const REL_TABLES = [
  'UNDER',
  'BELONGS_TO',
  'IN_GROUP',
  'SUBTOPIC_OF',
  'PREREQUISITE_OF',
  'COVERS',
  'TESTS',
  'DISCUSSED',
  'HELD',
  'ATTENDED',
  'STUDIED',
  'ANSWERED',
  'HAS_GAP',
  'TRANSFERRED',
  'PLANNED',
  ...AFFAIRS_REL_TABLES,
] as const;

/**
 * Edges kept stored after they stop being in force, because deleting edges can lose others in Kuzu 0.11
 * (graph/kuzu/README.md): an ended gap (reasons NULL, outbox.ts) and a group left (leftAt, members.ts).
 * Per table, the `WHERE` that keeps only those in force, for code that reads any table (counts, exports).
 */
export const liveEdges = (table: string): string => (table === 'HAS_GAP' ? 'WHERE r.reasons IS NOT NULL ' : table === 'IN_GROUP' ? 'WHERE r.leftAt IS NULL ' : '');

const TAG_PROPS = 'weight DOUBLE, source STRING, confidence DOUBLE';

/** Version 1: the whole graph model. `Group` is a Cypher keyword, hence the backticks. */
const V1: string[] = [
  'CREATE NODE TABLE IF NOT EXISTS University(id STRING PRIMARY KEY, name STRING)',
  'CREATE NODE TABLE IF NOT EXISTS Committee(id STRING PRIMARY KEY, name STRING)',
  'CREATE NODE TABLE IF NOT EXISTS Branch(id STRING PRIMARY KEY, name STRING)',
  'CREATE NODE TABLE IF NOT EXISTS `Group`(id STRING PRIMARY KEY, name STRING)',
  `CREATE NODE TABLE IF NOT EXISTS Member(id STRING PRIMARY KEY, name STRING, kind STRING, stage STRING, role STRING,
     stageSince INT64, phone STRING, idNumber STRING, createdAt INT64, updatedAt INT64)`,
  'CREATE NODE TABLE IF NOT EXISTS Topic(id STRING PRIMARY KEY, name STRING, area STRING, description STRING)',
  `CREATE NODE TABLE IF NOT EXISTS Course(id STRING PRIMARY KEY, title STRING, summary STRING, kind STRING,
     minutes INT64, createdAt INT64, updatedAt INT64)`,
  `CREATE NODE TABLE IF NOT EXISTS Question(id STRING PRIMARY KEY, stem STRING, options STRING, answer INT64,
     explanation STRING, difficulty DOUBLE)`,
  'CREATE NODE TABLE IF NOT EXISTS Meeting(id STRING PRIMARY KEY, kind STRING, title STRING, at INT64, minutes INT64, record STRING)',
  `CREATE NODE TABLE IF NOT EXISTS StudyPlan(id STRING PRIMARY KEY, memberId STRING, createdAt INT64,
     minutesPerWeek INT64, weeks INT64, startsAt INT64, items STRING)`,
  `CREATE NODE TABLE IF NOT EXISTS Transfer(id STRING PRIMARY KEY, memberId STRING, kind STRING,
     fromBranchId STRING, toBranchId STRING, at INT64, reason STRING)`,
  `CREATE NODE TABLE IF NOT EXISTS AccessLog(id STRING PRIMARY KEY, at INT64, viewerId STRING, action STRING,
     targetKind STRING, targetId STRING)`,
  // Event-id ledger: see events.ts for why idempotency uses a primary-key table.
  'CREATE NODE TABLE IF NOT EXISTS EventKey(key STRING PRIMARY KEY, memberId STRING, targetId STRING)',
  'CREATE NODE TABLE IF NOT EXISTS SchemaVersion(id STRING PRIMARY KEY, version INT64, appliedAt INT64)',
  'CREATE REL TABLE IF NOT EXISTS UNDER(FROM Committee TO University, FROM Branch TO Committee, FROM `Group` TO Branch)',
  'CREATE REL TABLE IF NOT EXISTS BELONGS_TO(FROM Member TO Branch, role STRING, since INT64)',
  'CREATE REL TABLE IF NOT EXISTS IN_GROUP(FROM Member TO `Group`)',
  'CREATE REL TABLE IF NOT EXISTS SUBTOPIC_OF(FROM Topic TO Topic)',
  'CREATE REL TABLE IF NOT EXISTS PREREQUISITE_OF(FROM Topic TO Topic)',
  `CREATE REL TABLE IF NOT EXISTS COVERS(FROM Course TO Topic, ${TAG_PROPS})`,
  `CREATE REL TABLE IF NOT EXISTS TESTS(FROM Question TO Topic, ${TAG_PROPS})`,
  `CREATE REL TABLE IF NOT EXISTS DISCUSSED(FROM Meeting TO Topic, ${TAG_PROPS})`,
  'CREATE REL TABLE IF NOT EXISTS HELD(FROM Branch TO Meeting)',
  'CREATE REL TABLE IF NOT EXISTS ATTENDED(FROM Member TO Meeting, status STRING)',
  // A new store has these forward only from the start: the state version 10 brings older stores to (./forward-rels.ts).
  forwardDdl('STUDIED', V10_FORWARD_RELS.STUDIED),
  forwardDdl('ANSWERED', V10_FORWARD_RELS.ANSWERED),
  // Replaced by MasteryState nodes in version 9 (./mastery-state.ts).
  'CREATE REL TABLE IF NOT EXISTS MASTERY(FROM Member TO Topic, p DOUBLE, updatedAt INT64)',
  forwardDdl('HAS_GAP', V10_FORWARD_RELS.HAS_GAP),
  'CREATE REL TABLE IF NOT EXISTS TRANSFERRED(FROM Member TO Transfer)',
  'CREATE REL TABLE IF NOT EXISTS PLANNED(FROM Member TO StudyPlan)',
];

/** Version 3: stored overrides of the rules catalogue (one node per rule version). */
const V3: string[] = [
  `CREATE NODE TABLE IF NOT EXISTS RuleOverride(id STRING PRIMARY KEY, ruleId STRING, version INT64, params STRING,
     effectiveFrom STRING, reason STRING, createdBy STRING, createdAt INT64)`,
];

/** Version 4: accounts, browser sessions and personal access tokens (graph/accounts.ts). */
const V4_ACCOUNTS: string[] = [
  `CREATE NODE TABLE IF NOT EXISTS Account(id STRING PRIMARY KEY, loginName STRING, status STRING, passwordHash STRING,
     mustChangePassword BOOLEAN, failedAttempts INT64, lockedUntil INT64, totpSecret STRING, totpEnabled BOOLEAN,
     recoveryCodeHashes STRING, createdAt INT64, updatedAt INT64)`,
  `CREATE NODE TABLE IF NOT EXISTS AuthSession(id STRING PRIMARY KEY, memberId STRING, createdAt INT64, lastSeenAt INT64,
     expiresAt INT64, revokedAt INT64, role STRING, method STRING, userAgent STRING)`,
  `CREATE NODE TABLE IF NOT EXISTS AccessToken(id STRING PRIMARY KEY, memberId STRING, name STRING, secretHash STRING,
     scope STRING, introspect BOOLEAN, createdAt INT64, expiresAt INT64, revokedAt INT64, lastUsedAt INT64)`,
];

/**
 * Version 7: the hash-chained audit log (./audit.ts). The unchained AccessLog rows of earlier versions
 * move into the chain, oldest first, and their table goes.
 */
async function v7AuditChain(r: ExclusiveRunner): Promise<void> {
  for (const stmt of AUDIT_DDL) await r.raw(stmt);
  await adoptLegacyAccess(r);
  await r.raw('DROP TABLE IF EXISTS AccessLog');
}

/**
 * Version 11: leaving a party group stamps the member's IN_GROUP edge (leftAt) instead of deleting it, since
 * Kuzu 0.11 can lose edges after deletes (graph/kuzu/README.md). Reads skip stamped edges.
 */
const V11_GROUP_LEAVES = ['ALTER TABLE IN_GROUP ADD IF NOT EXISTS leftAt INT64'];

/**
 * Ordered migration steps (statements, or a function for a step that moves data); index i brings the schema to
 * version i + 1. Version 6: maintained learning summaries. Version 8: attendance counts kept on each meeting.
 * Version 9: mastery as one MasteryState node per member instead of MASTERY edges (./mastery-state.ts).
 * Version 10: STUDIED, ANSWERED and HAS_GAP stored in the forward direction only (./forward-rels.ts).
 * Version 12: the event ledger holds each event whole, and the event edges lose their ids (./event-ledger.ts).
 * Version 13: the learning summaries keep their number lists as text (./summary-text.ts).
 */
const MIGRATIONS: (string[] | ((r: ExclusiveRunner) => Promise<void>))[] = [
  V1,
  AFFAIRS_V2,
  V3,
  V4_ACCOUNTS,
  APPRAISAL_DDL,
  LEARNING_SUMMARY_DDL,
  v7AuditChain,
  v8AttendanceCounts,
  v9MasteryState,
  v10ForwardOnlyRels,
  V11_GROUP_LEAVES,
  v12EventLedger,
  v13SummaryText,
];

/** Per-kind embedding node table (created for the current dimension by embeddings.ts). */
export const EMBEDDING_TABLE: Record<EmbeddableKind, string> = {
  Topic: 'TopicEmbedding',
  Course: 'CourseEmbedding',
  Question: 'QuestionEmbedding',
};
export const VECTOR_INDEX: Record<EmbeddableKind, string> = {
  Topic: 'topic_vec',
  Course: 'course_vec',
  Question: 'question_vec',
};

async function readVersion(r: Runner): Promise<number> {
  const tables = await r.run('CALL SHOW_TABLES() RETURN name');
  if (!tables.some((t) => t.name === 'SchemaVersion')) return 0;
  const rows = await r.run("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version");
  return rows.length ? Number(rows[0].version) : 0;
}

/** Create or migrate the schema; safe on every start. Returns the version now in force. */
export async function migrate(ex: KuzuExecutor): Promise<number> {
  return ex.ddl(async (r) => {
    const current = await readVersion(r);
    if (current > SCHEMA_VERSION) {
      throw new Error(`The data directory has schema version ${current}, newer than this build (${SCHEMA_VERSION}); upgrade Hongtu`);
    }
    for (let v = current; v < SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (typeof step === 'function') await step(r);
      else for (const stmt of step) await r.raw(stmt);
      await r.run("MERGE (s:SchemaVersion {id: 'schema'}) SET s.version = $version, s.appliedAt = $at", { version: v + 1, at: Date.now() });
    }
    // Tables created idempotently on every start, outside the numbered migrations.
    for (const stmt of OUTBOX_DDL) await r.raw(stmt);
    for (const stmt of RECORDS_DDL) await r.raw(stmt);
    return SCHEMA_VERSION;
  });
}

/** Drop every table (domain and embedding) so `migrate` can recreate an empty schema. */
export async function dropAll(ex: KuzuExecutor): Promise<void> {
  await ex.ddl(async (r) => {
    const tables = await r.run('CALL SHOW_TABLES() RETURN name, type');
    const indexes = await r.run('CALL SHOW_INDEXES() RETURN table_name, index_name, index_type');
    for (const i of indexes) {
      if (i.index_type === 'HNSW') await r.raw(`CALL DROP_VECTOR_INDEX('${i.table_name}', '${i.index_name}')`);
    }
    for (const t of tables.filter((x) => x.type === 'REL')) await r.raw(`DROP TABLE ${quoteIdent(String(t.name))}`);
    for (const t of tables.filter((x) => x.type === 'NODE')) await r.raw(`DROP TABLE ${quoteIdent(String(t.name))}`);
  });
}

/** Backtick-quote an identifier that comes from the catalog or a closed list (never from a user). */
export const quoteIdent = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Refusing unexpected identifier "${name}"`);
  return `\`${name}\``;
};
