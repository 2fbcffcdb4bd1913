/**
 * The embedded GraphStore on Kuzu (the default backend). This class only wires the interface to the
 * query sets beside it; connections, transactions and error translation live in executor.ts, the
 * schema in schema.ts.
 */
import type {
  AccessRecord, AnswerEvent, AttendanceStatus, Branch, Committee, EmbeddableKind, EmbeddingRow, Gap,
  Group, Mastery, MeetingKind, Question, StudyEvent, StudyPlan, Topic, TopicTag, University,
  RuleOverrideRecord,
} from '../model';
import type {
  CourseFilter, CoursePatch, GraphStore, MemberFilter, MemberPatch, MoveMember, NewCourse, NewMeeting, NewMember,
  Progress, QuestionFilter,
} from '../store';
import type { AppraisalRound, Ballot, SelfAssessment, TalkFilter, TalkRecord } from '../appraisal';
import { AppraisalQueries } from './appraisal';
import type { AccessToken, AccountPatch, AuthSession, NewAccount } from '../accounts';
import type { AuditCheckpoint } from '../audit-log';
import { AccountQueries } from './accounts';
import type { BatchEvent, OutboxCompletion } from '../event-batch';
import type { MemberLearning } from '../learning-summary';
import type {
  DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, TransferCase, TransferCaseStatus,
} from '../affairs-model';
import type { TransferCasePatch } from '../affairs-store';
import { AffairsQueries } from './affairs';
import { RecordsQueries } from './records';
import type { ImportedProfile, MemberRecord } from '../records-model';
import { appendAccess, auditHead, getAuditCheckpoint, listAccess, listAudit, pruneAudit } from './audit';
import { recordEventBatch } from './batch-events';
import * as outbox from './outbox';
import * as learningSummary from './learning-summary';
import { bulkLoad, rawCopy } from './bulk';
import { CurriculumQueries } from './curriculum';
import * as emb from './embeddings';
import * as events from './events';
import { exportBulk } from './export';
import { KuzuExecutor } from './executor';
import { storeHealth } from './health';
import { LearnerQueries } from './learner';
import { LifeQueries } from './life';
import { MemberQueries } from './members';
import { OrgQueries } from './org';
import { RuleQueries } from './rules';
import { readBranchFacts } from './rule-facts';
import { dropAll, migrate } from './schema';
import { keywordSearch } from './search';
import * as tags from './tags';

export class KuzuStore implements GraphStore {
  readonly backend = 'kuzu' as const;
  private readonly ex: KuzuExecutor;
  private readonly org: OrgQueries;
  private readonly ruleOverrides: RuleQueries;
  private readonly members: MemberQueries;
  private readonly curriculum: CurriculumQueries;
  private readonly life: LifeQueries;
  private readonly learner: LearnerQueries;
  private readonly appraisal: AppraisalQueries;
  private readonly accounts: AccountQueries;
  private readonly affairs: AffairsQueries;
  private readonly records: RecordsQueries;

  /** `dir` is the data directory; the database file is `<dir>/hongtu.kuzu`. Nothing opens until init(). */
  constructor(opts: { dir: string }) {
    this.ex = new KuzuExecutor(opts.dir);
    this.org = new OrgQueries(this.ex);
    this.ruleOverrides = new RuleQueries(this.ex);
    this.members = new MemberQueries(this.ex);
    this.curriculum = new CurriculumQueries(this.ex);
    this.life = new LifeQueries(this.ex);
    this.learner = new LearnerQueries(this.ex);
    this.appraisal = new AppraisalQueries(this.ex);
    this.accounts = new AccountQueries(this.ex);
    this.affairs = new AffairsQueries(this.ex);
    this.records = new RecordsQueries(this.ex);
  }

  // ---- lifecycle ----
  async init(): Promise<void> { await migrate(this.ex); }
  close(): Promise<void> { return this.ex.close(); }
  health() { return storeHealth(this.ex); }
  async isEmpty(): Promise<boolean> { return (await this.org.getUniversity()) === null; }
  async clear(): Promise<void> {
    await dropAll(this.ex);
    await migrate(this.ex);
  }
  bulkLoad(dir: string, onProgress?: Progress) { return bulkLoad(this.ex, dir, onProgress); }
  exportBulk(dir: string, onProgress?: Progress) { return exportBulk(this.ex, dir, onProgress); }
  /** Kuzu's bare COPY FROM of a bulk directory, for the benchmark that compares it with bulkLoad. */
  rawCopy(dir: string) { return rawCopy(this.ex, dir); }

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
  replaceAutoTags(kind: tags.TaggedKind, id: string, t: TopicTag[]) { return tags.replaceAutoTags(this.ex, kind, id, t); }
  setManualTags(kind: tags.TaggedKind, id: string, t: TopicTag[]) { return tags.setManualTags(this.ex, kind, id, t); }

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
  ensureVectorIndex(kind: EmbeddableKind, dimensions: number) { return emb.ensureVectorIndex(this.ex, kind, dimensions); }
  vectorSearch(kind: EmbeddableKind, vector: number[], k: number) { return emb.vectorSearch(this.ex, kind, vector, k); }
  keywordSearch(kind: 'Course' | 'Topic', terms: string[], k: number) { return keywordSearch(this.ex, kind, terms, k); }

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

  // ---- rules catalogue overrides ----
  listRuleOverrides() { return this.ruleOverrides.listRuleOverrides(); }
  readBranchFacts(branchIds: string[], from: number, to: number) { return readBranchFacts(this.ex, branchIds, from, to); }
  createRuleOverride(o: RuleOverrideRecord) { return this.ruleOverrides.createRuleOverride(o); }

  // ---- audit ----
  appendAccess(records: AccessRecord[]) { return appendAccess(this.ex, records); }
  listAccess(opts: { viewerId?: string; targetId?: string; limit: number }) { return listAccess(this.ex, opts); }
  auditHead() { return auditHead(this.ex); }
  listAudit(opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number }) { return listAudit(this.ex, opts); }
  getAuditCheckpoint() { return getAuditCheckpoint(this.ex); }
  pruneAudit(cp: AuditCheckpoint) { return pruneAudit(this.ex, cp); }

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
}
