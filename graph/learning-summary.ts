/**
 * Maintained learning summaries: each member's contribution to their branch's learning figures (mastery
 * per area, stage targets met, mastery bands, gaps), evaluated at one instant `asOf`, and per branch the
 * sums of its members' rows. The branch rows are rewritten from the member rows in the same transaction
 * that writes those, so a branch row always equals the sum of its members' rows; reading the figures of
 * n branches reads n rows. Integers throughout (mastery in thousandths, as the gap report rounds it), so
 * sums are exact whatever order they are taken in.
 */
import { TOP_AREAS } from './model';

/** Mastery bands of an area cell: [0, 0.4), [0.4, 0.6), [0.6, 0.8), [0.8, 1]. */
export const MASTERY_BAND_LOWER = [0, 0.4, 0.6, 0.8] as const;

export interface MemberLearning {
  memberId: string;
  /** The member's branch and stage when the row was computed (a move or a stage change makes it stale). */
  branchId: string;
  stage: string;
  /** The instant the figures are evaluated at (epoch ms). */
  asOf: number;
  /** Area mastery in thousandths, one per area in TOP_AREAS order. */
  areaMilli: number[];
  /** Stage-required areas, and those whose (rounded) mastery meets the target. */
  required: number;
  met: number;
  /** Area cells per mastery band (MASTERY_BAND_LOWER). */
  bands: number[];
  /** Stored learning gaps. */
  gaps: number;
}

export interface BranchLearning {
  branchId: string;
  /** The oldest `asOf` among the members' rows. */
  asOf: number;
  members: number;
  /** Sums over the members, per area in TOP_AREAS order (thousandths). */
  areaMilli: number[];
  required: number;
  met: number;
  bands: number[];
  gaps: number;
  membersWithGaps: number;
}

export interface LearningSummaryStore {
  /**
   * Store members' rows (replacing earlier ones) and rewrite the rows of every branch they are in now or
   * were in before, from the member rows, in one transaction. Unknown members are refused (NOT_FOUND,
   * nothing written).
   */
  saveMemberLearning(rows: MemberLearning[]): Promise<void>;
  /** The branch rows of these branches (a branch without members' rows has none). */
  getBranchLearning(branchIds: string[]): Promise<Map<string, BranchLearning>>;
  /**
   * Up to `limit` member ids whose row is missing, older than `asOf`, or made for another branch or stage
   * than the member has now; and rows of members that no longer exist are removed with their branches'
   * sums rewritten.
   */
  listStaleMemberLearning(asOf: number, limit: number): Promise<string[]>;
}

/** A branch row from its members' rows (the one definition both adapters use). */
export function sumBranchLearning(branchId: string, rows: readonly MemberLearning[]): BranchLearning | null {
  if (!rows.length) return null;
  const out: BranchLearning = {
    branchId,
    asOf: Infinity,
    members: 0,
    areaMilli: TOP_AREAS.map(() => 0),
    required: 0,
    met: 0,
    bands: MASTERY_BAND_LOWER.map(() => 0),
    gaps: 0,
    membersWithGaps: 0,
  };
  for (const r of rows) {
    out.asOf = Math.min(out.asOf, r.asOf);
    out.members++;
    r.areaMilli.forEach((v, i) => {
      out.areaMilli[i] = (out.areaMilli[i] ?? 0) + v;
    });
    out.required += r.required;
    out.met += r.met;
    r.bands.forEach((v, i) => {
      out.bands[i] = (out.bands[i] ?? 0) + v;
    });
    out.gaps += r.gaps;
    if (r.gaps > 0) out.membersWithGaps++;
  }
  return out;
}
