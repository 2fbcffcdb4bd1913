/**
 * NOT_FOUND and FORBIDDEN cannot tell ids apart: for every by-id read or write of a record about
 * people (member, meeting, talk record, appraisal round, transfer, notice, and every field keyed by a
 * member: learning, pipeline, dues, appraisals, talks, access trail, account), a MEMBER and a
 * SECRETARY who may not read the target get the same answer — code, and message once the id is
 * replaced by a placeholder — for an existing record outside their scope as for an id that does not
 * exist, with no data. Production-mode server; each viewer sends documents with a personal access
 * token (developers may). Policy: server/auth/scope.ts ("Hidden or forbidden").
 * Branch and committee ids are not in this list: the organisation is readable by everyone. Nor is
 * exportLearningProfile: this server has no signing key, so it answers UNAVAILABLE before any lookup;
 * it reads the transfer through the same getTransferCase as the transfer fields here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { useProductionWorld } from './production-world';

const t = useProductionWorld();
const DAY = 86_400_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

/** Out of scope of both viewers (m-a, a member of b-1, and m-sec, the secretary of b-1): branch b-2. */
const EXISTING = {
  member: 'm-c',
  meeting: 'hid-meeting',
  talk: 'hid-talk',
  round: 'hid-round',
  transfer: 'hid-transfer',
  notice: 'hid-notice',
} as const;
type Kind = keyof typeof EXISTING;

beforeAll(async () => {
  await t.store.createMeeting({
    id: EXISTING.meeting,
    branchId: 'b-2',
    kind: 'PARTY_LECTURE',
    title: '教工支部会议',
    at: NOW - 3 * DAY,
    minutes: 60,
    record: '记录',
    topics: [],
  });
  // Enough voters in b-2 for an appraisal round.
  for (const i of [1, 2, 3, 4, 5]) await buildMember(t.store, { id: `m-hid-${i}`, name: `教工${i}`, branchId: 'b-2', kind: 'TEACHER' });
  const cadmin = t.as('cadmin');
  const made = await Promise.all([
    cadmin('mutation($i: CreateTalkRecordInput!) { createTalkRecord(input: $i) { id } }', {
      i: { id: EXISTING.talk, subjectId: 'm-c', participantIds: ['m-cadmin', 'm-c'], kind: 'YEARLY', at: iso(NOW - DAY), summary: '谈话' },
    }),
    cadmin('mutation($i: OpenAppraisalRoundInput!) { openAppraisalRound(input: $i) { id } }', {
      i: { id: EXISTING.round, branchId: 'b-2', title: '评议', periodFrom: iso(NOW - 300 * DAY), periodTo: iso(NOW - DAY), closesAt: iso(NOW + 7 * DAY) },
    }),
    cadmin('mutation($i: StartTransferInput!) { startTransfer(input: $i) { id } }', {
      i: { id: EXISTING.transfer, kind: 'OUT', memberId: 'm-c', reason: '工作调动', externalOrg: '外校党委' },
    }),
    cadmin('mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }', {
      i: { id: EXISTING.notice, audience: 'BRANCH', audienceId: 'b-2', title: '通知', body: '支部通知' },
    }),
  ]);
  for (const r of made) expect(r.body.errors).toBeUndefined();
});

/** Each by-id field: its document (the id in $id) and the kind of record the id names. */
const FIELDS: [string, Kind, string, Record<string, unknown>?][] = [
  ['member', 'member', 'query($id: ID!) { member(id: $id) { name } }'],
  ['recommendations', 'member', 'query($id: ID!) { recommendations(memberId: $id) { __typename } }'],
  ['mastery', 'member', 'query($id: ID!) { mastery(memberId: $id) { __typename } }'],
  ['gaps', 'member', 'query($id: ID!) { gaps(memberId: $id) { __typename } }'],
  ['studyPlan', 'member', 'query($id: ID!) { studyPlan(memberId: $id) { __typename } }'],
  ['practiceQuestions', 'member', 'query($id: ID!) { practiceQuestions(memberId: $id) { __typename } }'],
  ['placementStep', 'member', 'query($id: ID!) { placementStep(memberId: $id, asked: []) { __typename } }'],
  ['pipeline', 'member', 'query($id: ID!) { pipeline(memberId: $id) { __typename } }'],
  ['memberDues', 'member', 'query($id: ID!) { memberDues(memberId: $id) { __typename } }'],
  ['memberAppraisals', 'member', 'query($id: ID!) { memberAppraisals(memberId: $id) { __typename } }'],
  ['talkRecords', 'member', 'query($id: ID!) { talkRecords(memberId: $id) { id } }'],
  ['accessRecords', 'member', 'query($id: ID!) { accessRecords(memberId: $id) { at } }'],
  ['account', 'member', 'query($id: ID!) { account(memberId: $id) { loginName } }'],
  ['obligations', 'member', 'query($id: ID!) { obligations(scope: { kind: MEMBER, id: $id }) { ruleId } }'],
  ['updateMember', 'member', 'mutation($id: ID!) { updateMember(id: $id, input: { phone: "13900000000" }) { id } }'],
  ['generateStudyPlan', 'member', 'mutation($id: ID!) { generateStudyPlan(memberId: $id, minutesPerWeek: 60, weeks: 4) { __typename } }'],
  ['moveMember', 'member', 'mutation($id: ID!) { moveMember(input: { memberId: $id, toBranchId: "b-1", reason: "调动" }) { __typename } }'],
  ['recordPipelineStep', 'member', `mutation($id: ID!) { recordPipelineStep(input: { memberId: $id, step: APPLICATION, at: "${iso(NOW - DAY)}" }) { __typename } }`],
  ['setDuesStandard', 'member', 'mutation($id: ID!) { setDuesStandard(input: { memberId: $id, year: 2025, category: EMPLOYED, baseFen: 500000 }) { __typename } }'],
  ['recordDuesPayment', 'member', 'mutation($id: ID!) { recordDuesPayment(input: { id: "hid-pay", memberId: $id, amountFen: 100, months: ["2025-01"] }) { __typename } }'],
  ['startTransfer', 'member', 'mutation($id: ID!) { startTransfer(input: { kind: OUT, memberId: $id, reason: "调动", externalOrg: "外校" }) { id } }'],
  [
    'createTalkRecord',
    'member',
    `mutation($id: ID!, $me: ID!) { createTalkRecord(input: { subjectId: $id, participantIds: [$me], kind: "YEARLY", at: "${iso(NOW - DAY)}", summary: "谈话" }) { id } }`,
  ],
  ['createAccount', 'member', 'mutation($id: ID!) { createAccount(memberId: $id, loginName: "hid-login") { oneTimePassword } }'],
  ['resetPassword', 'member', 'mutation($id: ID!) { resetPassword(memberId: $id) { oneTimePassword } }'],
  ['disableAccount', 'member', 'mutation($id: ID!) { disableAccount(memberId: $id) { __typename } }'],
  ['signOutEverywhere', 'member', 'mutation($id: ID) { signOutEverywhere(memberId: $id) }'],
  ['meeting', 'meeting', 'query($id: ID!) { meeting(id: $id) { title } }'],
  ['recordAttendance', 'meeting', 'mutation($id: ID!) { recordAttendance(input: { meetingId: $id, rows: [{ memberId: "m-c", status: PRESENT }] }) { __typename } }'],
  ['talkRecord', 'talk', 'query($id: ID!) { talkRecord(id: $id) { summary } }'],
  ['talkRecordReads', 'talk', 'query($id: ID!) { talkRecordReads(id: $id) { at } }'],
  ['appraisalRound', 'round', 'query($id: ID!) { appraisalRound(id: $id) { title } }'],
  ['appraisalResults', 'round', 'query($id: ID!) { appraisalResults(roundId: $id) { shown } }'],
  ['selfAssessments', 'round', 'query($id: ID!) { selfAssessments(roundId: $id) { text } }'],
  ['spentBallotTokens', 'round', 'query($id: ID!) { spentBallotTokens(roundId: $id) }'],
  ['closeAppraisalRound', 'round', 'mutation($id: ID!) { closeAppraisalRound(id: $id) { id } }'],
  ['requestBallotSignature', 'round', 'mutation($id: ID!) { requestBallotSignature(roundId: $id, blindedMessage: "AAAA") }'],
  ['submitSelfAssessment', 'round', 'mutation($id: ID!) { submitSelfAssessment(roundId: $id, text: "自评") { __typename } }'],
  ['transfer', 'transfer', 'query($id: ID!) { transfer(id: $id) { status } }'],
  ['approveTransfer', 'transfer', 'mutation($id: ID!) { approveTransfer(id: $id) { status } }'],
  ['confirmTransfer', 'transfer', 'mutation($id: ID!) { confirmTransfer(id: $id) { status } }'],
  ['cancelTransfer', 'transfer', 'mutation($id: ID!) { cancelTransfer(id: $id, note: "撤回") { status } }'],
  ['consentToProfileExport', 'transfer', 'mutation($id: ID!) { consentToProfileExport(transferId: $id) { status } }'],
  ['issueTransferLetter', 'transfer', 'mutation($id: ID!) { issueTransferLetter(input: { id: $id, letterNumber: "L-1" }) { status } }'],
  ['noticeStats', 'notice', 'query($id: ID!) { noticeStats(id: $id) { __typename } }'],
  ['markNoticeRead', 'notice', 'mutation($id: ID!) { markNoticeRead(id: $id) { __typename } }'],
];

const VIEWERS = [
  ['MEMBER', 'a', 'm-a'],
  ['SECRETARY', 'sec', 'm-sec'],
] as const;

/** The answer with the asked id replaced, so that two ids can be compared. */
function normalised(body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }, id: string) {
  const swap = (x: unknown) =>
    JSON.parse(
      JSON.stringify(x ?? null)
        .split(id)
        .join('<id>'),
    );
  return {
    data: body.data ?? null,
    errors: (body.errors ?? []).map((e) => ({ message: swap(e.message), code: e.extensions?.code, extensions: swap(e.extensions) })),
  };
}

describe("an existing id outside the viewer's scope answers as an id that does not exist", () => {
  it.each(VIEWERS.flatMap(([role, who, me]) => FIELDS.map(([field, kind, doc]) => [role, field, who, me, kind, doc] as const)))(
    '%s: %s',
    async (_role, field, who, me, kind, doc) => {
      const ask = async (id: string) => (await t.as(who)(doc, doc.includes('$me') ? { id, me } : { id })).body;
      const missing = `${EXISTING[kind]}-404`;
      const outside = normalised(await ask(EXISTING[kind]), EXISTING[kind]);
      const absent = normalised(await ask(missing), missing);
      expect(outside).toEqual(absent);
      expect(outside.errors).toHaveLength(1);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(outside.errors[0]!.code);
      const data = outside.data as Record<string, unknown> | null;
      expect(data?.[field] ?? null).toBeNull();
    },
  );
});
