/**
 * Integrity of evidence in Debian's Chromium against the real server (Kuzu in a temp dir, demo data): a new
 * member answers a practice question on their home page without taking the time to read it, and sees on the
 * same page that the answer was not counted in their mastery, with why. Their branch secretary, reading the
 * member's learning through the API, gets no discount and no reason for that member.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';
import { open, snap, submitSignIn } from './pages';
import { demoLogin, gqlData } from './api';

const poll = pollWithin(30_000, 100);

let server: TestServer;
let page: Page;

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => gqlData<T>(server.url, query, variables, token);
const login = (memberId: string) => demoLogin(server.url, memberId);

useBrowserSuite((s) => {
  ({ server, page } = s);
});

describe('integrity of evidence', () => {
  it('an answer given without reading the question is not counted, and the member sees why', async () => {
    const { demoAccounts } = await gql<{ demoAccounts: { memberId: string; role: string }[] }>('{ demoAccounts { memberId role } }');
    const secretary = await login(demoAccounts.find((a) => a.role === 'SECRETARY')!.memberId);
    const { viewer } = await gql<{ viewer: { branch: { id: string } } }>('{ viewer { branch { id } } }', {}, secretary.token);
    const { createMember } = await gql<{ createMember: { id: string } }>(
      'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }',
      { i: { name: '新同志快答', kind: 'STUDENT', stage: 'ACTIVIST', branchId: viewer.branch.id } },
      secretary.token,
    );
    await page.context().clearCookies();
    await open(page, server.url, '/signin');
    await page.getByPlaceholder('例如 m-1').fill(createMember.id);
    await submitSignIn(page);
    await open(page, server.url, '/me');
    await poll(() => page.locator('h1').first().textContent()).toContain('新同志快答');
    // The heading comes with the member; the discounted list with the learning query, which answers later. Read
    // "no discounted list" once the learning sections are there (the plan section's button is there with or
    // without a plan), not before.
    await poll(() => page.getByTestId('make-plan').count()).toBe(1);
    expect(await page.getByTestId('discounted').count()).toBe(0);

    // Answer the first practice question at once: far less time than reading it takes.
    const card = page.getByTestId('practice').first();
    await card.locator('input[type="radio"]').first().check();
    await card.getByRole('button', { name: '提交答案' }).click();
    await poll(() => card.getByTestId('answer-feedback').textContent()).toMatch(/回答正确|回答错误/);

    const list = page.getByTestId('discounted');
    await poll(() => list.count()).toBe(1);
    expect(await list.getAttribute('data-count')).toBe('1');
    const reason = list.locator('li[data-code="TOO_FAST"]');
    await poll(() => reason.textContent()).toMatch(/^作答用时 \d 秒，少于读完题目所需的约 [\d.]+ 秒，本次作答不计入掌握度$/);
    await poll(() => list.textContent()).toContain('未计入 100%');
    await snap(page, 'integrity-discounted');

    // The secretary reads the member's learning: no discount, no reason, no list.
    const seen = await gql<{ mastery: { discounted: unknown[]; topics: { evidence: { discount: number | null; reasons: unknown[] }[] }[] } }>(
      'query($id: ID!) { mastery(memberId: $id) { discounted { eventId } topics { evidence { discount reasons { code } } } } }',
      { id: createMember.id },
      secretary.token,
    );
    expect(seen.mastery.discounted).toEqual([]);
    const evidence = seen.mastery.topics.flatMap((t) => t.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e).toEqual({ discount: null, reasons: [] });
  }, 300_000);
});
