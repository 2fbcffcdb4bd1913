/** Notices (党务公开): the public-notice period counted in working days (Chinese holidays and adjusted working days). */
import type { RuleDef } from '../types';

export interface NoticePeriodParams {
  minWorkingDays: number;
  maxWorkingDays: number;
}

export const NOTICE_RULES: RuleDef<NoticePeriodParams>[] = [
  {
    id: 'notice.period.working-days',
    version: 1,
    kind: 'notice-period',
    appliesTo: 'BRANCH',
    effectiveFrom: '2017-12-25',
    title: { zh: '公示期按工作日计算（节假日顺延、调休上班日计入）', en: 'Public-notice periods count working days (holidays skipped, adjusted working days counted)' },
    params: { minWorkingDays: 1, maxWorkingDays: 30 },
    citation: { document: '中国共产党党务公开条例（试行）', confirmed: false, note: '工作日由 chinese-days 日历包计算；条款号未核对' },
  },
];
