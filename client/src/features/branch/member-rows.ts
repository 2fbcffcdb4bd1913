import { deriveTags, type ActivityCounts, type DerivedTag } from '../activity/derive-tags';

export interface MemberRow {
  id: string;
  name: string;
  stage: string;
  kind: string;
  role: string;
  attendance: number | null;
  tags: DerivedTag['key'][];
  /** Mean mastery over the areas and number of gaps, when the gap report is loaded. */
  mastery: number | null;
  gaps: number | null;
}
export type SortKey = 'name' | 'stage' | 'kind' | 'role' | 'attendance' | 'mastery' | 'gaps';

/** A member's row of the branch gap report (only what the table needs). */
export interface GapRow {
  member: { id: string };
  cells: { mastery: number; gapCount: number }[];
}
export interface RowFilter {
  stage: string;
  kind: string;
  tag: string;
  name: string;
}

const STAGE_ORDER = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

/** Table rows from members with their recent activity (attendance rate and derived tags). */
export function toMemberRows(
  ms: { id: string; name: string; stage: string; kind: string; role: string; recentActivity: ActivityCounts }[],
  gapRows: readonly GapRow[] = [],
  now = Date.now(),
): MemberRow[] {
  const byMember = new Map(gapRows.map((r) => [r.member.id, r]));
  return ms.map((m) => {
    const att = m.recentActivity.attendance;
    const g = byMember.get(m.id);
    return {
      mastery: g?.cells.length ? g.cells.reduce((s, c) => s + c.mastery, 0) / g.cells.length : null,
      gaps: g ? g.cells.reduce((s, c) => s + c.gapCount, 0) : null,
      id: m.id,
      name: m.name,
      stage: m.stage,
      kind: m.kind,
      role: m.role,
      attendance: att.length ? att.filter((a) => a.status === 'PRESENT').length / att.length : null,
      tags: deriveTags(m.recentActivity, now).map((x) => x.key),
    };
  });
}

/** Filter (all conditions hold; '' means any) and sort; stages sort in pipeline order, names by zh-CN collation. */
export function filterAndSort(rows: MemberRow[], f: RowFilter, key: SortKey, dir: 'asc' | 'desc'): MemberRow[] {
  const coll = new Intl.Collator('zh-CN');
  const out = rows.filter(
    (r) =>
      (!f.stage || r.stage === f.stage) && (!f.kind || r.kind === f.kind) && (!f.tag || r.tags.includes(f.tag as DerivedTag['key'])) && (!f.name || r.name.includes(f.name.trim())),
  );
  const cmp = (a: MemberRow, b: MemberRow): number => {
    switch (key) {
      case 'stage':
        return STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);
      case 'attendance':
        return (a.attendance ?? -1) - (b.attendance ?? -1);
      case 'mastery':
        return (a.mastery ?? -1) - (b.mastery ?? -1);
      case 'gaps':
        return (a.gaps ?? -1) - (b.gaps ?? -1);
      case 'name':
        return coll.compare(a.name, b.name);
      default:
        return coll.compare(a[key], b[key]);
    }
  };
  out.sort((a, b) => (dir === 'asc' ? cmp(a, b) : -cmp(a, b)) || coll.compare(a.name, b.name));
  return out;
}
