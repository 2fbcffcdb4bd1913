/** Names used in refusal messages (error-messages.ts): input fields, pipeline steps, dues categories, transfer kinds and states. */
import type { Locale } from './locale';

/** Chinese names of the input fields refusals name (the API name is shown beside them). */
export const FIELD_NAMES: Record<string, string> = {
  appliedAt: '递交入党申请书日期',
  activistAt: '确定为入党积极分子日期',
  candidateAt: '列为发展对象日期',
  joinedAt: '入党日期',
  fullAt: '转为正式党员日期',
  sponsorIds: '入党介绍人',
  contactIds: '培养联系人',
  at: '日期',
  step: '步骤',
  people: '培养联系人',
  months: '缴费月份',
  duesPaidUntil: '党费交至月份',
  toBranchId: '接收支部',
  externalOrg: '接收单位',
  batchId: '批次编号',
  memberId: '成员',
  name: '名称',
  title: '标题',
  choice: '所选选项',
  minutesPerWeek: '每周学习分钟数',
  weeks: '周数',
  first: '每页条数',
  phone: '手机号码',
  idNumber: '身份证号码',
  reason: '理由',
  effectiveFrom: '生效日期',
  params: '参数',
  ruleId: '规则',
  from: '开始时间',
  to: '结束时间',
  asOf: '评估时间',
  quarter: '季度',
  horizonDays: '提前天数',
};

export const STEP_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    APPLICATION: '递交入党申请书',
    TALK: '谈话',
    ACTIVIST: '确定为入党积极分子',
    REVIEW: '半年考察',
    CANDIDATE: '确定为发展对象',
    POLITICAL_REVIEW: '政治审查',
    TRAINING: '集中培训',
    PRE_REVIEW: '党委预审',
    PUBLIC_NOTICE: '公示',
    BRANCH_VOTE: '支部大会表决',
    COMMITTEE_APPROVAL: '党委审批',
    FULL_MEMBERSHIP: '转为正式党员',
  },
  en: {},
};

export const DUES_CATEGORY_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { EMPLOYED: '在职党员', RETIRED: '离退休党员', STUDENT: '学生党员', UNEMPLOYED: '下岗失业党员', RELIEF: '依靠抚恤或救济生活的党员' },
  en: { EMPLOYED: 'employed', RETIRED: 'retired', STUDENT: 'student', UNEMPLOYED: 'unemployed', RELIEF: 'on relief' },
};

export const TRANSFER_KIND_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { INTERNAL: '校内转接', OUT: '转出校外', IN: '从校外转入' },
  en: { INTERNAL: 'an internal transfer', OUT: 'an outgoing transfer', IN: 'an incoming transfer' },
};

export const TRANSFER_STATUS_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { INITIATED: '已发起', APPROVED: '党委已审批', LETTER_ISSUED: '已开具介绍信', LETTER_RECEIVED: '已收到介绍信', COMPLETED: '已办结', CANCELLED: '已撤销' },
  en: {},
};
