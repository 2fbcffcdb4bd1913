/**
 * Schema statements of the Neo4j adapter: constraints, indexes and the introspection that checks them.
 * All idempotent (IF NOT EXISTS / IF EXISTS), so `init()` runs them on every start.
 */
import { NODE_LABELS, VECTOR_INDEXES } from './labels';
import type { EmbeddableKind } from '../model';

const snake = (label: string) => label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** Uniqueness of `id` on every node label: `member_id`, `study_plan_id`, ... */
export const NODE_ID_CONSTRAINTS: Record<string, string> = Object.fromEntries(
  NODE_LABELS.map((l) => [`${snake(l)}_id`, `CREATE CONSTRAINT ${snake(l)}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`]),
);

/** Event ids are unique on their relationships (relationship uniqueness: Neo4j 5.7+, community too). */
export const REL_ID_CONSTRAINTS: Record<string, string> = {
  studied_id: 'CREATE CONSTRAINT studied_id IF NOT EXISTS FOR ()-[r:STUDIED]-() REQUIRE r.id IS UNIQUE',
  answered_id: 'CREATE CONSTRAINT answered_id IF NOT EXISTS FOR ()-[r:ANSWERED]-() REQUIRE r.id IS UNIQUE',
};

/** Range indexes for time windows and audit look-ups. */
export const RANGE_INDEXES: Record<string, string> = {
  studied_at: 'CREATE INDEX studied_at IF NOT EXISTS FOR ()-[r:STUDIED]-() ON (r.at)',
  answered_at: 'CREATE INDEX answered_at IF NOT EXISTS FOR ()-[r:ANSWERED]-() ON (r.at)',
  meeting_at: 'CREATE INDEX meeting_at IF NOT EXISTS FOR (n:Meeting) ON (n.at)',
  access_record_at: 'CREATE INDEX access_record_at IF NOT EXISTS FOR (n:AccessRecord) ON (n.at)',
  access_record_viewer: 'CREATE INDEX access_record_viewer IF NOT EXISTS FOR (n:AccessRecord) ON (n.viewerId)',
  access_record_target: 'CREATE INDEX access_record_target IF NOT EXISTS FOR (n:AccessRecord) ON (n.targetId)',
};

/**
 * Vector index per kind, cosine. Neo4j accepts parameters inside OPTIONS (neo4j-graphrag creates its indexes
 * the same way), so the dimension is a parameter; labels and names come from the closed lists.
 */
function createVectorIndex(kind: EmbeddableKind): string {
  return `CREATE VECTOR INDEX ${VECTOR_INDEXES[kind]} IF NOT EXISTS FOR (n:${kind}) ON n.embedding
OPTIONS {indexConfig: {\`vector.dimensions\`: toInteger($dimensions), \`vector.similarity_function\`: 'cosine'}}`;
}

export const CREATE_VECTOR_INDEX: Record<EmbeddableKind, string> = {
  Topic: createVectorIndex('Topic'),
  Course: createVectorIndex('Course'),
  Question: createVectorIndex('Question'),
};

export const DROP_VECTOR_INDEX: Record<EmbeddableKind, string> = {
  Topic: `DROP INDEX ${VECTOR_INDEXES.Topic} IF EXISTS`,
  Course: `DROP INDEX ${VECTOR_INDEXES.Course} IF EXISTS`,
  Question: `DROP INDEX ${VECTOR_INDEXES.Question} IF EXISTS`,
};

/** Introspection and waiting. */
export const SCHEMA_Q = {
  showConstraints: 'SHOW CONSTRAINTS YIELD name RETURN name',
  showIndexes: `SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options
RETURN name, type, state, labelsOrTypes, properties, options.indexConfig['vector.dimensions'] AS dimensions`,
  awaitIndex: 'CALL db.awaitIndex($name, $timeoutSeconds)',
  awaitIndexes: 'CALL db.awaitIndexes($timeoutSeconds)',
} as const;
