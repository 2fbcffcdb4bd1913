/**
 * Token handling over HTTP: every field but `health` (and the demo's sign-in fields) needs a valid
 * token; expired, foreign, unsigned, altered and mis-addressed tokens are UNAUTHENTICATED; a role
 * change applies to a token already in use; the production configuration has no sign-in shortcut
 * and no GraphiQL.
 */
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET, loadConfig } from '../../server/config';
import { signToken } from '../../server/auth/tokens';
import { startTestServer } from '../support/api-server';
import { clientDocument } from '../support/persisted';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();

/** One minimal operation per root field; the schema check below keeps this list complete. */
const ROOT: Record<string, string> = {
  accessRecords: '{ accessRecords(memberId: "m-a") { id } }',
  branch: '{ branch(id: "b-1") { name } }',
  branchGaps: '{ branchGaps(branchId: "b-1") { areas } }',
  branchLearningSummaries: '{ branchLearningSummaries(branchIds: ["b-1"]) { mastery } }',
  branchLife: '{ branchLife(branchId: "b-1", from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z") { missingCount } }',
  committee: '{ committee(id: "c-1") { name } }',
  course: '{ course(id: "course-1") { title } }',
  courses: '{ courses { totalCount } }',
  gaps: '{ gaps(memberId: "m-a") { severity } }',
  mastery: '{ mastery(memberId: "m-a") { modelId } }',
  meeting: '{ meeting(id: "mt-1") { title } }',
  meetings: '{ meetings(branchId: "b-1", from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z") { id } }',
  member: '{ member(id: "m-a") { name } }',
  members: '{ members { totalCount } }',
  practiceQuestions: '{ practiceQuestions(memberId: "m-a") { reason } }',
  questions: '{ questions { totalCount } }',
  recommendations: '{ recommendations(memberId: "m-a") { score } }',
  search: '{ search(query: "党章") { id } }',
  studyPlan: '{ studyPlan(memberId: "m-a") { id } }',
  suggestTopics: '{ suggestTopics(text: "党章") { id } }',
  topic: '{ topic(id: "history") { name } }',
  topicTree: '{ topicTree { id } }',
  topics: '{ topics { id } }',
  university: '{ university { name } }',
  viewer: '{ viewer { role } }',
  createCourse: 'mutation { createCourse(input: { title: "课", summary: "简介", kind: ARTICLE, minutes: 5 }) { id } }',
  createMeeting: 'mutation { createMeeting(input: { branchId: "b-1", kind: THEME_DAY, title: "会", at: "2025-01-05T00:00:00Z", minutes: 30 }) { id } }',
  createMember: 'mutation { createMember(input: { name: "人", kind: STUDENT, stage: APPLICANT, branchId: "b-1" }) { id } }',
  generateStudyPlan: 'mutation { generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 2) { id } }',
  moveMember: 'mutation { moveMember(input: { memberId: "m-a", toBranchId: "b-2", reason: "调动" }) { member { id } } }',
  recordAnswer: 'mutation { recordAnswer(input: { memberId: "m-a", questionId: "q-1", choice: 0, seconds: 5 }) { correct } }',
  recordAttendance: 'mutation { recordAttendance(input: { meetingId: "mt-1", rows: [{ memberId: "m-a", status: PRESENT }] }) { id } }',
  updateMeetingRecord: 'mutation { updateMeetingRecord(input: { meetingId: "mt-1", record: "x" }) { id } }',
  memberRecord: '{ memberRecord(memberId: "m-a") { version } }',
  updateMemberRecord: 'mutation { updateMemberRecord(input: { memberId: "m-a", expectVersion: 0 }) { version } }',
  withdrawProfileConsent: 'mutation { withdrawProfileConsent(transferId: "tc-1") { id } }',
  keepImportedProfile: 'mutation { keepImportedProfile(token: "x", memberId: "m-a") { id } }',
  importedProfiles: '{ importedProfiles(memberId: "m-a") { id } }',
  memberTransfers: '{ memberTransfers(memberId: "m-a") { id } }',
  discardImportedProfile: 'mutation { discardImportedProfile(memberId: "m-a", id: "x") { id } }',
  recordStudy: 'mutation { recordStudy(input: { memberId: "m-a", courseId: "course-1", seconds: 5, progress: 0.1 }) { created } }',
  updateCourse: 'mutation { updateCourse(id: "course-1", input: { minutes: 6 }) { id } }',
  updateMember: 'mutation { updateMember(id: "m-a", input: { name: "改" }) { id } }',
  myAccount: '{ myAccount { tokenMaxDays } }',
  obligations: '{ obligations(scope: { id: "b-1", kind: BRANCH }) { __typename } }',
  rule: '{ rule(id: "x") { __typename } }',
  rules: '{ rules { __typename } }',
  account: '{ account(memberId: "m-a") { loginName } }',
  accountList: '{ accountList { totalCount } }',
  signOutEverywhere: 'mutation { signOutEverywhere }',
  completeSsoSignIn: 'mutation { completeSsoSignIn(input: { totpCode: "123456" }) { step } }',
  endSession: 'mutation { endSession(id: "x") }',
  changePassword: 'mutation { changePassword(currentPassword: "a", newPassword: "b") }',
  startTotpEnrolment: 'mutation { startTotpEnrolment { secret } }',
  confirmTotpEnrolment: 'mutation { confirmTotpEnrolment(code: "123456") }',
  disableTotp: 'mutation { disableTotp(code: "123456") }',
  createAccessToken: 'mutation { createAccessToken(input: { name: "t", scope: READ, days: 1 }) { token } }',
  revokeAccessToken: 'mutation { revokeAccessToken(id: "x") }',
  createAccount: 'mutation { createAccount(memberId: "m-a", loginName: "a") { oneTimePassword } }',
  resetPassword: 'mutation { resetPassword(memberId: "m-a") { oneTimePassword } }',
  resetTotp: 'mutation { resetTotp(memberId: "m-a") { status } }',
  disableAccount: 'mutation { disableAccount(memberId: "m-a") { status } }',
  enableAccount: 'mutation { enableAccount(memberId: "m-a") { status } }',
  affairsRules: '{ affairsRules { __typename } }',
  appraisalResults: '{ appraisalResults(roundId: "x") { __typename } }',
  appraisalRound: '{ appraisalRound(id: "x") { __typename } }',
  appraisalRounds: '{ appraisalRounds(branchId: "x") { __typename } }',
  assessmentComparison: '{ assessmentComparison { __typename } }',
  branchAssessment: '{ branchAssessment(branchId: "x") { __typename } }',
  auditLogExport: '{ auditLogExport(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { csv } }',
  branchDues: '{ branchDues(branchId: "x", year: 1) { __typename } }',
  branchPipeline: '{ branchPipeline(branchId: "x") { __typename } }',
  branchTransfers: '{ branchTransfers(branchId: "x") { __typename } }',
  memberAppraisals: '{ memberAppraisals(memberId: "x") { __typename } }',
  memberDues: '{ memberDues(memberId: "x") { __typename } }',
  membersWithoutYearlyTalk: '{ membersWithoutYearlyTalk(branchId: "x", year: 1) { __typename } }',
  myNotices: '{ myNotices { __typename } }',
  noticeStats: '{ noticeStats(id: "x") { __typename } }',
  obligationCalendar: '{ obligationCalendar(branchId: "x") { __typename } }',
  pipeline: '{ pipeline(memberId: "x") { __typename } }',
  placementStep: '{ placementStep(asked: ["x"], memberId: "x") { __typename } }',
  ruleHistory: '{ ruleHistory(id: "x") { __typename } }',
  selfAssessments: '{ selfAssessments(roundId: "x") { __typename } }',
  spentBallotTokens: '{ spentBallotTokens(roundId: "x") }',
  talkCounts: '{ talkCounts(from: "2025-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { __typename } }',
  talkKinds: '{ talkKinds { __typename } }',
  talkRecord: '{ talkRecord(id: "x") { __typename } }',
  talkRecordReads: '{ talkRecordReads(id: "x") { __typename } }',
  talkRecords: '{ talkRecords(memberId: "x") { __typename } }',
  transfer: '{ transfer(id: "x") { __typename } }',
  workQueue: '{ workQueue { __typename } }',
  approveTransfer: 'mutation { approveTransfer(id: "x") { __typename } }',
  bulkStartTransfers: 'mutation { bulkStartTransfers(input: { batchId: "x", kind: IN, reason: "x", rows: [{ memberId: "x" }] }) { __typename } }',
  cancelTransfer: 'mutation { cancelTransfer(id: "x", note: "x") { __typename } }',
  closeAppraisalRound: 'mutation { closeAppraisalRound(id: "x") { __typename } }',
  confirmTransfer: 'mutation { confirmTransfer(id: "x") { __typename } }',
  consentToProfileExport: 'mutation { consentToProfileExport(transferId: "x") { __typename } }',
  createTalkRecord: 'mutation { createTalkRecord(input: { at: "2025-01-01T00:00:00Z", kind: "x", participantIds: ["x"], subjectId: "x", summary: "x" }) { __typename } }',
  exportLearningProfile: 'mutation { exportLearningProfile(transferId: "x") { __typename } }',
  importLearningProfile: 'mutation { importLearningProfile(token: "x") { __typename } }',
  issueTransferLetter: 'mutation { issueTransferLetter(input: { id: "x", letterNumber: "x" }) { __typename } }',
  markNoticeRead: 'mutation { markNoticeRead(id: "x") { __typename } }',
  openAppraisalRound:
    'mutation { openAppraisalRound(input: { branchId: "x", closesAt: "2025-01-01T00:00:00Z", periodFrom: "2025-01-01T00:00:00Z", periodTo: "2025-01-01T00:00:00Z", title: "x" }) { __typename } }',
  overrideRule: 'mutation { overrideRule(input: { effectiveFrom: "x", params: "x", reason: "x", ruleId: "x" }) { __typename } }',
  publishNotice: 'mutation { publishNotice(input: { audience: BRANCH, audienceId: "x", body: "x", title: "x" }) { __typename } }',
  recordDuesPayment: 'mutation { recordDuesPayment(input: { amountFen: 1, id: "x", memberId: "x", months: ["x"] }) { __typename } }',
  recordPipelineStep: 'mutation { recordPipelineStep(input: { at: "2025-01-01T00:00:00Z", memberId: "x", step: ACTIVIST }) { __typename } }',
  requestBallotSignature: 'mutation { requestBallotSignature(blindedMessage: "x", roundId: "x") }',
  setDuesStandard: 'mutation { setDuesStandard(input: { category: EMPLOYED, memberId: "x", year: 1 }) { __typename } }',
  startTransfer: 'mutation { startTransfer(input: { kind: IN, memberId: "x", reason: "x" }) { __typename } }',
  submitSelfAssessment: 'mutation { submitSelfAssessment(roundId: "x", text: "x") { __typename } }',
};
/**
 * Open without credentials: health, the sign-in fields, sign-out (which only clears a cookie), and castBallot,
 * which must carry no credentials at all (test/api/appraisal.test.ts checks it).
 */
const OPEN = ['health', 'demoAccounts', 'login', 'signIn', 'signInOptions', 'signOut', 'castBallot'];

describe('without a valid token', () => {
  it('every root field but health and the demo sign-in is UNAUTHENTICATED, with no data', async () => {
    const r = await t.as(null)('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const roots = [...r.body.data.__schema.queryType.fields, ...r.body.data.__schema.mutationType.fields].map((f: { name: string }) => f.name);
    expect(roots.filter((n: string) => !OPEN.includes(n)).sort()).toEqual(Object.keys(ROOT).sort());
    const before = (await t.store.listMembers({}, 100, null)).totalCount;
    for (const [name, q] of Object.entries(ROOT)) {
      const res = await t.as(null)(q);
      expect(codes(res), name).toEqual(['UNAUTHENTICATED']);
      // studyPlan is nullable: the error nulls that field only.
      expect(res.body.data === null || Object.values(res.body.data).every((v) => v === null), name).toBe(true);
    }
    expect((await t.store.listMembers({}, 100, null)).totalCount).toBe(before);
  });

  const q = '{ member(id: "m-a") { name phone } }';
  const secret = () => new TextEncoder().encode(t.server.config.jwtSecret);
  const claims = (sub: string) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h');
  const BAD: [string, () => Promise<string>][] = [
    ['expired', async () => (await signToken(t.server.config.jwtSecret, 'm-a', Date.now() - 13 * 3600_000)).token],
    ['signed with another secret', async () => (await signToken('another-secret-another-secret-0123456789', 'm-uadmin')).token],
    ['unsigned (alg none)', async () => new UnsecuredJWT({}).setSubject('m-uadmin').setIssuer('hongtu').setAudience('hongtu-api').setExpirationTime('1h').encode()],
    [
      'with its subject swapped for an administrator',
      async () => {
        const [h, p, s] = (await signToken(t.server.config.jwtSecret, 'm-a')).token.split('.');
        const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
        return [h, Buffer.from(JSON.stringify({ ...payload, sub: 'm-uadmin' })).toString('base64url'), s].join('.');
      },
    ],
    ['for another issuer', async () => claims('m-a').setIssuer('someone-else').setAudience('hongtu-api').sign(secret())],
    ['for another audience', async () => claims('m-a').setIssuer('hongtu').setAudience('another-api').sign(secret())],
    ['without a subject', async () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('hongtu').setAudience('hongtu-api').setExpirationTime('1h').sign(secret())],
    ['for a member who does not exist', async () => (await signToken(t.server.config.jwtSecret, 'm-ghost')).token],
  ];
  it.each(BAD)('a token %s is UNAUTHENTICATED', async (_d, make) => {
    const r = await t.server.gql(q, {}, await make());
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.data).toBeNull();
  });

  it.each([['Basic bS1hOng='], ['Bearer'], ['Token abc'], ['bearer  ']])('an Authorization header "%s" is UNAUTHENTICATED', async (header) => {
    const res = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: header },
      body: JSON.stringify({ query: q }),
    });
    expect(codes({ status: res.status, body: await res.json() })).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a token in use', () => {
  it('carries no role: a demotion applies to the next request of the same token', async () => {
    const token = await t.server.tokenFor('m-cm');
    expect(codes(await t.server.gql(q2('m-a'), {}, token))).toEqual([]);
    await t.store.updateMember('m-cm', { role: 'MEMBER' });
    try {
      // Demoted to MEMBER, m-cm may no longer read m-a: the answer of a member who does not exist (server/auth/scope.ts).
      expect(codes(await t.server.gql(q2('m-a'), {}, token))).toEqual(['NOT_FOUND']);
    } finally {
      await t.store.updateMember('m-cm', { role: 'COMMITTEE_MEMBER' });
    }
  });
});
const q2 = (id: string) => `{ member(id: "${id}") { name } }`;

describe('production configuration', () => {
  const SECRET = 'prod-secret-prod-secret-0123456789abcdef';
  it('refuses to start without a real secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HONGTU_JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', HONGTU_JWT_SECRET: 'short' })).toThrow(/HONGTU_JWT_SECRET/);
  });

  it('has no login, no demo accounts and no GraphiQL; tokens of the dev secret are refused', async () => {
    const cfg = loadConfig({ NODE_ENV: 'production', HONGTU_JWT_SECRET: SECRET });
    expect({ devLogin: cfg.devLogin, graphiql: cfg.graphiql }).toEqual({ devLogin: false, graphiql: false });
    const prod = await startTestServer(t.store, { env: { NODE_ENV: 'production', HONGTU_JWT_SECRET: SECRET, HONGTU_DEV_LOGIN: '' } });
    try {
      // The web client's own demo operations (sent by hash) meet a schema without these fields; a
      // document of the caller's own is refused before that (persisted operations only).
      expect(codes(await prod.gql(clientDocument('Login'), { memberId: 'm-uadmin' }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await prod.gql(clientDocument('DemoAccounts')))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await prod.gql('mutation { login(memberId: "m-uadmin") { token } }'))).toEqual(['FORBIDDEN']);
      const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
      const dev = await signToken(loadConfig({}).jwtSecret, 'm-uadmin');
      expect(codes(await prod.gql(clientDocument('SessionViewer'), {}, dev.token))).toEqual(['UNAUTHENTICATED']);
      expect((await prod.gql('{ viewer { role } }', {}, await prod.tokenFor('m-a'))).body.data).toEqual({ viewer: { role: 'MEMBER' } });
    } finally {
      await prod.close();
    }
  });

  it('with dev login off and no secret set, a token signed with the public dev secret is refused', async () => {
    expect(loadConfig({ HONGTU_DEV_LOGIN: '0' }).jwtSecret).not.toBe(DEV_JWT_SECRET);
    const off = await startTestServer(t.store, { env: { HONGTU_DEV_LOGIN: '0' } });
    try {
      const forged = await signToken(DEV_JWT_SECRET, 'm-uadmin');
      const r = await off.gql('{ member(id: "m-a") { name phone } }', {}, forged.token);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(r.body)).not.toContain('张三');
    } finally {
      await off.close();
    }
  });

  it('serves GraphiQL in development only', async () => {
    const page = await fetch(`${t.server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/graphiql/i);
  });
});

describe('responses', () => {
  it('carry Cache-Control: no-store, for POST and GET queries alike', async () => {
    const token = await t.server.tokenFor('m-sec');
    const q = encodeURIComponent('{ member(id: "m-a") { name } }');
    const get = await fetch(`${t.server.url}/graphql?query=${q}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect((await get.json()).data.member.name).toBe('张三');
    expect(get.headers.get('cache-control')).toBe('no-store');
    const post = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
  });
});
