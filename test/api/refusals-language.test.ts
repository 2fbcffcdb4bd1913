/**
 * Refusals of the party-affairs services in the request's language, over HTTP: a pipeline step out of
 * order, a member record's bad field, dues below the catalogue's standard or in a bad month, a transfer
 * to the member's own branch. Each comes in Chinese by default and in English with `Accept-Language: en`,
 * with the same `extensions.code` (from the closed set), field, and `extensions.reason` (code and
 * parameters); a refusal under a rule cites it in both languages. Nothing is written by any of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { useApiWorld } from '../support/api-world';
import type { GqlResponse } from '../support/api-server';
import { dataCounts } from '../support/data-counts';

const NOW = Date.parse('2026-06-01T04:00:00Z');
const t = useApiWorld({ deps: { now: () => NOW } });
const cst = (d: string) => new Date(`${d}T10:00:00+08:00`).toISOString();

beforeAll(async () => {
  await buildMember(t.store, { id: 'm-app', name: '陈申请', branchId: 'b-1', stage: 'APPLICANT' });
});

interface Refusal {
  message: string;
  extensions: { code: string; field?: string; reason: { code: string; params: Record<string, unknown> } };
}

/** Send as the secretary in each language; both refused alike, nothing written. Returns [zh-CN (default), en]. */
async function refusedInBoth(query: string, variables: Record<string, unknown>, code: string, field: string, reason: string): Promise<[Refusal, Refusal]> {
  const token = await t.server.tokenFor(t.world.people.sec.id);
  const before = await dataCounts(t.store);
  const answers: GqlResponse[] = [await t.server.gql(query, variables, token), await t.server.gql(query, variables, token, { 'accept-language': 'en-GB,en;q=0.9' })];
  const [zh, en] = answers.map((r) => {
    expect(r.body.errors, JSON.stringify(r.body.data)).toHaveLength(1);
    const e = r.body.errors[0] as Refusal;
    expect(e.extensions).toMatchObject({ code, field, reason: { code: reason } });
    return e;
  });
  expect(en.extensions).toEqual(zh.extensions);
  expect(zh.message).not.toBe(en.message);
  // Chinese text by default; English text (no Han characters outside quoted names and citations) when asked.
  expect(zh.message).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(await dataCounts(t.store)).toEqual(before);
  return [zh, en];
}

describe('refusals in the request language', () => {
  it('a pipeline step out of order cites its rule in Chinese and in English', async () => {
    const q = 'mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) { member { id } } }';
    const [zh, en] = await refusedInBoth(q, { i: { memberId: 'm-app', step: 'TALK', at: cst('2026-03-10') } }, 'BAD_USER_INPUT', 'step', 'STEP_OUT_OF_ORDER');
    expect(zh.extensions.reason.params).toMatchObject({ step: 'TALK', missing: 'APPLICATION', rule: 'pipeline.talk.within-month' });
    expect(zh.message).toMatch(/^“谈话”不能提前记录：请先记录“递交入党申请书”（依据：规则 pipeline\.talk\.within-month「.+」，《中国共产党发展党员工作细则》.*）$/);
    expect(en.message).toMatch(/^Step TALK is out of order: record APPLICATION first \(rule pipeline\.talk\.within-month: .+, 《中国共产党发展党员工作细则》.*\)$/);
  });

  it("a member record's bad field is named in both languages", async () => {
    const q = 'mutation($i: UpdateMemberRecordInput!) { updateMemberRecord(input: $i) { version } }';
    const [zh, en] = await refusedInBoth(q, { i: { memberId: 'm-a', expectVersion: 0, email: 'not-an-email' } }, 'BAD_USER_INPUT', 'email', 'EMAIL_FORMAT');
    expect(zh.message).toBe('电子邮箱（email）格式应如 name@example.edu，且不超过100个字符');
    expect(en.message).toBe('email must look like name@example.edu (at most 100 characters)');
  });

  it('a record date set by a recorded step is CONFLICT naming the field and the step', async () => {
    const step = await t.as('sec')('mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) { member { id } } }', {
      i: { memberId: 'm-app', step: 'APPLICATION', at: cst('2026-03-01') },
    });
    expect(step.body.errors).toBeUndefined();
    const q = 'mutation($i: UpdateMemberRecordInput!) { updateMemberRecord(input: $i) { version } }';
    const [zh, en] = await refusedInBoth(q, { i: { memberId: 'm-app', expectVersion: 0, appliedAt: cst('2026-03-02') } }, 'CONFLICT', 'appliedAt', 'RECORD_FIELD_FROM_STEP');
    expect(zh.extensions.reason.params).toEqual({ field: 'appliedAt', step: 'APPLICATION', stepDate: '2026-03-01', date: '2026-03-02' });
    expect(zh.message).toMatch(/^递交入党申请书日期（appliedAt）由发展党员流程的“递交入党申请书”步骤确定（2026-03-01），档案不能填写2026-03-02。.*本次未写入任何内容$/);
    expect(en.message).toMatch(/^appliedAt is set by the pipeline step APPLICATION recorded for 2026-03-01; the record cannot say 2026-03-02\..*nothing was written$/);
  });

  it('dues below the standard cite the dues rule; a bad month is named', async () => {
    const std = 'mutation($i: SetDuesStandardInput!) { setDuesStandard(input: $i) { monthlyFen } }';
    const [zh, en] = await refusedInBoth(std, { i: { memberId: 'm-b', year: 2026, category: 'STUDENT', monthlyFen: 10 } }, 'BAD_USER_INPUT', 'monthlyFen', 'DUES_BELOW_STANDARD');
    expect(zh.extensions.reason.params).toMatchObject({ monthly: 10, standard: 20 });
    expect(zh.message).toMatch(
      /^每月党费（monthlyFen）0\.10元（10分）低于规定标准0\.20元（20分）；党员可以多交，不能少交（依据：规则 dues\.[a-z.-]+「.+」，《关于中国共产党党费收缴、使用和管理的规定》.*）$/,
    );
    expect(en.message).toMatch(/^monthlyFen 10 fen \(¥0\.10\) is below the standard of 20 fen \(¥0\.20\); members may pay more, not less \(rule dues\.[a-z.-]+: .+\)$/);
    const pay = 'mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { id } }';
    const [zhMonth, enMonth] = await refusedInBoth(pay, { i: { id: 'pay-x', memberId: 'm-b', months: ['2026-13'], amountFen: 20 } }, 'BAD_USER_INPUT', 'months', 'NOT_A_MONTH');
    expect(zhMonth.message).toBe('缴费月份（months）中的“2026-13”不是月份，请使用 YYYY-MM 格式');
    expect(enMonth.message).toBe('months: "2026-13" is not a month; use YYYY-MM');
  });

  it("a transfer to the member's own branch is named in both languages", async () => {
    const q = 'mutation($i: StartTransferInput!) { startTransfer(input: $i) { id } }';
    const [zh, en] = await refusedInBoth(
      q,
      { i: { memberId: 'm-b', kind: 'INTERNAL', toBranchId: 'b-1', reason: '调整' } },
      'BAD_USER_INPUT',
      'toBranchId',
      'TRANSFER_SAME_BRANCH',
    );
    expect(zh.message).toBe('接收支部（toBranchId）有误：成员“m-b”已在支部“b-1”');
    expect(en.message).toBe('Member "m-b" already belongs to branch "b-1"');
  });
});
