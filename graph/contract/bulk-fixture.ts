/** A small bulk directory (graph/bulk-format.ts) with values that stress CSV quoting. */
import fs from 'node:fs';
import path from 'node:path';
import { BULK_NODES, BULK_RELS, bulkFile, type BulkNode, type BulkRel } from '../bulk-format';
import { DAY, T0 } from './fixtures';

type Cell = string | number | boolean | null;

/** RFC 4180: quote fields with a comma, quote or newline; double inner quotes; null = empty. */
export function csvLine(cells: Cell[]): string {
  return cells
    .map((c) => {
      if (c === null) return '';
      const s = String(c);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

export const BULK_ROWS: Record<BulkNode | BulkRel, Cell[][]> = {
  University: [['u-9', '导入大学党委']],
  Committee: [['c-9', '导入学院, "党委"']],
  Branch: [
    ['b-9', '导入第一支部'],
    ['b-8', '导入第二支部'],
  ],
  Group: [['g-9', '导入党小组']],
  Member: [
    ['m-91', '导入 甲', 'STUDENT', 'FULL', 'SECRETARY', T0, '13700000000', null, T0, T0 + DAY],
    ['m-92', '导入乙', 'TEACHER', 'CANDIDATE', 'MEMBER', T0 + DAY, null, null, T0, T0],
  ],
  Topic: [
    ['constitution', '党章党规基本知识', 'constitution', '党章、党规'],
    ['constitution.duties', '党员的义务', 'constitution', '八项义务'],
  ],
  Course: [['k-91', '导入课程：党章', '第一行\n第二行，含"引号"', 'VIDEO', 15, T0, T0]],
  Question: [['q-91', '导入题目？', JSON.stringify(['甲', '乙, 丙', '"丁"']), 1, '解析', 0.5]],
  Meeting: [['mt-91', 'BRANCH_ASSEMBLY', '支部党员大会', T0 + DAY, 90, '会议记录：\n一、学习党章']],
  UNDER_COMMITTEE_UNIVERSITY: [['c-9', 'u-9']],
  UNDER_BRANCH_COMMITTEE: [
    ['b-9', 'c-9'],
    ['b-8', 'c-9'],
  ],
  UNDER_GROUP_BRANCH: [['g-9', 'b-9']],
  BELONGS_TO: [
    ['m-91', 'b-9', 'SECRETARY', T0],
    ['m-92', 'b-8', 'MEMBER', T0 + DAY],
  ],
  IN_GROUP: [['m-91', 'g-9']],
  SUBTOPIC_OF: [['constitution.duties', 'constitution']],
  PREREQUISITE_OF: [['constitution', 'constitution.duties']],
  COVERS: [
    ['k-91', 'constitution.duties', 0.8, 'MANUAL', 1],
    ['k-91', 'constitution', 0.3, 'AUTO', 0.55],
  ],
  TESTS: [['q-91', 'constitution.duties', 1, 'MANUAL', 1]],
  DISCUSSED: [['mt-91', 'constitution', 0.5, 'AUTO', 0.7]],
  HELD: [['b-9', 'mt-91']],
  ATTENDED: [
    ['m-91', 'mt-91', 'PRESENT'],
    ['m-92', 'mt-91', 'ABSENT'],
  ],
  STUDIED: [
    ['m-91', 'k-91', 'ev-91', T0 + 2 * DAY, 600, 0.5],
    ['m-92', 'k-91', 'ev-92', T0 + 3 * DAY, 60, 1],
  ],
  ANSWERED: [
    ['m-91', 'q-91', 'an-91', T0 + 2 * DAY, true, 20],
    ['m-91', 'q-91', 'an-92', T0 + 4 * DAY, false, 35],
  ],
  Milestone: [
    [
      'ms-91',
      'm-92',
      T0,
      JSON.stringify({
        id: 'ms-91',
        memberId: 'm-92',
        step: 'APPLICATION',
        at: T0,
        recordedAt: T0,
        recordedBy: 'm-91',
        evidence: { meetingId: null, documentRef: '入党申请书', people: [], trainingDays: null, trainingHours: null, note: null },
      }),
    ],
  ],
  DuesStandard: [
    [
      'm-91:2025',
      'm-91',
      2025,
      JSON.stringify({
        memberId: 'm-91',
        year: 2025,
        category: 'STUDENT',
        baseFen: null,
        computedFen: 20,
        monthlyFen: 20,
        ruleId: 'dues.fixed-minimum',
        ruleVersion: 1,
        recordedAt: T0,
        recordedBy: 'm-91',
      }),
    ],
  ],
  DuesPayment: [['pay-91', 'm-91', T0, JSON.stringify({ id: 'pay-91', memberId: 'm-91', months: ['2025-01', '2025-02'], amountFen: 40, paidAt: T0, recordedBy: 'm-91' })]],
  TransferCase: [
    [
      'tc-91',
      'm-92',
      'INITIATED',
      'b-9',
      '',
      T0,
      JSON.stringify({
        id: 'tc-91',
        memberId: 'm-92',
        kind: 'OUT',
        status: 'INITIATED',
        fromBranchId: 'b-9',
        toBranchId: null,
        externalOrg: '外单位',
        letterNumber: null,
        validUntil: null,
        duesPaidUntil: null,
        reason: '毕业',
        batchId: null,
        profileConsentAt: null,
        steps: [],
        createdAt: T0,
        updatedAt: T0,
      }),
    ],
  ],
  Notice: [
    [
      'n-91',
      'BRANCH',
      'b-9',
      T0,
      JSON.stringify({
        id: 'n-91',
        kind: 'GENERAL',
        audience: 'BRANCH',
        audienceId: 'b-9',
        title: '通知',
        body: '正文，含逗号',
        publishedAt: T0,
        publishedBy: 'm-91',
        periodWorkingDays: null,
        periodEndsAt: null,
        subjectMemberId: null,
      }),
    ],
  ],
  HAS_MILESTONE: [['m-92', 'ms-91']],
  HAS_DUES_STANDARD: [['m-91', 'm-91:2025']],
  PAID_DUES: [['m-91', 'pay-91']],
  HAS_TRANSFER_CASE: [['m-92', 'tc-91']],
  READ_NOTICE: [['m-91', 'n-91', T0 + DAY]],
};

/** Write BULK_ROWS as a bulk directory. */
export function writeBulkDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const columns: Record<string, readonly string[]> = {
    ...BULK_NODES,
    ...Object.fromEntries(Object.entries(BULK_RELS).map(([k, v]) => [k, v.columns])),
  };
  for (const [table, rows] of Object.entries(BULK_ROWS)) {
    const lines = [csvLine([...columns[table]]), ...rows.map(csvLine)];
    fs.writeFileSync(path.join(dir, bulkFile(table as BulkNode)), `${lines.join('\n')}\n`);
  }
}
