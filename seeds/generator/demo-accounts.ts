/**
 * The well-known people every generated world starts with (at every scale and seed), for the
 * client's demo sign-in and for documentation. Their ids, names and offices never change; their
 * learning histories come from the same hidden model as everyone else's, with m-4 given a
 * deliberately rich history and clear gaps.
 *
 * Where they sit: cm-1 is always 计算机学院党委 and b-1 its 本科生第一党支部; m-1 and m-2 belong to
 * cm-1's first teacher branch (教工第一党支部, or 教工党支部 when it has only one).
 */
import type { Area, MemberKind, MemberStage, Role } from '../../graph';

export interface DemoAccount {
  id: string;
  role: Role;
  name: string;
  kind: MemberKind;
  stage: MemberStage;
  /** The committee / branch whose data the account is about (its scope or its home). */
  committeeId: string;
  branchId: string | null;
  /** zh-CN, shown on the demo sign-in page. */
  description: string;
}

export const DEMO_COMMITTEE_ID = 'cm-1';
export const DEMO_BRANCH_ID = 'b-1';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: 'm-1',
    role: 'UNIVERSITY_ADMIN',
    name: '王建国',
    kind: 'STAFF',
    stage: 'FULL',
    committeeId: 'cm-1',
    branchId: null,
    description: '校级管理员（党委组织部）：可查看和管理全校各二级党委、党支部和党员的数据。',
  },
  {
    id: 'm-2',
    role: 'COMMITTEE_ADMIN',
    name: '李红梅',
    kind: 'TEACHER',
    stage: 'FULL',
    committeeId: 'cm-1',
    branchId: null,
    description: '计算机学院党委组织员：管理本学院各党支部，其中有的支部组织生活不够规范。',
  },
  {
    id: 'm-3',
    role: 'SECRETARY',
    name: '张伟',
    kind: 'STAFF',
    stage: 'FULL',
    committeeId: 'cm-1',
    branchId: 'b-1',
    description: '计算机学院本科生第一党支部书记（辅导员）：管理本支部党员、会议和学习情况。',
  },
  {
    id: 'm-4',
    role: 'MEMBER',
    name: '刘洋',
    kind: 'STUDENT',
    stage: 'ACTIVIST',
    committeeId: 'cm-1',
    branchId: 'b-1',
    description: '计算机学院本科生第一党支部入党积极分子：学习记录丰富，党史和党章掌握较好，发展党员工作和党规党纪方面有明显短板。',
  },
];

/** Hidden-model overrides that give m-4 clear strengths and clear gaps. */
export const DEMO_LEARNER = {
  id: 'm-4',
  ability: 0.4,
  studies: 45,
  answers: 220,
  /** Studies only courses in these areas. */
  focusAreas: ['history', 'constitution', 'theory', 'affairs'] as Area[],
  /** Share of quiz questions drawn from the gap areas, so the gaps show in the evidence. */
  gapQuizShare: 0.35,
  areaShift: { admission: -1.8, discipline: -1.5, organization: -0.8, history: 0.9, constitution: 0.6, theory: 0.4 } as Partial<Record<Area, number>>,
};
