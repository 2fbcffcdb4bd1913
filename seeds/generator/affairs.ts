/**
 * Party affairs of the synthetic world, written after the branches: pipeline histories that fit
 * each person's stage (some steps late), dues standards from the catalogue's brackets and payments
 * (some members in arrears), transfer cases in every state, and notices with reads. Deterministic:
 * every draw comes from a fork of the world's Rng named after the member, branch or table. The demo
 * branch b-1 is given one case of each warning, so the demo shows them all.
 */
import type { DuesCategory, Milestone, Notice, PipelineStep, TransferCase, TransferCaseStatus } from '../../graph';
import { addMonths, monthOf, monthsBetween, shiftMonth, workingDaysEnd } from '../../server/affairs/china-time';
import { DUES_BRACKET_RULES, DUES_FIXED_RULES } from '../../server/rules/catalogue/dues';
import { computeStandard } from '../../server/rules/evaluators/dues';
import type { BulkWriter } from './bulk-writer';
import type { OrgTree } from './organization';
import type { MemberRec } from './people';
import type { Rng } from './rng';
import { DAY_MS, REFERENCE_DATE } from './scales';

const DUES_RULES = { brackets: DUES_BRACKET_RULES, fixed: DUES_FIXED_RULES };
const NO_EVIDENCE: Milestone['evidence'] = { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null };

interface Ctx {
  out: BulkWriter;
  org: OrgTree;
  members: MemberRec[];
  rng: Rng;
}

export function writeAffairs(c: Ctx): void {
  for (const b of c.org.branches) {
    const people = b.members.map((i) => c.members[i]);
    const demo = b.id === 'b-1';
    writePipelines(c, people, demo);
    writeDues(c, people, demo);
    writeTransfers(c, b.idx, people, demo);
  }
  writeNotices(c);
}

// ---- pipeline ----

/** The steps a person at `stage` has behind them, ending with the step that reached the stage. */
const PATH: Record<string, PipelineStep[]> = {
  APPLICANT: ['APPLICATION'],
  ACTIVIST: ['APPLICATION', 'TALK', 'ACTIVIST'],
  CANDIDATE: ['APPLICATION', 'TALK', 'ACTIVIST', 'REVIEW', 'REVIEW', 'CANDIDATE'],
  PROBATIONARY: ['APPLICATION', 'TALK', 'ACTIVIST', 'REVIEW', 'REVIEW', 'CANDIDATE', 'POLITICAL_REVIEW', 'TRAINING', 'PRE_REVIEW', 'PUBLIC_NOTICE', 'BRANCH_VOTE'],
};

function writePipelines(c: Ctx, people: MemberRec[], demo: boolean): void {
  const forced = { talkLate: false, reviewLate: false, approvalLate: false };
  for (const m of people) {
    if (m.stage === 'FULL' || !PATH[m.stage]) continue;
    const rng = c.rng.fork(`pipeline/${m.id}`);
    const steps: { step: PipelineStep; at: number }[] = [];
    const reached = Math.min(m.stageSince, REFERENCE_DATE - DAY_MS);
    // Lay the earlier steps back from the stage date with the usual gaps (activist → candidate ≥ 1 year).
    const path = PATH[m.stage];
    const gapBefore: Partial<Record<PipelineStep, () => number>> = {
      TALK: () => rng.int(25, 70) * DAY_MS,
      ACTIVIST: () => rng.int(30, 90) * DAY_MS,
      REVIEW: () => rng.int(150, 180) * DAY_MS,
      CANDIDATE: () => rng.int(5, 40) * DAY_MS,
      POLITICAL_REVIEW: () => rng.int(20, 40) * DAY_MS,
      TRAINING: () => rng.int(20, 40) * DAY_MS,
      PRE_REVIEW: () => rng.int(10, 20) * DAY_MS,
      PUBLIC_NOTICE: () => rng.int(3, 10) * DAY_MS,
      BRANCH_VOTE: () => rng.int(10, 20) * DAY_MS,
    };
    let t = reached;
    for (let i = path.length - 1; i >= 0; i--) {
      steps.unshift({ step: path[i], at: t });
      const next = path[i];
      t -= (gapBefore[next] ?? (() => rng.int(10, 30) * DAY_MS))();
    }
    // The talk follows the application within the month — except for some people (late).
    const app = steps[0].at;
    const talkLate = demo ? !forced.talkLate && m.stage === 'ACTIVIST' : rng.chance(0.08);
    if (steps[1]) {
      steps[1].at = app + (talkLate ? rng.int(35, 50) : rng.int(5, 25)) * DAY_MS;
      if (talkLate) forced.talkLate = true;
    }
    // Half-yearly reviews for activists: most on time, some missing (overdue).
    if (m.stage === 'ACTIVIST') {
      const skip = demo ? !forced.reviewLate : rng.chance(0.15);
      if (skip) forced.reviewLate = true;
      for (let at = addMonths(m.stageSince, 6); at < REFERENCE_DATE && !skip; at = addMonths(at, 6)) steps.push({ step: 'REVIEW', at: at - rng.int(0, 10) * DAY_MS });
    }
    // Probationary members: committee approval usually within three months, sometimes later; full after a year.
    if (m.stage === 'PROBATIONARY') {
      const late = demo ? !forced.approvalLate && m.stageSince < REFERENCE_DATE - 140 * DAY_MS : rng.chance(0.1);
      if (late) forced.approvalLate = true;
      const at = m.stageSince + (late ? rng.int(100, 130) : rng.int(20, 80)) * DAY_MS;
      if (at < REFERENCE_DATE) steps.push({ step: 'COMMITTEE_APPROVAL', at });
    }
    steps.sort((a, b) => a.at - b.at);
    steps.forEach((s, k) => {
      const evidence: Milestone['evidence'] = { ...NO_EVIDENCE };
      if (s.step === 'ACTIVIST')
        evidence.people = people
          .filter((p) => p.stage === 'FULL' && p.id !== m.id)
          .slice(0, 2)
          .map((p) => p.id);
      if (s.step === 'TRAINING') Object.assign(evidence, { trainingDays: 3, trainingHours: 24 });
      if (s.step === 'APPLICATION') evidence.documentRef = '入党申请书';
      const ms: Milestone = {
        id: `ms-${m.id}-${k}`,
        memberId: m.id,
        step: s.step,
        at: s.at,
        recordedAt: s.at + DAY_MS,
        recordedBy: 'generator',
        evidence,
      };
      c.out.row('Milestone', [ms.id, ms.memberId, ms.at, JSON.stringify(ms)]);
      c.out.row('HAS_MILESTONE', [m.id, ms.id]);
      if (s.step === 'PUBLIC_NOTICE') {
        const n: Notice = {
          id: `notice-${ms.id}`,
          kind: 'PIPELINE',
          audience: 'BRANCH',
          audienceId: c.org.branches[m.branch].id,
          title: `发展对象公示：${m.name}`,
          body: `拟将${m.name}同志作为发展对象提交支部大会讨论，公示期5个工作日。`,
          publishedAt: s.at,
          publishedBy: 'generator',
          periodWorkingDays: 5,
          periodEndsAt: workingDaysEnd(s.at, 5),
          subjectMemberId: m.id,
        };
        writeNotice(c, n);
      }
    });
  }
}

// ---- dues ----

const categoryOf = (m: MemberRec): DuesCategory => (m.kind === 'STUDENT' ? 'STUDENT' : m.kind === 'RETIRED' ? 'RETIRED' : 'EMPLOYED');

function writeDues(c: Ctx, people: MemberRec[], demo: boolean): void {
  const lastOwed = shiftMonth(monthOf(REFERENCE_DATE), -1);
  let demoWarn = false;
  let demoCase = false;
  for (const m of people) {
    if (m.stage !== 'FULL' && m.stage !== 'PROBATIONARY') continue;
    const rng = c.rng.fork(`dues/${m.id}`);
    const category = categoryOf(m);
    const baseYuan = category === 'EMPLOYED' ? rng.int(3_500, 22_000) : category === 'RETIRED' ? rng.int(3_000, 9_000) : 0;
    const monthly = new Map<number, number>();
    for (const year of [2025, 2026]) {
      const baseFen = category === 'STUDENT' ? null : (baseYuan + (year - 2025) * rng.int(0, 400)) * 100;
      const { fen, rule } = computeStandard(DUES_RULES, category, baseFen);
      const monthlyFen = rng.chance(0.05) ? fen + 1_000 : fen;
      monthly.set(year, monthlyFen);
      const st = {
        memberId: m.id,
        year,
        category,
        baseFen,
        computedFen: fen,
        monthlyFen,
        ruleId: rule.id,
        ruleVersion: rule.version,
        recordedAt: Date.UTC(year - 1, 11, 20),
        recordedBy: 'generator',
      };
      c.out.row('DuesStandard', [`${m.id}:${year}`, m.id, year, JSON.stringify(st)]);
      c.out.row('HAS_DUES_STANDARD', [m.id, `${m.id}:${year}`]);
    }
    // How many of the last owed months stay unpaid: most none; some 3–5 (warning), a few 6+ (the Constitution's case).
    let unpaid = rng.chance(0.85) ? 0 : rng.chance(0.6) ? rng.int(1, 5) : rng.int(6, 9);
    if (demo && !m.demo && m.role === 'MEMBER' && !demoWarn) {
      unpaid = 4;
      demoWarn = true;
    } else if (demo && !m.demo && m.role === 'MEMBER' && !demoCase) {
      unpaid = 7;
      demoCase = true;
    }
    const months = monthsBetween('2025-01', shiftMonth(lastOwed, -unpaid));
    const chunk = rng.chance(0.5) ? 3 : 1;
    for (let i = 0, k = 0; i < months.length; i += chunk, k++) {
      const ms = months.slice(i, i + chunk);
      const amountFen = ms.reduce((sum, x) => sum + monthly.get(Number(x.slice(0, 4)))!, 0);
      const paidAt = Date.parse(`${ms[ms.length - 1]}-15T02:00:00Z`) + rng.int(0, 20) * DAY_MS;
      const id = `pay-${m.id}-${k}`;
      c.out.row('DuesPayment', [id, m.id, paidAt, JSON.stringify({ id, memberId: m.id, months: ms, amountFen, paidAt, recordedBy: 'generator' })]);
      c.out.row('PAID_DUES', [m.id, id]);
    }
  }
}

// ---- transfers ----

interface CaseShape {
  kind: TransferCase['kind'];
  status: TransferCaseStatus;
  overdue?: boolean;
}
const SHAPES: CaseShape[] = [
  { kind: 'INTERNAL', status: 'INITIATED' },
  { kind: 'OUT', status: 'LETTER_ISSUED', overdue: true },
  { kind: 'OUT', status: 'INITIATED' },
  { kind: 'INTERNAL', status: 'APPROVED' },
  { kind: 'OUT', status: 'APPROVED' },
  { kind: 'OUT', status: 'LETTER_ISSUED' },
  { kind: 'OUT', status: 'COMPLETED' },
  { kind: 'IN', status: 'LETTER_RECEIVED' },
  { kind: 'IN', status: 'COMPLETED' },
  { kind: 'INTERNAL', status: 'COMPLETED' },
  { kind: 'INTERNAL', status: 'CANCELLED' },
];
const PATHS: Record<string, TransferCaseStatus[]> = {
  INTERNAL: ['INITIATED', 'APPROVED', 'COMPLETED'],
  OUT: ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'COMPLETED'],
  IN: ['LETTER_RECEIVED', 'COMPLETED'],
};
const ORGS = ['北京市海淀区委组织部', '上海交通大学研究生院党委', '某科技有限公司党委', '浙江省杭州市西湖区委组织部', '清华大学计算机系党委'];

function writeTransfers(c: Ctx, branchIdx: number, people: MemberRec[], demo: boolean): void {
  const rng = c.rng.fork(`transfers/${branchIdx}`);
  const b = c.org.branches[branchIdx];
  const siblings = c.org.committees[b.committee].branches.filter((i) => i !== branchIdx);
  const count = demo ? SHAPES.length : Math.max(1, Math.round(people.length / 25));
  const candidates = people.filter((m) => m.role === 'MEMBER' && !m.demo && (m.stage === 'FULL' || m.stage === 'PROBATIONARY'));
  for (let k = 0; k < count && k < candidates.length; k++) {
    const m = candidates[k];
    const shape = SHAPES[(branchIdx + k) % SHAPES.length];
    const other = siblings.length ? c.org.branches[siblings[rng.int(0, siblings.length - 1)]].id : null;
    if (shape.kind === 'INTERNAL' && !other) continue;
    const start = REFERENCE_DATE - rng.int(15, 80) * DAY_MS;
    const path = shape.status === 'CANCELLED' ? (['INITIATED', 'CANCELLED'] as TransferCaseStatus[]) : PATHS[shape.kind].slice(0, PATHS[shape.kind].indexOf(shape.status) + 1);
    const steps = path.map((status, i) => ({ status, at: start + i * rng.int(2, 6) * DAY_MS, by: 'generator', note: null }));
    const issued = steps.find((s) => s.status === 'LETTER_ISSUED');
    const validUntil = issued ? (shape.overdue ? issued.at + 10 * DAY_MS : REFERENCE_DATE + 60 * DAY_MS) : null;
    const inbound = shape.kind === 'IN' || (shape.kind === 'INTERNAL' && shape.status === 'COMPLETED');
    const tc: TransferCase = {
      id: `tc-${m.id}`,
      memberId: m.id,
      kind: shape.kind,
      status: shape.status,
      fromBranchId: shape.kind === 'IN' ? null : inbound ? other : b.id,
      toBranchId: shape.kind === 'OUT' ? null : inbound ? b.id : other,
      externalOrg: shape.kind === 'INTERNAL' ? null : ORGS[rng.int(0, ORGS.length - 1)],
      letterNumber: issued || shape.kind === 'IN' ? `组转字〔2026〕${String(100 + branchIdx * 20 + k).padStart(3, '0')}号` : null,
      validUntil,
      duesPaidUntil: issued ? monthOf(issued.at) : null,
      reason: shape.kind === 'INTERNAL' ? '工作调动' : '毕业离校',
      batchId: null,
      profileConsentAt: null,
      steps,
      createdAt: start,
      updatedAt: steps[steps.length - 1].at,
    };
    c.out.row('TransferCase', [tc.id, tc.memberId, tc.status, tc.fromBranchId ?? '', tc.toBranchId ?? '', tc.createdAt, JSON.stringify(tc)]);
    c.out.row('HAS_TRANSFER_CASE', [m.id, tc.id]);
  }
}

// ---- notices ----

function writeNotice(c: Ctx, n: Notice): void {
  c.out.row('Notice', [n.id, n.audience, n.audienceId, n.publishedAt, JSON.stringify(n)]);
  const rng = c.rng.fork(`reads/${n.id}`);
  const readers =
    n.audience === 'UNIVERSITY'
      ? c.members
      : n.audience === 'COMMITTEE'
        ? c.members.filter((m) => c.org.committees[c.org.branches[m.branch].committee].id === n.audienceId)
        : c.members.filter((m) => c.org.branches[m.branch].id === n.audienceId);
  for (const m of readers) {
    if (m.demo && m.role === 'MEMBER') continue; // the demo member has unread notices
    if (rng.chance(0.35 + 0.5 * m.activity)) c.out.row('READ_NOTICE', [m.id, n.id, n.publishedAt + rng.int(1, 240) * 3_600_000]);
  }
}

const GENERAL = [
  ['关于开展主题党日活动的通知', '请各位党员按时参加本月主题党日活动，地点另行通知。'],
  ['关于按时交纳党费的提醒', '请尚未交纳本季度党费的党员及时交纳。'],
  ['关于组织学习党章的通知', '本月组织集中学习《中国共产党章程》，请提前阅读。'],
];

function writeNotices(c: Ctx): void {
  const rng = c.rng.fork('notices');
  const at = (d: number) => REFERENCE_DATE - d * DAY_MS;
  const base = { kind: 'GENERAL' as const, publishedBy: 'generator', periodWorkingDays: null, periodEndsAt: null, subjectMemberId: null };
  writeNotice(c, {
    ...base,
    id: 'notice-u-1',
    audience: 'UNIVERSITY',
    audienceId: c.org.universityId,
    title: '关于做好年度党费收缴工作的通知',
    body: '各二级党委：请按《关于中国共产党党费收缴、使用和管理的规定》做好党费收缴。',
    publishedAt: at(30),
  });
  for (const cm of c.org.committees) {
    writeNotice(c, {
      ...base,
      id: `notice-${cm.id}-1`,
      audience: 'COMMITTEE',
      audienceId: cm.id,
      title: '关于做好毕业生党员组织关系转接的通知',
      body: '请各支部及时为毕业生党员办理组织关系转接。',
      publishedAt: at(rng.int(10, 40)),
    });
  }
  for (const b of c.org.branches) {
    const [title, body] = GENERAL[b.idx % GENERAL.length];
    writeNotice(c, { ...base, id: `notice-${b.id}-1`, audience: 'BRANCH', audienceId: b.id, title, body, publishedAt: at(rng.int(2, 20)) });
  }
}
