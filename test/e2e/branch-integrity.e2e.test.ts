/**
 * The branch page's share of discounted answers, in Debian's Chromium against the real server (Kuzu in a
 * temp dir, demo data): a member of b-1 answers three questions in a second each (too fast to read); the
 * secretary's branch page shows, for the period, the share of the branch's answers that did not count and
 * the reasons with their counts, equal to the API's Branch.answerIntegrity for exactly that period, on a
 * desk screen and a phone, naming no member.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { branchFiguresPeriod, open, signedInMemberId, signInAs } from './pages';
import { formatPercent } from '../../client/src/i18n/i18n';

const poll = pollWithin(30_000, 100);

let server: TestServer;
let page: Page;

useBrowserSuite((s) => {
  ({ server, page } = s);
});

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
async function tokenOf(memberId: string): Promise<string> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($id: ID!) { login(memberId: $id) { token } }', variables: { id: memberId } }),
  });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}

const INTEGRITY = `query($id: ID!, $from: DateTime!, $to: DateTime!) { branch(id: $id) {
  answerIntegrity(from: $from, to: $to) { answers discountedAnswers discountedShare reasons { code answers label } } } }`;
type Integrity = { answers: number; discountedAnswers: number; discountedShare: number; reasons: { code: string; answers: number; label: string }[] };

describe('branch page: discounted answers', () => {
  it("shows the share of the period's answers that did not count, with the reasons, equal to the API's", async () => {
    await signInAs(page, server.url, 'SECRETARY');
    const secretary = await signedInMemberId(page);
    const secToken = await tokenOf(secretary);
    const { viewer } = await gql<{ viewer: { branch: { id: string } } }>('{ viewer { branch { id } } }', {}, secToken);
    const branchId = viewer.branch.id;
    const { branch } = await gql<{ branch: { members: { nodes: { id: string; role: string }[] } } }>(
      'query($id: ID!) { branch(id: $id) { members(first: 50) { nodes { id role } } } }',
      { id: branchId },
      secToken,
    );
    const member = branch.members.nodes.find((m) => m.role === 'MEMBER')!.id;
    const memberToken = await tokenOf(member);
    const { practiceQuestions } = await gql<{ practiceQuestions: { question: { id: string } }[] }>(
      'query($id: ID!) { practiceQuestions(memberId: $id, first: 3) { question { id } } }',
      { id: member },
      memberToken,
    );
    expect(practiceQuestions.length).toBeGreaterThan(0);
    for (const q of practiceQuestions) {
      await gql(
        'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }',
        { i: { memberId: member, questionId: q.question.id, choice: 0, seconds: 1 } },
        memberToken,
      );
    }

    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      await page.setViewportSize(viewport);
      await open(page, server.url, `/branches/${branchId}`);
      await page.getByTestId('period').selectOption('thisQuarter');
      // The figures of this quarter, not last quarter's (on screen until this quarter's arrive): the share, its "of"
      // line and the reasons below are read from them.
      const { from, to } = await branchFiguresPeriod(page);
      await poll(() => page.getByTestId('figure-discounted').count()).toBe(1);
      const api = (await gql<{ branch: { answerIntegrity: Integrity } }>(INTEGRITY, { id: branchId, from, to }, secToken)).branch.answerIntegrity;
      expect(api.discountedAnswers).toBeGreaterThanOrEqual(practiceQuestions.length);
      await poll(() => page.getByTestId('figure-discounted').textContent()).toBe(formatPercent('zh-CN', api.discountedShare));
      expect(await page.getByTestId('figure-discounted-of').textContent()).toBe(
        `本期 ${api.answers} 道答题中有 ${api.discountedAnswers} 道因作答过快等原因未计入掌握度（只统计全支部，不标记个人）`,
      );
      const items = page.getByTestId('figure-discounted-reasons').locator('li');
      const shown = await items.evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-code'), answers: Number(e.getAttribute('data-answers')), text: e.textContent })));
      expect(shown).toEqual(api.reasons.map((r) => ({ code: r.code, answers: r.answers, text: `${r.label}：${r.answers} 道` })));
      expect(shown.map((r) => r.code)).toContain('TOO_FAST');
      // A branch figure: the block names nobody.
      expect(await page.getByTestId('figure-discounted-block').textContent()).not.toContain(member);
      expect(await fitsWidth(page)).toBe(true);
    }
  });
});
