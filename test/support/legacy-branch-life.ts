/**
 * branchLife as it was computed before the rules engine (a hard-coded table of minimum frequencies),
 * kept only so test/rules/branch-life-same.test.ts can show the engine gives the same figures.
 */
import type { Attendance, Meeting } from '../../graph/model';

type MeetingKind = 'BRANCH_ASSEMBLY' | 'BRANCH_COMMITTEE' | 'GROUP_MEETING' | 'PARTY_LECTURE' | 'THEME_DAY' | 'ORG_LIFE_MEETING';
type Frequency = 'MONTH' | 'QUARTER' | 'YEAR';
const MEETING_KINDS: MeetingKind[] = ['BRANCH_ASSEMBLY', 'BRANCH_COMMITTEE', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE_MEETING'];
/** The table as it was in graph/model.ts. */
const MEETING_MINIMUM: Record<MeetingKind, Frequency> = {
  BRANCH_ASSEMBLY: 'QUARTER',
  BRANCH_COMMITTEE: 'MONTH',
  GROUP_MEETING: 'MONTH',
  PARTY_LECTURE: 'QUARTER',
  THEME_DAY: 'MONTH',
  ORG_LIFE_MEETING: 'YEAR',
};

export interface Period {
  label: string;
  start: number;
  end: number;
}

const CST_OFFSET_MS = 8 * 3600_000;
const monthsPer: Record<Frequency, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Start (epoch ms) of a calendar month in UTC+8; month may overflow (13 → next January). */
const monthStart = (year: number, month0: number) => Date.UTC(year, month0, 1) - CST_OFFSET_MS;

function labelOf(freq: Frequency, year: number, month0: number): string {
  if (freq === 'YEAR') return String(year);
  if (freq === 'QUARTER') return `${year}-Q${Math.floor(month0 / 3) + 1}`;
  return `${year}-${String(month0 + 1).padStart(2, '0')}`;
}

/**
 * The whole periods of a frequency that lie inside [from, to) and have ended by `now`: those are
 * the periods a meeting was required in. A partial period at either edge, or the current one, is
 * not (yet) required.
 */
export function requiredPeriods(freq: Frequency, from: number, to: number, now: number): Period[] {
  const step = monthsPer[freq];
  const local = new Date(from + CST_OFFSET_MS);
  let year = local.getUTCFullYear();
  let month0 = Math.floor(local.getUTCMonth() / step) * step;
  const out: Period[] = [];
  const limit = Math.min(to, now);
  for (let guard = 0; guard < 1200; guard++) {
    const start = monthStart(year, month0);
    const end = monthStart(year, month0 + step);
    if (end > limit) break;
    if (start >= from) out.push({ label: labelOf(freq, year, month0), start, end });
    month0 += step;
    if (month0 >= 12) {
      year += 1;
      month0 -= 12;
    }
  }
  return out;
}
export interface KindLife {
  kind: MeetingKind;
  frequency: Frequency;
  /** Whether this kind is required for the branch (group meetings only when it has groups). */
  applies: boolean;
  held: number;
  /** Number of whole, ended periods in the range: the minimum number of meetings. */
  required: number;
  present: number;
  excused: number;
  absent: number;
  /** present / recorded attendance rows; null when no attendance was recorded. */
  attendanceRate: number | null;
  /** Required periods with no meeting of this kind. */
  missing: Period[];
}

export interface BranchLifeReport {
  branchId: string;
  from: number;
  to: number;
  kinds: KindLife[];
  /** Over all meetings of the range. */
  attendanceRate: number | null;
  /** Total number of (kind, period) pairs with a missing required meeting. */
  missingCount: number;
}

const rate = (present: number, total: number) => (total === 0 ? null : present / total);

export function legacyBranchLife(args: {
  branchId: string;
  from: number;
  to: number;
  now: number;
  hasGroups: boolean;
  meetings: Meeting[];
  attendance: Attendance[];
}): BranchLifeReport {
  const kindOf = new Map(args.meetings.map((m) => [m.id, m.kind]));
  const kinds = MEETING_KINDS.map((kind): KindLife => {
    const frequency = MEETING_MINIMUM[kind];
    const applies = kind !== 'GROUP_MEETING' || args.hasGroups;
    const held = args.meetings.filter((m) => m.kind === kind);
    const periods = applies ? requiredPeriods(frequency, args.from, args.to, args.now) : [];
    const missing = periods.filter((p) => !held.some((m) => m.at >= p.start && m.at < p.end));
    const rows = args.attendance.filter((a) => kindOf.get(a.meetingId) === kind);
    const present = rows.filter((a) => a.status === 'PRESENT').length;
    const excused = rows.filter((a) => a.status === 'EXCUSED').length;
    return {
      kind,
      frequency,
      applies,
      held: held.length,
      required: periods.length,
      present,
      excused,
      absent: rows.length - present - excused,
      attendanceRate: rate(present, rows.length),
      missing,
    };
  });
  const present = kinds.reduce((n, k) => n + k.present, 0);
  const total = kinds.reduce((n, k) => n + k.present + k.excused + k.absent, 0);
  return {
    branchId: args.branchId,
    from: args.from,
    to: args.to,
    kinds,
    attendanceRate: rate(present, total),
    missingCount: kinds.reduce((n, k) => n + k.missing.length, 0),
  };
}
