/**
 * The party-affairs screens a secretary and the administrators work in, on a phone against the real server with
 * the demo world: the branch's week-by-week obligation calendar and the personal .ics link (created, read by a
 * calendar client, revoked), the rules catalogue with an override (a bad value refused naming the field, then a
 * good one versioned in the history), cancelling a transfer with its reason, bulk transfers for graduates with
 * each member's outcome, and a member's dues standard. Every action is done through the page and read back
 * through the API; every refusal is shown on screen while the API shows nothing changed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaDay } from '../../client/src/app/china-time';
import { pageGql } from './api';
import { seriousViolations } from './axe';
import type { TestServer } from './server';
import { fitsWidth, PHONE, pollWithin, useBrowserSuite } from './suite';
import { signInAs, signedInMemberId, snap } from './pages';

const poll = pollWithin(60_000, 200);

let server: TestServer;
let page: Page;

useBrowserSuite(
  (s) => {
    ({ server, page } = s);
  },
  { viewport: PHONE },
);

/** A GraphQL request with the page's session (the API the screens use, asked directly); it must succeed. */
async function api<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await pageGql<T>(page, query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** The signed-in person's branch. */
async function myBranch(): Promise<string> {
  return (await api<{ viewer: { branch: { id: string } } }>('{ viewer { branch { id } } }')).viewer.branch.id;
}

async function checkScreen(name: string): Promise<void> {
  expect(await fitsWidth(page), `${name} fits a phone's width`).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, `affairs-screens-${name}`);
}

interface CalendarWeek {
  label: string;
  items: { key: string; status: string }[];
}

describe('party-affairs screens for secretaries and administrators', () => {
  it('calendar: the branch’s weeks as the API lists them, and a personal .ics link created, read and revoked', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await poll(() => page.evaluate(() => location.hash)).toBe('#/todo');
    const branchId = await myBranch();
    await page.getByTestId('calendar-link').click();
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/branches/${encodeURIComponent(branchId)}/calendar`);
    await poll(() => page.locator('[data-testid="calendar"] > li').count()).toBe(6);

    const { obligationCalendar: weeks } = await api<{ obligationCalendar: CalendarWeek[] }>(
      'query($b: ID!) { obligationCalendar(branchId: $b, weeks: 6) { label items { key status } } }',
      { b: branchId },
    );
    expect(weeks.length).toBe(6);
    expect(
      weeks.some((w) => w.items.length > 0),
      'the demo branch has obligations in the next six weeks',
    ).toBe(true);
    for (const w of weeks) {
      const shown = await page
        .locator(`[data-testid="calendar"] > li[data-week="${w.label}"] li[data-key]`)
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-key')}|${e.getAttribute('data-status')}`));
      expect(shown.sort()).toEqual(w.items.map((i) => `${i.key}|${i.status}`).sort());
    }
    // Weeks are headed by their Monday as China counts it; done items have nothing left to do.
    const [y, m, d] = weeks[0].label.split('-').map(Number);
    await expect(page.locator('[data-testid="calendar"] > li').first().locator('h2').textContent()).resolves.toContain(`${y}年${m}月${d}日`);
    for (const done of await page.locator('[data-testid="calendar"] li[data-status="DONE"]').all()) expect(await done.getByRole('link').count()).toBe(0);
    // Each item names the rule it comes from.
    const first = page.locator('[data-testid="calendar"] li[data-key]').first();
    await expect(first.getByTestId('citation').textContent()).resolves.toMatch(/依据：《.+》/);
    // The next six weeks come from the page's own button, and match the API from that Monday.
    await page.getByTestId('cal-next').click();
    await poll(() => page.locator('[data-testid="calendar"] > li').first().getAttribute('data-week')).not.toBe(weeks[0].label);
    const nextLabel = await page.locator('[data-testid="calendar"] > li').first().getAttribute('data-week');
    expect(nextLabel! > weeks[5].label).toBe(true);
    await page.getByTestId('cal-today').click();
    await poll(() => page.locator('[data-testid="calendar"] > li').first().getAttribute('data-week')).toBe(weeks[0].label);
    // The same calendar in English.
    await page.getByTestId('locale').selectOption('en');
    await poll(() => page.locator('h1').textContent()).toBe('Branch calendar');
    await expect(page.locator('[data-testid="calendar"] > li').first().locator('h2').textContent()).resolves.toMatch(/^Week of /);
    await page.getByTestId('locale').selectOption('zh-CN');
    await poll(() => page.locator('h1').textContent()).toBe('支部工作日历');
    await checkScreen('calendar');

    // The personal feed: none yet; create one, the link is shown once and a calendar client can read it.
    const feed = page.getByTestId('feed');
    await poll(() => feed.getAttribute('data-active')).toBe('false');
    await page.getByTestId('feed-create').click();
    const url = await poll(() => page.getByTestId('feed-url').inputValue())
      .toMatch(/\/calendar\/[^/]+\.ics$/)
      .then(() => page.getByTestId('feed-url').inputValue());
    expect(url.startsWith(server.url)).toBe(true);
    const tokens = async () =>
      (await api<{ myAccount: { accessTokens: { id: string; name: string; scope: string; revoked: boolean }[] } }>('{ myAccount { accessTokens { id name scope revoked } } }'))
        .myAccount.accessTokens;
    const made = (await tokens()).filter((k) => k.name === '日历订阅');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ scope: 'READ', revoked: false });
    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('SUMMARY:');
    expect(text).toMatch(/DESCRIPTION:依据：/);
    await poll(() => page.getByTestId('feed-active').isVisible()).toBe(true);
    await checkScreen('calendar-feed');

    // After a reload the link is not shown again; the page says one is active. Revoke it: the API says revoked
    // and the calendar client is turned away.
    await page.reload();
    await poll(() => feed.getAttribute('data-active')).toBe('true');
    expect(await page.getByTestId('feed-url').count()).toBe(0);
    await page.getByTestId('feed-revoke').click();
    await poll(() => page.getByTestId('feed-revoked').isVisible()).toBe(true);
    expect((await tokens()).find((k) => k.id === made[0].id)?.revoked).toBe(true);
    expect((await fetch(url)).status).toBe(401);

    // The rules link leads to the catalogue, read-only for a secretary.
    await page.getByTestId('rules-link').click();
    await poll(() => page.locator('[data-testid="rules"] > li').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('rule-override-toggle').count()).toBe(0);
  });

  it('rules: a university administrator changes a parameter; a bad value is refused naming the field and nothing changes', async () => {
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    const adminId = await signedInMemberId(page);
    await page.locator('nav [data-nav="rules"]').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/rules');
    const { rules } = await api<{ rules: { id: string; version: number }[] }>('{ rules { id version } }');
    await poll(() => page.locator('[data-testid="rules"] > li').count()).toBe(rules.length);
    const id = 'life.theme-day.minimum';
    const rule = rules.find((r) => r.id === id)!;
    const historyOf = async () =>
      (
        await api<{ ruleHistory: { isOverride: boolean; reason: string | null; createdBy: string | null; rule: { version: number; params: string; effectiveFrom: string } }[] }>(
          'query($id: ID!) { ruleHistory(id: $id) { isOverride reason createdBy rule { version params effectiveFrom } } }',
          { id },
        )
      ).ruleHistory;
    const before = await historyOf();

    await page.getByTestId('rules-filter').fill(id);
    const card = page.locator(`[data-testid="rules"] > li[data-rule="${id}"]`);
    await poll(() => page.locator('[data-testid="rules"] > li').count()).toBe(1);
    await expect(card.getByTestId('citation').textContent()).resolves.toContain('中国共产党支部工作条例');
    await card.getByTestId('rule-override-toggle').click();
    await card.getByTestId('override-params').fill('{"minimum":0}');
    await card.getByTestId('override-reason').fill('测试：不合法的参数');
    await card.getByTestId('override-submit').click();
    const error = card.getByTestId('override-error');
    await poll(() => error.textContent()).toContain('“参数 minimum”有误');
    await expect(error.textContent()).resolves.toContain('本次没有保存任何修改');
    expect(await error.getAttribute('data-field')).toBe('params.minimum');
    expect(await card.getByTestId('override-params').getAttribute('aria-invalid')).toBe('true');
    expect(await historyOf()).toEqual(before);
    // A first day in the past is refused too, naming that field.
    await card.getByTestId('override-params').fill('{"minimum":2}');
    await card.getByTestId('override-from').fill('2020-01-01');
    await card.getByTestId('override-submit').click();
    await poll(() => error.textContent()).toContain('“生效日期”有误');
    expect(await card.getByTestId('override-from').getAttribute('aria-invalid')).toBe('true');
    expect(await historyOf()).toEqual(before);
    await checkScreen('rules-refused');

    // Today (China's day) with a good value: the next version, in force now, with who and why in the history.
    const today = chinaDay(Date.now());
    await card.getByTestId('override-from').fill(today);
    await card.getByTestId('override-reason').fill('学校文件要求每月开展两次主题党日');
    await card.getByTestId('override-submit').click();
    await poll(() => card.getByTestId('override-saved').textContent()).toContain(`第 ${rule.version + 1} 版`);
    const after = await historyOf();
    expect(after).toHaveLength(before.length + 1);
    const last = after[after.length - 1];
    expect(last).toMatchObject({ isOverride: true, reason: '学校文件要求每月开展两次主题党日', createdBy: adminId });
    expect(last.rule.version).toBe(rule.version + 1);
    expect(last.rule.effectiveFrom).toBe(today);
    expect(JSON.parse(last.rule.params).minimum).toBe(2);
    const { rule: now } = await api<{ rule: { version: number } }>('query($id: ID!) { rule(id: $id) { version } }', { id });
    expect(now.version).toBe(rule.version + 1);
    // The page shows the new version and the history with the reason.
    await poll(() => card.getAttribute('data-version')).toBe(String(rule.version + 1));
    await poll(() => card.locator(`[data-testid="rule-history"] > li[data-version="${rule.version + 1}"]`).textContent()).toContain('学校文件要求每月开展两次主题党日');
    // The version before now ends where the new one starts; the new one says who made it.
    await expect(card.locator(`[data-testid="rule-history"] > li[data-version="${rule.version}"]`).textContent()).resolves.toContain(`至 ${today}`);
    await expect(card.locator(`[data-testid="rule-history"] > li[data-version="${rule.version + 1}"]`).textContent()).resolves.toContain('你 于');
    await checkScreen('rules-saved');
    // The same page in English.
    await page.getByTestId('locale').selectOption('en');
    await poll(() => page.locator('h1').textContent()).toBe('Rules catalogue');
    await poll(() => card.locator(`[data-testid="rule-history"] > li[data-version="${rule.version + 1}"]`).textContent()).toContain(
      'University change: 学校文件要求每月开展两次主题党日',
    );
    await page.getByTestId('locale').selectOption('zh-CN');
  });

  it('cancel a transfer: a bad reason is refused naming the field; then cancelled with the reason in the case log', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    const branchId = await myBranch();
    const { members } = await api<{ members: { nodes: { id: string }[] } }>(
      'query($b: ID!) { members(filter: { branchIds: [$b], stages: [FULL] }, first: 100) { nodes { id } } }',
      { b: branchId },
    );
    const { branchTransfers } = await api<{ branchTransfers: { memberId: string; status: string }[] }>('query($b: ID!) { branchTransfers(branchId: $b) { memberId status } }', {
      b: branchId,
    });
    const busy = new Set(branchTransfers.filter((c) => !['COMPLETED', 'CANCELLED'].includes(c.status)).map((c) => c.memberId));
    const member = members.nodes.find((m) => !busy.has(m.id))!;
    expect(member, 'a full member without an open transfer').toBeDefined();
    const { startTransfer: c } = await api<{ startTransfer: { id: string } }>('mutation($i: StartTransferInput!) { startTransfer(input: $i) { id } }', {
      i: { memberId: member.id, kind: 'OUT', externalOrg: '某市某区机关党委', reason: '工作调动' },
    });
    const caseOf = async () =>
      (
        await api<{ transfer: { status: string; steps: { status: string; note: string | null }[] } }>('query($id: ID!) { transfer(id: $id) { status steps { status note } } }', {
          id: c.id,
        })
      ).transfer;
    const before = await caseOf();

    await page.goto(`${server.url}/#/branches/${encodeURIComponent(branchId)}`);
    await page.getByTestId('affairs-link').click();
    const li = page.locator(`[data-testid="transfers"] > li[data-id="${c.id}"]`);
    await poll(() => li.count()).toBe(1);
    await li.getByTestId('transfer-cancel').click();
    // Without a reason the page asks for one; with one too long the API refuses it naming the field.
    await li.getByTestId('cancel-confirm').click();
    await poll(() => li.getByTestId('cancel-error').textContent()).toContain('请填写撤销原因');
    await li.getByTestId('cancel-note').fill('长'.repeat(501));
    await li.getByTestId('cancel-confirm').click();
    await poll(() => li.getByTestId('cancel-error').textContent()).toContain('“撤销原因”有误');
    await expect(li.getByTestId('cancel-error').textContent()).resolves.toContain('本次没有保存任何修改');
    expect(await li.getByTestId('cancel-note').getAttribute('aria-invalid')).toBe('true');
    expect(await caseOf()).toEqual(before);
    await checkScreen('cancel-refused');

    // "Keep it" closes the form without writing; then cancel for real.
    await li.getByTestId('cancel-back').click();
    expect(await li.getByTestId('cancel-form').count()).toBe(0);
    expect(await caseOf()).toEqual(before);
    await li.getByTestId('transfer-cancel').click();
    await li.getByTestId('cancel-note').fill('本人延期毕业');
    await li.getByTestId('cancel-confirm').click();
    await poll(() => li.getAttribute('data-status')).toBe('CANCELLED');
    const after = await caseOf();
    expect(after.status).toBe('CANCELLED');
    expect(after.steps.at(-1)).toEqual({ status: 'CANCELLED', note: '本人延期毕业' });
    await li.locator('summary').click();
    await expect(li.locator('[data-testid="transfer-log"] > li[data-status="CANCELLED"]').textContent()).resolves.toContain('本人延期毕业');
    expect(await li.getByTestId('transfer-cancel').count()).toBe(0);
    await checkScreen('cancel-done');
    // Bulk transfers are the administrators': no link for a secretary, and the page says who starts them.
    expect(await page.getByTestId('bulk-link').count()).toBe(0);
    await page.goto(`${server.url}/#/transfers/bulk`);
    await poll(() => page.locator('.page').textContent()).toContain('由院系党委或学校管理员操作');
    expect(await page.getByTestId('bulk-form').count()).toBe(0);
  });

  it('bulk transfers: a refused row is named with its reason and nothing is started; corrected, every member is started', async () => {
    await signInAs(page, server.url, 'COMMITTEE_ADMIN');
    const { viewer } = await api<{ viewer: { committee: { branches: { id: string }[] } } }>('{ viewer { committee { branches { id } } } }');
    const committee = viewer.committee;
    // A branch of the committee with at least two student members and no open transfer among them.
    let pick: { branchId: string; ids: string[] } | null = null;
    for (const b of committee.branches) {
      const d = await api<{ members: { nodes: { id: string }[] }; branchTransfers: { memberId: string; status: string }[] }>(
        'query($b: ID!) { members(filter: { branchIds: [$b], kinds: [STUDENT], stages: [PROBATIONARY, FULL] }, first: 100) { nodes { id } } branchTransfers(branchId: $b) { memberId status } }',
        { b: b.id },
      );
      const busy = new Set(d.branchTransfers.filter((c) => !['COMPLETED', 'CANCELLED'].includes(c.status)).map((c) => c.memberId));
      const ids = d.members.nodes.map((m) => m.id).filter((id) => !busy.has(id));
      if (ids.length >= 2) {
        pick = { branchId: b.id, ids: ids.slice(0, 2) };
        break;
      }
    }
    expect(pick, 'a branch with two student members free to transfer').not.toBeNull();
    const { branchId, ids } = pick!;
    const openOf = async () => {
      const out: Record<string, string[]> = {};
      for (const id of ids) {
        const { memberTransfers } = await api<{ memberTransfers: { id: string; status: string; batchId: string | null }[] }>(
          'query($m: ID!) { memberTransfers(memberId: $m) { id status batchId } }',
          { m: id },
        );
        out[id] = memberTransfers.filter((c) => !['COMPLETED', 'CANCELLED'].includes(c.status)).map((c) => `${c.id}|${c.status}|${c.batchId}`);
      }
      return out;
    };
    const before = await openOf();

    await poll(() => page.getByTestId('bulk-link').count()).toBe(1);
    await page.getByTestId('bulk-link').click();
    await poll(() => page.evaluate(() => location.hash)).toBe('#/transfers/bulk');
    await page.getByTestId('bulk-branch').selectOption(branchId);
    const row = (id: string) => page.locator(`[data-testid="bulk-members"] > li[data-member="${id}"]`);
    await poll(() => row(ids[1]).count()).toBe(1);
    await row(ids[0]).getByTestId('bulk-pick').check();
    await row(ids[1]).getByTestId('bulk-pick').check();
    await row(ids[0]).getByTestId('bulk-dest').fill('某大学研究生院党委');
    // The second row has no destination: the batch is refused on that row, and the first is not started either.
    await page.getByTestId('bulk-submit').click();
    await poll(() => row(ids[1]).getAttribute('data-outcome')).toBe('refused');
    await expect(row(ids[1]).getByTestId('bulk-outcome').textContent()).resolves.toMatch(/未发起：“转往单位”有误：.*externalOrg/);
    expect(await row(ids[0]).getAttribute('data-outcome')).toBe('notStarted');
    await expect(page.getByTestId('bulk-result').textContent()).resolves.toContain('整批没有发起');
    expect(await row(ids[1]).getByTestId('bulk-dest').getAttribute('aria-invalid')).toBe('true');
    expect(await openOf()).toEqual(before);
    await checkScreen('bulk-refused');

    await row(ids[1]).getByTestId('bulk-dest').fill('某市人才服务中心党委');
    await page.getByTestId('bulk-submit').click();
    await poll(() => row(ids[0]).getAttribute('data-outcome')).toBe('started');
    expect(await row(ids[1]).getAttribute('data-outcome')).toBe('started');
    await expect(page.getByTestId('bulk-result').textContent()).resolves.toContain('已为 2 人发起转接');
    const after = await openOf();
    for (const id of ids) {
      expect(after[id]).toHaveLength(1);
      expect(after[id][0]).toMatch(new RegExp(`^grad-[a-z0-9]+:${id}\\|INITIATED\\|grad-`));
    }
    // Both members are now marked as having an open transfer, so they cannot be picked twice.
    await poll(() => row(ids[0]).getByTestId('bulk-pick').isDisabled()).toBe(true);
    await checkScreen('bulk-started');
  });

  it('dues standard: a payment below the standard is refused naming the field; the standard is recorded from the brackets', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    const { members } = await api<{ members: { nodes: { id: string }[] } }>('query($b: ID!) { members(filter: { branchIds: [$b], stages: [FULL] }, first: 5) { nodes { id } } }', {
      b: await myBranch(),
    });
    const memberId = members.nodes[0].id;
    const year = Number(chinaDay(Date.now()).slice(0, 4));
    type Std = { year: number; category: string; baseFen: number | null; baseMasked: string | null; computedFen: number; monthlyFen: number; ruleId: string };
    const standardOf = async () =>
      (
        await api<{ memberDues: { standards: Std[] } }>(
          'query($m: ID!) { memberDues(memberId: $m) { standards { year category baseFen baseMasked computedFen monthlyFen ruleId } } }',
          { m: memberId },
        )
      ).memberDues.standards.find((s) => s.year === year) ?? null;
    const before = await standardOf();

    // From the person's pipeline page (linked from the portrait) to their dues page.
    await page.goto(`${server.url}/#/members/${encodeURIComponent(memberId)}/pipeline`);
    await page
      .locator(`a[href="#/members/${encodeURIComponent(memberId)}/dues"]`)
      .first()
      .click();
    const form = page.getByTestId('dues-standard-form');
    await form.waitFor();
    await page.getByTestId('std-category').selectOption('EMPLOYED');
    await page.getByTestId('std-base').fill('5000');
    await page.getByTestId('std-monthly').fill('1');
    await page.getByTestId('std-submit').click();
    const error = page.getByTestId('std-error');
    await poll(() => error.textContent()).toContain('“每月交纳”有误');
    await expect(error.textContent()).resolves.toContain('本次没有保存任何修改');
    expect(await page.getByTestId('std-monthly').getAttribute('aria-invalid')).toBe('true');
    expect(await standardOf()).toEqual(before);
    await checkScreen('dues-refused');

    await page.getByTestId('std-monthly').fill('');
    await page.getByTestId('std-submit').click();
    await poll(() => page.getByTestId('std-saved').isVisible()).toBe(true);
    const saved = await standardOf();
    expect(saved).toMatchObject({ year, category: 'EMPLOYED', baseFen: null, baseMasked: '****' });
    expect(saved!.computedFen).toBeGreaterThan(0);
    expect(saved!.monthlyFen).toBe(saved!.computedFen);
    expect(saved!.ruleId).toMatch(/^dues\./);
    const yuan = `${Math.floor(saved!.monthlyFen / 100)}.${String(saved!.monthlyFen % 100).padStart(2, '0')}`;
    await expect(page.getByTestId('std-saved').textContent()).resolves.toContain(`每月 ${yuan} 元`);
    await poll(() => page.getByTestId('dues-standards').textContent()).toContain(`${year}`);
    await checkScreen('dues-saved');
  });

  it('on a desk: every one of these screens fits its width with no serious accessibility finding', async () => {
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    const { members } = await api<{ members: { nodes: { id: string; branch: { id: string } }[] } }>(
      '{ members(filter: { stages: [FULL] }, first: 1) { nodes { id branch { id } } } }',
    );
    const m = members.nodes[0];
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      const screens: [string, string, string][] = [
        ['calendar', `/branches/${encodeURIComponent(m.branch.id)}/calendar`, '[data-testid="calendar"] > li'],
        ['rules', '/rules', '[data-testid="rules"] > li'],
        ['affairs', `/branches/${encodeURIComponent(m.branch.id)}/affairs`, '[data-testid="transfers"] > li'],
        ['dues', `/members/${encodeURIComponent(m.id)}/dues`, '[data-testid="dues-standard-form"]'],
        ['bulk', '/transfers/bulk', '[data-testid="bulk-branch"]'],
      ];
      for (const [name, hash, ready] of screens) {
        await page.goto(`${server.url}/#${hash}`);
        await poll(() => page.locator(ready).count()).toBeGreaterThan(0);
        if (name === 'bulk') {
          await page.getByTestId('bulk-branch').selectOption(m.branch.id);
          await poll(() => page.getByTestId('bulk-form').count()).toBe(1);
        }
        await checkScreen(`desk-${name}`);
      }
    } finally {
      await page.setViewportSize(PHONE);
    }
  });
});
