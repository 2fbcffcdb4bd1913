/**
 * The reusable scope API. Every service calls these before reading or writing; resolvers (ours and
 * the learning engineer's: recommendations, studyPlan, gaps) call them too. Deny by default: a role
 * not named here gets nothing beyond its own member record.
 *
 * | role             | reads members of            | manages (meetings, attendance, members) |
 * |------------------|-----------------------------|-----------------------------------------|
 * | MEMBER           | only themself               | nothing (records own study/answers)     |
 * | COMMITTEE_MEMBER | own branch (read-only)      | nothing                                 |
 * | SECRETARY        | own branch                  | own branch                              |
 * | COMMITTEE_ADMIN  | the committee's branches    | the committee's branches; courses       |
 * | UNIVERSITY_ADMIN | everything                  | everything; courses                     |
 * Organization names (university, committees, branches) are readable by every signed-in viewer.
 *
 * Hidden or forbidden. A viewer who may not read a record gets the answer a record that does not
 * exist gets: NOT_FOUND with the same message (`Member "m-7" not found`), after the same store
 * read, so ids cannot be probed for existence. FORBIDDEN is kept for a viewer who may read the
 * record but not do what was asked (a member reading their own record but not editing it, a branch
 * committee member reading the branch but not managing it). Checks addressed by a branch or
 * committee id stay as they are (NOT_FOUND when the branch does not exist, FORBIDDEN outside the
 * scope): every signed-in viewer may read the organisation (`branch(id)`, `committee(id)`), so their
 * existence is no secret.
 * test/security/hidden-ids.test.ts compares both answers field by field.
 */
import type { Member, Role } from '../../graph';
import { ROLES } from '../../graph';
import type { MemberFilter } from '../../graph';
import { forbidden, notFound } from '../errors';
import type { Viewer } from './viewer';

const inSet = (set: ReadonlySet<string> | null, id: string) => set === null || set.has(id);

/** True when the viewer may read this member's record (self, or the member's branch is in read scope). */
export function canReadMember(viewer: Viewer, member: Pick<Member, 'id' | 'branchId'>): boolean {
  return member.id === viewer.memberId || inSet(viewer.branchIds, member.branchId);
}

/** Throws NOT_FOUND, as for a member who does not exist, unless the viewer may read this member. */
export function assertCanReadMember(viewer: Viewer, member: Pick<Member, 'id' | 'branchId'>): void {
  if (!canReadMember(viewer, member)) throw notFound('Member', member.id);
}

/**
 * For a change to a member: NOT_FOUND when the viewer may not even read them (as for a member who
 * does not exist), FORBIDDEN when they may read but not manage the member's branch.
 */
export function assertCanManageMember(viewer: Viewer, member: Pick<Member, 'id' | 'branchId'>): void {
  assertCanReadMember(viewer, member);
  assertCanManageBranch(viewer, member.branchId);
}

/** A record kept in a branch (a meeting, …): NOT_FOUND, as for an id that does not exist, unless the viewer reads the branch. */
export function assertCanReadInBranch(viewer: Viewer, branchId: string, kind: string, id: string): void {
  if (!inSet(viewer.branchIds, branchId)) throw notFound(kind, id);
}

/** A change to a record kept in a branch: NOT_FOUND unless the viewer reads the branch, FORBIDDEN unless they manage it. */
export function assertCanManageInBranch(viewer: Viewer, branchId: string, kind: string, id: string): void {
  assertCanReadInBranch(viewer, branchId, kind, id);
  assertCanManageBranch(viewer, branchId);
}

/** Throws FORBIDDEN unless the viewer may read the branch's members, meetings and organizational life. */
export function assertCanReadBranch(viewer: Viewer, branchId: string): void {
  if (!inSet(viewer.branchIds, branchId)) throw forbidden(`You may not read branch "${branchId}": outside your scope`);
}

/** True when the viewer may manage the branch (meetings, attendance, its members). */
export function canManageBranch(viewer: Viewer, branchId: string): boolean {
  return inSet(viewer.manageBranchIds, branchId);
}

/** Throws FORBIDDEN unless the viewer may manage the branch (meetings, attendance, its members). */
export function assertCanManageBranch(viewer: Viewer, branchId: string): void {
  if (!canManageBranch(viewer, branchId)) {
    throw forbidden(`You may not manage branch "${branchId}": only its secretary or an administrator above it can`);
  }
}

/** Study and answers are recorded by the member themself only. */
export function assertIsSelf(viewer: Viewer, memberId: string): void {
  if (viewer.memberId !== memberId) throw forbidden(`Only member "${memberId}" can record their own study and answers`);
}

/** Courses are created and edited by administrators. */
export function assertCanManageCourses(viewer: Viewer): void {
  if (viewer.role !== 'COMMITTEE_ADMIN' && viewer.role !== 'UNIVERSITY_ADMIN') {
    throw forbidden('Only committee or university administrators can create or edit courses');
  }
}

/** A viewer may hand out roles up to their own (a secretary cannot make an administrator). */
export function assertCanAssignRole(viewer: Viewer, role: Role): void {
  if (ROLES.indexOf(role) > ROLES.indexOf(viewer.role)) throw forbidden(`You may not assign role ${role}`);
}

/** Branch ids the viewer reads, or null for all. */
export function readableBranchIds(viewer: Viewer): string[] | null {
  return viewer.branchIds === null ? null : [...viewer.branchIds];
}

/**
 * Narrow a requested member filter to the viewer's scope:
 * - `{ kind: 'filter', filter }` — query the store with this filter;
 * - `{ kind: 'self' }` — the viewer may see only their own record (match it against the filter in memory);
 * - `{ kind: 'empty' }` — nothing the viewer may see can match.
 */
export type ScopedMemberFilter = { kind: 'filter'; filter: MemberFilter } | { kind: 'self' } | { kind: 'empty' };

export function memberScopeFilter(viewer: Viewer, requested: MemberFilter): ScopedMemberFilter {
  if (viewer.branchIds === null) return { kind: 'filter', filter: requested };
  if (viewer.branchIds.size === 0) return { kind: 'self' };
  let branchIds = [...viewer.branchIds];
  if (requested.branchIds) branchIds = branchIds.filter((id) => requested.branchIds!.includes(id));
  if (branchIds.length === 0) return { kind: 'empty' };
  // committeeIds stays in the filter: the store intersects it with the branches.
  return { kind: 'filter', filter: { ...requested, branchIds: branchIds.sort() } };
}
