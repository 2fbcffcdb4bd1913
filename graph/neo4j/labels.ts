/**
 * The closed lists of labels, relationship types and property keys the Neo4j adapter may put into a
 * statement's text. Statements are built from these once, at module load; values always travel as parameters.
 */
export const NODE_LABELS = [
  'University',
  'Committee',
  'Branch',
  'Group',
  'Member',
  'Topic',
  'Course',
  'Question',
  'Meeting',
  'Transfer',
  'StudyPlan',
  'AccessRecord',
  'Milestone',
  'DuesStandard',
  'DuesPayment',
  'TransferCase',
  'Notice',
  'AppraisalRound',
  'BallotIssue',
  'Ballot',
  'SelfAssessment',
  'TalkRecord',
  'RuleOverride',
  'Account',
  'AuthSession',
  'AccessToken',
  'Outbox',
  'OutboxTally',
  'MemberLearning',
  'BranchLearning',
  'AuditEntry',
  'AuditHead',
  'AuditCheckpoint',
  'AbsenceReason',
  'MeetingEdit',
  'MemberRecord',
  'ImportedProfile',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
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
  'MASTERY',
  'HAS_GAP',
  'HAS_PLAN',
  'TRANSFERRED',
  'HAS_MILESTONE',
  'HAS_DUES_STANDARD',
  'PAID_DUES',
  'HAS_TRANSFER_CASE',
  'READ_NOTICE',
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** Items that carry topic tags, and the relationship that carries them. */
export const TAG_RELS = { Course: 'COVERS', Question: 'TESTS', Meeting: 'DISCUSSED' } as const;
export type TaggedKind = keyof typeof TAG_RELS;

/** Vector index name per embeddable kind (one index per label, on `embedding`). */
export const VECTOR_INDEXES = { Topic: 'topic_embedding', Course: 'course_embedding', Question: 'question_embedding' } as const;

/** Every (from, type, to) the adapter writes; the linter checks read patterns against it. */
export const GRAPH_SCHEMA: { from: NodeLabel; relType: RelType; to: NodeLabel }[] = [
  { from: 'Committee', relType: 'UNDER', to: 'University' },
  { from: 'Branch', relType: 'UNDER', to: 'Committee' },
  { from: 'Group', relType: 'UNDER', to: 'Branch' },
  { from: 'Member', relType: 'BELONGS_TO', to: 'Branch' },
  { from: 'Member', relType: 'IN_GROUP', to: 'Group' },
  { from: 'Topic', relType: 'SUBTOPIC_OF', to: 'Topic' },
  { from: 'Topic', relType: 'PREREQUISITE_OF', to: 'Topic' },
  { from: 'Course', relType: 'COVERS', to: 'Topic' },
  { from: 'Question', relType: 'TESTS', to: 'Topic' },
  { from: 'Meeting', relType: 'DISCUSSED', to: 'Topic' },
  { from: 'Branch', relType: 'HELD', to: 'Meeting' },
  { from: 'Member', relType: 'ATTENDED', to: 'Meeting' },
  { from: 'Member', relType: 'STUDIED', to: 'Course' },
  { from: 'Member', relType: 'ANSWERED', to: 'Question' },
  { from: 'Member', relType: 'MASTERY', to: 'Topic' },
  { from: 'Member', relType: 'HAS_GAP', to: 'Topic' },
  { from: 'Member', relType: 'HAS_PLAN', to: 'StudyPlan' },
  { from: 'Member', relType: 'TRANSFERRED', to: 'Transfer' },
  { from: 'Member', relType: 'HAS_MILESTONE', to: 'Milestone' },
  { from: 'Member', relType: 'HAS_DUES_STANDARD', to: 'DuesStandard' },
  { from: 'Member', relType: 'PAID_DUES', to: 'DuesPayment' },
  { from: 'Member', relType: 'HAS_TRANSFER_CASE', to: 'TransferCase' },
  { from: 'Member', relType: 'READ_NOTICE', to: 'Notice' },
];
