/**
 * One member's contribution to the branch learning figures, from their row of the branch gap report
 * (the same cells the heatmap shows), and the day the maintained figures are evaluated at.
 */
import { MASTERY_BAND_LOWER, sumBranchLearning, type BranchLearning, type Member, type MemberLearning } from '../../../graph';
import type { BranchGapRow } from '../gaps/branch-gaps';

const DAY = 86_400_000;
/** China Standard Time: UTC + 8 h, no daylight saving. */
const CST = 8 * 3_600_000;

/** Start (00:00 China Standard Time) of the day `now` falls in: the instant the maintained figures are evaluated at. */
export function learningDayStart(now: number): number {
  return Math.floor((now + CST) / DAY) * DAY - CST;
}

/** Band index of a cell's (rounded) mastery. */
function bandOf(mastery: number): number {
  let i = 0;
  while (i + 1 < MASTERY_BAND_LOWER.length && mastery >= MASTERY_BAND_LOWER[i + 1]) i++;
  return i;
}

/** The member's row of the maintained summaries, from their gap-report row evaluated at `asOf`. */
export function memberLearningOf(member: Pick<Member, 'id' | 'branchId' | 'stage'>, row: Pick<BranchGapRow, 'cells'>, asOf: number): MemberLearning {
  const bands = MASTERY_BAND_LOWER.map(() => 0);
  let required = 0;
  let met = 0;
  let gaps = 0;
  for (const c of row.cells) {
    bands[bandOf(c.mastery)]++;
    // The cell's mastery is already rounded to thousandths (branch-gaps.ts); "met" compares that, as the page does.
    if (c.target != null) {
      required++;
      if (c.mastery >= c.target) met++;
    }
    gaps += c.gapCount;
  }
  return {
    memberId: member.id,
    branchId: member.branchId,
    stage: member.stage,
    asOf,
    areaMilli: row.cells.map((c) => Math.round(c.mastery * 1000)),
    required,
    met,
    bands,
    gaps,
  };
}

/** The figures of a branch from a full gap report (the slow path the maintained rows must equal). */
export function branchLearningOfReport(branchId: string, rows: readonly BranchGapRow[], asOf: number): BranchLearning | null {
  return sumBranchLearning(
    branchId,
    rows.map((r) => memberLearningOf(r.member, r, asOf)),
  );
}
