/**
 * The server's reasons in the language the user chose, in the browser (demo data, real server). A member on
 * their home page, a secretary on a member's portrait and on the branch page switch to English: the gap
 * reasons, the not-yet-assessed notes, the recommendations' explanations and the suggested lecture's reason
 * read in English, and so do the portrait's per-area requirement notes; each is the text the API gives for
 * Accept-Language: en. Topic names and course titles are curriculum content and stay Chinese (quoted in the
 * English text).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';
import { open, signedInMemberId, signInAs, snap } from './pages';
import { pageGql } from './api';

const poll = pollWithin(90_000, 250);
const CJK = /[\u4e00-\u9fff]/;
/** English text with quoted curriculum content (topic names, course titles) taken out. */
const unquoted = (s: string) => s.replace(/"[^"]*"/g, '""');

let server: TestServer;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, page } = s);
  },
  { viewport: { width: 1280, height: 900 } },
);

/** A GraphQL query through the page's session cookie, in a given language. */
async function api<T>(query: string, variables: Record<string, unknown>, lang: string): Promise<T> {
  const body = await pageGql<T>(page, query, variables, lang);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function setLocale(l: 'en' | 'zh-CN') {
  await page.getByTestId('locale').selectOption(l);
  await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(l);
}

/** Texts of the elements, trimmed. */
const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map((s) => s.trim()).filter(Boolean);

describe('reasons in the chosen language', () => {
  it("a member's home: gap reasons, not-yet-assessed notes and explanations switch to English, as the API says", async () => {
    await signInAs(page, server.url, 'MEMBER');
    const me = await signedInMemberId(page);
    try {
      await poll(() => page.locator('[data-testid="recommendations"] > li').count()).toBeGreaterThan(0);
      const reasonSel = '[data-testid="gaps"] ul.meta li, [data-testid="not-assessed"] ul.meta li';
      await poll(async () => (await texts(reasonSel)).length).toBeGreaterThan(0);
      for (const t of await texts(reasonSel)) expect(t).toMatch(CJK);

      await setLocale('en');
      // A new language brings a new client with an empty cache: the lists render again when their queries answer,
      // so wait for reasons that are there and English (an empty list is not yet an answer).
      const english = async () => {
        const t = await texts(reasonSel);
        return t.length > 0 && t.every((x) => !CJK.test(unquoted(x)));
      };
      await poll(english).toBe(true);
      const shown = await texts(reasonSel);
      const fromApi = await api<{ gaps: { reasons: string[] }[]; mastery: { notAssessed: { reasons: string[] }[] } }>(
        'query($id: ID!) { gaps(memberId: $id) { reasons } mastery(memberId: $id) { notAssessed { reasons } } }',
        { id: me },
        'en',
      );
      const all = new Set([...fromApi.gaps.flatMap((g) => g.reasons), ...fromApi.mastery.notAssessed.flatMap((n) => n.reasons)]);
      for (const t of shown) expect(all).toContain(t);

      const explanationsShown = async () => (await texts('[data-testid="recommendations"] > li p')).filter((t) => t.startsWith('Why'));
      await poll(async () => (await explanationsShown()).length).toBeGreaterThan(0);
      const explanations = await explanationsShown();
      for (const t of explanations) expect(unquoted(t)).not.toMatch(CJK);
      await snap(page, 'member-home-english-reasons');
    } finally {
      await page.evaluate(() => localStorage.setItem('hongtu.locale', 'zh-CN'));
      await page.reload();
    }
  });

  it("a secretary: the portrait's gap evidence and per-area notes and the branch page's lecture reason read in English", async () => {
    await signInAs(page, server.url, 'SECRETARY');
    try {
      const { viewer } = await api<{ viewer: { branch: { id: string } } }>('{ viewer { branch { id } } }', {}, 'en');
      const { branchGaps } = await api<{ branchGaps: { rows: { member: { id: string }; cells: { gapCount: number }[] }[]; suggestedLecture: { reason: string } | null } }>(
        'query($b: ID!) { branchGaps(branchId: $b) { rows { member { id } cells { gapCount } } suggestedLecture { reason } } }',
        { b: viewer.branch.id },
        'en',
      );
      const withGaps = branchGaps.rows.find((r) => r.cells.some((c) => c.gapCount > 0));
      expect(withGaps, 'the demo branch has a member with gaps').toBeDefined();
      expect(branchGaps.suggestedLecture).not.toBeNull();

      await setLocale('en');
      await open(page, server.url, `/members/${withGaps!.member.id}`);
      const { gaps } = await api<{ gaps: { reasons: string[] }[] }>('query($id: ID!) { gaps(memberId: $id) { reasons } }', { id: withGaps!.member.id }, 'en');
      const firsts = gaps.map((g) => g.reasons[0]);
      // The portrait shows the activity tags' evidence as soon as the member is read and the gap tags' evidence
      // when its learning query answers: wait for the gap tags (red chips), not for any evidence.
      const evidence = page
        .getByTestId('tags')
        .locator('li', { has: page.locator('.chip-red') })
        .locator('p.meta');
      const shownEvidence = async () => (await evidence.allTextContents()).map((t) => t.replace(/^Evidence\s*[:：]\s*/, '').trim());
      await poll(async () => (await shownEvidence()).length).toBeGreaterThan(0);
      const shown = await shownEvidence();
      expect(
        shown.every((t) => firsts.includes(t)),
        `gap evidence shown ${JSON.stringify(shown)}, API's first reasons ${JSON.stringify(firsts)}`,
      ).toBe(true);
      for (const t of shown) expect(unquoted(t)).not.toMatch(CJK);
      // The stage's per-area requirement notes on the portrait: the API's English text, no Chinese.
      const notes = page.getByTestId('area-requirements').locator('li');
      await poll(() => notes.count()).toBeGreaterThan(0);
      const { mastery } = await api<{ mastery: { areas: { area: string; requirement: string | null }[] } }>(
        'query($id: ID!) { mastery(memberId: $id) { areas { area requirement } } }',
        { id: withGaps!.member.id },
        'en',
      );
      const noted = mastery.areas.filter((a) => a.requirement);
      await poll(() => notes.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-area')))).toEqual(noted.map((a) => a.area));
      const noteTexts = (await notes.allTextContents()).map((t) => t.trim());
      expect(noteTexts.map((t) => t.slice(t.indexOf(': ') + 2))).toEqual(noted.map((a) => a.requirement));
      for (const t of noteTexts) expect(t).not.toMatch(CJK);
      await snap(page, 'portrait-english-reasons');

      await page.locator('[data-nav="branch"]').click();
      const lecture = page.getByTestId('lecture-suggestion').locator('p.meta');
      await poll(() => lecture.textContent()).toBe(branchGaps.suggestedLecture!.reason);
      expect(branchGaps.suggestedLecture!.reason).toMatch(/^\d+ of the branch's \d+ members have a gap on ".+"/);
      await snap(page, 'branch-english-reasons');

      await setLocale('zh-CN');
      await poll(() => lecture.textContent()).toMatch(/^本支部 \d+ 名成员中有 \d+ 人在「.+」上存在学习短板/);
    } finally {
      await page.evaluate(() => localStorage.setItem('hongtu.locale', 'zh-CN'));
      await page.reload();
    }
  });
});
