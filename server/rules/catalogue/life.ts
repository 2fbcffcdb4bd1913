/**
 * Organizational life (组织生活): the minimum number of meetings of each kind per calendar period.
 *
 * Citations. Each article below was checked against the text of 《中国共产党支部工作条例（试行）》
 * (2018) as published; `confirmed: false` marks a rule whose article could not be checked, which
 * cites the document alone:
 * - 第十一条: 党支部党员大会……一般每季度召开1次.
 * - 第十二条: 党支部委员会会议一般每月召开1次.
 * - 第十三条: 党小组会一般每月召开1次 (for branches divided into party groups).
 * - 第十六条: 三会一课 and 主题党日 (党支部以每月1天为相对固定的时间……).
 * - 第十七条: 党支部每年至少召开1次组织生活会.
 * - 党课 once a quarter: the document requires 党课 under 三会一课 without a quarterly figure in the
 *   text we could check; the quarterly minimum is the common practice this catalogue keeps.
 * - 民主评议党员 once a year (党支部一般每年开展1次民主评议党员): the sentence was found in the text,
 *   but not its article number, so the document alone is cited.
 *
 * `effectiveFrom` is when Hongtu starts counting a rule, not the date of the document.
 */
import type { RuleDef } from '../types';
import type { MeetingMinimumParams } from '../evaluators/meeting-minimum';

const REGULATION = '中国共产党支部工作条例（试行）';
const FROM = '2018-01-01';

export const LIFE_RULES: RuleDef<MeetingMinimumParams>[] = [
  {
    id: 'life.branch-assembly.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '支部党员大会每季度至少1次', en: 'Branch assembly at least once a quarter' },
    params: { meetingKind: 'BRANCH_ASSEMBLY', frequency: 'QUARTER', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: { document: REGULATION, article: '第十一条', confirmed: true, note: '党支部党员大会……一般每季度召开1次' },
  },
  {
    id: 'life.branch-committee.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '支部委员会会议每月至少1次', en: 'Branch committee meeting at least once a month' },
    params: { meetingKind: 'BRANCH_COMMITTEE', frequency: 'MONTH', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: { document: REGULATION, article: '第十二条', confirmed: true, note: '党支部委员会会议一般每月召开1次' },
  },
  {
    id: 'life.group-meeting.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '党小组会每月至少1次', en: 'Party group meeting at least once a month' },
    params: { meetingKind: 'GROUP_MEETING', frequency: 'MONTH', minimum: 1, onlyWithGroups: true },
    effectiveFrom: FROM,
    citation: { document: REGULATION, article: '第十三条', confirmed: true, note: '党小组会一般每月召开1次（设党小组的党支部）' },
  },
  {
    id: 'life.party-lecture.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '党课每季度至少1次', en: 'Party lecture at least once a quarter' },
    params: { meetingKind: 'PARTY_LECTURE', frequency: 'QUARTER', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: {
      document: REGULATION,
      confirmed: false,
      note: '条例规定"三会一课"包括党课；每季度至少1次为通行做法，未能在条文中核实具体频次与条目',
    },
  },
  {
    id: 'life.theme-day.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '主题党日每月1次', en: 'Theme Party day once a month' },
    params: { meetingKind: 'THEME_DAY', frequency: 'MONTH', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: { document: REGULATION, article: '第十六条', confirmed: true, note: '党支部以每月1天为相对固定的时间开展主题党日' },
  },
  {
    id: 'life.org-life-meeting.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '组织生活会每年至少1次', en: 'Organizational life meeting at least once a year' },
    params: { meetingKind: 'ORG_LIFE_MEETING', frequency: 'YEAR', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: { document: REGULATION, article: '第十七条', confirmed: true, note: '党支部每年至少召开1次组织生活会，一般安排在第四季度' },
  },
  {
    id: 'life.democratic-review.minimum',
    version: 1,
    kind: 'meeting-minimum',
    appliesTo: 'BRANCH',
    title: { zh: '民主评议党员每年1次', en: 'Democratic review of members once a year' },
    params: { meetingKind: 'DEMOCRATIC_REVIEW', frequency: 'YEAR', minimum: 1, onlyWithGroups: false },
    effectiveFrom: FROM,
    citation: {
      document: REGULATION,
      confirmed: false,
      note: '"党支部一般每年开展1次民主评议党员"见于条例正文，未能核实条目序号，故只引文件',
    },
  },
];
