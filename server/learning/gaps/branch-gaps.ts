/**
 * A branch's gaps as a members × areas matrix (for the heatmap; each cell also counts the topics not
 * yet assessed, shown apart from gaps) and the branch's most common gap topic with courses for it —
 * the suggested topic of the next party lecture (党课).
 */
import type { Area, Course, Gap, Member } from '../../../graph';
import { TOP_AREAS } from '../../../graph';
import { encodeReason, reason } from '../../i18n/reasons';
import { requirementOf, type RequirementTable } from '../requirements';
import type { CurriculumView } from '../mastery/curriculum-view';

export interface BranchGapCell {
  area: Area;
  mastery: number;
  target: number | null;
  severity: number;
  gapCount: number;
  notAssessedCount: number;
}
export interface BranchGapRow {
  member: Member;
  cells: BranchGapCell[];
}
export interface LectureSuggestion {
  topicId: string;
  memberCount: number;
  meanSeverity: number;
  reason: string;
  courses: Course[];
}
/** How much of the branch's recent evidence the integrity checks discounted, as a share only (no member is named). */
export interface BranchEvidenceIntegrity {
  events: number;
  discountedShare: number;
}
export interface BranchGapReport {
  branchId: string;
  areas: Area[];
  rows: BranchGapRow[];
  suggestedLecture: LectureSuggestion | null;
  integrity?: BranchEvidenceIntegrity;
}

export function buildBranchGapReport(
  branchId: string,
  view: CurriculumView,
  members: Member[],
  gaps: Map<string, Gap[]>,
  areaMastery: (memberId: string, area: Area) => number,
  notAssessed: (memberId: string) => string[] = () => [],
  requirements?: RequirementTable,
): BranchGapReport {
  const rows = members.map((m) => {
    const targets = new Map((requirements?.[m.stage] ?? requirementOf(m.stage)).areas.map((a) => [a.area, a.target]));
    const mine = gaps.get(m.id) ?? [];
    const open = notAssessed(m.id);
    return {
      member: m,
      cells: TOP_AREAS.map((area) => {
        const inArea = mine.filter((g) => view.topics.get(g.topicId)?.area === area);
        return {
          area,
          mastery: Math.round(areaMastery(m.id, area) * 1000) / 1000,
          target: targets.get(area) ?? null,
          severity: inArea.reduce((s, g) => Math.max(s, g.severity), 0),
          gapCount: inArea.length,
          notAssessedCount: open.filter((id) => view.topics.get(id)?.area === area).length,
        };
      }),
    };
  });
  const byTopic = new Map<string, { n: number; sev: number }>();
  for (const m of members)
    for (const g of gaps.get(m.id) ?? []) {
      const e = byTopic.get(g.topicId) ?? { n: 0, sev: 0 };
      e.n += 1;
      e.sev += g.severity;
      byTopic.set(g.topicId, e);
    }
  const top = [...byTopic].sort((a, b) => b[1].n - a[1].n || b[1].sev - a[1].sev || a[0].localeCompare(b[0]))[0];
  let suggestedLecture: LectureSuggestion | null = null;
  if (top) {
    const [topicId, { n, sev }] = top;
    const courses = (view.coursesByTopic.get(topicId) ?? [])
      .filter((c) => c.weight >= 0.5)
      .slice(0, 3)
      .map((c) => c.course);
    suggestedLecture = {
      topicId,
      memberCount: n,
      meanSeverity: Math.round((sev / n) * 1000) / 1000,
      courses,
      reason: encodeReason(reason('LECTURE_COMMON_GAP', { members: members.length, withGap: n, topic: topicId })),
    };
  }
  return { branchId, areas: [...TOP_AREAS], rows, suggestedLecture };
}
