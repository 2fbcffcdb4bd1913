/**
 * 民主评议 in the browser on a phone, against the real server with the demo world. The secretary's round is opened
 * through the API; five members vote through the API with the client's own protocol code; then one member votes in
 * the browser — the test checks on the wire that the signature request is signed in and the ballot
 * request carries neither cookie nor Authorization — and the secretary closes the round and sees results with the
 * floor of 5 ballots. Talk records: the secretary records one from the member's page.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { blindToken, toBase64, unblindSignature } from '../../client/src/features/appraisal/ballot-protocol';
import { PERSISTED_OPERATION_HASHES } from '../../client/src/gql/persisted-operations';
import type { TestServer } from './server';
import { PHONE, useBrowserSuite } from './suite';
import { open, signInById as signInByIdOnPage, snap } from './pages';
import { demoLogin, gqlData } from './api';

let server: TestServer;
let page: Page;

const api = (query: string, variables: Record<string, unknown> = {}, token?: string) => gqlData(server.url, query, variables, token);
const tokenOf = async (memberId: string): Promise<string> => (await demoLogin(server.url, memberId)).token;

const signInById = (id: string) => signInByIdOnPage(page, server.url, id);

let secretary = '';
let voters: string[] = [];
let roundId = '';
let graded = '';

useBrowserSuite(
  async (s) => {
    ({ server, page } = s);
    page.on('dialog', (d) => {
      void d.accept();
    });
    const accounts = (await api('{ demoAccounts { memberId role branchId } }')).demoAccounts as { memberId: string; role: string; branchId: string }[];
    const sec = accounts.find((a) => a.role === 'SECRETARY')!;
    secretary = sec.memberId;
    const secToken = await tokenOf(secretary);
    const members = (
      await api('query($b: ID!) { members(first: 100, filter: { branchIds: [$b], stages: [FULL] }) { edges { node { id } } } }', { b: sec.branchId }, secToken)
    ).members.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    voters = members.filter((id) => id !== secretary);
    graded = voters[0]!;
    const round = (
      await api(
        `mutation($i: OpenAppraisalRoundInput!) { openAppraisalRound(input: $i) { id publicKey } }`,
        {
          i: {
            branchId: sec.branchId,
            title: '2026年度民主评议党员',
            periodFrom: '2026-01-01T00:00:00+08:00',
            periodTo: '2027-01-01T00:00:00+08:00',
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            appraiseeIds: [graded, voters[1]],
          },
        },
        secToken,
      )
    ).openAppraisalRound;
    roundId = round.id;
    for (const v of voters.slice(1, 6)) {
      const b = await blindToken(round.publicKey);
      const sig = (await api('mutation($r: ID!, $b: String!) { requestBallotSignature(roundId: $r, blindedMessage: $b) }', { r: roundId, b: b.blindedMessage }, await tokenOf(v)))
        .requestBallotSignature;
      await api('mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt } }', {
        i: {
          roundId,
          token: toBase64(b.token),
          signature: await unblindSignature(round.publicKey, b, sig),
          grades: [{ memberId: graded, grade: 'QUALIFIED' }],
        },
      });
    }
  },
  { viewport: PHONE },
);

describe('民主评议 and 谈心谈话 in the browser', () => {
  it('a member votes: the signature request is signed in, the ballot request carries no cookie or Authorization', async () => {
    expect(voters.length).toBeGreaterThanOrEqual(7);
    const voter = voters[6]!;
    await signInById(voter);
    const seen: { op: string; cookie: boolean; authorization: boolean }[] = [];
    const watch = async (r: Request) => {
      if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
      const body = r.postData() ?? '';
      // The client sends persisted operations: a request is known by its operation's hash (or name, or field).
      const is = (name: string) => body.includes(PERSISTED_OPERATION_HASHES[name]!) || new RegExp(name, 'i').test(body);
      const op = is('CastBallot') ? 'cast' : is('RequestBallotSignature') ? 'sign' : null;
      if (!op) return;
      const h = await r.allHeaders();
      seen.push({ op, cookie: 'cookie' in h, authorization: 'authorization' in h });
    };
    page.on('request', watch);
    await open(page, server.url, `/appraisal/${roundId}`);
    await page.getByTestId('ballot-form').waitFor();
    await page.locator(`fieldset[data-member="${graded}"] select`).selectOption('EXCELLENT');
    await page.locator(`fieldset[data-member="${graded}"] input`).fill('学习认真，乐于助人');
    await page.getByTestId('ballot-submit').click();
    await page.getByTestId('ballot-waiting').waitFor();
    await snap(page, 'appraisal-waiting-phone');
    await page.getByTestId('ballot-send-now').click();
    await page.getByTestId('receipt').waitFor();
    page.off('request', watch);
    expect(seen.map((x) => x.op)).toEqual(['sign', 'cast']);
    expect(seen[0]!.cookie || seen[0]!.authorization).toBe(true);
    expect(seen[1]).toEqual({ op: 'cast', cookie: false, authorization: false });
    const receipt = (await page.locator('code.receipt').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(async () => page.getByTestId('round-turnout').textContent(), { timeout: 10_000 }).toContain('已投票 6 张');
  });

  it('the secretary closes the round and sees results with the floor, and the voter finds the receipt counted', async () => {
    await signInById(secretary);
    await open(page, server.url, `/appraisal/${roundId}`);
    await page.getByTestId('round-close').click();
    await page.getByTestId('results').waitFor();
    const row = page.locator(`[data-testid="results"] li[data-member="${graded}"]`);
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toContain('优秀 1 · 合格 5');
    await expect.poll(async () => row.textContent()).toContain('学习认真，乐于助人');
    await expect.poll(async () => page.locator(`[data-testid="results"] li[data-member="${voters[1]}"]`).textContent()).toContain('选票不足，不予显示');
    await snap(page, 'appraisal-results-phone');
    await signInById(voters[6]!);
    await open(page, server.url, `/appraisal/${roundId}`);
    await expect.poll(async () => page.getByTestId('receipt-check').textContent(), { timeout: 10_000 }).toContain('已计入');
  });

  it('the secretary records a talk with a member, who sees who read it', async () => {
    await signInById(secretary);
    await open(page, server.url, `/members/${graded}/talks`);
    await page.getByTestId('talk-form').waitFor();
    await page.getByTestId('talk-form').locator('textarea').first().fill('谈了今年的学习和工作，约定下月再谈。');
    await page.getByTestId('talk-form').locator('button[type="submit"]').click();
    await expect.poll(async () => page.getByTestId('talks').textContent(), { timeout: 10_000 }).toContain('约定下月再谈');
    await signInById(graded);
    await open(page, server.url, `/members/${graded}/talks`);
    await page.getByTestId('talk-reads').locator('summary').click();
    await expect.poll(async () => page.getByTestId('talk-reads').textContent(), { timeout: 10_000 }).toMatch(/查看/);
  });
});
