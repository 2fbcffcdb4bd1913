/**
 * Member records (党员档案) in the browser, on a 390 px phone. A secretary opens a member's record from the
 * portrait, records the stage dates, sponsors, 培养联系人 and contact, and the API reads back what the page
 * saved. A date that breaks the catalogue's waiting period is refused: the page names the field, cites the
 * rule and says nothing was saved, and the API shows nothing changed. Dates set by recorded pipeline steps
 * are shown with their source and cannot be edited here. A member reads their own record without a form.
 * Portable learning profiles: the member consents to export on their transfer, exports the signed profile, and
 * later withdraws the consent; the
 * secretary verifies a signed profile and keeps it with the member (a tampered one is refused, nothing kept);
 * the member discards it. Each step is read back through the API. Every screen is checked with axe, and the
 * pages are checked in English too.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { freePort, type TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { open, signInAs, signedInMemberId } from './pages';
import { pageGql } from './api';

const poll = pollWithin(90_000, 250);

let server: TestServer;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, page } = s);
  },
  {
    viewport: PHONE,
    server: async () => {
      // The server signs learning profiles as itself and trusts itself, so one instance can export and keep one.
      const port = await freePort();
      const self = `http://127.0.0.1:${port}`;
      return { port, env: { HONGTU_PUBLIC_URL: self, HONGTU_TRUSTED_INSTANCES: self } };
    },
  },
);

const noSideways = () => fitsWidth(page);

/** A GraphQL request through the page's own session cookie (the raw body, errors included). */
const gql = (query: string, variables: Record<string, unknown> = {}) => pageGql(page, query, variables);
async function api<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const RECORD = `query($m: ID!) { memberRecord(memberId: $m) {
  appliedAt activistAt candidateAt joinedAt fullAt sponsors { id } contacts { id } email version fromPipeline { field step } } }`;
/** The calendar day in China of an ISO time. */
const day = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : null);

describe('member records', () => {
  let memberId = '';
  let fullIds: string[] = [];

  it("a secretary records a member's dates, sponsors, contacts and contact from the portrait; the API reads them back", async () => {
    await signInAs(page, server.url, 'SECRETARY');
    const { viewer } = await api('{ viewer { branch { id members(filter: { stages: [FULL] }, first: 100) { nodes { id name } } } } }');
    const members: { id: string; name: string }[] = viewer.branch.members.nodes;
    // A full member whose stages have no recorded pipeline steps: every date is the record's own.
    for (const m of members) {
      const r = await api(RECORD, { m: m.id });
      if (r.memberRecord.fromPipeline.length === 0 && r.memberRecord.version === 0) {
        memberId = m.id;
        break;
      }
    }
    expect(memberId, 'the demo branch has a full member without pipeline steps').not.toBe('');
    fullIds = members.map((m) => m.id).filter((id) => id !== memberId);
    expect(fullIds.length).toBeGreaterThanOrEqual(2);

    await open(page, server.url, `/members/${memberId}`);
    await page.getByTestId('record-link').click();
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/members/${memberId}/record`);
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(members.find((m) => m.id === memberId)!.name);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);

    const dates = { appliedAt: '2019-03-01', activistAt: '2019-06-03', candidateAt: '2020-07-01', joinedAt: '2021-07-01', fullAt: '2022-07-05' };
    for (const [field, value] of Object.entries(dates)) await page.getByTestId(`record-${field}`).fill(value);
    await page.getByTestId('record-sponsors-0').selectOption(fullIds[0]);
    await page.getByTestId('record-sponsors-1').selectOption(fullIds[1]);
    await page.getByTestId('record-contacts-0').selectOption(fullIds[1]);
    await page.getByTestId('record-phone').fill('13912345678');
    await page.getByTestId('record-email').fill('record.e2e@example.edu');
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-saved').waitFor();
    await expect(page.getByTestId('record-saved').textContent()).resolves.toBe('档案已保存');

    const { memberRecord: r } = await api(RECORD, { m: memberId });
    expect({ appliedAt: day(r.appliedAt), activistAt: day(r.activistAt), candidateAt: day(r.candidateAt), joinedAt: day(r.joinedAt), fullAt: day(r.fullAt) }).toEqual(dates);
    expect(r.sponsors.map((p: { id: string }) => p.id)).toEqual([fullIds[0], fullIds[1]]);
    expect(r.contacts.map((p: { id: string }) => p.id)).toEqual([fullIds[1]]);
    expect(r).toMatchObject({ email: 'record.e2e@example.edu', version: 1 });
    // The phone goes to the member and is read back masked, as everywhere outside the member's own view.
    const { member } = await api('query($m: ID!) { member(id: $m) { phone } }', { m: memberId });
    expect(member.phone).toMatch(/^139.*5678$/);
    expect(member.phone).not.toBe('13912345678');
    // The page shows what was saved, by field.
    for (const [field, value] of Object.entries(dates)) {
      await expect(page.locator(`[data-testid="record-view"] [data-field="${field}"]`).getAttribute('data-value')).resolves.toBe(value);
    }
  });

  it("refuses a date inside the catalogue's waiting period: the field is named, the rule cited, nothing saved", async () => {
    const before = (await api(RECORD, { m: memberId })).memberRecord;
    await page.getByTestId('record-candidateAt').fill('2019-12-01');
    await page.getByTestId('record-email').fill('changed@example.edu');
    await page.getByTestId('record-save').click();
    const err = page.getByTestId('record-error');
    await err.waitFor();
    await expect(err.getAttribute('data-field')).resolves.toBe('candidateAt');
    await expect(err.getAttribute('data-code')).resolves.toBe('BAD_USER_INPUT');
    const text = (await err.textContent()) ?? '';
    expect(text).toContain('“列为发展对象”有误');
    expect(text).toContain('本次没有保存任何修改');
    expect(text).toMatch(/pipeline\.candidate\.min-wait.*第十三条/);
    await expect(page.getByTestId('record-candidateAt').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('record-saved').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
    // Nothing changed: not the date, not the email that came with it, not the version.
    expect((await api(RECORD, { m: memberId })).memberRecord).toEqual(before);
  });

  it('shows dates from recorded pipeline steps with their source, not as inputs; in English too', async () => {
    const { viewer } = await api('{ viewer { branch { id } } }');
    const { branchPipeline } = await api('query($b: ID!) { branchPipeline(branchId: $b) { member { id } milestones { step at } } }', { b: viewer.branch.id });
    const withStep = (branchPipeline as { member: { id: string }; milestones: { step: string; at: string }[] }[]).find((p) => p.milestones.some((m) => m.step === 'APPLICATION'));
    expect(withStep, 'the demo branch has someone with a recorded application').toBeDefined();
    const applied = withStep!.milestones.find((m) => m.step === 'APPLICATION')!;
    await open(page, server.url, `/members/${withStep!.member.id}/record`);
    await page.getByTestId('record-form').waitFor();
    const source = page.getByTestId('record-appliedAt-step');
    await expect(source.textContent()).resolves.toContain(day(applied.at)!);
    await expect(source.textContent()).resolves.toContain('取自发展党员流程“递交入党申请书”');
    await expect(page.getByTestId('record-appliedAt').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="record-view"] [data-field="appliedAt"]').getAttribute('data-value')).resolves.toBe(day(applied.at));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('locale').selectOption('en');
    await poll(() => page.locator('h2').first().textContent()).toMatch(/^(The record|The record disagrees)/);
    await expect(source.textContent()).resolves.toContain('from the admission step');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
    await page.getByTestId('locale').selectOption('zh-CN');
  });

  it('a member reads their own record, without a form', async () => {
    await signInAs(page, server.url, 'MEMBER');
    const self = await signedInMemberId(page);
    await open(page, server.url, `/members/${self}/record`);
    await page.getByTestId('record-view').waitFor();
    await expect(page.getByTestId('record-form').count()).resolves.toBe(0);
    await expect(page.getByText('档案由支部书记和上级组织员维护。').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
  });
});

describe('portable learning profiles', () => {
  let memberId = '';
  let token = '';

  it('a member consents to export on their transfer, from their home page, and exports the signed profile; the API shows the consent', async () => {
    await signInAs(page, server.url, 'MEMBER');
    memberId = await signedInMemberId(page);
    await signInAs(page, server.url, 'SECRETARY');
    const started = await gql('mutation($i: StartTransferInput!) { startTransfer(input: $i) { id status } }', {
      i: { id: 'tc-e2e', memberId, kind: 'OUT', externalOrg: '某大学研究生院党委', reason: '毕业升学' },
    });
    expect(started.errors).toBeUndefined();

    await signInAs(page, server.url, 'MEMBER');
    await open(page, server.url, '/me');
    await page.getByTestId('my-profiles').click();
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/members/${memberId}/profiles`);
    const item = page.locator('[data-transfer="tc-e2e"]');
    await item.waitFor();
    await expect(item.getAttribute('data-consent')).resolves.toBe('no');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
    await item.getByTestId('consent-give').click();
    await poll(() => item.getAttribute('data-consent')).toBe('yes');
    await expect(item.getByTestId('consent-state').textContent()).resolves.toContain('本人已于');
    const { transfer } = await api('{ transfer(id: "tc-e2e") { profileConsentAt } }');
    expect(transfer.profileConsentAt).not.toBeNull();
    // With the consent the member exports their profile as a signed document, to hand to the receiving side.
    await item.getByTestId('export-run').click();
    await item.getByTestId('export-token').waitFor();
    token = await item.getByTestId('export-token').inputValue();
    expect(token.split('.')).toHaveLength(3);
    await expect(item.getByTestId('profile-summary').textContent()).resolves.toMatch(/个知识点的掌握度/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
  });

  it('the secretary verifies and keeps the profile with the member; a tampered one is refused and nothing kept', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, `/members/${memberId}/profiles`);
    const form = page.getByTestId('keep-form');
    await form.waitFor();
    // One character changed in the signature: refused with the reason, nothing kept.
    const sig = token.split('.')[2];
    const tampered = `${token.slice(0, token.length - sig.length)}${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    await page.getByTestId('keep-token').fill(tampered);
    await page.getByTestId('keep-verify').click();
    const err = form.getByTestId('profiles-error');
    await err.waitFor();
    await expect(err.textContent()).resolves.toContain('学习档案未通过核验，本次没有保存任何修改。');
    await expect(page.getByTestId('keep-token').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('keep-save').count()).resolves.toBe(0);
    expect((await api('query($m: ID!) { importedProfiles(memberId: $m) { id } }', { m: memberId })).importedProfiles).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('keep-token').fill(token);
    await page.getByTestId('keep-verify').click();
    await form.getByTestId('keep-checked').waitFor();
    await expect(form.getByTestId('keep-checked').textContent()).resolves.toContain(`签名有效，来自 ${server.url}`);
    await page.getByTestId('keep-save').click();
    await form.getByTestId('keep-done').waitFor();
    const kept = page.locator('[data-testid="profiles-kept"] > li');
    await poll(() => kept.count()).toBe(1);
    const { importedProfiles } = await api('query($m: ID!) { importedProfiles(memberId: $m) { id issuer profile { transferId } } }', { m: memberId });
    expect(importedProfiles).toEqual([{ id: `${server.url}#tc-e2e`, issuer: server.url, profile: { transferId: 'tc-e2e' } }]);
    await expect(kept.first().getAttribute('data-profile')).resolves.toBe(`${server.url}#tc-e2e`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
  });

  it('the member withdraws the consent and discards the kept profile; the API shows both, and exports are refused', async () => {
    await signInAs(page, server.url, 'MEMBER');
    await open(page, server.url, `/members/${memberId}/profiles`);
    const item = page.locator('[data-transfer="tc-e2e"]');
    await item.waitFor();
    await item.getByTestId('consent-withdraw').click();
    await poll(() => item.getAttribute('data-consent')).toBe('no');
    const { transfer } = await api('{ transfer(id: "tc-e2e") { profileConsentAt steps { by } } }');
    expect(transfer.profileConsentAt).toBeNull();
    expect(transfer.steps.at(-1).by).toBe(memberId);
    const refused = await gql('mutation { exportLearningProfile(transferId: "tc-e2e") { token } }');
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const kept = page.locator('[data-testid="profiles-kept"] > li');
    await expect(kept.count()).resolves.toBe(1);
    await kept.first().getByTestId('discard').click();
    expect(await seriousViolations(page)).toEqual([]);
    await kept.first().getByTestId('discard-confirm').click();
    await poll(() => page.locator('[data-testid="profiles-kept"]').count()).toBe(0);
    expect((await api('query($m: ID!) { importedProfiles(memberId: $m) { id } }', { m: memberId })).importedProfiles).toEqual([]);

    await page.getByTestId('locale').selectOption('en');
    await poll(() => page.locator('h2').first().textContent()).toBe('Transfers and exporting your learning profile');
    await expect(item.getByTestId('consent-give').textContent()).resolves.toBe('Consent to export my learning profile');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSideways()).toBe(true);
    await page.getByTestId('locale').selectOption('zh-CN');
  });
});
