/**
 * The production GraphStore on Neo4j 5.26 (chosen when NEO4J_URI is set). This class only wires the
 * interface to the operation sets beside it; sessions, transactions and error translation live in
 * executor.ts, every statement in queries.ts / ddl.ts / bulk-queries.ts (linted by test/neo4j-lint.test.ts).
 */
import type {
  AccessRecord, AnswerEvent, AttendanceStatus, Branch, Committee, EmbeddableKind, EmbeddingRow, Gap, Group,
  Mastery, MeetingKind, Question, StudyEvent, StudyPlan, Topic, TopicTag, University, RuleOverrideRecord,
} from '../model';
import type {
  CourseFilter, CoursePatch, GraphStore, MemberFilter, MemberPatch, MoveMember, NewCourse, NewMeeting, NewMember,
  Progress, QuestionFilter, StoreHealth,
} from '../store';
import type { AppraisalRound, Ballot, SelfAssessment, TalkFilter, TalkRecord } from '../appraisal';
import { AppraisalOps } from './appraisal';
import type { AccessToken, AccountPatch, AuthSession, NewAccount } from '../accounts';
import { AccountOps } from './accounts';
import type { BatchEvent, OutboxCompletion } from '../event-batch';
import type { MemberLearning } from '../learning-summary';
import { recordEventBatch } from './batch-events';
import * as outbox from './outbox';
import * as learningSummary from './learning-summary';
import { bulkLoad, exportBulk } from './bulk';
import { CurriculumOps } from './curriculum';
import * as emb from './embeddings';
import * as events from './events';
import { readBranchFacts } from './rule-facts';
import { DEFAULT_TIMEOUTS, Executor, type ExecutorTimeouts, type Neo4jConnection } from './executor';
import type { TaggedKind } from './labels';
import type {
  DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, TransferCase, TransferCaseStatus,
} from '../affairs-model';
import type { TransferCasePatch } from '../affairs-store';
import { AffairsOps } from './affairs';
import { RecordsOps } from './records';
import type { ImportedProfile, MemberRecord } from '../records-model';
import { LearnerOps } from './learner';
import { AuditOps } from './audit';
import type { AuditCheckpoint } from '../audit-log';
import { LifeOps } from './life';
import { MemberOps } from './members';
import { OrgOps } from './org';
import { RuleOps } from './rules';
import { clearAll, createSchema, ensureVectorIndex, storeHealth } from './schema';
import * as tags from './tags';

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private readonly ex: Executor;
  private readonly org: OrgOps;
  private readonly members: MemberOps;
  private readonly curriculum: CurriculumOps;
  private readonly life: LifeOps;
  private readonly learner: LearnerOps;
  private readonly audit: AuditOps;
  private readonly appraisal: AppraisalOps;
  private readonly accounts: AccountOps;
  private readonly affairs: AffairsOps;
  private readonly records: RecordsOps;
  private readonly ruleOps: RuleOps;

  /**
   * Creating the store opens no connection; the driver connects on first use. `timeouts` bound how long a
   * call waits for an unreachable server before it fails with UNAVAILABLE.
   */
  constructor(cfg: Neo4jConnection, timeouts: Partial<ExecutorTimeouts> = {}) {
    this.ex = new Executor(cfg, { ...DEFAULT_TIMEOUTS, ...timeouts });
    this.org = new OrgOps(this.ex);
    this.members = new MemberOps(this.ex);
    this.curriculum = new CurriculumOps(this.ex);
    this.life = new LifeOps(this.ex);
    this.learner = new LearnerOps(this.ex);
    this.audit = new AuditOps(this.ex);
    this.appraisal = new AppraisalOps(this.ex);
    this.accounts = new AccountOps(this.ex);
    this.affairs = new AffairsOps(this.ex);
    this.records = new RecordsOps(this.ex);
    this.ruleOps = new RuleOps(this.ex);
  }

  // ---- lifecycle ----
  async init(): Promise<void> {
    await createSchema(this.ex);
    await this.audit.adoptLegacyAccess();
  }
  close(): Promise<void> { return this.ex.close(); }
  health(): Promise<StoreHealth> { return storeHealth(this.ex); }
  isEmpty(): Promise<boolean> { return this.org.isEmpty(); }
  clear(): Promise<void> { return clearAll(this.ex); }
  bulkLoad(dir: string, onProgress?: Progress) { return bulkLoad(this.ex, dir, () => this.isEmpty(), onProgress); }
  exportBulk(dir: string, onProgress?: Progress) { return exportBulk(this.ex, dir, onProgress); }

  // ---- organization ----
  getUniversity() { return this.org.getUniversity(); }
  listCommittees() { return this.org.listCommittees(); }
  getCommitteesByIds(ids: string[]) { return this.org.getCommitteesByIds(ids); }
  listBranches(committeeIds?: string[]) { return this.org.listBranches(committeeIds); }
  getBranchesByIds(ids: string[]) { return this.org.getBranchesByIds(ids); }
  listGroups(branchId: string) { return this.org.listGroups(branchId); }
  createUniversity(u: University) { return this.org.createUniversity(u); }
  createCommittee(c: Committee) { return this.org.createCommittee(c); }
  createBranch(b: Branch) { return this.org.createBranch(b); }
  createGroup(g: Group) { return this.org.createGroup(g); }

  // ---- members ----
  getMembersByIds(ids: string[]) { return this.members.getMembersByIds(ids); }
  listMembers(filter: MemberFilter, first: number, after?: string | null) { return this.members.listMembers(filter, first, after); }
  createMember(m: NewMember) { return this.members.createMember(m); }
  updateMember(id: string, patch: MemberPatch) { return this.members.updateMember(id, patch); }
  moveMember(move: MoveMember) { return this.members.moveMember(move); }
  listTransfers(memberId: string) { return this.members.listTransfers(memberId); }

  // ---- curriculum ----
  listTopics() { return this.curriculum.listTopics(); }
  upsertTopic(t: Topic) { return this.curriculum.upsertTopic(t); }
  getCoursesByIds(ids: string[]) { return this.curriculum.getCoursesByIds(ids); }
  listCourses(filter: CourseFilter, first: number, after?: string | null) { return this.curriculum.listCourses(filter, first, after); }
  createCourse(c: NewCourse) { return this.curriculum.createCourse(c); }
  updateCourse(id: string, patch: CoursePatch) { return this.curriculum.updateCourse(id, patch); }
  getQuestionsByIds(ids: string[]) { return this.curriculum.getQuestionsByIds(ids); }
  listQuestions(filter: QuestionFilter, first: number, after?: string | null) { return this.curriculum.listQuestions(filter, first, after); }
  upsertQuestion(q: Question) { return this.curriculum.upsertQuestion(q); }
  replaceAutoTags(kind: TaggedKind, id: string, t: TopicTag[]) { return tags.replaceAutoTags(this.ex, kind, id, t); }
  setManualTags(kind: TaggedKind, id: string, t: TopicTag[]) { return tags.setManualTags(this.ex, kind, id, t); }

  // ---- organizational life ----
  createMeeting(m: NewMeeting) { return this.life.createMeeting(m); }
  getMeetingsByIds(ids: string[]) { return this.life.getMeetingsByIds(ids); }
  listMeetings(branchIds: string[], from: number, to: number, kinds?: MeetingKind[]) { return this.life.listMeetings(branchIds, from, to, kinds); }
  recordAttendance(meetingId: string, rows: { memberId: string; status: AttendanceStatus; reason?: string | null }[]) { return this.life.recordAttendance(meetingId, rows); }
  listAttendance(meetingIds: string[]) { return this.life.listAttendance(meetingIds); }
  listMeetingTallies(branchIds: string[], from: number, to: number) { return this.life.listMeetingTallies(branchIds, from, to); }

  // ---- learning events ----
  recordStudy(e: StudyEvent) { return events.recordStudy(this.ex, e); }
  recordAnswer(e: AnswerEvent) { return events.recordAnswer(this.ex, e); }
  getMemberHistory(memberId: string, opts: { limit: number; since?: number }) { return events.getMemberHistory(this.ex, memberId, opts); }
  getHistoriesForMembers(memberIds: string[], opts: { limit: number; since?: number }) {
    return events.getHistoriesForMembers(this.ex, memberIds, opts);
  }
  countStudiesByCourse(opts: { branchIds?: string[]; since?: number }) { return events.countStudiesByCourse(this.ex, opts); }

  // ---- group commit and outbox (graph/event-batch.ts) ----
  recordEventBatch(batch: BatchEvent[], access: AccessRecord[]) { return recordEventBatch(this.ex, batch, access); }
  listOutbox(limit: number) { return outbox.listOutbox(this.ex, limit); }
  completeOutbox(c: OutboxCompletion) { return outbox.completeOutbox(this.ex, c); }
  outboxAppliedCounts(memberIds?: string[]) { return outbox.outboxAppliedCounts(this.ex, memberIds); }

  // ---- maintained learning summaries (graph/learning-summary.ts) ----
  saveMemberLearning(rows: MemberLearning[]) { return learningSummary.saveMemberLearning(this.ex, rows); }
  getBranchLearning(branchIds: string[]) { return learningSummary.getBranchLearning(this.ex, branchIds); }
  listStaleMemberLearning(asOf: number, limit: number) { return learningSummary.listStaleMemberLearning(this.ex, asOf, limit); }

  // ---- learner model ----
  getMasteryForMembers(memberIds: string[]) { return this.learner.getMasteryForMembers(memberIds); }
  upsertMastery(rows: Mastery[]) { return this.learner.upsertMastery(rows); }
  getGapsForMembers(memberIds: string[]) { return this.learner.getGapsForMembers(memberIds); }
  replaceGaps(memberId: string, gaps: Gap[]) { return this.learner.replaceGaps(memberId, gaps); }
  saveStudyPlan(plan: StudyPlan) { return this.learner.saveStudyPlan(plan); }
  getStudyPlan(memberId: string) { return this.learner.getStudyPlan(memberId); }

  // ---- embeddings and search ----
  getEmbeddingMeta(kind: EmbeddableKind) { return emb.getEmbeddingMeta(this.ex, kind); }
  setEmbeddings(kind: EmbeddableKind, rows: EmbeddingRow[]) { return emb.setEmbeddings(this.ex, kind, rows); }
  getEmbeddings(kind: EmbeddableKind, ids: string[]) { return emb.getEmbeddings(this.ex, kind, ids); }
  ensureVectorIndex(kind: EmbeddableKind, dimensions: number) { return ensureVectorIndex(this.ex, kind, dimensions); }
  vectorSearch(kind: EmbeddableKind, vector: number[], k: number) { return emb.vectorSearch(this.ex, kind, vector, k); }
  keywordSearch(kind: 'Course' | 'Topic', terms: string[], k: number) { return emb.keywordSearch(this.ex, kind, terms, k); }

  // ---- audit ----
  listRuleOverrides() { return this.ruleOps.listRuleOverrides(); }
  readBranchFacts(branchIds: string[], from: number, to: number) { return readBranchFacts(this.ex, branchIds, from, to); }
  createRuleOverride(o: RuleOverrideRecord) { return this.ruleOps.createRuleOverride(o); }
  appendAccess(records: AccessRecord[]) { return this.audit.appendAccess(records); }
  listAccess(opts: { viewerId?: string; targetId?: string; limit: number }) { return this.audit.listAccess(opts); }
  auditHead() { return this.audit.auditHead(); }
  listAudit(opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number }) { return this.audit.listAudit(opts); }
  getAuditCheckpoint() { return this.audit.getAuditCheckpoint(); }
  pruneAudit(cp: AuditCheckpoint) { return this.audit.pruneAudit(cp); }

  // ---- appraisal and talk records ----
  createAppraisalRound(r: AppraisalRound, sealedKey: string) { return this.appraisal.createAppraisalRound(r, sealedKey); }
  getAppraisalRoundsByIds(ids: string[]) { return this.appraisal.getAppraisalRoundsByIds(ids); }
  listAppraisalRounds(branchIds: string[]) { return this.appraisal.listAppraisalRounds(branchIds); }
  getAppraisalRoundKey(roundId: string) { return this.appraisal.getAppraisalRoundKey(roundId); }
  closeAppraisalRound(roundId: string, at: number) { return this.appraisal.closeAppraisalRound(roundId, at); }
  recordBallotIssue(roundId: string, memberId: string, blindedHash: string) { return this.appraisal.recordBallotIssue(roundId, memberId, blindedHash); }
  countBallotIssues(roundId: string) { return this.appraisal.countBallotIssues(roundId); }
  hasBallotIssue(roundId: string, memberId: string) { return this.appraisal.hasBallotIssue(roundId, memberId); }
  storeBallot(b: Ballot) { return this.appraisal.storeBallot(b); }
  listBallots(roundId: string) { return this.appraisal.listBallots(roundId); }
  upsertSelfAssessment(a: SelfAssessment) { return this.appraisal.upsertSelfAssessment(a); }
  listSelfAssessments(roundIds: string[], memberIds?: string[]) { return this.appraisal.listSelfAssessments(roundIds, memberIds); }
  createTalkRecord(t: TalkRecord) { return this.appraisal.createTalkRecord(t); }
  getTalkRecordsByIds(ids: string[]) { return this.appraisal.getTalkRecordsByIds(ids); }
  listTalkRecords(f: TalkFilter) { return this.appraisal.listTalkRecords(f); }
  countTalkRecords(branchIds: string[] | null, from: number, to: number) { return this.appraisal.countTalkRecords(branchIds, from, to); }
  // ---- accounts, sessions, tokens ----
  getAccount(memberId: string) { return this.accounts.getAccount(memberId); }
  findAccountByLogin(loginName: string) { return this.accounts.findAccountByLogin(loginName); }
  createAccount(a: NewAccount) { return this.accounts.createAccount(a); }
  updateAccount(memberId: string, patch: AccountPatch) { return this.accounts.updateAccount(memberId, patch); }
  addFailedSignIn(memberId: string) { return this.accounts.addFailedSignIn(memberId); }
  createAuthSession(s: AuthSession) { return this.accounts.createAuthSession(s); }
  getAuthSession(id: string) { return this.accounts.getAuthSession(id); }
  touchAuthSession(id: string, at: number) { return this.accounts.touchAuthSession(id, at); }
  revokeAuthSessions(memberId: string, at: number, opts?: { only?: string; except?: string }) { return this.accounts.revokeAuthSessions(memberId, at, opts); }
  listAuthSessions(memberId: string, now: number) { return this.accounts.listAuthSessions(memberId, now); }
  createAccessToken(t: AccessToken) { return this.accounts.createAccessToken(t); }
  getAccessToken(id: string) { return this.accounts.getAccessToken(id); }
  listAccessTokens(memberId: string) { return this.accounts.listAccessTokens(memberId); }
  revokeAccessTokens(memberId: string, at: number, opts?: { only?: string }) { return this.accounts.revokeAccessTokens(memberId, at, opts); }
  touchAccessToken(id: string, at: number) { return this.accounts.touchAccessToken(id, at); }
  // ---- absence reasons, minutes history, member records, imported profiles ----
  listAbsenceReasons(meetingIds: string[]) { return this.records.listAbsenceReasons(meetingIds); }
  updateMeetingRecord(meetingId: string, record: string, edit: { id: string; at: number; by: string }) { return this.records.updateMeetingRecord(meetingId, record, edit); }
  listMeetingEdits(meetingIds: string[]) { return this.records.listMeetingEdits(meetingIds); }
  getMemberRecords(memberIds: string[]) { return this.records.getMemberRecords(memberIds); }
  saveMemberRecord(r: MemberRecord, expectVersion: number, phone?: string | null) { return this.records.saveMemberRecord(r, expectVersion, phone); }
  saveImportedProfile(p: ImportedProfile) { return this.records.saveImportedProfile(p); }
  listImportedProfiles(memberIds: string[]) { return this.records.listImportedProfiles(memberIds); }
  deleteImportedProfile(id: string, memberId: string) { return this.records.deleteImportedProfile(id, memberId); }

  // ---- party affairs ----
  addMilestone(m: Milestone, expectLatest: string | null) { return this.affairs.addMilestone(m, expectLatest); }
  listMilestones(memberIds: string[]) { return this.affairs.listMilestones(memberIds); }
  setDuesStandard(st: DuesStandard) { return this.affairs.setDuesStandard(st); }
  listDuesStandards(memberIds: string[], year?: number) { return this.affairs.listDuesStandards(memberIds, year); }
  recordDuesPayment(p: DuesPayment) { return this.affairs.recordDuesPayment(p); }
  listDuesPayments(memberIds: string[]) { return this.affairs.listDuesPayments(memberIds); }
  createTransferCase(c: TransferCase) { return this.affairs.createTransferCase(c); }
  advanceTransferCase(id: string, expect: TransferCaseStatus, patch: TransferCasePatch) { return this.affairs.advanceTransferCase(id, expect, patch); }
  getTransferCasesByIds(ids: string[]) { return this.affairs.getTransferCasesByIds(ids); }
  listTransferCases(f: { branchIds?: string[]; memberIds?: string[]; statuses?: TransferCaseStatus[] }) { return this.affairs.listTransferCases(f); }
  createNotice(n: Notice) { return this.affairs.createNotice(n); }
  getNoticesByIds(ids: string[]) { return this.affairs.getNoticesByIds(ids); }
  listNotices(audiences: { audience: NoticeAudience; id: string }[]) { return this.affairs.listNotices(audiences); }
  markNoticeRead(noticeId: string, memberId: string, at: number) { return this.affairs.markNoticeRead(noticeId, memberId, at); }
  listNoticeReads(noticeIds: string[]) { return this.affairs.listNoticeReads(noticeIds); }
}
