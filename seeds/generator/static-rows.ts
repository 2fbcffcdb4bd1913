/**
 * Rows that do not depend on the simulation: the organization tree, the members and their
 * offices, and the curriculum (topics, courses, questions and their manual tags).
 */
import type { BulkWriter } from './bulk-writer';
import type { Curriculum } from './curriculum-input';
import type { OrgTree } from './organization';
import type { MemberRec } from './people';
import { DAY_MS, PLATFORM_LAUNCH } from './scales';

export function writeOrganization(out: BulkWriter, org: OrgTree, members: MemberRec[]): void {
  out.row('University', [org.universityId, org.universityName]);
  for (const c of org.committees) {
    out.row('Committee', [c.id, c.name]);
    out.row('UNDER_COMMITTEE_UNIVERSITY', [c.id, org.universityId]);
  }
  for (const b of org.branches) {
    out.row('Branch', [b.id, b.name]);
    out.row('UNDER_BRANCH_COMMITTEE', [b.id, org.committees[b.committee].id]);
  }
  for (const g of org.groups) {
    out.row('Group', [g.id, g.name]);
    out.row('UNDER_GROUP_BRANCH', [g.id, org.branches[g.branch].id]);
  }
  // Member rows in id order (m-1, m-2, …) so the well-known demo accounts come first.
  const byId = [...members].sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
  for (const m of byId) {
    out.row('Member', [m.id, m.name, m.kind, m.stage, m.role, m.stageSince, m.phone, m.idNumber, m.createdAt, m.updatedAt]);
    out.row('BELONGS_TO', [m.id, org.branches[m.branch].id, m.role, m.since]);
    if (m.group >= 0) out.row('IN_GROUP', [m.id, org.groups[m.group].id]);
  }
}

export function writeCurriculum(out: BulkWriter, c: Curriculum): void {
  for (const t of c.topics) {
    out.row('Topic', [t.id, t.name, t.area, t.description]);
    if (t.parentId !== null) out.row('SUBTOPIC_OF', [t.id, t.parentId]);
    for (const p of t.prerequisiteIds) out.row('PREREQUISITE_OF', [p, t.id]);
  }
  // Courses appear over the platform's first two years; dates derive from the position only.
  c.courses.forEach((x, i) => {
    const createdAt = PLATFORM_LAUNCH + ((i * 37) % 600) * DAY_MS;
    out.row('Course', [x.id, x.title, x.summary, x.kind, x.minutes, createdAt, createdAt + ((i * 13) % 90) * DAY_MS]);
    for (const [tid, w] of Object.entries(x.topics)) out.row('COVERS', [x.id, tid, w, 'MANUAL', 1]);
  });
  for (const q of c.questions) {
    out.row('Question', [q.id, q.stem, JSON.stringify(q.options), q.answer, q.explanation, q.difficulty]);
    for (const [tid, w] of Object.entries(q.topics)) out.row('TESTS', [q.id, tid, w, 'MANUAL', 1]);
  }
}
