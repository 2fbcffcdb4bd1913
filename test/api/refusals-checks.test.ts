/**
 * The shared input checks (server/validate.ts) and the refusals of the rules catalogue's override API
 * in the request's language, over HTTP: each request is sent in Chinese (the default) and in English
 * (`Accept-Language: en`); both answers carry the same `extensions` (a code from the closed set, the
 * field, and `extensions.reason` with its code and parameters), the expected text in each language,
 * and nothing is written (counted without the audit log, which records refused attempts by design).
 */
import { describe, expect, it } from 'vitest';
import type { GqlResponse } from '../support/api-server';
import { type Person, useApiWorld } from '../support/api-world';
import { dataCounts } from '../support/data-counts';
import { cstDayStart } from '../support/rules-time';

const NOW = cstDayStart(2025, 6, 15, 10);
const t = useApiWorld({ deps: { now: () => NOW } });

interface Refusal {
  message: string;
  extensions: { code: string; field?: string; reason: { code: string; params: Record<string, unknown> } };
}

/** Send as `who` in each language: both refused alike, nothing written. Returns [zh-CN (default), en]. */
async function refusedInBoth(who: Person, query: string, variables: Record<string, unknown>, code: string, field: string | undefined, reason: string): Promise<[Refusal, Refusal]> {
  const token = await t.server.tokenFor(t.world.people[who].id);
  const before = await dataCounts(t.store);
  const overrides = await t.store.listRuleOverrides();
  const answers: GqlResponse[] = [await t.server.gql(query, variables, token), await t.server.gql(query, variables, token, { 'accept-language': 'en' })];
  const [zh, en] = answers.map((r) => {
    expect(r.body.errors, JSON.stringify(r.body.data)).toHaveLength(1);
    const e = r.body.errors[0] as Refusal;
    expect(e.extensions).toMatchObject({ code, reason: { code: reason } });
    expect(e.extensions.field).toBe(field);
    return e;
  });
  expect(en.extensions).toEqual(zh.extensions);
  expect(await dataCounts(t.store)).toEqual(before);
  expect(await t.store.listRuleOverrides()).toEqual(overrides);
  return [zh, en];
}

const CREATE_MEMBER = 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }';
const newMember = (patch: Record<string, unknown>) => ({ i: { id: 'm-new', name: '新成员', kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1', ...patch } });

describe('the shared input checks in the request language', () => {
  it('a page size out of range names the field and its bounds', async () => {
    const [zh, en] = await refusedInBoth('uadmin', '{ members(first: 101) { totalCount } }', {}, 'BAD_USER_INPUT', 'first', 'INT_RANGE');
    expect(zh.extensions.reason.params).toEqual({ field: 'first', min: 1, max: 100 });
    expect(zh.message).toBe('每页条数（first）须为1至100之间的整数');
    expect(en.message).toBe('first must be an integer 1–100');
  });

  it('a name with a text-direction character says which character and where', async () => {
    const [zh, en] = await refusedInBoth('sec', CREATE_MEMBER, newMember({ name: '张\u202E三' }), 'BAD_USER_INPUT', 'name', 'TEXT_UNSAFE_CHAR');
    expect(zh.message).toBe('名称（name）不能包含控制字符或文字方向字符（第2个字符为U+202E）');
    expect(en.message).toBe('name must not contain control or text-direction characters (found U+202E at position 2)');
  });

  it('an empty name and a bad phone number are named', async () => {
    const [zh, en] = await refusedInBoth('sec', CREATE_MEMBER, newMember({ name: '   ' }), 'BAD_USER_INPUT', 'name', 'TEXT_EMPTY');
    expect(zh.message).toBe('名称（name）不能为空');
    expect(en.message).toBe('name must not be empty');
    const [zhPhone, enPhone] = await refusedInBoth('sec', CREATE_MEMBER, newMember({ phone: '0123' }), 'BAD_USER_INPUT', 'phone', 'PHONE_FORMAT');
    expect(zhPhone.message).toBe('手机号码（phone）须为以1开头的11位数字，例如13812345678');
    expect(enPhone.message).toBe('phone must be 11 digits starting with 1, e.g. 13812345678');
  });

  it('a pipeline step dated in the future is refused before any rule is applied', async () => {
    const q = 'mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) { member { id } } }';
    const at = new Date(NOW + 86_400_000).toISOString();
    const [zh, en] = await refusedInBoth('sec', q, { i: { memberId: 'm-a', step: 'APPLICATION', at } }, 'BAD_USER_INPUT', 'at', 'PAST_EVENT_IN_FUTURE');
    expect(zh.message).toBe('日期（at）不能晚于现在：这是已经发生的事');
    expect(en.message).toBe('at must not be in the future for an event that has happened');
  });
});

describe("the override API's refusals in the request language", () => {
  const OVERRIDE = 'mutation($i: OverrideRuleInput!) { overrideRule(input: $i) { id version } }';
  const good = { ruleId: 'life.theme-day.minimum', params: '{"minimum":2}', effectiveFrom: '2025-07-01', reason: '校党委文件要求每月两次主题党日' };
  const attempt = (patch: Record<string, string>) => ({ i: { ...good, ...patch } });

  it('anyone but a university administrator is FORBIDDEN', async () => {
    const [zh, en] = await refusedInBoth('cadmin', OVERRIDE, attempt({}), 'FORBIDDEN', undefined, 'OVERRIDE_FORBIDDEN');
    expect(zh.message).toBe('只有校级管理员可以修改规则目录中的规则');
    expect(en.message).toBe('Only university administrators can override a rule of the catalogue');
  });

  it('an unknown rule is NOT_FOUND, naming it', async () => {
    const [zh, en] = await refusedInBoth('uadmin', OVERRIDE, attempt({ ruleId: 'life.nope' }), 'NOT_FOUND', undefined, 'RULE_NOT_FOUND');
    expect(zh.extensions).toMatchObject({ kind: 'Rule', id: 'life.nope' });
    expect(zh.message).toBe('规则“life.nope”不存在');
    expect(en.message).toBe('Rule "life.nope" not found');
  });

  it('a day in the past, a day that does not exist, text that is not JSON', async () => {
    const [zh, en] = await refusedInBoth('uadmin', OVERRIDE, attempt({ effectiveFrom: '2025-06-14' }), 'BAD_USER_INPUT', 'effectiveFrom', 'OVERRIDE_DAY_PAST');
    expect(zh.message).toBe('生效日期（effectiveFrom）须为今天（2025-06-15）或以后：对过去日期的评估沿用当时有效的规则');
    expect(en.message).toBe('effectiveFrom must be today (2025-06-15) or later: evaluations of past dates keep the rules in force then');
    const [zhDay, enDay] = await refusedInBoth('uadmin', OVERRIDE, attempt({ effectiveFrom: '2025-02-30' }), 'BAD_USER_INPUT', 'effectiveFrom', 'OVERRIDE_DAY_FORMAT');
    expect(zhDay.message).toBe('生效日期（effectiveFrom）须为日历日期，格式为 YYYY-MM-DD');
    expect(enDay.message).toBe('effectiveFrom must be a calendar day YYYY-MM-DD');
    const [zhJson, enJson] = await refusedInBoth('uadmin', OVERRIDE, attempt({ params: '[2]' }), 'BAD_USER_INPUT', 'params', 'OVERRIDE_PARAMS_JSON');
    expect(zhJson.message).toBe('参数（params）须为 JSON 对象，例如 {"minimum":2}');
    expect(enJson.message).toBe('params must be a JSON object, e.g. {"minimum":2}');
  });

  it("parameters the rule's evaluator refuses, and an empty reason", async () => {
    const [zh, en] = await refusedInBoth('uadmin', OVERRIDE, attempt({ params: '{"frequency":"FORTNIGHT"}' }), 'BAD_USER_INPUT', 'params.frequency', 'PARAM_ONE_OF');
    expect(zh.message).toBe('params.frequency须为以下之一：MONTH, QUARTER, YEAR');
    expect(en.message).toBe('params.frequency must be one of MONTH, QUARTER, YEAR');
    const [zhMin, enMin] = await refusedInBoth('uadmin', OVERRIDE, attempt({ params: '{"minimum":0}' }), 'BAD_USER_INPUT', 'params.minimum', 'WHOLE_NUMBER_RANGE');
    expect(zhMin.message).toBe('params.minimum须为1至31之间的整数');
    expect(enMin.message).toBe('params.minimum must be a whole number from 1 to 31');
    const [zhReason, enReason] = await refusedInBoth('uadmin', OVERRIDE, attempt({ reason: '  ' }), 'BAD_USER_INPUT', 'reason', 'TEXT_EMPTY');
    expect(zhReason.message).toBe('理由（reason）不能为空');
    expect(enReason.message).toBe('reason must not be empty');
  });
});

describe('obligations and assessment refusals in the request language', () => {
  it('a window over three years names `to`; a committee that is not yours is FORBIDDEN', async () => {
    const q = '{ obligations(scope: { kind: BRANCH, id: "b-1" }, from: "2020-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { ruleId } }';
    const [zh, en] = await refusedInBoth('sec', q, {}, 'BAD_USER_INPUT', 'to', 'PERIOD_TOO_LONG');
    expect(zh.message).toBe('从开始时间（from）到结束时间（to）最长3年');
    expect(en.message).toBe('the period from–to must be at most 3 years');
    const cmp = '{ assessmentComparison(committeeId: "c-1") { branchId } }';
    const [zhF, enF] = await refusedInBoth('sec', cmp, {}, 'FORBIDDEN', undefined, 'ASSESSMENT_COMMITTEE_FORBIDDEN');
    expect(zhF.message).toBe('你不能比较党委“c-1”下的各支部：只有其管理员可以');
    expect(enF.message).toBe('You may not compare the branches of committee "c-1": only its administrators can');
  });

  it('a number of quarters out of range names `first`', async () => {
    const q = '{ branchAssessment(branchId: "b-1", first: 13) { quarter } }';
    const [zh, en] = await refusedInBoth('sec', q, {}, 'BAD_USER_INPUT', 'first', 'QUARTERS_COUNT');
    expect(zh.message).toBe('季度数（first）须为1至12之间的整数');
    expect(en.message).toBe('first (the number of quarters) must be a whole number from 1 to 12');
  });
});
