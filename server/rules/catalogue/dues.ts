/**
 * Dues (党费): the rate brackets by category, the fixed minimum, paying more, and the arrears prompts.
 * From 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号) and the Party Constitution.
 * Money is integer fen; a rate is in basis points (50 = 0.5%).
 */
import type { DuesCategory } from '../../../graph';
import type { RuleDef } from '../types';

/** Incomes up to and including `upToFen` pay `basisPoints`; the last bracket has upToFen null. */
export interface Bracket {
  upToFen: number | null;
  basisPoints: number;
}
export interface DuesBracketParams {
  categories: DuesCategory[];
  brackets: Bracket[];
  /** How a fraction of a fen is settled (the document says nothing; we round half up to the fen). */
  rounding: 'HALF_UP';
}
export interface DuesFixedParams {
  categories: DuesCategory[];
  fixedFen: number;
}
export interface DuesArrearsParams {
  /** Consecutive unpaid months that trigger the prompt. */
  months: number;
  severity: 'WARN' | 'CONSTITUTION_CASE';
}

const DUES_DOC = '关于中国共产党党费收缴、使用和管理的规定';
const FROM = '2008-04-01';

export const DUES_BRACKET_RULES: RuleDef<DuesBracketParams>[] = [
  {
    id: 'dues.employed.brackets',
    version: 1,
    kind: 'dues-brackets',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '在职党员按税后月工资收入分档交纳', en: 'Employed members: rate by monthly income after tax' },
    params: {
      categories: ['EMPLOYED'],
      rounding: 'HALF_UP',
      brackets: [
        { upToFen: 300_000, basisPoints: 50 },
        { upToFen: 500_000, basisPoints: 100 },
        { upToFen: 1_000_000, basisPoints: 150 },
        { upToFen: null, basisPoints: 200 },
      ],
    },
    citation: { document: DUES_DOC, article: '第二条', confirmed: true, note: '3000元以下（含）0.5%；3000–5000元（含）1%；5000–10000元（含）1.5%；10000元以上2%' },
  },
  {
    id: 'dues.retired.brackets',
    version: 1,
    kind: 'dues-brackets',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '离退休党员按离退休费总额分档交纳', en: 'Retired members: rate by pension' },
    params: {
      categories: ['RETIRED'],
      rounding: 'HALF_UP',
      brackets: [
        { upToFen: 500_000, basisPoints: 50 },
        { upToFen: null, basisPoints: 100 },
      ],
    },
    citation: { document: DUES_DOC, article: '第五条', confirmed: true, note: '5000元以下（含）0.5%；5000元以上1%' },
  },
];

export const DUES_FIXED_RULES: RuleDef<DuesFixedParams>[] = [
  {
    id: 'dues.fixed-minimum',
    version: 1,
    kind: 'dues-fixed',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '学生、下岗失业、依靠抚恤或救济生活的党员每月交纳0.2元', en: 'Students, unemployed members and members on relief pay 0.2 yuan a month' },
    params: { categories: ['STUDENT', 'UNEMPLOYED', 'RELIEF'], fixedFen: 20 },
    citation: { document: DUES_DOC, article: '第六条', confirmed: true },
  },
];

export const DUES_VOLUNTARY_RULE: RuleDef<Record<string, never>> = {
  id: 'dues.voluntary-more',
  version: 1,
  kind: 'dues-voluntary',
  appliesTo: 'MEMBER',
  effectiveFrom: FROM,
  title: { zh: '党员自愿多交党费不限', en: 'Members may pay more than the standard' },
  params: {},
  citation: { document: DUES_DOC, article: '第十一条', confirmed: true },
};

export const DUES_ARREARS_RULES: RuleDef<DuesArrearsParams>[] = [
  {
    id: 'dues.arrears.warn',
    version: 1,
    kind: 'dues-arrears',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '连续3个月未交党费，提醒支部批评教育', en: 'Three months unpaid: remind the branch' },
    params: { months: 3, severity: 'WARN' },
    citation: { document: DUES_DOC, confirmed: false, note: '3个月提醒为支部工作中的常见做法，未在规定原文中找到对应条款' },
  },
  {
    id: 'dues.arrears.constitution',
    version: 1,
    kind: 'dues-arrears',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '无正当理由连续6个月不交纳党费：按党章规定提交支部处理', en: 'Six months unpaid without a justified reason: the Constitution’s case for the branch' },
    params: { months: 6, severity: 'CONSTITUTION_CASE' },
    citation: {
      document: '中国共产党章程',
      confirmed: false,
      note: '“党员如果没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党”；见于党章第九条所在部分，但所见摘录未在条款号下显示该句。系统只提示支部，不改变党员状态',
    },
  },
];

/** Every dues rule, for the catalogue. */
export const DUES_RULES: RuleDef<unknown>[] = [...DUES_BRACKET_RULES, ...DUES_FIXED_RULES, DUES_VOLUNTARY_RULE, ...DUES_ARREARS_RULES] as RuleDef<unknown>[];
