/**
 * The bulk-load directory format, written by seeds/generator and `hongtu export`, read by
 * GraphStore.bulkLoad and `hongtu import`. One CSV per node or relationship table, with a header
 * row, comma-separated, RFC 4180 quoting (fields with , " or newline are wrapped in "..." and
 * inner quotes doubled). Columns are in exactly the order listed here. Times are epoch ms.
 * Booleans are `true`/`false`. Lists (options, reasons, prerequisite ids) are JSON strings.
 * Empty field = null.
 *
 * Relationship files name their endpoints by id in the first two columns (from, to).
 */
export const BULK_NODES = {
  University: ['id', 'name'],
  Committee: ['id', 'name'],
  Branch: ['id', 'name'],
  Group: ['id', 'name'],
  Member: ['id', 'name', 'kind', 'stage', 'role', 'stageSince', 'phone', 'idNumber', 'createdAt', 'updatedAt'],
  Topic: ['id', 'name', 'area', 'description'],
  Course: ['id', 'title', 'summary', 'kind', 'minutes', 'createdAt', 'updatedAt'],
  Question: ['id', 'stem', 'options', 'answer', 'explanation', 'difficulty'],
  Meeting: ['id', 'kind', 'title', 'at', 'minutes', 'record'],
  /** Party affairs: filter columns plus the whole record as JSON in `data` (graph/affairs-model.ts). */
  Milestone: ['id', 'memberId', 'at', 'data'],
  DuesStandard: ['id', 'memberId', 'year', 'data'],
  DuesPayment: ['id', 'memberId', 'paidAt', 'data'],
  TransferCase: ['id', 'memberId', 'status', 'fromBranchId', 'toBranchId', 'createdAt', 'data'],
  Notice: ['id', 'audience', 'audienceId', 'publishedAt', 'data'],
} as const;

export const BULK_RELS = {
  /** Committee → University, Branch → Committee, Group → Branch: three files. */
  UNDER_COMMITTEE_UNIVERSITY: { type: 'UNDER', from: 'Committee', to: 'University', columns: ['from', 'to'] },
  UNDER_BRANCH_COMMITTEE: { type: 'UNDER', from: 'Branch', to: 'Committee', columns: ['from', 'to'] },
  UNDER_GROUP_BRANCH: { type: 'UNDER', from: 'Group', to: 'Branch', columns: ['from', 'to'] },
  BELONGS_TO: { type: 'BELONGS_TO', from: 'Member', to: 'Branch', columns: ['from', 'to', 'role', 'since'] },
  IN_GROUP: { type: 'IN_GROUP', from: 'Member', to: 'Group', columns: ['from', 'to'] },
  SUBTOPIC_OF: { type: 'SUBTOPIC_OF', from: 'Topic', to: 'Topic', columns: ['from', 'to'] },
  /** prerequisite → dependent topic */
  PREREQUISITE_OF: { type: 'PREREQUISITE_OF', from: 'Topic', to: 'Topic', columns: ['from', 'to'] },
  COVERS: { type: 'COVERS', from: 'Course', to: 'Topic', columns: ['from', 'to', 'weight', 'source', 'confidence'] },
  TESTS: { type: 'TESTS', from: 'Question', to: 'Topic', columns: ['from', 'to', 'weight', 'source', 'confidence'] },
  DISCUSSED: { type: 'DISCUSSED', from: 'Meeting', to: 'Topic', columns: ['from', 'to', 'weight', 'source', 'confidence'] },
  HELD: { type: 'HELD', from: 'Branch', to: 'Meeting', columns: ['from', 'to'] },
  ATTENDED: { type: 'ATTENDED', from: 'Member', to: 'Meeting', columns: ['from', 'to', 'status'] },
  STUDIED: { type: 'STUDIED', from: 'Member', to: 'Course', columns: ['from', 'to', 'id', 'at', 'seconds', 'progress'] },
  ANSWERED: { type: 'ANSWERED', from: 'Member', to: 'Question', columns: ['from', 'to', 'id', 'at', 'correct', 'seconds'] },
  HAS_MILESTONE: { type: 'HAS_MILESTONE', from: 'Member', to: 'Milestone', columns: ['from', 'to'] },
  HAS_DUES_STANDARD: { type: 'HAS_DUES_STANDARD', from: 'Member', to: 'DuesStandard', columns: ['from', 'to'] },
  PAID_DUES: { type: 'PAID_DUES', from: 'Member', to: 'DuesPayment', columns: ['from', 'to'] },
  HAS_TRANSFER_CASE: { type: 'HAS_TRANSFER_CASE', from: 'Member', to: 'TransferCase', columns: ['from', 'to'] },
  READ_NOTICE: { type: 'READ_NOTICE', from: 'Member', to: 'Notice', columns: ['from', 'to', 'at'] },
} as const;

/**
 * Column value types, the same in every table: integers (epoch ms, counts, amounts), floats, a boolean and a
 * list (JSON in the file). Every other column is text. Both Neo4j load paths (`UNWIND` in graph/neo4j/bulk.ts and
 * neo4j-admin's typed headers in graph/neo4j/admin-import.ts) type values from these, as Kuzu's tables do.
 */
export const BULK_INT_COLUMNS: ReadonlySet<string> = new Set([
  'stageSince',
  'createdAt',
  'updatedAt',
  'minutes',
  'answer',
  'at',
  'since',
  'seconds',
  'year',
  'paidAt',
  'publishedAt',
]);
export const BULK_FLOAT_COLUMNS: ReadonlySet<string> = new Set(['difficulty', 'weight', 'confidence', 'progress']);
export const BULK_BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['correct']);
export const BULK_LIST_COLUMNS: ReadonlySet<string> = new Set(['options']);

export type BulkNode = keyof typeof BULK_NODES;
export type BulkRel = keyof typeof BULK_RELS;

/** File name of a table inside a bulk directory: `Member.csv`, `BELONGS_TO.csv`, ... */
export const bulkFile = (table: BulkNode | BulkRel): string => `${table}.csv`;

/**
 * Optional side files (not loaded into the store): the generator's hidden truth, for scoring learner
 * models and recommenders. `truth/mastery.csv`: memberId,topicId,p (final hidden mastery);
 * `truth/params.json`: the generator's learning-model parameters.
 */
export const TRUTH_DIR = 'truth';
