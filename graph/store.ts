/**
 * The typed interface every service depends on. No Cypher crosses it.
 * Adapters: graph/kuzu (embedded default) and graph/neo4j (production). Both pass graph/contract.
 *
 * Conventions every adapter honours:
 * - Unknown ids in a write → throw `notFound(...)` (a StoreError, graph/errors.ts), and write nothing.
 * - Event writes are idempotent by event id: the same id with the same endpoints is a no-op that
 *   returns `{ created: false }`; the same id with other endpoints throws `conflict(...)`.
 * - Batch reads (`...ByIds`, `...ForMembers`) return results in the order of the ids asked for;
 *   missing ids are simply absent (the caller decides whether that is NOT_FOUND).
 * - Store unreachable / driver failures → throw `unavailable(...)`; a failure retrying will not fix
 *   (a transaction over the server's memory limit) → `internal(...)`, never UNAVAILABLE.
 * - The store keeps referential facts (ids exist, ids are unique, event ids are not reused). Domain
 *   rules (a group belongs to the member's branch, a move changes the branch, who may do what) are
 *   checked once, above the store, in server/ services.
 */
import type {
  AnswerEvent,
  Attendance,
  AttendanceStatus,
  Branch,
  BranchPeer,
  Committee,
  Course,
  CourseKind,
  EmbeddableKind,
  EmbeddingMeta,
  EmbeddingRow,
  Gap,
  Group,
  LearnerRows,
  Mastery,
  Meeting,
  MeetingKind,
  MeetingTally,
  Member,
  MemberHistory,
  MemberKind,
  MemberStage,
  Page,
  Question,
  Role,
  StudyEvent,
  StudyPlan,
  Topic,
  TopicTag,
  Transfer,
  University,
  Area,
  RuleOverrideRecord,
} from './model';
import type { AppraisalStore } from './appraisal';
import type { AccountStore } from './accounts';
import type { AffairsStore } from './affairs-store';
import type { EventBatchStore } from './event-batch';
import type { AuditLogStore } from './audit-log';
import type { LearningSummaryStore } from './learning-summary';
import type { RuleFactsStore } from './rule-facts';
import type { RecordsStore } from './records-store';

export interface MemberFilter {
  branchIds?: string[];
  committeeIds?: string[];
  stages?: MemberStage[];
  kinds?: MemberKind[];
  roles?: Role[];
  /** Substring match on name. */
  nameContains?: string;
}

export interface CourseFilter {
  topicIds?: string[];
  areas?: Area[];
  kinds?: CourseKind[];
  titleContains?: string;
}
export interface QuestionFilter {
  topicIds?: string[];
  areas?: Area[];
}

export type NewMember = Omit<Member, 'createdAt' | 'updatedAt' | 'since' | 'stageSince'> & {
  since?: number;
  stageSince?: number;
};
/**
 * Fields of a member to change. A stage change sets stageSince to now unless `stageSince` is given (the day the
 * stage was reached, e.g. a pipeline step recorded afterwards); `stageSince` alone corrects that day.
 */
export type MemberPatch = Partial<Pick<Member, 'name' | 'kind' | 'stage' | 'role' | 'groupId' | 'phone' | 'idNumber' | 'stageSince'>>;
export type NewCourse = Omit<Course, 'createdAt' | 'updatedAt'>;
export type CoursePatch = Partial<Pick<Course, 'title' | 'summary' | 'kind' | 'minutes'>>;
export type NewMeeting = Omit<Meeting, 'topics'> & { topics?: TopicTag[] };
export interface MoveMember {
  id: string;
  memberId: string;
  toBranchId: string;
  at: number;
  reason: string;
  kind?: 'INTERNAL' | 'IN';
}

export interface WriteResult {
  created: boolean;
}

export interface StoreHealth {
  ok: boolean;
  backend: 'kuzu' | 'neo4j';
  /** Human-readable problems: missing constraints/indexes, dimension mismatch, unreachable, ... */
  problems: string[];
  /** Dimension of each vector index that exists, by node kind. */
  vectorIndexes: Partial<Record<EmbeddableKind, number>>;
  counts: Record<string, number>;
}

export type Progress = (done: number, total: number, label: string) => void;

/**
 * Party affairs (pipeline, dues, transfer cases, notices): ./affairs-store; accounts: ./accounts; appraisal:
 * ./appraisal; group commit and the learning outbox: ./event-batch; the rules engine's batched facts: ./rule-facts;
 * maintained learning summaries: ./learning-summary; the hash-chained audit log: ./audit-log.
 */
export interface GraphStore extends AffairsStore, AccountStore, AppraisalStore, EventBatchStore, RuleFactsStore, LearningSummaryStore, AuditLogStore, RecordsStore {
  readonly backend: 'kuzu' | 'neo4j';

  // ---- lifecycle ----
  /** Create/migrate schema, constraints and indexes idempotently. Safe to call on every start. */
  init(): Promise<void>;
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
  /** True when no University node exists yet (first start → load the demo). */
  isEmpty(): Promise<boolean>;
  /** Delete everything. Tests and `hongtu seed` only. */
  clear(): Promise<void>;
  /**
   * Load a directory written in the bulk format (graph/bulk-format.ts) into an empty store,
   * through the backend's fast path (Kuzu COPY FROM; Neo4j UNWIND batches).
   */
  bulkLoad(dir: string, onProgress?: Progress): Promise<Record<string, number>>;
  /**
   * Write the graph as a bulk directory (the files bulkLoad reads), so export → import round-trips.
   * Mastery, gaps, plans, embeddings and the access log are derived or private and not exported.
   */
  exportBulk(dir: string, onProgress?: Progress): Promise<Record<string, number>>;

  // ---- organization ----
  getUniversity(): Promise<University | null>;
  listCommittees(): Promise<Committee[]>;
  getCommitteesByIds(ids: string[]): Promise<Committee[]>;
  listBranches(committeeIds?: string[]): Promise<Branch[]>;
  getBranchesByIds(ids: string[]): Promise<Branch[]>;
  listGroups(branchId: string): Promise<Group[]>;
  /** Party groups of several branches in one read, ordered by branch id then group id (unknown ids: none). */
  listGroupsOfBranches(branchIds: string[]): Promise<Group[]>;
  createUniversity(u: University): Promise<WriteResult>;
  createCommittee(c: Committee): Promise<WriteResult>;
  createBranch(b: Branch): Promise<WriteResult>;
  createGroup(g: Group): Promise<WriteResult>;

  // ---- members ----
  getMembersByIds(ids: string[]): Promise<Member[]>;
  /** Ordered by id; `after` is the endCursor of the previous page. */
  listMembers(filter: MemberFilter, first: number, after?: string | null): Promise<Page<Member>>;
  createMember(m: NewMember): Promise<Member>;
  updateMember(id: string, patch: MemberPatch): Promise<Member>;
  /** Moves BELONGS_TO to the new branch and records a Transfer; history is kept. */
  moveMember(move: MoveMember): Promise<Transfer>;
  listTransfers(memberId: string): Promise<Transfer[]>;

  // ---- curriculum ----
  listTopics(): Promise<Topic[]>;
  upsertTopic(t: Topic): Promise<void>;
  getCoursesByIds(ids: string[]): Promise<Course[]>;
  listCourses(filter: CourseFilter, first: number, after?: string | null): Promise<Page<Course>>;
  createCourse(c: NewCourse): Promise<Course>;
  updateCourse(id: string, patch: CoursePatch): Promise<Course>;
  getQuestionsByIds(ids: string[]): Promise<Question[]>;
  listQuestions(filter: QuestionFilter, first: number, after?: string | null): Promise<Page<Question>>;
  upsertQuestion(q: Question): Promise<void>;
  /**
   * Replace the AUTO tags of one item; MANUAL tags are never touched by this call.
   * kind Course → COVERS, Question → TESTS, Meeting → DISCUSSED.
   */
  replaceAutoTags(kind: 'Course' | 'Question' | 'Meeting', id: string, tags: TopicTag[]): Promise<void>;
  /** Set MANUAL tags (replacing previous MANUAL tags of that item). */
  setManualTags(kind: 'Course' | 'Question' | 'Meeting', id: string, tags: TopicTag[]): Promise<void>;

  // ---- organizational life ----
  createMeeting(m: NewMeeting): Promise<WriteResult>;
  getMeetingsByIds(ids: string[]): Promise<Meeting[]>;
  /** Meetings of the branches with from <= at < to, ordered by at. */
  listMeetings(branchIds: string[], from: number, to: number, kinds?: MeetingKind[]): Promise<Meeting[]>;
  /**
   * Upsert attendance rows for one meeting (one status per member). A row's reason is kept for EXCUSED /
   * ABSENT (see listAbsenceReasons) and dropped otherwise. Unknown member → NOT_FOUND, nothing written.
   */
  recordAttendance(meetingId: string, rows: { memberId: string; status: AttendanceStatus; reason?: string | null }[]): Promise<void>;
  listAttendance(meetingIds: string[]): Promise<Attendance[]>;
  /**
   * Meetings of the branches with from <= at < to, ordered by at then id, each with its attendance counted by
   * status: counts the store keeps on the meeting, updated in the transaction that records its attendance and
   * always equal to its rows (one set-based read, no attendance row read; no attendance counts zeros).
   */
  listMeetingTallies(branchIds: string[], from: number, to: number): Promise<MeetingTally[]>;

  // ---- learning events ----
  recordStudy(e: StudyEvent): Promise<WriteResult>;
  recordAnswer(e: AnswerEvent): Promise<WriteResult>;
  /**
   * One indexed read of a member's events, newest first, each list capped at `limit`, optional lower bound.
   * `attendance: false` leaves meeting attendance out (returned empty) for readers that need only the
   * learning events; the store may then skip reading it.
   */
  getMemberHistory(memberId: string, opts: { limit: number; since?: number; attendance?: boolean }): Promise<MemberHistory>;
  /** The same for many members in one round trip (lists keyed by member id). */
  getHistoriesForMembers(memberIds: string[], opts: { limit: number; since?: number }): Promise<Map<string, MemberHistory>>;
  /** Aggregate study counts per course (popularity baseline / cold start), optionally within branches. */
  countStudiesByCourse(opts: { branchIds?: string[]; since?: number }): Promise<Map<string, number>>;

  // ---- learner model ----
  getMasteryForMembers(memberIds: string[]): Promise<Map<string, Mastery[]>>;
  upsertMastery(rows: Mastery[]): Promise<void>;
  getGapsForMembers(memberIds: string[]): Promise<Map<string, Gap[]>>;
  /** Replace all HAS_GAP edges of one member. */
  replaceGaps(memberId: string, gaps: Gap[]): Promise<void>;
  saveStudyPlan(plan: StudyPlan): Promise<void>;
  /** The member's newest plan. */
  getStudyPlan(memberId: string): Promise<StudyPlan | null>;
  /** Each member's newest plan as getStudyPlan gives it (null for none), in one read however many members. */
  getStudyPlansForMembers(memberIds: string[]): Promise<Map<string, StudyPlan | null>>;
  /**
   * One member's mastery rows, gaps and newest plan in one read: the same rows as getMasteryForMembers,
   * getGapsForMembers and getStudyPlan give for that member (an unknown member: empty lists, no plan).
   */
  getLearnerRows(memberId: string): Promise<LearnerRows>;
  /**
   * The members of the branches (ordered by branch id, then member id), each with the topics of their stored
   * gaps and their study sessions per course with `at >= since`: one set-based read however many branches.
   */
  listBranchPeers(branchIds: string[], since: number): Promise<BranchPeer[]>;

  // ---- embeddings and search ----
  getEmbeddingMeta(kind: EmbeddableKind): Promise<EmbeddingMeta[]>;
  setEmbeddings(kind: EmbeddableKind, rows: EmbeddingRow[]): Promise<void>;
  getEmbeddings(kind: EmbeddableKind, ids: string[]): Promise<EmbeddingRow[]>;
  /** (Re)create the vector index of a kind with this dimension; drops an index of another dimension. */
  ensureVectorIndex(kind: EmbeddableKind, dimensions: number): Promise<void>;
  /** Nearest neighbours by cosine similarity (1 = identical), best first. */
  vectorSearch(kind: EmbeddableKind, vector: number[], k: number): Promise<{ id: string; score: number }[]>;
  /**
   * Keyword search over Course title/summary or Topic name/description, best first. The caller
   * segments the query (Chinese has no spaces) and passes the terms; score = Σ over terms found,
   * a hit in the title/name counting 2 and in the summary/description 1.
   */
  keywordSearch(kind: 'Course' | 'Topic', terms: string[], k: number): Promise<{ id: string; score: number }[]>;

  // ---- rules catalogue overrides ----
  /** Every stored rule override, ordered by rule id then version. */
  listRuleOverrides(): Promise<RuleOverrideRecord[]>;
  /**
   * Store one version of a rule, once: the same id with the same content is a no-op
   * (`{ created: false }`); the same id with other content is CONFLICT (someone wrote that version first).
   */
  createRuleOverride(o: RuleOverrideRecord): Promise<WriteResult>;
}
