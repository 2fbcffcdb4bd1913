/**
 * The development pipeline (发展党员), one rule per step: which steps must come first, the earliest
 * date (waiting periods), the deadline, and what evidence the step needs. From 《中国共产党发展党员工作细则》
 * (2014) and the Party Constitution. Article numbers are given only where a text was checked.
 */
import type { PipelineStep } from '../../../graph';
import type { RuleDef } from '../types';

/** A span after another step: months (calendar) and/or days. */
export interface Span {
  after: PipelineStep;
  months?: number;
  days?: number;
}

export interface PipelineStepParams {
  step: PipelineStep;
  /** Steps that must already be recorded. */
  requires: PipelineStep[];
  /** Too early before this. */
  notBefore?: Span;
  /** Late after this. */
  dueWithin?: Span;
  /** Repeats every n months while the person is at this stage (half-yearly reviews). */
  repeatEveryMonths?: number;
  /** Until this step is recorded the repetition goes on. */
  repeatUntil?: PipelineStep;
  sponsors?: { min: number; max: number };
  training?: { minDays: number; minHours: number };
  /** The step opens a public notice of this many working days; the next step waits for its end. */
  noticeWorkingDays?: number;
  /** The step may not be recorded before the public notice of this step has ended. */
  afterNoticeOf?: PipelineStep;
}

const RULES_DOC = '中国共产党发展党员工作细则';
const CONSTITUTION = '中国共产党章程';
const FROM = '2014-06-10';

const rule = (id: string, zh: string, en: string, params: PipelineStepParams, citation: RuleDef['citation']): RuleDef<PipelineStepParams> => ({
  id,
  version: 1,
  kind: 'pipeline-step',
  appliesTo: 'MEMBER',
  title: { zh, en },
  params,
  effectiveFrom: FROM,
  citation,
});

export const PIPELINE_RULES: RuleDef<PipelineStepParams>[] = [
  rule(
    'pipeline.application',
    '递交入党申请书',
    'Application for membership',
    { step: 'APPLICATION', requires: [] },
    { document: RULES_DOC, confirmed: false, note: '入党申请 (第二章)；条款号未核对原文' },
  ),
  rule(
    'pipeline.talk.within-month',
    '一个月内派人谈话',
    'Talk within a month of the application',
    { step: 'TALK', requires: ['APPLICATION'], notBefore: { after: 'APPLICATION' }, dueWithin: { after: 'APPLICATION', months: 1 } },
    { document: RULES_DOC, confirmed: false, note: '“党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话”；第三方材料标为第七条，未能对照原文核对条款号' },
  ),
  rule(
    'pipeline.activist.sponsors',
    '确定入党积极分子并指定培养联系人',
    'Activist, with sponsors assigned',
    { step: 'ACTIVIST', requires: ['TALK'], notBefore: { after: 'TALK' }, sponsors: { min: 1, max: 2 } },
    { document: RULES_DOC, confirmed: false, note: '党组织应当指定一至两名正式党员作培养联系人；条款号未核对' },
  ),
  rule(
    'pipeline.review.half-yearly',
    '每半年考察一次入党积极分子',
    'Half-yearly review of the activist',
    { step: 'REVIEW', requires: ['ACTIVIST'], notBefore: { after: 'ACTIVIST' }, repeatEveryMonths: 6, repeatUntil: 'CANDIDATE' },
    { document: RULES_DOC, confirmed: false, note: '党支部每半年对入党积极分子进行一次考察；条款号未核对' },
  ),
  rule(
    'pipeline.candidate.min-wait',
    '培养考察一年以上方可列为发展对象',
    'Development candidate at least a year after activist',
    { step: 'CANDIDATE', requires: ['ACTIVIST'], notBefore: { after: 'ACTIVIST', months: 12 } },
    { document: RULES_DOC, article: '第十三条', confirmed: true, note: '对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子……可列为发展对象' },
  ),
  rule(
    'pipeline.political-review',
    '对发展对象进行政治审查',
    'Political review of the candidate',
    { step: 'POLITICAL_REVIEW', requires: ['CANDIDATE'], notBefore: { after: 'CANDIDATE' } },
    { document: RULES_DOC, confirmed: false, note: '未经政治审查或政治审查不合格的，不能发展入党；条款号未核对' },
  ),
  rule(
    'pipeline.training.minimum',
    '集中培训不少于3天或24学时',
    'Concentrated training of at least 3 days or 24 class hours',
    { step: 'TRAINING', requires: ['CANDIDATE'], notBefore: { after: 'CANDIDATE' }, training: { minDays: 3, minHours: 24 } },
    { document: RULES_DOC, confirmed: false, note: '短期集中培训，时间一般不少于3天（或不少于24个学时）；条款号未核对' },
  ),
  rule(
    'pipeline.pre-review',
    '基层党委预审',
    'Pre-review by the committee',
    { step: 'PRE_REVIEW', requires: ['POLITICAL_REVIEW', 'TRAINING'], notBefore: { after: 'TRAINING' } },
    { document: RULES_DOC, confirmed: false, note: '支部委员会审查后报基层党委预审；条款号未核对' },
  ),
  rule(
    'pipeline.public-notice',
    '发展对象公示',
    'Public notice of the candidate',
    { step: 'PUBLIC_NOTICE', requires: ['PRE_REVIEW'], notBefore: { after: 'PRE_REVIEW' }, noticeWorkingDays: 5 },
    { document: RULES_DOC, confirmed: false, note: '公示期按5个工作日计（各地常见做法）；条款与天数未能对照原文核对' },
  ),
  rule(
    'pipeline.branch-vote',
    '支部大会讨论表决',
    'Branch assembly vote',
    { step: 'BRANCH_VOTE', requires: ['PUBLIC_NOTICE'], notBefore: { after: 'PUBLIC_NOTICE' }, afterNoticeOf: 'PUBLIC_NOTICE', dueWithin: { after: 'PRE_REVIEW', months: 1 } },
    { document: RULES_DOC, confirmed: false, note: '预审合格后一个月内提交支部大会讨论（第三方材料标为第十九条，未核对）；表决须在公示期满后' },
  ),
  rule(
    'pipeline.committee-approval',
    '基层党委三个月内审批',
    'Committee approval within three months',
    { step: 'COMMITTEE_APPROVAL', requires: ['BRANCH_VOTE'], notBefore: { after: 'BRANCH_VOTE' }, dueWithin: { after: 'BRANCH_VOTE', months: 3 } },
    { document: RULES_DOC, confirmed: false, note: '党委对支部上报的接收预备党员决议，应当在三个月内审批；条款号未核对' },
  ),
  rule(
    'pipeline.probation.one-year',
    '预备期一年，期满转正',
    'Probation of one year, then full membership',
    { step: 'FULL_MEMBERSHIP', requires: ['COMMITTEE_APPROVAL'], notBefore: { after: 'BRANCH_VOTE', months: 12 }, dueWithin: { after: 'BRANCH_VOTE', months: 15 } },
    { document: CONSTITUTION, article: '第七条', confirmed: true, note: '预备党员的预备期为一年；预备期从支部大会通过他为预备党员之日算起。期满后三个月为本系统的提醒期限' },
  ),
];
