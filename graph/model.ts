/**
 * Domain types shared by the services and every store adapter.
 * Names follow docs/GLOSSARY.md. Times are epoch milliseconds (UTC) everywhere in the
 * domain and in both stores (INT64), so range queries and ordering are plain integer compares.
 */

export const TOP_AREAS = ['constitution', 'history', 'theory', 'discipline', 'organization', 'admission', 'affairs', 'service'] as const;
export type Area = (typeof TOP_AREAS)[number];

export const MEMBER_STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
export type MemberStage = (typeof MEMBER_STAGES)[number];

export const MEMBER_KINDS = ['TEACHER', 'STUDENT', 'STAFF', 'RETIRED'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** MEMBER is an ordinary member with no office; the others come from the glossary. */
export const ROLES = ['MEMBER', 'COMMITTEE_MEMBER', 'SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const MEETING_KINDS = ['BRANCH_ASSEMBLY', 'BRANCH_COMMITTEE', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE_MEETING', 'DEMOCRATIC_REVIEW'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Calendar period in which one meeting is the minimum. */
export type MeetingFrequency = 'MONTH' | 'QUARTER' | 'YEAR';

/* The minimum number of meetings of each kind per period is a rule of the catalogue (server/rules/catalogue/life.ts). */

export const ATTENDANCE_STATUSES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const COURSE_KINDS = ['ARTICLE', 'VIDEO', 'LESSON', 'EXAM'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const TAG_SOURCES = ['MANUAL', 'AUTO'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

export const TRANSFER_KINDS = ['IN', 'INTERNAL', 'OUT'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** Node kinds that carry an embedding vector. */
export const EMBEDDABLE = ['Topic', 'Course', 'Question'] as const;
export type EmbeddableKind = (typeof EMBEDDABLE)[number];

export interface University {
  id: string;
  name: string;
}
export interface Committee {
  id: string;
  name: string;
  universityId: string;
}
export interface Branch {
  id: string;
  name: string;
  committeeId: string;
}
export interface Group {
  id: string;
  name: string;
  branchId: string;
}

export interface Member {
  id: string;
  name: string;
  kind: MemberKind;
  stage: MemberStage;
  /** Office held; see ROLES. Mirrored on the BELONGS_TO edge. */
  role: Role;
  branchId: string;
  groupId: string | null;
  /** When the member joined the current branch (BELONGS_TO.since). */
  since: number;
  /** When the member reached the current stage. */
  stageSince: number;
  /** Raw values: only the service layer masks them, so the store never returns masked data. */
  phone: string | null;
  idNumber: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Topic {
  id: string;
  name: string;
  /** Top-level area id; an area's own node has area === id. */
  area: Area;
  description: string;
  /** null for the eight top-level areas. */
  parentId: string | null;
  /** Topic ids that should be mastered before this one (PREREQUISITE_OF points prerequisite → this). */
  prerequisiteIds: string[];
}

export interface TopicTag {
  topicId: string;
  weight: number;
  source: TagSource;
  /** 1 for MANUAL; the similarity-derived confidence for AUTO. */
  confidence: number;
}

export interface Course {
  id: string;
  title: string;
  summary: string;
  kind: CourseKind;
  minutes: number;
  topics: TopicTag[];
  createdAt: number;
  updatedAt: number;
}

export interface Question {
  id: string;
  stem: string;
  options: string[];
  /** Index into options. */
  answer: number;
  explanation: string;
  /** 0 easy .. 1 hard. */
  difficulty: number;
  topics: TopicTag[];
}

export interface Meeting {
  id: string;
  branchId: string;
  kind: MeetingKind;
  title: string;
  at: number;
  minutes: number;
  /** Free-text record of the meeting (会议记录摘要); tagged with DISCUSSED topics. */
  record: string;
  topics: TopicTag[];
}

export interface Attendance {
  meetingId: string;
  memberId: string;
  status: AttendanceStatus;
}

/** A meeting with its attendance counted by status (no per-member rows): what figures over many branches need. */
export interface MeetingTally {
  id: string;
  branchId: string;
  kind: MeetingKind;
  title: string;
  at: number;
  present: number;
  excused: number;
  absent: number;
}

export interface StudyEvent {
  id: string;
  memberId: string;
  courseId: string;
  at: number;
  seconds: number;
  /** 0..1 fraction of the course completed in this session (cumulative progress is the max). */
  progress: number;
}

export interface AnswerEvent {
  id: string;
  memberId: string;
  questionId: string;
  at: number;
  correct: boolean;
  seconds: number;
}

export interface Transfer {
  id: string;
  memberId: string;
  kind: TransferKind;
  fromBranchId: string | null;
  toBranchId: string | null;
  at: number;
  reason: string;
}

export interface Mastery {
  memberId: string;
  topicId: string;
  p: number;
  updatedAt: number;
}

/**
 * A branch member as the recommender's social signals see them (one set-based read per page of branches):
 * the topics of their stored gaps, and their study sessions per course since a given time.
 */
export interface BranchPeer {
  memberId: string;
  branchId: string;
  /** Topic ids of the member's stored gaps (HAS_GAP), sorted. */
  gapTopicIds: string[];
  /** Study sessions since the asked time, per course (sorted by course id): how many, and the highest progress reached. */
  studies: { courseId: string; sessions: number; maxProgress: number }[];
}

/** One member's stored learner rows, read together (GraphStore.getLearnerRows). */
export interface LearnerRows {
  /** As getMasteryForMembers gives them: ordered by topic id. */
  mastery: Mastery[];
  /** As getGapsForMembers gives them: highest severity first, then by topic id. */
  gaps: Gap[];
  /** The newest plan, as getStudyPlan gives it. */
  plan: StudyPlan | null;
}

export interface Gap {
  memberId: string;
  topicId: string;
  /** 0..1, higher is more urgent. */
  severity: number;
  /**
   * Reasons, each naming its evidence, each a JSON reason code with parameters (`{"code":…,"params":…}`,
   * rendered per language by the server); rows written before codes hold zh-CN text, read as it is.
   */
  reasons: string[];
  updatedAt: number;
}

export interface StudyPlanItem {
  courseId: string;
  week: number;
  order: number;
  due: number;
  minutes: number;
  /** Topic ids this item is meant to close. */
  topicIds: string[];
  /** Why the item is in the plan: a JSON list of reason codes with parameters (older plans: zh-CN text). */
  reason: string;
  kind: 'LEARN' | 'REVIEW';
}

export interface StudyPlan {
  id: string;
  memberId: string;
  createdAt: number;
  minutesPerWeek: number;
  weeks: number;
  startsAt: number;
  items: StudyPlanItem[];
}

export interface AccessRecord {
  id: string;
  at: number;
  viewerId: string;
  action: string;
  targetKind: string;
  targetId: string;
  /** Writes: OK or the error code; denied attempts: the code. Absent for reads and account actions. */
  outcome?: string;
}

/** A member's recent events, newest first, as returned by one indexed read. */
export interface MemberHistory {
  studies: StudyEvent[];
  answers: AnswerEvent[];
  attendance: (Attendance & { at: number; kind: MeetingKind })[];
}

/**
 * One stored version of a rules-catalogue rule: new parameters in force from a calendar day. Written
 * once per (rule, version); `id` is `${ruleId}@${version}`.
 */
export interface RuleOverrideRecord {
  id: string;
  ruleId: string;
  version: number;
  /** The complete parameters of this version, as a JSON object text. */
  params: string;
  /** First day in force, 'YYYY-MM-DD' in China Standard Time. */
  effectiveFrom: string;
  reason: string;
  /** Member id of the administrator who made it. */
  createdBy: string;
  createdAt: number;
}

export interface EmbeddingRow {
  id: string;
  vector: number[];
  embedderId: string;
  contentHash: string;
}
export interface EmbeddingMeta {
  id: string;
  embedderId: string | null;
  contentHash: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}
