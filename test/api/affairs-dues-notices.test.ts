/**
 * Dues and notices over HTTP: standards from the brackets in fen, the income base shown to the
 * member only (masked and audited for others), idempotent payments, arrears prompts at 3 and 6
 * months, branch totals without incomes; notices to audiences with working-day periods, unread
 * first, read counts and who has not read for the publisher only.
 */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';
import { dataCounts } from '../support/data-counts';

const NOW = Date.parse('2026-06-20T04:00:00Z'); // 2026-06-20 (端午假期), last month owed: 2026-05
const t = useApiWorld({ deps: { now: () => NOW } });

const SET = 'mutation($i: SetDuesStandardInput!) { setDuesStandard(input: $i) { memberId year category baseFen baseMasked computedFen monthlyFen ruleId } }';
const PAY = 'mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { id months amountFen } }';
const MINE =
  '{ memberDues(memberId: "m-b") { standards { year baseFen baseMasked monthlyFen } payments { id } arrears { unpaidMonths consecutiveUnpaid owedFen paidFen paidUntil } prompts { ruleId severity months citation { document article confirmed } } } }';

describe('dues', () => {
  it('sets standards from the brackets in fen and refuses paying less than the standard', async () => {
    const emp = await t.as('sec')(SET, { i: { memberId: 'm-b', year: 2026, category: 'EMPLOYED', baseFen: 500_001 } });
    expect(emp.body.data.setDuesStandard).toEqual({
      memberId: 'm-b',
      year: 2026,
      category: 'EMPLOYED',
      baseFen: null,
      baseMasked: '****',
      computedFen: 7_500,
      monthlyFen: 7_500,
      ruleId: 'dues.employed.brackets',
    });
    const stu = await t.as('sec')(SET, { i: { memberId: 'm-a', year: 2026, category: 'STUDENT' } });
    expect(stu.body.data.setDuesStandard).toMatchObject({ baseFen: null, baseMasked: null, computedFen: 20, monthlyFen: 20, ruleId: 'dues.fixed-minimum' });
    const more = await t.as('sec')(SET, { i: { memberId: 'm-cm', year: 2025, category: 'RETIRED', baseFen: 400_000, monthlyFen: 3_000 } });
    expect(more.body.data.setDuesStandard).toMatchObject({ computedFen: 2_000, monthlyFen: 3_000, ruleId: 'dues.retired.brackets' });
    await t.as('sec')(SET, { i: { memberId: 'm-cm', year: 2026, category: 'RETIRED', baseFen: 400_000 } });
    const before = await dataCounts(t.store);
    const less = await t.as('sec')(SET, { i: { memberId: 'm-b', year: 2027, category: 'EMPLOYED', baseFen: 500_001, monthlyFen: 7_499 } });
    expect(codes(less)).toEqual(['BAD_USER_INPUT']);
    expect(less.body.errors[0].extensions.field).toBe('monthlyFen');
    expect(codes(await t.as('sec')(SET, { i: { memberId: 'm-b', year: 2027, category: 'EMPLOYED' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('a')(SET, { i: { memberId: 'm-a', year: 2027, category: 'STUDENT' } }))).toEqual(['FORBIDDEN']);
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('sec')(SET, { i: { memberId: 'm-c', year: 2027, category: 'STUDENT' } }))).toEqual(['NOT_FOUND']);
    expect(await dataCounts(t.store)).toEqual(before);
    expect((await t.store.listAccess({ targetId: 'm-b', limit: 50 })).map((x) => x.action)).toContain('WRITE_DUES_BASE');
  });

  it('records payments idempotently: retried id is a no-op, other content or a paid month is CONFLICT', async () => {
    const i = { id: 'pay-b-1', memberId: 'm-b', months: ['2026-02', '2026-01', '2026-03'], amountFen: 22_500 };
    expect((await t.as('b')(PAY, { i })).body.data.recordDuesPayment).toEqual({ id: 'pay-b-1', months: ['2026-01', '2026-02', '2026-03'], amountFen: 22_500 });
    const before = await dataCounts(t.store);
    expect((await t.as('b')(PAY, { i })).body.data.recordDuesPayment.id).toBe('pay-b-1');
    expect(codes(await t.as('b')(PAY, { i: { ...i, amountFen: 30_000 } }))).toEqual(['CONFLICT']);
    expect(codes(await t.as('b')(PAY, { i: { ...i, id: 'pay-b-2', months: ['2026-03', '2026-04'], amountFen: 15_000 } }))).toEqual(['CONFLICT']);
    expect(codes(await t.as('b')(PAY, { i: { ...i, id: 'pay-b-3', months: ['2026-04'], amountFen: 7_499 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('b')(PAY, { i: { ...i, id: 'pay-b-4', months: ['2026-13'] } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('b')(PAY, { i: { ...i, id: 'pay-b-5', months: ['2025-12'], amountFen: 100 } }))).toEqual(['BAD_USER_INPUT']);
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('a')(PAY, { i: { ...i, id: 'pay-b-6', months: ['2026-04'], amountFen: 7_500 } }))).toEqual(['NOT_FOUND']);
    expect(await dataCounts(t.store)).toEqual(before);
  });

  it('shows the member their base, arrears and payments; others see the base masked, audited', async () => {
    const own = await t.as('b')(MINE);
    expect(own.body.data.memberDues).toEqual({
      standards: [{ year: 2026, baseFen: 500_001, baseMasked: null, monthlyFen: 7_500 }],
      payments: [{ id: 'pay-b-1' }],
      arrears: { unpaidMonths: ['2026-04', '2026-05'], consecutiveUnpaid: 2, owedFen: 15_000, paidFen: 22_500, paidUntil: '2026-03' },
      prompts: [],
    });
    const sec = await t.as('sec')(MINE);
    expect(sec.body.data.memberDues.standards).toEqual([{ year: 2026, baseFen: null, baseMasked: '****', monthlyFen: 7_500 }]);
    const reads = (await t.store.listAccess({ targetId: 'm-b', limit: 100 })).filter((x) => x.action === 'READ_DUES_BASE');
    expect([...new Set(reads.map((x) => x.viewerId))].sort()).toEqual(['m-b', 'm-sec']);
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('a')(MINE))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('c')(MINE))).toEqual(['NOT_FOUND']);
  });

  it('prompts at 3 months and raises the Constitution’s case at 6, only as a prompt', async () => {
    const a = await t.as('sec')('{ memberDues(memberId: "m-a") { arrears { consecutiveUnpaid } prompts { ruleId severity } } }');
    expect(a.body.data.memberDues).toEqual({ arrears: { consecutiveUnpaid: 5 }, prompts: [{ ruleId: 'dues.arrears.warn', severity: 'WARN' }] });
    const cm = await t.as('sec')('{ memberDues(memberId: "m-cm") { arrears { consecutiveUnpaid owedFen } prompts { ruleId severity citation { document confirmed } } } }');
    expect(cm.body.data.memberDues.arrears).toEqual({ consecutiveUnpaid: 17, owedFen: 12 * 3_000 + 5 * 2_000 });
    expect(cm.body.data.memberDues.prompts).toEqual([
      { ruleId: 'dues.arrears.warn', severity: 'WARN', citation: { document: '关于中国共产党党费收缴、使用和管理的规定', confirmed: false } },
      { ruleId: 'dues.arrears.constitution', severity: 'CONSTITUTION_CASE', citation: { document: '中国共产党章程', confirmed: false } },
    ]);
    expect((await t.store.getMembersByIds(['m-cm']))[0].stage).toBe('FULL');
  });

  it('gives the branch totals and whom to remind, no incomes; members and other branches are refused', async () => {
    const q =
      '{ branchDues(branchId: "b-1", year: 2026) { members withStandard monthlyStandardFen paidFen owedFen prompts { member { id } consecutiveUnpaid prompts { severity } } } }';
    const r = await t.as('sec')(q);
    expect(r.body.data.branchDues).toEqual({
      members: 4,
      withStandard: 3,
      monthlyStandardFen: 7_500 + 20 + 2_000,
      paidFen: 22_500,
      owedFen: 15_000 + 5 * 20 + 12 * 3_000 + 5 * 2_000,
      prompts: [
        { member: { id: 'm-cm' }, consecutiveUnpaid: 17, prompts: [{ severity: 'WARN' }, { severity: 'CONSTITUTION_CASE' }] },
        { member: { id: 'm-a' }, consecutiveUnpaid: 5, prompts: [{ severity: 'WARN' }] },
      ],
    });
    expect(JSON.stringify(r.body)).not.toContain('500001');
    expect(codes(await t.as('a')(q))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('d')(q))).toEqual(['FORBIDDEN']);
    expect((await t.as('cadmin')(q)).body.data.branchDues.members).toBe(4);
  });
});

const PUB = 'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id audience audienceId periodWorkingDays periodEndsAt } }';
const MY = '{ myNotices { read notice { id } } }';

describe('notices', () => {
  it('publishes to audiences the publisher manages, with a period in Chinese working days', async () => {
    const r = await t.as('sec')(PUB, { i: { id: 'n-b1', audience: 'BRANCH', audienceId: 'b-1', title: '支部党员大会通知', body: '周三下午开会。', periodWorkingDays: 5 } });
    // 2026-06-20/21 are 端午 holidays: the five working days are 06-22 … 06-26.
    expect(r.body.data.publishNotice).toEqual({ id: 'n-b1', audience: 'BRANCH', audienceId: 'b-1', periodWorkingDays: 5, periodEndsAt: '2026-06-26T16:00:00.000Z' });
    await t.as('cadmin')(PUB, { i: { id: 'n-c1', audience: 'COMMITTEE', audienceId: 'c-1', title: '学院党委通知', body: '学习安排。' } });
    await t.as('uadmin')(PUB, { i: { id: 'n-u1', audience: 'UNIVERSITY', audienceId: 'u-1', title: '全校通知', body: '党费收缴。' } });
    const before = await dataCounts(t.store);
    expect(codes(await t.as('sec')(PUB, { i: { audience: 'COMMITTEE', audienceId: 'c-1', title: 'x', body: 'y' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('sec')(PUB, { i: { audience: 'BRANCH', audienceId: 'b-2', title: 'x', body: 'y' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('a')(PUB, { i: { audience: 'BRANCH', audienceId: 'b-1', title: 'x', body: 'y' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('sec')(PUB, { i: { audience: 'BRANCH', audienceId: 'b-1', title: '', body: 'y' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('sec')(PUB, { i: { audience: 'BRANCH', audienceId: 'b-1', title: 'x', body: 'y', periodWorkingDays: 0 } }))).toEqual(['BAD_USER_INPUT']);
    expect(await dataCounts(t.store)).toEqual(before);
  });

  it('shows members their notices unread first, and marks them read', async () => {
    expect((await t.as('b')(MY)).body.data.myNotices).toEqual([
      { read: false, notice: { id: 'n-b1' } },
      { read: false, notice: { id: 'n-c1' } },
      { read: false, notice: { id: 'n-u1' } },
    ]);
    const m = await t.as('b')('mutation { markNoticeRead(id: "n-c1") { read readAt } }');
    expect(m.body.data.markNoticeRead).toEqual({ read: true, readAt: new Date(NOW).toISOString() });
    expect((await t.as('b')(MY)).body.data.myNotices.map((x: { notice: { id: string } }) => x.notice.id)).toEqual(['n-b1', 'n-u1', 'n-c1']);
    expect(codes(await t.as('d')('mutation { markNoticeRead(id: "n-b1") { read } }'))).toEqual(['NOT_FOUND']);
    expect((await t.as('d')(MY)).body.data.myNotices.map((x: { notice: { id: string } }) => x.notice.id)).toEqual(['n-u1']);
  });

  it('shows publishers read counts and who has not read, for their own audiences only', async () => {
    await t.as('a')('mutation { markNoticeRead(id: "n-b1") { read } }');
    const s = await t.as('sec')('{ noticeStats(id: "n-b1") { audienceSize readCount unread { id phone } } }');
    expect(s.body.data.noticeStats).toEqual({
      audienceSize: 4,
      readCount: 1,
      unread: [
        { id: 'm-b', phone: null },
        { id: 'm-cm', phone: null },
        { id: 'm-sec', phone: null },
      ],
    });
    expect(codes(await t.as('sec')('{ noticeStats(id: "n-c1") { readCount } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('a')('{ noticeStats(id: "n-b1") { readCount } }'))).toEqual(['NOT_FOUND']);
    expect((await t.as('cadmin')('{ noticeStats(id: "n-c1") { readCount } }')).body.data.noticeStats.readCount).toBe(1);
  });
});

describe('dues arrears in the request language', () => {
  it('names the member, the months unpaid and the month since, in Chinese or English, with the same codes', async () => {
    const Q = `{ obligations(scope: { kind: BRANCH, id: "b-1" }) { ruleId title subject { id } evidence { kind label }
      titleDetail { code params { name kind value } } } }`;
    const read = async (lang: string) => {
      const r = await t.server.gql(Q, {}, await t.server.tokenFor('m-sec'), { 'accept-language': lang });
      expect(r.body.errors).toBeUndefined();
      return (r.body.data.obligations as { ruleId: string; title: string; subject: { id: string }; evidence: { kind: string; label: string }[]; titleDetail: unknown }[]).filter(
        (o) => o.ruleId === 'dues.arrears.warn' && o.subject.id === 'm-cm',
      );
    };
    const [[zh], [en]] = [await read('zh-CN'), await read('en')];
    expect(en.titleDetail).toEqual(zh.titleDetail);
    expect(zh.titleDetail).toMatchObject({
      code: 'OBL_DUES_ARREARS',
      params: [
        { name: 'member', kind: 'TEXT' },
        { name: 'months', kind: 'COUNT', value: '17' },
      ],
    });
    expect(zh.title).toMatch(/（.+，已连续17个月未交）$/);
    expect(en.title).toMatch(/ \(.+, 17 months unpaid in a row\)$/);
    expect(zh.evidence).toEqual([{ kind: 'DuesArrears', label: expect.stringMatching(/^\d{4}-\d{2} 起未交$/) }]);
    expect(en.evidence).toEqual([{ kind: 'DuesArrears', label: expect.stringMatching(/^unpaid since \d{4}-\d{2}$/) }]);
  });
});
