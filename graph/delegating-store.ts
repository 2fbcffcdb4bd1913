/**
 * The GraphStore methods both adapters share, written once: each call is forwarded to the part of the
 * adapter that answers it (its organization queries, its event writes, ...). An adapter builds its parts
 * over its own executor and adds only what differs between stores: lifecycle, health and bulk load.
 *
 * The methods sit on this class's prototype, so code that wraps a store's methods in place or through a
 * Proxy (write listeners, call counters) finds every one of them as before.
 */
import type {
  AccessRecord,
  AnswerEvent,
  AttendanceStatus,
  Branch,
  Committee,
  EmbeddableKind,
  EmbeddingRow,
  Gap,
  Group,
  Mastery,
  MeetingKind,
  Question,
  RuleOverrideRecord,
  StudyEvent,
  StudyPlan,
  Topic,
  TopicTag,
  University,
} from './model';
import type {
  CourseFilter,
  CoursePatch,
  GraphStore,
  MemberFilter,
  MemberPatch,
  MoveMember,
  NewCourse,
  NewMeeting,
  NewMember,
  Progress,
  StoreHealth,
  QuestionFilter,
} from './store';
import type { AppraisalRound, Ballot, SelfAssessment, TalkFilter, TalkRecord } from './appraisal';
import type { AccessToken, AccountPatch, AuthSession, NewAccount } from './accounts';
import type { AuditCheckpoint } from './audit-log';
import type { BatchEvent, OutboxCompletion } from './event-batch';
import type { MemberLearning } from './learning-summary';
import type { DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, TransferCase, TransferCaseStatus } from './affairs-model';
import type { TransferCasePatch } from './affairs-store';
import type { ImportedProfile, MemberRecord } from './records-model';
import type { PipelineGuard, RecordGuard } from './write-checks';

type Part<K extends keyof GraphStore> = Pick<GraphStore, K>;
type TaggedKind = 'Course' | 'Question' | 'Meeting';

/** What an adapter supplies: one object per area, each answering that area's GraphStore methods. */
export interface StoreParts {
  org: Part<
    | 'getUniversity'
    | 'listCommittees'
    | 'getCommitteesByIds'
    | 'listBranches'
    | 'getBranchesByIds'
    | 'listGroups'
    | 'listGroupsOfBranches'
    | 'createUniversity'
    | 'createCommittee'
    | 'createBranch'
    | 'createGroup'
  >;
  members: Part<'getMembersByIds' | 'listMembers' | 'createMember' | 'updateMember' | 'moveMember' | 'listTransfers'>;
  curriculum: Part<'listTopics' | 'upsertTopic' | 'getCoursesByIds' | 'listCourses' | 'createCourse' | 'updateCourse' | 'getQuestionsByIds' | 'listQuestions' | 'upsertQuestion'>;
  tags: Part<'replaceAutoTags' | 'setManualTags'>;
  life: Part<'createMeeting' | 'getMeetingsByIds' | 'listMeetings' | 'recordAttendance' | 'listAttendance' | 'listMeetingTallies'>;
  events: Part<'recordStudy' | 'recordAnswer' | 'getMemberHistory' | 'getHistoriesForMembers' | 'countStudiesByCourse'>;
  eventBatch: Part<'recordEventBatch' | 'listOutbox' | 'completeOutbox' | 'outboxAppliedCounts'>;
  learningSummary: Part<'saveMemberLearning' | 'getBranchLearning' | 'listStaleMemberLearning'>;
  learner: Part<
    | 'getMasteryForMembers'
    | 'upsertMastery'
    | 'getGapsForMembers'
    | 'replaceGaps'
    | 'saveStudyPlan'
    | 'getStudyPlan'
    | 'getStudyPlansForMembers'
    | 'getLearnerRows'
    | 'listBranchPeers'
  >;
  search: Part<'getEmbeddingMeta' | 'setEmbeddings' | 'getEmbeddings' | 'ensureVectorIndex' | 'vectorSearch' | 'keywordSearch'>;
  records: Part<
    | 'listAbsenceReasons'
    | 'updateMeetingRecord'
    | 'listMeetingEdits'
    | 'getMemberRecords'
    | 'saveMemberRecord'
    | 'saveImportedProfile'
    | 'listImportedProfiles'
    | 'deleteImportedProfile'
  >;
  affairs: Part<
    | 'addMilestone'
    | 'listMilestones'
    | 'setDuesStandard'
    | 'listDuesStandards'
    | 'recordDuesPayment'
    | 'listDuesPayments'
    | 'createTransferCase'
    | 'advanceTransferCase'
    | 'getTransferCasesByIds'
    | 'listTransferCases'
    | 'createNotice'
    | 'getNoticesByIds'
    | 'listNotices'
    | 'markNoticeRead'
    | 'listNoticeReads'
  >;
  rules: Part<'listRuleOverrides' | 'createRuleOverride'>;
  ruleFacts: Part<'readBranchFacts'>;
  audit: Part<'appendAccess' | 'listAccess' | 'auditHead' | 'listAudit' | 'getAuditCheckpoint' | 'pruneAudit'>;
  appraisal: Part<
    | 'createAppraisalRound'
    | 'getAppraisalRoundsByIds'
    | 'listAppraisalRounds'
    | 'getAppraisalRoundKey'
    | 'closeAppraisalRound'
    | 'recordBallotIssue'
    | 'countBallotIssues'
    | 'hasBallotIssue'
    | 'storeBallot'
    | 'listBallots'
    | 'upsertSelfAssessment'
    | 'listSelfAssessments'
    | 'createTalkRecord'
    | 'getTalkRecordsByIds'
    | 'listTalkRecords'
    | 'countTalkRecords'
  >;
  accounts: Part<
    | 'getAccount'
    | 'findAccountByLogin'
    | 'createAccount'
    | 'updateAccount'
    | 'addFailedSignIn'
    | 'createAuthSession'
    | 'getAuthSession'
    | 'touchAuthSession'
    | 'revokeAuthSessions'
    | 'listAuthSessions'
    | 'createAccessToken'
    | 'getAccessToken'
    | 'listAccessTokens'
    | 'revokeAccessTokens'
    | 'touchAccessToken'
  >;
}

/** A set of functions that take the adapter's executor first. */
type ExecutorFns<E> = Record<string, (ex: E, ...args: never[]) => unknown>;
type Bound<E, F extends ExecutorFns<E>> = {
  [K in keyof F]: F[K] extends (ex: E, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** Functions of the form `f(ex, ...args)` as a part: `f(...args)`, bound to one executor. */
export function bindExecutor<E, F extends ExecutorFns<E>>(ex: E, fns: F): Bound<E, F> {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(fns)) out[name] = (...args: never[]) => fn(ex, ...args);
  return out as Bound<E, F>;
}

export abstract class DelegatingStore implements GraphStore {
  abstract readonly backend: 'kuzu' | 'neo4j';
  protected constructor(private readonly parts: StoreParts) {}

  // ---- lifecycle (per adapter) ----
  abstract init(): Promise<void>;
  abstract close(): Promise<void>;
  abstract health(): Promise<StoreHealth>;
  abstract isEmpty(): Promise<boolean>;
  abstract clear(): Promise<void>;
  abstract bulkLoad(dir: string, onProgress?: Progress): Promise<Record<string, number>>;
  abstract exportBulk(dir: string, onProgress?: Progress): Promise<Record<string, number>>;

  // ---- organization ----
  getUniversity() {
    return this.parts.org.getUniversity();
  }
  listCommittees() {
    return this.parts.org.listCommittees();
  }
  getCommitteesByIds(ids: string[]) {
    return this.parts.org.getCommitteesByIds(ids);
  }
  listBranches(committeeIds?: string[]) {
    return this.parts.org.listBranches(committeeIds);
  }
  getBranchesByIds(ids: string[]) {
    return this.parts.org.getBranchesByIds(ids);
  }
  listGroups(branchId: string) {
    return this.parts.org.listGroups(branchId);
  }
  listGroupsOfBranches(branchIds: string[]) {
    return this.parts.org.listGroupsOfBranches(branchIds);
  }
  createUniversity(u: University) {
    return this.parts.org.createUniversity(u);
  }
  createCommittee(c: Committee) {
    return this.parts.org.createCommittee(c);
  }
  createBranch(b: Branch) {
    return this.parts.org.createBranch(b);
  }
  createGroup(g: Group) {
    return this.parts.org.createGroup(g);
  }

  // ---- members ----
  getMembersByIds(ids: string[]) {
    return this.parts.members.getMembersByIds(ids);
  }
  listMembers(filter: MemberFilter, first: number, after?: string | null) {
    return this.parts.members.listMembers(filter, first, after);
  }
  createMember(m: NewMember) {
    return this.parts.members.createMember(m);
  }
  updateMember(id: string, patch: MemberPatch) {
    return this.parts.members.updateMember(id, patch);
  }
  moveMember(move: MoveMember) {
    return this.parts.members.moveMember(move);
  }
  listTransfers(memberId: string) {
    return this.parts.members.listTransfers(memberId);
  }

  // ---- curriculum ----
  listTopics() {
    return this.parts.curriculum.listTopics();
  }
  upsertTopic(t: Topic) {
    return this.parts.curriculum.upsertTopic(t);
  }
  getCoursesByIds(ids: string[]) {
    return this.parts.curriculum.getCoursesByIds(ids);
  }
  listCourses(filter: CourseFilter, first: number, after?: string | null) {
    return this.parts.curriculum.listCourses(filter, first, after);
  }
  createCourse(c: NewCourse) {
    return this.parts.curriculum.createCourse(c);
  }
  updateCourse(id: string, patch: CoursePatch) {
    return this.parts.curriculum.updateCourse(id, patch);
  }
  getQuestionsByIds(ids: string[]) {
    return this.parts.curriculum.getQuestionsByIds(ids);
  }
  listQuestions(filter: QuestionFilter, first: number, after?: string | null) {
    return this.parts.curriculum.listQuestions(filter, first, after);
  }
  upsertQuestion(q: Question) {
    return this.parts.curriculum.upsertQuestion(q);
  }
  replaceAutoTags(kind: TaggedKind, id: string, t: TopicTag[]) {
    return this.parts.tags.replaceAutoTags(kind, id, t);
  }
  setManualTags(kind: TaggedKind, id: string, t: TopicTag[]) {
    return this.parts.tags.setManualTags(kind, id, t);
  }

  // ---- organizational life ----
  createMeeting(m: NewMeeting) {
    return this.parts.life.createMeeting(m);
  }
  getMeetingsByIds(ids: string[]) {
    return this.parts.life.getMeetingsByIds(ids);
  }
  listMeetings(branchIds: string[], from: number, to: number, kinds?: MeetingKind[]) {
    return this.parts.life.listMeetings(branchIds, from, to, kinds);
  }
  recordAttendance(meetingId: string, rows: { memberId: string; status: AttendanceStatus; reason?: string | null }[]) {
    return this.parts.life.recordAttendance(meetingId, rows);
  }
  listAttendance(meetingIds: string[]) {
    return this.parts.life.listAttendance(meetingIds);
  }
  listMeetingTallies(branchIds: string[], from: number, to: number) {
    return this.parts.life.listMeetingTallies(branchIds, from, to);
  }

  // ---- learning events ----
  recordStudy(e: StudyEvent) {
    return this.parts.events.recordStudy(e);
  }
  recordAnswer(e: AnswerEvent) {
    return this.parts.events.recordAnswer(e);
  }
  getMemberHistory(memberId: string, opts: { limit: number; since?: number }) {
    return this.parts.events.getMemberHistory(memberId, opts);
  }
  getHistoriesForMembers(memberIds: string[], opts: { limit: number; since?: number }) {
    return this.parts.events.getHistoriesForMembers(memberIds, opts);
  }
  countStudiesByCourse(opts: { branchIds?: string[]; since?: number }) {
    return this.parts.events.countStudiesByCourse(opts);
  }

  // ---- group commit and outbox (graph/event-batch.ts) ----
  recordEventBatch(batch: BatchEvent[], access: AccessRecord[]) {
    return this.parts.eventBatch.recordEventBatch(batch, access);
  }
  listOutbox(limit: number) {
    return this.parts.eventBatch.listOutbox(limit);
  }
  completeOutbox(c: OutboxCompletion) {
    return this.parts.eventBatch.completeOutbox(c);
  }
  outboxAppliedCounts(memberIds?: string[]) {
    return this.parts.eventBatch.outboxAppliedCounts(memberIds);
  }

  // ---- maintained learning summaries (graph/learning-summary.ts) ----
  saveMemberLearning(rows: MemberLearning[]) {
    return this.parts.learningSummary.saveMemberLearning(rows);
  }
  getBranchLearning(branchIds: string[]) {
    return this.parts.learningSummary.getBranchLearning(branchIds);
  }
  listStaleMemberLearning(asOf: number, limit: number) {
    return this.parts.learningSummary.listStaleMemberLearning(asOf, limit);
  }

  // ---- learner model ----
  getMasteryForMembers(memberIds: string[]) {
    return this.parts.learner.getMasteryForMembers(memberIds);
  }
  upsertMastery(rows: Mastery[]) {
    return this.parts.learner.upsertMastery(rows);
  }
  getGapsForMembers(memberIds: string[]) {
    return this.parts.learner.getGapsForMembers(memberIds);
  }
  replaceGaps(memberId: string, gaps: Gap[]) {
    return this.parts.learner.replaceGaps(memberId, gaps);
  }
  saveStudyPlan(plan: StudyPlan) {
    return this.parts.learner.saveStudyPlan(plan);
  }
  getStudyPlan(memberId: string) {
    return this.parts.learner.getStudyPlan(memberId);
  }
  getStudyPlansForMembers(memberIds: string[]) {
    return this.parts.learner.getStudyPlansForMembers(memberIds);
  }
  getLearnerRows(memberId: string) {
    return this.parts.learner.getLearnerRows(memberId);
  }
  listBranchPeers(branchIds: string[], since: number) {
    return this.parts.learner.listBranchPeers(branchIds, since);
  }

  // ---- embeddings and search ----
  getEmbeddingMeta(kind: EmbeddableKind) {
    return this.parts.search.getEmbeddingMeta(kind);
  }
  setEmbeddings(kind: EmbeddableKind, rows: EmbeddingRow[]) {
    return this.parts.search.setEmbeddings(kind, rows);
  }
  getEmbeddings(kind: EmbeddableKind, ids: string[]) {
    return this.parts.search.getEmbeddings(kind, ids);
  }
  ensureVectorIndex(kind: EmbeddableKind, dimensions: number) {
    return this.parts.search.ensureVectorIndex(kind, dimensions);
  }
  vectorSearch(kind: EmbeddableKind, vector: number[], k: number) {
    return this.parts.search.vectorSearch(kind, vector, k);
  }
  keywordSearch(kind: 'Course' | 'Topic', terms: string[], k: number) {
    return this.parts.search.keywordSearch(kind, terms, k);
  }

  // ---- absence reasons, minutes history, member records, imported profiles ----
  listAbsenceReasons(meetingIds: string[]) {
    return this.parts.records.listAbsenceReasons(meetingIds);
  }
  updateMeetingRecord(meetingId: string, record: string, edit: { id: string; at: number; by: string }) {
    return this.parts.records.updateMeetingRecord(meetingId, record, edit);
  }
  listMeetingEdits(meetingIds: string[]) {
    return this.parts.records.listMeetingEdits(meetingIds);
  }
  getMemberRecords(memberIds: string[]) {
    return this.parts.records.getMemberRecords(memberIds);
  }
  saveMemberRecord(r: MemberRecord, expectVersion: number, phone?: string | null, pipeline?: PipelineGuard) {
    return this.parts.records.saveMemberRecord(r, expectVersion, phone, pipeline);
  }
  saveImportedProfile(p: ImportedProfile) {
    return this.parts.records.saveImportedProfile(p);
  }
  listImportedProfiles(memberIds: string[]) {
    return this.parts.records.listImportedProfiles(memberIds);
  }
  deleteImportedProfile(id: string, memberId: string) {
    return this.parts.records.deleteImportedProfile(id, memberId);
  }

  // ---- party affairs ----
  addMilestone(m: Milestone, expectLatest: string | null, record?: RecordGuard) {
    return this.parts.affairs.addMilestone(m, expectLatest, record);
  }
  listMilestones(memberIds: string[]) {
    return this.parts.affairs.listMilestones(memberIds);
  }
  setDuesStandard(st: DuesStandard) {
    return this.parts.affairs.setDuesStandard(st);
  }
  listDuesStandards(memberIds: string[], year?: number) {
    return this.parts.affairs.listDuesStandards(memberIds, year);
  }
  recordDuesPayment(p: DuesPayment) {
    return this.parts.affairs.recordDuesPayment(p);
  }
  listDuesPayments(memberIds: string[]) {
    return this.parts.affairs.listDuesPayments(memberIds);
  }
  createTransferCase(c: TransferCase) {
    return this.parts.affairs.createTransferCase(c);
  }
  advanceTransferCase(id: string, expect: TransferCaseStatus, patch: TransferCasePatch) {
    return this.parts.affairs.advanceTransferCase(id, expect, patch);
  }
  getTransferCasesByIds(ids: string[]) {
    return this.parts.affairs.getTransferCasesByIds(ids);
  }
  listTransferCases(f: { branchIds?: string[]; memberIds?: string[]; statuses?: TransferCaseStatus[] }) {
    return this.parts.affairs.listTransferCases(f);
  }
  createNotice(n: Notice) {
    return this.parts.affairs.createNotice(n);
  }
  getNoticesByIds(ids: string[]) {
    return this.parts.affairs.getNoticesByIds(ids);
  }
  listNotices(audiences: { audience: NoticeAudience; id: string }[]) {
    return this.parts.affairs.listNotices(audiences);
  }
  markNoticeRead(noticeId: string, memberId: string, at: number) {
    return this.parts.affairs.markNoticeRead(noticeId, memberId, at);
  }
  listNoticeReads(noticeIds: string[]) {
    return this.parts.affairs.listNoticeReads(noticeIds);
  }

  // ---- rules catalogue overrides ----
  listRuleOverrides() {
    return this.parts.rules.listRuleOverrides();
  }
  readBranchFacts(branchIds: string[], from: number, to: number) {
    return this.parts.ruleFacts.readBranchFacts(branchIds, from, to);
  }
  createRuleOverride(o: RuleOverrideRecord) {
    return this.parts.rules.createRuleOverride(o);
  }

  // ---- audit ----
  appendAccess(records: AccessRecord[]) {
    return this.parts.audit.appendAccess(records);
  }
  listAccess(opts: { viewerId?: string; targetId?: string; limit: number }) {
    return this.parts.audit.listAccess(opts);
  }
  auditHead() {
    return this.parts.audit.auditHead();
  }
  listAudit(opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number }) {
    return this.parts.audit.listAudit(opts);
  }
  getAuditCheckpoint() {
    return this.parts.audit.getAuditCheckpoint();
  }
  pruneAudit(cp: AuditCheckpoint) {
    return this.parts.audit.pruneAudit(cp);
  }

  // ---- appraisal and talk records ----
  createAppraisalRound(r: AppraisalRound, sealedKey: string) {
    return this.parts.appraisal.createAppraisalRound(r, sealedKey);
  }
  getAppraisalRoundsByIds(ids: string[]) {
    return this.parts.appraisal.getAppraisalRoundsByIds(ids);
  }
  listAppraisalRounds(branchIds: string[]) {
    return this.parts.appraisal.listAppraisalRounds(branchIds);
  }
  getAppraisalRoundKey(roundId: string) {
    return this.parts.appraisal.getAppraisalRoundKey(roundId);
  }
  closeAppraisalRound(roundId: string, at: number) {
    return this.parts.appraisal.closeAppraisalRound(roundId, at);
  }
  recordBallotIssue(roundId: string, memberId: string, blindedHash: string) {
    return this.parts.appraisal.recordBallotIssue(roundId, memberId, blindedHash);
  }
  countBallotIssues(roundId: string) {
    return this.parts.appraisal.countBallotIssues(roundId);
  }
  hasBallotIssue(roundId: string, memberId: string) {
    return this.parts.appraisal.hasBallotIssue(roundId, memberId);
  }
  storeBallot(b: Ballot) {
    return this.parts.appraisal.storeBallot(b);
  }
  listBallots(roundId: string) {
    return this.parts.appraisal.listBallots(roundId);
  }
  upsertSelfAssessment(a: SelfAssessment) {
    return this.parts.appraisal.upsertSelfAssessment(a);
  }
  listSelfAssessments(roundIds: string[], memberIds?: string[]) {
    return this.parts.appraisal.listSelfAssessments(roundIds, memberIds);
  }
  createTalkRecord(t: TalkRecord) {
    return this.parts.appraisal.createTalkRecord(t);
  }
  getTalkRecordsByIds(ids: string[]) {
    return this.parts.appraisal.getTalkRecordsByIds(ids);
  }
  listTalkRecords(f: TalkFilter) {
    return this.parts.appraisal.listTalkRecords(f);
  }
  countTalkRecords(branchIds: string[] | null, from: number, to: number) {
    return this.parts.appraisal.countTalkRecords(branchIds, from, to);
  }
  // ---- accounts, sessions, tokens ----
  getAccount(memberId: string) {
    return this.parts.accounts.getAccount(memberId);
  }
  findAccountByLogin(loginName: string) {
    return this.parts.accounts.findAccountByLogin(loginName);
  }
  createAccount(a: NewAccount) {
    return this.parts.accounts.createAccount(a);
  }
  updateAccount(memberId: string, patch: AccountPatch) {
    return this.parts.accounts.updateAccount(memberId, patch);
  }
  addFailedSignIn(memberId: string) {
    return this.parts.accounts.addFailedSignIn(memberId);
  }
  createAuthSession(s: AuthSession) {
    return this.parts.accounts.createAuthSession(s);
  }
  getAuthSession(id: string) {
    return this.parts.accounts.getAuthSession(id);
  }
  touchAuthSession(id: string, at: number) {
    return this.parts.accounts.touchAuthSession(id, at);
  }
  revokeAuthSessions(memberId: string, at: number, opts?: { only?: string; except?: string }) {
    return this.parts.accounts.revokeAuthSessions(memberId, at, opts);
  }
  listAuthSessions(memberId: string, now: number) {
    return this.parts.accounts.listAuthSessions(memberId, now);
  }
  createAccessToken(t: AccessToken) {
    return this.parts.accounts.createAccessToken(t);
  }
  getAccessToken(id: string) {
    return this.parts.accounts.getAccessToken(id);
  }
  listAccessTokens(memberId: string) {
    return this.parts.accounts.listAccessTokens(memberId);
  }
  revokeAccessTokens(memberId: string, at: number, opts?: { only?: string }) {
    return this.parts.accounts.revokeAccessTokens(memberId, at, opts);
  }
  touchAccessToken(id: string, at: number) {
    return this.parts.accounts.touchAccessToken(id, at);
  }
}
