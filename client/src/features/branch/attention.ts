/**
 * Who needs the secretary now, each with the reason and its evidence, from what the branch page already loads:
 *   attendance  present at the member's recent meetings far below the branch's rate for the period (≥ 25 points)
 *   noStudy     no study recorded for 90 days or more (or none at all)
 *   stageGap    for a 发展对象 or 预备党员 (next: admission or full membership), required areas under target
 * Pure: the page passes members, the branch rate and the gap report; people with more and stronger reasons first.
 */

const DAY = 86400_000;
export const FAR_BELOW = 0.25;
export const NO_STUDY_DAYS = 90;
const MIN_MEETINGS = 3;
/** The next stage of each pipeline stage (full members have no next stage). */
export const NEXT_STAGE: Record<string, string | undefined> = { APPLICANT: 'ACTIVIST', ACTIVIST: 'CANDIDATE', CANDIDATE: 'PROBATIONARY', PROBATIONARY: 'FULL' };

export type AttentionReason =
  | { kind: 'attendance'; present: number; meetings: number; rate: number; branchRate: number }
  | { kind: 'noStudy'; days: number | null }
  | { kind: 'stageGap'; nextStage: string; areas: { area: string; mastery: number; target: number }[] };

export interface AttentionItem {
  id: string;
  name: string;
  stage: string;
  reasons: AttentionReason[];
}

export interface AttentionMember {
  id: string;
  name: string;
  stage: string;
  recentActivity: { studies: { at: string }[]; attendance: { status: string }[] };
}
export interface AttentionGapRow {
  member: { id: string };
  cells: { area: string; mastery: number; target?: number | null }[];
}

const WEIGHT: Record<AttentionReason['kind'], number> = { attendance: 3, noStudy: 2, stageGap: 1 };

export function needsAttention(members: readonly AttentionMember[], branchRate: number | null, gapRows: readonly AttentionGapRow[] = [], now = Date.now()): AttentionItem[] {
  const gapsOf = new Map(gapRows.map((r) => [r.member.id, r.cells]));
  const out: AttentionItem[] = [];
  for (const m of members) {
    const reasons: AttentionReason[] = [];
    const att = m.recentActivity.attendance;
    if (branchRate != null && att.length >= MIN_MEETINGS) {
      const present = att.filter((a) => a.status === 'PRESENT').length;
      const rate = present / att.length;
      if (rate <= branchRate - FAR_BELOW) reasons.push({ kind: 'attendance', present, meetings: att.length, rate, branchRate });
    }
    const last = Math.max(...m.recentActivity.studies.map((s) => Date.parse(s.at)), -Infinity);
    if (!Number.isFinite(last)) reasons.push({ kind: 'noStudy', days: null });
    else if (now - last >= NO_STUDY_DAYS * DAY) reasons.push({ kind: 'noStudy', days: Math.floor((now - last) / DAY) });
    // Earlier stages have a long way to go by design; gaps matter as the decisive step comes near.
    const next = m.stage === 'CANDIDATE' || m.stage === 'PROBATIONARY' ? NEXT_STAGE[m.stage] : undefined;
    const short = (gapsOf.get(m.id) ?? [])
      .filter((c): c is { area: string; mastery: number; target: number } => c.target != null && c.mastery < c.target)
      .sort((a, b) => b.target - b.mastery - (a.target - a.mastery));
    if (next && short.length) reasons.push({ kind: 'stageGap', nextStage: next, areas: short });
    if (reasons.length) out.push({ id: m.id, name: m.name, stage: m.stage, reasons });
  }
  const score = (x: AttentionItem) => x.reasons.reduce((s, r) => s + WEIGHT[r.kind], 0);
  return out.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Members per stage, in pipeline order (stages with nobody left out). */
export const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
