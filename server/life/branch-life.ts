/**
 * branchLife: for one branch and period, per meeting kind, how many were held against the minimum
 * (docs/GLOSSARY.md), the attendance rate, and which required periods had none. Pure: the service reads
 * the meetings and attendance and passes them in.
 */
import type { Attendance, Meeting, MeetingKind } from '../../graph';
import { MEETING_KINDS } from '../../graph';
import { type Frequency, MEETING_MINIMUM, type Period, requiredPeriods } from './requirements';

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

/** Key of a branch and period for the per-request `life` loader. */
export const lifeKey = (branchId: string, from: number, to: number) => `${from}|${to}|${branchId}`;

const rate = (present: number, total: number) => (total === 0 ? null : present / total);

export function computeBranchLife(args: {
  branchId: string; from: number; to: number; now: number; hasGroups: boolean;
  meetings: Meeting[]; attendance: Attendance[];
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
      kind, frequency, applies, held: held.length, required: periods.length, present, excused,
      absent: rows.length - present - excused, attendanceRate: rate(present, rows.length), missing,
    };
  });
  const present = kinds.reduce((n, k) => n + k.present, 0);
  const total = kinds.reduce((n, k) => n + k.present + k.excused + k.absent, 0);
  return {
    branchId: args.branchId, from: args.from, to: args.to, kinds,
    attendanceRate: rate(present, total),
    missingCount: kinds.reduce((n, k) => n + k.missing.length, 0),
  };
}
