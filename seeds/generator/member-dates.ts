/**
 * Birth dates, branch join dates and stage dates that fit a member's kind and stage: students
 * enrol in September and move through the admission pipeline over their years of study
 * (a probationary period lasts a year); teachers joined the Party long ago, mostly.
 */
import type { MemberKind, MemberStage } from '../../graph';
import type { BranchType } from './organization';
import type { Rng } from './rng';
import { cstDate, DAY_MS, REFERENCE_DATE } from './scales';

export interface MemberDates {
  birth: number;
  since: number;
  stageSince: number;
}

const YEAR_MS = 365.25 * DAY_MS;
/** Stage dates before 1971 are clamped so every time stays a positive epoch value. */
const EARLIEST = cstDate(1971, 1, 1);

/** The demo accounts' dates are fixed so that their profiles read the same in every world. */
const FIXED: Record<string, MemberDates> = {
  'm-1': { birth: cstDate(1975, 3, 12), since: cstDate(2003, 7, 1), stageSince: cstDate(1998, 6, 1) },
  'm-2': { birth: cstDate(1982, 10, 8), since: cstDate(2010, 7, 1), stageSince: cstDate(2005, 12, 1) },
  'm-3': { birth: cstDate(1992, 5, 20), since: cstDate(2018, 7, 1), stageSince: cstDate(2013, 6, 1) },
  'm-4': { birth: cstDate(2005, 8, 16), since: cstDate(2024, 9, 6), stageSince: cstDate(2025, 5, 10) },
};

/** Most recent stage change a stage allows: (earliest, latest) in ms before the reference date. */
const STUDENT_STAGE_AGE: Record<MemberStage, [number, number]> = {
  APPLICANT: [1.2 * YEAR_MS, 14 * DAY_MS],
  ACTIVIST: [2 * YEAR_MS, 30 * DAY_MS],
  CANDIDATE: [1 * YEAR_MS, 30 * DAY_MS],
  PROBATIONARY: [360 * DAY_MS, 14 * DAY_MS],
  FULL: [2.5 * YEAR_MS, 14 * DAY_MS],
};
/** Undergraduate enrolment years that make each stage reachable by now. */
const ENROL_YEARS: Record<MemberStage, number[]> = {
  APPLICANT: [2023, 2024, 2025, 2025, 2026, 2026],
  ACTIVIST: [2023, 2024, 2024, 2025],
  CANDIDATE: [2023, 2024],
  PROBATIONARY: [2023, 2023, 2024],
  FULL: [2023],
};

/** A local midnight between lo and hi (stage changes are dated by day). */
const between = (rng: Rng, lo: number, hi: number): number => {
  const t = hi <= lo ? hi : rng.uniform(lo, hi);
  return Math.floor((t + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
};
const dayIn = (rng: Rng, year: number): number => cstDate(year, 1, 1) + rng.int(0, 364) * DAY_MS;

export function memberDates(rng: Rng, kind: MemberKind, stage: MemberStage, type: BranchType, specialId?: string): MemberDates {
  if (specialId && FIXED[specialId]) return FIXED[specialId];
  if (kind === 'STUDENT') {
    const graduate = type === 'GRADUATE';
    const enrol = graduate ? rng.pick([2021, 2022, 2023, 2024, 2024, 2025, 2025, 2026]) : rng.pick(ENROL_YEARS[stage]);
    const birth = dayIn(rng, enrol - (graduate ? 22 : 18) - rng.int(0, 1));
    const since = cstDate(enrol, 9, rng.int(1, 15));
    const [oldest, newest] = STUDENT_STAGE_AGE[stage];
    // Graduate students often joined the Party as undergraduates, before they joined this branch.
    const lo = graduate && stage === 'FULL' ? since - 3 * YEAR_MS : Math.max(since, REFERENCE_DATE - oldest);
    return { birth, since, stageSince: between(rng, lo, REFERENCE_DATE - newest) };
  }
  if (kind === 'RETIRED') {
    const birth = dayIn(rng, rng.int(1946, 1964));
    const retiredAt = birth + 60 * YEAR_MS;
    const since = type === 'RETIRED' ? Math.min(retiredAt, REFERENCE_DATE - 30 * DAY_MS) : birth + rng.int(28, 35) * YEAR_MS;
    return { birth, since: Math.floor(since), stageSince: Math.max(EARLIEST, Math.floor(birth + rng.int(22, 38) * YEAR_MS)) };
  }
  const birth = dayIn(rng, kind === 'TEACHER' ? rng.int(1962, 1996) : rng.int(1968, 1998));
  const since = Math.floor(Math.min(REFERENCE_DATE - 60 * DAY_MS, Math.max(cstDate(1995, 7, 1), birth + rng.int(25, 34) * YEAR_MS)));
  const stageSince =
    stage === 'FULL'
      ? Math.floor(Math.max(EARLIEST, Math.min(REFERENCE_DATE - 400 * DAY_MS, birth + rng.int(20, 40) * YEAR_MS)))
      : between(rng, REFERENCE_DATE - STUDENT_STAGE_AGE[stage][0], REFERENCE_DATE - STUDENT_STAGE_AGE[stage][1]);
  return { birth, since, stageSince };
}
