/**
 * 民主评议 end to end over HTTP: a secretary opens a round, voters get blind signatures with the client's own
 * protocol code, ballots arrive without credentials, the round closes, results respect the floor of k ballots.
 */
import { describe, expect, it } from 'vitest';
import { blindToken, receiptOf, toBase64, unblindSignature } from '../../client/src/features/appraisal/ballot-protocol';
import { buildMember } from '../support/builders';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();
const DAY = 86_400_000;
const OPEN = `mutation($i: OpenAppraisalRoundInput!) { openAppraisalRound(input: $i) {
  id status minBallots publicKey appraisees { id name } turnout { voters issued ballots } myPart { voter appraised manager } } }`;
const SIGN = 'mutation($r: ID!, $b: String!) { requestBallotSignature(roundId: $r, blindedMessage: $b) }';
const CAST = 'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt } }';
const RESULTS = 'query($r: ID!) { appraisalResults(roundId: $r) { member { id name } shown counts { grade count } comments } }';

/** Six extra full members of b-1 (m-v1..m-v6), so b-1 has 8 full members with m-sec and m-cm and m-b. */
async function addVoters(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= 6; i++) ids.push((await buildMember(t.store, { id: `m-v${i}`, name: `投票人${i}`, branchId: 'b-1' })).id);
  return ids;
}

const roundInput = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  branchId: 'b-1',
  title: '2025年度民主评议党员',
  periodFrom: '2025-01-01T00:00:00+08:00',
  periodTo: '2026-01-01T00:00:00+08:00',
  closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
  ...extra,
});

/** One voter's whole ballot, as the browser does it; returns the receipt. */
async function vote(voter: string, roundId: string, publicKey: string, grades: { memberId: string; grade: string; comment?: string }[]) {
  const b = await blindToken(publicKey);
  const signed = await t.server.gql(SIGN, { r: roundId, b: b.blindedMessage }, await t.server.tokenFor(voter));
  expect(signed.body.errors).toBeUndefined();
  const signature = await unblindSignature(publicKey, b, signed.body.data.requestBallotSignature);
  const cast = await t.server.gql(CAST, { i: { roundId, token: toBase64(b.token), signature, grades } }, null);
  expect(cast.body.errors).toBeUndefined();
  expect(cast.body.data.castBallot.receipt).toBe(await receiptOf(b.token));
  return cast.body.data.castBallot.receipt as string;
}

describe('appraisal rounds', () => {
  let voters: string[] = [];
  let round: { id: string; publicKey: string };

  it('refuses bad rounds with the field named and writes nothing', async () => {
    voters = await addVoters();
    const bad = async (extra: Record<string, unknown>, field: string) => {
      const r = await t.as('sec')(OPEN, { i: roundInput('ar-bad', extra) });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
    };
    await bad({ closesAt: '2020-01-01T00:00:00Z' }, 'closesAt');
    await bad({ minBallots: 4 }, 'minBallots');
    await bad({ voterIds: ['m-a', ...voters] }, 'voterIds');
    await bad({ voterIds: ['m-c', ...voters] }, 'voterIds');
    await bad({ minBallots: 10 }, 'voterIds');
    expect(codes(await t.as('b')(OPEN, { i: roundInput('ar-bad') }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('sec')(OPEN, { i: roundInput('ar-bad', { branchId: 'b-2' }) }))).toEqual(['FORBIDDEN']);
    expect(await t.store.getAppraisalRoundsByIds(['ar-bad'])).toEqual([]);
  });

  it('opens a round with the default eligibility: full members vote, full and probationary members are appraised', async () => {
    const r = await t.as('sec')(OPEN, { i: roundInput('ar-1') });
    expect(r.body.errors).toBeUndefined();
    const got = r.body.data.openAppraisalRound;
    expect(got.status).toBe('OPEN');
    expect(got.minBallots).toBe(5);
    expect(got.turnout).toEqual({ voters: 9, issued: 0, ballots: 0 });
    expect(got.appraisees.map((p: { id: string }) => p.id)).not.toContain('m-a');
    expect(got.myPart).toEqual({ voter: true, appraised: true, manager: true });
    round = { id: got.id, publicKey: got.publicKey };
    // The same id from a secretary of another branch: CONFLICT, and nothing of the round comes back.
    const other = await t.as('cadmin')(OPEN, { i: roundInput('ar-1', { branchId: 'b-2' }) });
    expect(codes(other)).toEqual(['CONFLICT']);
    expect(other.body.data).toBeNull();
  });

  it('lets each voter be signed once, refuses credentials on the ballot, forged or reused tokens, and writes nothing then', async () => {
    const grades = [{ memberId: 'm-b', grade: 'EXCELLENT', comment: '带头作用好' }];
    const b = await blindToken(round.publicKey);
    const token = await t.server.tokenFor('m-v1');
    const signed = await t.server.gql(SIGN, { r: round.id, b: b.blindedMessage }, token);
    const again = await t.server.gql(SIGN, { r: round.id, b: b.blindedMessage }, token);
    expect(again.body.data.requestBallotSignature).toBe(signed.body.data.requestBallotSignature);
    const other = await blindToken(round.publicKey);
    expect(codes(await t.server.gql(SIGN, { r: round.id, b: other.blindedMessage }, token))).toEqual(['CONFLICT']);
    expect(codes(await t.as('a')(SIGN, { r: round.id, b: other.blindedMessage }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.server.gql(SIGN, { r: round.id, b: toBase64(new Uint8Array(10)) }, await t.server.tokenFor('m-v2')))).toEqual(['BAD_USER_INPUT']);
    const signature = await unblindSignature(round.publicKey, b, signed.body.data.requestBallotSignature);
    const input = { roundId: round.id, token: toBase64(b.token), signature, grades };
    const withCookie = await t.server.gql(CAST, { i: input }, token);
    expect(codes(withCookie)).toEqual(['BAD_USER_INPUT']);
    const forged = await t.server.gql(CAST, { i: { ...input, token: toBase64(other.token) } }, null);
    expect(codes(forged)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.server.gql(CAST, { i: { ...input, grades: [{ memberId: 'm-a', grade: 'EXCELLENT' }] } }, null))).toEqual(['BAD_USER_INPUT']);
    expect(await t.store.listBallots(round.id)).toEqual([]);
    const replays = await Promise.all(Array.from({ length: 200 }, () => t.server.gql(CAST, { i: input }, null)));
    expect(replays.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(new Set(replays.flatMap(codes))).toEqual(new Set(['CONFLICT']));
    expect((await t.store.listBallots(round.id)).length).toBe(1);
    expect(await t.store.countBallotIssues(round.id)).toBe(1);
  });

  it('refuses a signature of another round', async () => {
    const r2 = (await t.as('sec')(OPEN, { i: roundInput('ar-2') })).body.data.openAppraisalRound;
    const b = await blindToken(r2.publicKey);
    const signed = await t.server.gql(SIGN, { r: r2.id, b: b.blindedMessage }, await t.server.tokenFor('m-v1'));
    const signature = await unblindSignature(r2.publicKey, b, signed.body.data.requestBallotSignature);
    const cast = await t.server.gql(CAST, { i: { roundId: round.id, token: toBase64(b.token), signature, grades: [{ memberId: 'm-b', grade: 'QUALIFIED' }] } }, null);
    expect(codes(cast)).toEqual(['BAD_USER_INPUT']);
    expect((await t.store.listBallots(round.id)).length).toBe(1);
  });

  it('shows results only with at least 5 ballots per person, to the person and the secretary, after closing', async () => {
    const receipts: string[] = [];
    // m-b is graded by m-v1 (above) and 4 more; m-v6 is graded by 4 ballots only.
    for (const v of voters.slice(1, 5)) {
      receipts.push(
        await vote(v, round.id, round.publicKey, [
          { memberId: 'm-b', grade: v === 'm-v2' ? 'BASICALLY_QUALIFIED' : 'EXCELLENT', comment: `意见${v}` },
          { memberId: 'm-v6', grade: 'QUALIFIED' },
        ]),
      );
    }
    expect(codes(await t.as('sec')(RESULTS, { r: round.id }))).toEqual(['CONFLICT']);
    const status = await t.as('sec')(`{ appraisalRound(id: "${round.id}") { turnout { voters issued ballots } } }`);
    expect(status.body.data.appraisalRound.turnout).toEqual({ voters: 9, issued: 5, ballots: 5 });
    expect((await t.as('sec')(`mutation { closeAppraisalRound(id: "${round.id}") { status closedAt } }`)).body.data.closeAppraisalRound.status).toBe('CLOSED');
    expect(await t.store.getAppraisalRoundKey(round.id)).toBeNull();
    const all = (await t.as('sec')(RESULTS, { r: round.id })).body.data.appraisalResults;
    const byId = new Map(all.map((x: { member: { id: string } }) => [x.member.id, x]));
    expect(byId.get('m-b')).toMatchObject({
      shown: true,
      counts: [
        { grade: 'EXCELLENT', count: 4 },
        { grade: 'QUALIFIED', count: 0 },
        { grade: 'BASICALLY_QUALIFIED', count: 1 },
        { grade: 'UNQUALIFIED', count: 0 },
      ],
    });
    expect([...(byId.get('m-b') as { comments: string[] }).comments].sort()).toEqual(['带头作用好', ...voters.slice(1, 5).map((v) => `意见${v}`)].sort());
    expect(byId.get('m-v6')).toEqual({ member: { id: 'm-v6', name: '投票人6' }, shown: false, counts: null, comments: null });
    const own = await t.server.gql(RESULTS, { r: round.id }, await t.server.tokenFor('m-v6'));
    expect(own.body.data.appraisalResults).toEqual([{ member: { id: 'm-v6', name: '投票人6' }, shown: false, counts: null, comments: null }]);
    expect((await t.as('b')(RESULTS, { r: round.id })).body.data.appraisalResults.map((x: { member: { id: string } }) => x.member.id)).toEqual(['m-b']);
    expect(codes(await t.as('c')(RESULTS, { r: round.id }))).toEqual(['NOT_FOUND']);
    const spent = (await t.as('b')(`{ spentBallotTokens(roundId: "${round.id}") }`)).body.data.spentBallotTokens;
    expect(spent).toEqual([...spent].sort());
    for (const r of receipts) expect(spent).toContain(r);
    const reads = await t.store.listAccess({ targetId: 'm-v6', limit: 50 });
    expect(reads.filter((r) => r.action === 'READ_APPRAISAL').map((r) => r.viewerId)).toEqual(expect.arrayContaining(['m-sec', 'm-v6']));
  });

  it('keeps a self-assessment, visible to the member and the secretary only', async () => {
    const r3 = (await t.as('sec')(OPEN, { i: roundInput('ar-3') })).body.data.openAppraisalRound;
    const write = await t.as('b')(`mutation { submitSelfAssessment(roundId: "${r3.id}", text: "认真学习，按时交纳党费。") { member { id } text } }`);
    expect(write.body.data.submitSelfAssessment).toEqual({ member: { id: 'm-b' }, text: '认真学习，按时交纳党费。' });
    expect(codes(await t.as('a')(`mutation { submitSelfAssessment(roundId: "${r3.id}", text: "x") { text } }`))).toEqual(['NOT_FOUND']);
    const sec = await t.as('sec')(`{ selfAssessments(roundId: "${r3.id}") { member { id } text } }`);
    expect(sec.body.data.selfAssessments).toEqual([{ member: { id: 'm-b' }, text: '认真学习，按时交纳党费。' }]);
    expect(codes(await t.as('cm')(`{ selfAssessments(roundId: "${r3.id}") { text } }`))).toEqual(['FORBIDDEN']);
    const record = await t.as('b')('{ memberAppraisals(memberId: "m-b") { round { id } selfAssessment { text } result { shown } } }');
    expect(record.body.data.memberAppraisals.find((x: { round: { id: string } }) => x.round.id === r3.id)).toEqual({
      round: { id: r3.id },
      selfAssessment: { text: '认真学习，按时交纳党费。' },
      result: null,
    });
    expect(codes(await t.as('cm')('{ memberAppraisals(memberId: "m-b") { round { id } } }'))).toEqual(['NOT_FOUND']);
  });
});
