/**
 * Chinese titles and record summaries (会议记录摘要) for generated meetings. The record names the
 * discussed topics and borrows their descriptions, so automatic topic tagging has real text to work on.
 */
import type { AttendanceStatus, MeetingKind } from '../../graph';
import type { CurriculumIndex } from './curriculum-index';
import { cstYearMonth } from './meeting-periods';
import type { BranchRec, GroupRec } from './organization';
import type { MemberRec } from './people';
import type { Rng } from './rng';

export interface MeetingTextInput {
  kind: MeetingKind;
  at: number;
  branch: BranchRec;
  group: GroupRec | null;
  topics: { skill: number; weight: number }[];
  attendance: { member: number; status: AttendanceStatus }[];
  members: MemberRec[];
  ci: CurriculumIndex;
  rng: Rng;
}

const OPENINGS: Record<MeetingKind, string[]> = {
  BRANCH_ASSEMBLY: ['会议传达了上级党组织有关文件精神，', '会议听取了支部委员会工作情况汇报，', '会议讨论了发展党员有关事项，'],
  BRANCH_COMMITTEE: ['支委会研究了本月支部工作安排，', '支委会分析了党员思想状况和学习情况，', '支委会研究了入党积极分子培养考察情况，'],
  GROUP_MEETING: ['党小组组织成员开展集中学习，', '党小组成员逐一交流了近期学习心得，'],
  PARTY_LECTURE: ['主讲人结合典型案例进行了专题讲授，', '本次党课采用专题辅导与互动研讨相结合的方式，'],
  THEME_DAY: ['支部组织党员重温入党誓词，', '支部组织党员开展志愿服务和参观学习活动，', '支部组织党员赴红色教育基地开展现场教学，'],
  ORG_LIFE_MEETING: ['会前支部广泛征求了意见建议，开展了谈心谈话，', '支部班子和党员逐一进行了对照检查，开展批评和自我批评，'],
  DEMOCRATIC_REVIEW: ['党员逐一进行了个人自评，开展党员互评和民主测评，'],
};
const CLOSINGS = ['会议明确了下一步工作安排。', '会议要求全体党员把学习成果转化为推动工作的实际行动。', '会议对下阶段学习任务作了部署。'];

const firstSentence = (s: string): string => {
  const i = s.search(/[。！？]/);
  return i >= 0 ? s.slice(0, i + 1) : s ? `${s}。` : '';
};

export function describeMeeting(x: MeetingTextInput): { title: string; record: string } {
  const { year, month } = cstYearMonth(x.at);
  const names = x.topics.map((t) => x.ci.skills[t.skill].name);
  const main = names[0] ?? '党的基本知识';
  const q = Math.floor((month - 1) / 3) + 1;
  const title = {
    BRANCH_ASSEMBLY: `${year}年第${q}季度支部党员大会：${main}`,
    BRANCH_COMMITTEE: `${month}月支委会：研究${main}相关工作`,
    GROUP_MEETING: `${x.group?.name ?? '党小组'}${month}月党小组会：学习${main}`,
    PARTY_LECTURE: `专题党课：${main}`,
    THEME_DAY: `${month}月主题党日：${main}`,
    ORG_LIFE_MEETING: `${month <= 2 ? year - 1 : year}年度组织生活会`,
    DEMOCRATIC_REVIEW: `${month <= 2 ? year - 1 : year}年度民主评议党员`,
  }[x.kind];
  const secretary = x.branch.members.map((i) => x.members[i]).find((m) => m.role === 'SECRETARY');
  const host = x.kind === 'GROUP_MEETING' ? '党小组长' : `支部书记${secretary?.name ?? ''}`;
  const present = x.attendance.filter((a) => a.status === 'PRESENT').length;
  const excused = x.attendance.filter((a) => a.status === 'EXCUSED').length;
  const about = names.length ? `围绕“${names.join('”“')}”进行了学习讨论。` : '开展了学习讨论。';
  const detail = x.topics[0] ? firstSentence(x.ci.skills[x.topics[0].skill].description) : '';
  const record =
    `会议由${host}主持，应到${x.attendance.length}人，实到${present}人${excused ? `，请假${excused}人` : ''}。` +
    `${x.rng.pick(OPENINGS[x.kind])}${about}${detail}与会同志结合${x.branch.type === 'UNDERGRAD' || x.branch.type === 'GRADUATE' ? '学习' : '工作'}实际交流了体会。${x.rng.pick(CLOSINGS)}`;
  return { title, record };
}
