/**
 * One branch's year of organizational life: every required meeting (weak branches miss some),
 * a few extra ones, the topics each discussed, and who attended.
 */
import type { Area, AttendanceStatus, MeetingKind } from '../../graph';
import type { CurriculumIndex } from './curriculum-index';
import { sigmoid } from './hidden-model';
import { type Period, requiredPeriods } from './meeting-periods';
import { describeMeeting } from './meeting-text';
import type { BranchRec, OrgTree } from './organization';
import type { MemberRec } from './people';
import type { Rng } from './rng';
import { DAY_MS, REFERENCE_DATE } from './scales';

export interface MeetingDraft {
  kind: MeetingKind;
  at: number;
  minutes: number;
  title: string;
  record: string;
  /** Group index for GROUP_MEETING, else -1. */
  group: number;
  topics: { skill: number; weight: number }[];
  attendance: { member: number; status: AttendanceStatus }[];
}
/** A required meeting a weak branch did not hold (written to truth/missed-meetings.csv). */
export interface MissedMeeting {
  kind: MeetingKind;
  period: string;
  group: number;
}

const BRANCH_KINDS: MeetingKind[] = ['BRANCH_ASSEMBLY', 'BRANCH_COMMITTEE', 'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE_MEETING'];
const MISS_CHANCE: Record<MeetingKind, number> = {
  BRANCH_ASSEMBLY: 0.35,
  BRANCH_COMMITTEE: 0.3,
  GROUP_MEETING: 0.35,
  PARTY_LECTURE: 0.4,
  THEME_DAY: 0.3,
  ORG_LIFE_MEETING: 0.5,
  DEMOCRATIC_REVIEW: 0.5,
};
const MINUTES: Record<MeetingKind, [number, number]> = {
  BRANCH_ASSEMBLY: [60, 120],
  BRANCH_COMMITTEE: [40, 90],
  GROUP_MEETING: [40, 60],
  PARTY_LECTURE: [60, 120],
  THEME_DAY: [120, 240],
  ORG_LIFE_MEETING: [120, 180],
  DEMOCRATIC_REVIEW: [90, 150],
};
/** What each kind of meeting tends to be about. */
export const KIND_AREAS: Record<MeetingKind, Area[]> = {
  BRANCH_ASSEMBLY: ['admission', 'organization', 'constitution'],
  BRANCH_COMMITTEE: ['organization', 'admission'],
  GROUP_MEETING: ['theory', 'affairs', 'history'],
  PARTY_LECTURE: ['theory', 'history', 'constitution', 'discipline'],
  THEME_DAY: ['service', 'history', 'affairs'],
  ORG_LIFE_MEETING: ['discipline', 'organization', 'service'],
  DEMOCRATIC_REVIEW: ['discipline', 'organization'],
};
const HOURS = [9, 10, 14, 14.5, 15, 16, 19, 19.5];

export interface BranchMeetings {
  meetings: MeetingDraft[];
  missed: MissedMeeting[];
}

/** Meetings of one branch sorted by time (attendance included); `rng` is the branch's own stream. */
export function buildBranchMeetings(org: OrgTree, b: BranchRec, members: MemberRec[], ci: CurriculumIndex, rng: Rng): BranchMeetings {
  const slots: { kind: MeetingKind; period: Period; group: number }[] = [];
  for (const kind of BRANCH_KINDS) for (const period of requiredPeriods(kind)) slots.push({ kind, period, group: -1 });
  for (const g of b.groups) for (const period of requiredPeriods('GROUP_MEETING')) slots.push({ kind: 'GROUP_MEETING', period, group: g });
  const missed = new Set<number>();
  if (b.weak) {
    slots.forEach((s, i) => {
      if (rng.chance(MISS_CHANCE[s.kind])) missed.add(i);
    });
    if (!missed.size) missed.add(rng.int(0, slots.length - 1));
  }
  const held = slots.filter((_, i) => !missed.has(i));
  // Extra assemblies (votes on new members) and lectures happen on top of the minimum.
  for (const period of requiredPeriods('BRANCH_ASSEMBLY')) {
    if (b.type !== 'RETIRED' && rng.chance(0.2)) held.push({ kind: 'BRANCH_ASSEMBLY', period, group: -1 });
    if (rng.chance(0.1)) held.push({ kind: 'PARTY_LECTURE', period, group: -1 });
  }
  const meetings = held.map((s) => draftMeeting(org, b, members, ci, s.kind, s.period, s.group, rng));
  meetings.sort((x, y) => x.at - y.at || x.kind.localeCompare(y.kind) || x.group - y.group);
  return {
    meetings,
    missed: slots.filter((_, i) => missed.has(i)).map((s) => ({ kind: s.kind, period: s.period.label, group: s.group })),
  };
}

function meetingTime(kind: MeetingKind, p: Period, rng: Rng): number {
  let start = p.start,
    end = p.end;
  if (kind === 'ORG_LIFE_MEETING') {
    start = p.start + 40 * DAY_MS;
    end = p.start + 120 * DAY_MS;
  } // mid-Dec … Feb
  const days = Math.max(1, Math.floor((end - start) / DAY_MS));
  const at = start + rng.int(0, days - 1) * DAY_MS + rng.pick(HOURS) * 3_600_000;
  return Math.min(at, end - 3_600_000, REFERENCE_DATE - 3_600_000);
}

function draftMeeting(org: OrgTree, b: BranchRec, members: MemberRec[], ci: CurriculumIndex, kind: MeetingKind, period: Period, group: number, rng: Rng): MeetingDraft {
  const at = meetingTime(kind, period, rng);
  const [lo, hi] = MINUTES[kind];
  const minutes = 10 * Math.round(rng.int(lo, hi) / 10);
  const topics = pickTopics(kind, ci, rng);
  const attendance = takeAttendance(kind, b, group, members, org, at, rng);
  const text = describeMeeting({ kind, at, branch: b, group: group >= 0 ? org.groups[group] : null, topics, attendance, members, ci, rng });
  return { kind, at, minutes, group, topics, attendance, ...text };
}

function pickTopics(kind: MeetingKind, ci: CurriculumIndex, rng: Rng): { skill: number; weight: number }[] {
  const pool = KIND_AREAS[kind].flatMap((a) => ci.skillsByArea.get(a) ?? []);
  const from = pool.length ? pool : ci.skills.map((_, i) => i);
  if (!from.length) return [];
  const n = Math.min(from.length, rng.int(1, 3));
  const chosen = rng.shuffle([...from]).slice(0, n);
  return chosen.map((skill, i) => ({ skill, weight: i === 0 ? 1 : 0.6 }));
}

function takeAttendance(kind: MeetingKind, b: BranchRec, group: number, members: MemberRec[], org: OrgTree, at: number, rng: Rng): { member: number; status: AttendanceStatus }[] {
  const partyOnly = kind !== 'PARTY_LECTURE' && kind !== 'THEME_DAY';
  const pool = group >= 0 ? org.groups[group].members : b.members;
  const base = b.weak ? 0.95 : 2.4; // logit of ~72% vs ~92% present
  const rows: { member: number; status: AttendanceStatus }[] = [];
  for (const mi of pool) {
    const m = members[mi];
    if (m.since > at) continue;
    if (kind === 'BRANCH_COMMITTEE' && m.role !== 'SECRETARY' && m.role !== 'COMMITTEE_MEMBER') continue;
    if (partyOnly && m.stage !== 'FULL' && m.stage !== 'PROBATIONARY') continue;
    const logit = base + 0.6 * m.attendance + (m.role === 'MEMBER' ? 0 : 1) - (m.activity === 0 ? 0.5 : 0) - (m.kind === 'RETIRED' ? 0.3 : 0);
    const status: AttendanceStatus = rng.chance(sigmoid(logit)) ? 'PRESENT' : rng.chance(b.weak ? 0.4 : 0.6) ? 'EXCUSED' : 'ABSENT';
    rows.push({ member: mi, status });
  }
  return rows;
}
