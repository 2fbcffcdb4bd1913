/**
 * Refusals as data: the rule refusals and field errors of the party-affairs services (pipeline steps,
 * member records, dues, transfers) carry a code from this closed set with typed parameters. The GraphQL
 * edge puts `{ code, params }` in `extensions.reason` and writes the message in the request's language
 * (zh-CN by default, en), naming the field and, for a rule, the rule with its citation. `extensions.code`
 * stays one of the API's error codes. Same template syntax and filler as reason-messages.ts
 * (template.ts): `{name}` is a parameter, `[…]` is shown only when every parameter inside it is given.
 */
import { DUES_CATEGORY_NAMES, FIELD_NAMES, STEP_NAMES, TRANSFER_KIND_NAMES, TRANSFER_STATUS_NAMES } from './error-names';
import { AppError } from '../errors';
import type { Locale } from './locale';
import { STAGE_NAMES } from './reason-messages';
import { fillTemplate } from './template';

/** FIELD: an input field (named in the locale, with its API name); STEP(S): pipeline steps; FEN: money in fen; others shown as they are. */
export type ErrorParamKind = 'FIELD' | 'STEP' | 'STEPS' | 'STAGE' | 'FEN' | 'CATEGORY' | 'TRANSFER_KIND' | 'TRANSFER_STATUSES' | 'TEXT';

/** Added after a message whose params name a rule: the rule's title, citation and id. */
const RULE_SUFFIX: Record<Locale, string> = {
  'zh-CN': '（依据：规则 {rule}[「{ruleTitle}」][，{citation}]）',
  en: ' (rule {rule}[: {ruleTitleEn}][, {citation}])',
};
const RULE_PARAMS = { rule: 'TEXT?', ruleTitle: 'TEXT?', ruleTitleEn: 'TEXT?', citation: 'TEXT?' } as const;

export const ERROR_MESSAGES = {
  // ---- development pipeline (发展党员): steps against the rules ----
  STEP_NO_RULE: {
    params: { step: 'STEP', date: 'TEXT' },
    'zh-CN': '{date}没有适用于“{step}”的规则，无法记录该步骤',
    en: 'No rule in force for step {step} on {date}',
  },
  STEP_REPEATED: {
    params: { step: 'STEP' },
    'zh-CN': '此人已记录过“{step}”，该步骤只能记录一次',
    en: 'Step {step} is already recorded for this person',
  },
  STEP_OUT_OF_ORDER: {
    params: { step: 'STEP', missing: 'STEPS' },
    'zh-CN': '“{step}”不能提前记录：请先记录{missing}',
    en: 'Step {step} is out of order: record {missing} first',
  },
  STEP_AFTER_END: {
    params: { step: 'STEP', until: 'STEP' },
    'zh-CN': '“{step}”不能再记录：已记录“{until}”',
    en: 'Step {step} is out of order: {until} is already recorded',
  },
  STEP_TOO_EARLY: {
    params: { step: 'STEP', date: 'TEXT', earliest: 'TEXT' },
    'zh-CN': '“{step}”的日期{date}过早：不得早于{earliest}',
    en: 'Step {step} on {date} is too early: not before {earliest}',
  },
  STEP_NOTICE_RUNNING: {
    params: { step: 'STEP', date: 'TEXT', until: 'TEXT' },
    'zh-CN': '“{step}”的日期{date}过早：公示期至{until}才结束',
    en: 'Step {step} on {date} is too early: the public notice runs until {until}',
  },
  STEP_SPONSORS: {
    params: { step: 'STEP', min: 'TEXT', max: 'TEXT', got: 'TEXT' },
    'zh-CN': '“{step}”需要{min}至{max}名培养联系人，实际为{got}名',
    en: 'Step {step} needs {min}–{max} sponsors (培养联系人), got {got}',
  },
  STEP_TRAINING_SHORT: {
    params: { days: 'TEXT', hours: 'TEXT', minDays: 'TEXT', minHours: 'TEXT' },
    'zh-CN': '集中培训{days}天、{hours}学时，时间不足：至少{minDays}天或{minHours}学时',
    en: 'Training of {days} days / {hours} class hours is too short: at least {minDays} days or {minHours} class hours',
  },
  // ---- the member's record (党员档案) and the pipeline: one date per stage ----
  RECORD_FIELD_FROM_STEP: {
    params: { field: 'FIELD', step: 'STEP', stepDate: 'TEXT', date: 'TEXT' },
    'zh-CN': '{field}由发展党员流程的“{step}”步骤确定（{stepDate}），档案不能填写{date}。请保持原日期，或到发展党员流程中更正该步骤；本次未写入任何内容',
    en: '{field} is set by the pipeline step {step} recorded for {stepDate}; the record cannot say {date}. Leave the date as it is, or correct the step in the pipeline; nothing was written',
  },
  RECORD_CONTACTS_FROM_STEP: {
    params: {},
    'zh-CN': '培养联系人（contactIds）由“确定为入党积极分子”步骤指定，档案不能填写其他人。请保持原样，或到发展党员流程中更正该步骤；本次未写入任何内容',
    en: 'contactIds (培养联系人) are named by the pipeline step ACTIVIST; the record cannot name others. Leave them as they are, or correct the step in the pipeline; nothing was written',
  },
  STEP_DATE_NOT_RECORD: {
    params: { recordField: 'FIELD', recordDate: 'TEXT', step: 'STEP', date: 'TEXT' },
    'zh-CN': '党员档案中{recordField}为{recordDate}，而本次“{step}”步骤的日期为{date}。请按档案日期记录，或先更正档案；本次未写入任何内容',
    en: "The member's record (党员档案) gives {recordField} as {recordDate}, but this {step} step is dated {date}. Date the step as in the record, or correct the record first; nothing was written",
  },
  STEP_PEOPLE_NOT_RECORD: {
    params: {},
    'zh-CN': '党员档案中的培养联系人（contactIds）与本次“确定为入党积极分子”步骤的人员不同。请填写相同人员，或先更正档案；本次未写入任何内容',
    en: "The member's record (党员档案) names other 培养联系人 (contactIds) than this ACTIVIST step's people. Name the same people, or correct the record first; nothing was written",
  },
  RECORD_STAGE_NOT_REACHED: {
    params: { field: 'FIELD', stage: 'STAGE', name: 'TEXT', current: 'STAGE' },
    'zh-CN': '{field}只适用于已成为{stage}的人员；{name}目前是{current}',
    en: '{field} is for members who have reached stage {stage}; {name} is {current}',
  },
  RECORD_ORDER: {
    params: { field: 'FIELD', before: 'FIELD' },
    'zh-CN': '{field}不能早于{before}：各发展阶段须按先后顺序',
    en: '{field} must not be before {before}: the stages come in order',
  },
  RECORD_ORDER_STEP: {
    params: { field: 'FIELD', later: 'FIELD', step: 'STEP' },
    'zh-CN': '{field}不能晚于{later}，后者由发展党员流程的“{step}”步骤确定：各发展阶段须按先后顺序',
    en: '{field} must not be after {later}, which the pipeline step {step} dates; the stages come in order',
  },
  RECORD_WAIT: {
    params: { field: 'FIELD', months: 'TEXT', from: 'FIELD', ...RULE_PARAMS },
    'zh-CN': '{field}须在{from}满{months}个月之后',
    en: '{field} must be at least {months} months after {from}',
  },
  PEOPLE_TOO_MANY: {
    params: { field: 'FIELD', max: 'TEXT' },
    'zh-CN': '{field}最多{max}人',
    en: '{field} lists at most {max} people',
  },
  PEOPLE_SELF: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}不能是本人',
    en: 'A member cannot be their own sponsor or contact ({field})',
  },
  PEOPLE_TWICE: {
    params: { field: 'FIELD', id: 'TEXT' },
    'zh-CN': '{field}中成员“{id}”重复出现',
    en: 'Member "{id}" is listed twice in {field}',
  },
  PEOPLE_UNKNOWN: {
    params: { field: 'FIELD', id: 'TEXT' },
    'zh-CN': '{field}中的成员“{id}”不存在',
    en: '{field}: member "{id}" does not exist',
  },
  PEOPLE_NOT_FULL: {
    params: { field: 'FIELD', name: 'TEXT', id: 'TEXT' },
    'zh-CN': '{field}须为正式党员，{name}（{id}）不是正式党员',
    en: '{field}: {name} ({id}) is not a full member (正式党员); they must be full members',
  },
  EMAIL_FORMAT: {
    params: {},
    'zh-CN': '电子邮箱（email）格式应如 name@example.edu，且不超过100个字符',
    en: 'email must look like name@example.edu (at most 100 characters)',
  },
  // ---- dues (党费) ----
  DUES_BASE_NEEDED: {
    params: { category: 'CATEGORY' },
    'zh-CN': '{category}须填写计费基数（baseFen）：税后月收入（或离退休费），单位为分',
    en: 'Category {category} needs baseFen: the monthly income after tax (or pension) in fen',
  },
  DUES_BELOW_STANDARD: {
    params: { monthly: 'FEN', standard: 'FEN', ...RULE_PARAMS },
    'zh-CN': '每月党费（monthlyFen）{monthly}低于规定标准{standard}；党员可以多交，不能少交',
    en: 'monthlyFen {monthly} is below the standard of {standard}; members may pay more, not less',
  },
  DUES_ID_CHARS: {
    params: {},
    'zh-CN': '缴费编号（id）只能包含字母、数字及“.”“:”“_”“-”',
    en: 'id may contain letters, digits, ".", ":", "_" and "-" only',
  },
  DUES_MONTHS_COUNT: {
    params: {},
    'zh-CN': '缴费月份（months）须列出1至24个月',
    en: 'months must list 1–24 months',
  },
  NOT_A_MONTH: {
    params: { field: 'FIELD', value: 'TEXT' },
    'zh-CN': '{field}中的“{value}”不是月份，请使用 YYYY-MM 格式',
    en: '{field}: "{value}" is not a month; use YYYY-MM',
  },
  DUES_MONTH_TWICE: {
    params: {},
    'zh-CN': '缴费月份（months）中有重复的月份',
    en: 'months lists a month twice',
  },
  DUES_MONTHS_AHEAD: {
    params: {},
    'zh-CN': '缴费月份（months）最多预交12个月',
    en: 'months may run at most 12 months ahead',
  },
  DUES_NO_STANDARD: {
    params: { year: 'TEXT' },
    'zh-CN': '尚未设定{year}年的党费标准，请先设定标准（months）',
    en: 'No dues standard is set for {year}; set the standard first',
  },
  DUES_AMOUNT_LOW: {
    params: { amount: 'FEN', due: 'FEN', months: 'TEXT' },
    'zh-CN': '缴费金额（amountFen）{amount}少于{months}应交的{due}',
    en: 'amountFen {amount} is below the {due} due for {months}',
  },
  // ---- transfers (组织关系转接) ----
  TRANSFER_NEEDS_TO_BRANCH: {
    params: { field: 'FIELD' },
    'zh-CN': '校内转接须填写接收支部（{field}）',
    en: 'An internal transfer needs {field}, the receiving branch',
  },
  TRANSFER_SAME_BRANCH: {
    params: { member: 'TEXT', branch: 'TEXT' },
    'zh-CN': '接收支部（toBranchId）有误：成员“{member}”已在支部“{branch}”',
    en: 'Member "{member}" already belongs to branch "{branch}"',
  },
  TRANSFER_OPEN: {
    params: { member: 'TEXT', transfer: 'TEXT' },
    'zh-CN': '成员“{member}”已有未办结的转接“{transfer}”，请先办结或撤销',
    en: 'Member "{member}" already has an open transfer "{transfer}"; finish or cancel it first',
  },
  TRANSFER_NOT_OUTGOING: {
    params: { transfer: 'TEXT', kind: 'TRANSFER_KIND' },
    'zh-CN': '转接“{transfer}”是{kind}，只有转出校外的转接才开具介绍信（id）',
    en: 'Transfer "{transfer}" is {kind}; only outgoing transfers get a letter',
  },
  TRANSFER_WRONG_STATUS: {
    params: { transfer: 'TEXT', status: 'TRANSFER_STATUSES', allowed: 'TRANSFER_STATUSES', ...RULE_PARAMS },
    'zh-CN': '转接“{transfer}”当前为“{status}”，此步骤须在“{allowed}”时办理',
    en: 'Transfer "{transfer}" is {status}; this step needs {allowed}',
  },
  BULK_FIELD_REQUIRED: {
    params: { field: 'FIELD' },
    'zh-CN': '须填写{field}',
    en: '{field} is required',
  },
  BULK_ROWS_COUNT: {
    params: {},
    'zh-CN': '名单（rows）须有1至500行',
    en: 'rows must have 1–500 entries',
  },
  BULK_ROW_MEMBER_UNKNOWN: {
    params: { row: 'TEXT', member: 'TEXT' },
    'zh-CN': '名单 rows[{row}]：成员“{member}”不存在',
    en: 'rows[{row}]: member "{member}" not found',
  },
  BULK_ROW_MEMBER_TWICE: {
    params: { row: 'TEXT', member: 'TEXT' },
    'zh-CN': '名单 rows[{row}]：成员“{member}”重复出现',
    en: 'rows[{row}]: member "{member}" is listed twice',
  },
  BULK_ROW_MEMBER_NOT_YOURS: {
    params: { row: 'TEXT', member: 'TEXT' },
    'zh-CN': '名单 rows[{row}]：成员“{member}”不在你管理的支部',
    en: 'rows[{row}]: member "{member}" is not in a branch under you',
  },
  BULK_ROW_FIELD_REQUIRED: {
    params: { row: 'TEXT', field: 'FIELD', kind: 'TRANSFER_KIND' },
    'zh-CN': '名单 rows[{row}]：{kind}须填写{field}',
    en: 'rows[{row}]: {field} is required for {kind}',
  },
  BULK_OPEN: {
    params: { member: 'TEXT', transfer: 'TEXT' },
    'zh-CN': '成员“{member}”已有未办结的转接“{transfer}”，请将其移出名单或先办结',
    en: 'Member "{member}" already has an open transfer "{transfer}"; take them off the list or finish it first',
  },
  // ---- shared input checks (server/validate.ts) ----
  TEXT_UNSAFE_CHAR: {
    params: { field: 'FIELD', char: 'TEXT', position: 'TEXT' },
    'zh-CN': '{field}不能包含控制字符或文字方向字符（第{position}个字符为{char}）',
    en: '{field} must not contain control or text-direction characters (found {char} at position {position})',
  },
  TEXT_EMPTY: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}不能为空',
    en: '{field} must not be empty',
  },
  TEXT_TOO_LONG: {
    params: { field: 'FIELD', max: 'TEXT' },
    'zh-CN': '{field}最多{max}个字符',
    en: '{field} must be at most {max} characters',
  },
  INT_RANGE: {
    params: { field: 'FIELD', min: 'TEXT', max: 'TEXT' },
    'zh-CN': '{field}须为{min}至{max}之间的整数',
    en: '{field} must be an integer {min}–{max}',
  },
  NUMBER_RANGE: {
    params: { field: 'FIELD', min: 'TEXT', max: 'TEXT' },
    'zh-CN': '{field}须为{min}至{max}之间的数',
    en: '{field} must be a number {min}–{max}',
  },
  ONE_OF: {
    params: { field: 'FIELD', allowed: 'TEXT' },
    'zh-CN': '{field}须为以下之一：{allowed}',
    en: '{field} must be one of {allowed}',
  },
  NOT_A_DATE_TIME: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为日期时间',
    en: '{field} must be a date-time',
  },
  PAST_EVENT_IN_FUTURE: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}不能晚于现在：这是已经发生的事',
    en: '{field} must not be in the future for an event that has happened',
  },
  PAST_EVENT_TOO_EARLY: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}早得不合常理（不能早于1921年7月1日）',
    en: '{field} is implausibly early',
  },
  PHONE_FORMAT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为以1开头的11位数字，例如13812345678',
    en: '{field} must be 11 digits starting with 1, e.g. 13812345678',
  },
  ID_NUMBER_FORMAT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为18位：17位数字加一位数字或X',
    en: '{field} must be 18 characters: 17 digits and a digit or X',
  },
  CLIENT_ID_FORMAT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为1至80个字母、数字或 . _ : -',
    en: '{field} must be 1–80 letters, digits, . _ : or -',
  },
  // ---- overrides of the rules catalogue (a university administrator's) ----
  OVERRIDE_FORBIDDEN: {
    params: {},
    'zh-CN': '只有校级管理员可以修改规则目录中的规则',
    en: 'Only university administrators can override a rule of the catalogue',
  },
  RULE_NOT_FOUND: {
    params: { id: 'TEXT' },
    'zh-CN': '规则“{id}”不存在',
    en: 'Rule "{id}" not found',
  },
  OVERRIDE_DAY_FORMAT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为日历日期，格式为 YYYY-MM-DD',
    en: '{field} must be a calendar day YYYY-MM-DD',
  },
  OVERRIDE_DAY_PAST: {
    params: { field: 'FIELD', today: 'TEXT' },
    'zh-CN': '{field}须为今天（{today}）或以后：对过去日期的评估沿用当时有效的规则',
    en: '{field} must be today ({today}) or later: evaluations of past dates keep the rules in force then',
  },
  OVERRIDE_PARAMS_JSON: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为 JSON 对象，例如 {"minimum":2}',
    en: '{field} must be a JSON object, e.g. {"minimum":2}',
  },
  OVERRIDE_VERSION_TAKEN: {
    params: { id: 'TEXT', version: 'TEXT' },
    'zh-CN': '规则“{id}”的第{version}版刚被他人写入，请重新读取该规则后再试',
    en: 'Version {version} of rule "{id}" was just written by someone else; read the rule again and retry',
  },
  // ---- a rule's parameters (the evaluators' checks, server/rules/evaluators/params.ts) ----
  PARAMS_NOT_OBJECT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为对象',
    en: '{field} must be an object',
  },
  PARAM_ONE_OF: {
    params: { field: 'FIELD', allowed: 'TEXT' },
    'zh-CN': '{field}须为以下之一：{allowed}',
    en: '{field} must be one of {allowed}',
  },
  WHOLE_NUMBER_RANGE: {
    params: { field: 'FIELD', min: 'TEXT', max: 'TEXT' },
    'zh-CN': '{field}须为{min}至{max}之间的整数',
    en: '{field} must be a whole number from {min} to {max}',
  },
  // ---- obligations, the work queue and branch assessment ----
  PERIOD_BOTH_ENDS: {
    params: { field: 'FIELD' },
    'zh-CN': '请同时给出开始时间（from）和结束时间（to），或都不给',
    en: 'give both from and to, or neither',
  },
  PERIOD_ORDER: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须晚于开始时间（from）',
    en: '{field} must be after from',
  },
  PERIOD_TOO_LONG: {
    params: { field: 'FIELD', years: 'TEXT' },
    'zh-CN': '从开始时间（from）到结束时间（to）最长{years}年',
    en: 'the period from–to must be at most {years} years',
  },
  QUARTER_FORMAT: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}的格式应如 2026-Q3',
    en: '{field} must look like 2026-Q3',
  },
  QUARTERS_COUNT: {
    params: { field: 'TEXT', min: 'TEXT', max: 'TEXT' },
    'zh-CN': '季度数（{field}）须为{min}至{max}之间的整数',
    en: '{field} (the number of quarters) must be a whole number from {min} to {max}',
  },
  OBLIGATIONS_COMMITTEE_FORBIDDEN: {
    params: { committee: 'TEXT' },
    'zh-CN': '你不能查看党委“{committee}”的待办事项：只有其管理员可以',
    en: 'You may not read committee "{committee}" obligations: only its administrators can',
  },
  OBLIGATIONS_UNIVERSITY_FORBIDDEN: {
    params: {},
    'zh-CN': '只有校级管理员可以查看全校的待办事项',
    en: "Only university administrators can read the whole university's obligations",
  },
  ASSESSMENT_COMMITTEE_FORBIDDEN: {
    params: { committee: 'TEXT' },
    'zh-CN': '你不能比较党委“{committee}”下的各支部：只有其管理员可以',
    en: 'You may not compare the branches of committee "{committee}": only its administrators can',
  },
  ASSESSMENT_UNIVERSITY_FORBIDDEN: {
    params: {},
    'zh-CN': '只有校级管理员可以比较全校各支部',
    en: 'Only university administrators can compare every branch of the university',
  },
  PARAM_NUMBER: {
    params: { field: 'FIELD', min: 'TEXT', max: 'TEXT' },
    'zh-CN': '{field}须为{min}至{max}之间的数',
    en: '{field} must be a number from {min} to {max}',
  },
  PARAM_BOOLEAN: {
    params: { field: 'FIELD' },
    'zh-CN': '{field}须为 true 或 false',
    en: '{field} must be true or false',
  },
} as const satisfies Record<string, { params: Record<string, string>; 'zh-CN': string; en: string }>;

export type ErrorReasonCode = keyof typeof ERROR_MESSAGES;
export type ErrorParamValue = string | number;

/** A refusal's code and parameters, as put in `extensions.reason`. */
export interface ErrorReason {
  code: ErrorReasonCode;
  params: Record<string, ErrorParamValue>;
}

export const isErrorReason = (x: unknown): x is ErrorReason =>
  !!x &&
  typeof x === 'object' &&
  typeof (x as ErrorReason).code === 'string' &&
  Object.hasOwn(ERROR_MESSAGES, (x as ErrorReason).code) &&
  typeof (x as ErrorReason).params === 'object';

/** The parameters naming a rule (its id, titles and citation) for a refusal that cites it. */
export const ruleParams = (rule: { id: string; title: { zh: string; en: string } }, citation: string) => ({
  rule: rule.id,
  ruleTitle: rule.title.zh,
  ruleTitleEn: rule.title.en,
  citation,
});

const kindOf = (code: ErrorReasonCode, name: string): ErrorParamKind => {
  const spec = (ERROR_MESSAGES[code].params as Record<string, string>)[name] ?? 'TEXT';
  return spec.replace('?', '') as ErrorParamKind;
};

const named = (table: Record<Locale, Record<string, string>>, v: string, locale: Locale) => table[locale][v] ?? v;

function formatParam(kind: ErrorParamKind, value: ErrorParamValue, locale: Locale): string {
  const v = String(value);
  switch (kind) {
    case 'FIELD': {
      // The field's API name stays beside its Chinese name, so the message names the input either way.
      const base = v.replace(/^rows\[\d+\]\./, '').replace(/\[\d+\]$/, '');
      const zh = FIELD_NAMES[base];
      return locale === 'zh-CN' && zh ? `${zh}（${v}）` : v;
    }
    case 'STEP':
      return locale === 'zh-CN' ? named(STEP_NAMES, v, locale) : v;
    case 'STEPS':
      return v
        .split(',')
        .filter(Boolean)
        .map((x) => (locale === 'zh-CN' ? `“${named(STEP_NAMES, x, locale)}”` : x))
        .join(locale === 'zh-CN' ? '、' : ', ');
    case 'STAGE':
      return (STAGE_NAMES[locale] as Record<string, string>)[v] ?? v;
    case 'FEN': {
      const fen = Number(value);
      return locale === 'zh-CN' ? `${(fen / 100).toFixed(2)}元（${fen}分）` : `${fen} fen (¥${(fen / 100).toFixed(2)})`;
    }
    case 'CATEGORY':
      return named(DUES_CATEGORY_NAMES, v, locale);
    case 'TRANSFER_KIND':
      return named(TRANSFER_KIND_NAMES, v, locale);
    case 'TRANSFER_STATUSES':
      return v
        .split(',')
        .map((x) => named(TRANSFER_STATUS_NAMES, x, locale))
        .join(locale === 'zh-CN' ? '”或“' : ' or ');
    default:
      return v;
  }
}

/** A refusal's message in the locale, with the cited rule after it when the params name one. */
export function renderError(r: ErrorReason, locale: Locale): string {
  const has = (name: string) => r.params[name] !== undefined && r.params[name] !== null && r.params[name] !== '';
  let template: string = ERROR_MESSAGES[r.code][locale];
  if (has('rule')) template += RULE_SUFFIX[locale];
  return fillTemplate(template, has, (name) => formatParam(kindOf(r.code, name), r.params[name], locale));
}

/**
 * A refusal with its reason: the message in English (logs, and the en rendering at the edge) and
 * `details.reason` for the edge to render in the request's language. `details` adds the field and the
 * rest the API already reports.
 */
export function refusalError(code: 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND', reason: ErrorReason, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, renderError(reason, 'en'), { ...details, reason });
}
