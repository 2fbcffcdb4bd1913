/**
 * Reading and managing members, with scope checks, masking and access records. Every function
 * takes the request's Session; nothing here knows about GraphQL.
 */
import { randomUUID } from 'node:crypto';
import type { Member, MemberHistory, Page, Transfer } from '../../graph';
import { MEMBER_KINDS, MEMBER_STAGES, ROLES } from '../../graph';
import type { MemberFilter, MemberPatch, NewMember } from '../../graph';
import { assertCanAssignRole, assertCanManageBranch, assertCanManageMember, assertCanReadMember, canManageBranch, canReadMember, memberScopeFilter } from '../auth/scope';
import { disableAccountOnExit } from '../auth/account-admin';
import type { Session } from '../auth/session';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { optionalId, optionalIdNumber, optionalPhone, optionalText, requireOneOf, requirePageSize, requirePast, requireText } from '../validate';
import { maskMemberFor } from './mask';

const emptyPage = <T>(): Page<T> => ({ items: [], totalCount: 0, endCursor: null, hasNextPage: false });

/** The member's raw record, or NOT_FOUND. No scope check: for services that check scope themselves. */
export async function loadMemberRaw(s: Session, id: string): Promise<Member> {
  const m = await s.loaders.member.load(id);
  if (!m) throw notFound('Member', id);
  return m;
}

/** A member as the viewer may see it (masked unless it is the viewer); FORBIDDEN outside scope. */
export async function getMember(s: Session, id: string): Promise<Member> {
  const m = await loadMemberRaw(s, id);
  assertCanReadMember(s.viewer, m);
  s.audit.note('READ_MEMBER', 'Member', m.id);
  return maskMemberFor(s.viewer.memberId, m);
}

/** Members within the viewer's scope matching the filter, a page at a time (ordered by id). */
export async function listMembers(s: Session, filter: MemberFilter, first: number, after: string | null): Promise<Page<Member>> {
  requirePageSize(first);
  if (filter.nameContains !== undefined) optionalText('filter.nameContains', filter.nameContains, 50);
  const scoped = memberScopeFilter(s.viewer, filter);
  let page: Page<Member>;
  if (scoped.kind === 'empty') page = emptyPage();
  else if (scoped.kind === 'self') {
    const me = await s.loaders.member.load(s.viewer.memberId);
    page = me && matches(me, filter) && (after === null || after < me.id) ? { items: [me], totalCount: 1, endCursor: me.id, hasNextPage: false } : emptyPage();
  } else {
    page = await s.store.listMembers(scoped.filter, first, after);
  }
  for (const m of page.items) {
    s.loaders.member.prime(m.id, m);
    s.audit.note('READ_MEMBER', 'Member', m.id);
  }
  return { ...page, items: page.items.map((m) => maskMemberFor(s.viewer.memberId, m)) };
}

function matches(m: Member, f: MemberFilter): boolean {
  return (
    (!f.branchIds || f.branchIds.includes(m.branchId)) &&
    (!f.stages || f.stages.includes(m.stage)) &&
    (!f.kinds || f.kinds.includes(m.kind)) &&
    (!f.roles || f.roles.includes(m.role)) &&
    (!f.nameContains || m.name.includes(f.nameContains))
  );
}

/** Recent study, answers and attendance of a member the viewer may read (one batched read per request). */
export async function getMemberHistory(s: Session, member: Pick<Member, 'id' | 'branchId'>): Promise<MemberHistory> {
  assertCanReadMember(s.viewer, member);
  s.audit.note('READ_HISTORY', 'Member', member.id);
  return s.loaders.history.load(member.id);
}

/** Transfers of a member, oldest first. */
export async function listTransfers(s: Session, member: Pick<Member, 'id' | 'branchId'>): Promise<Transfer[]> {
  assertCanReadMember(s.viewer, member);
  s.audit.note('READ_HISTORY', 'Member', member.id);
  return s.store.listTransfers(member.id);
}

export interface CreateMemberInput {
  id?: string | null;
  name: string;
  kind: string;
  stage: string;
  role?: string | null;
  branchId: string;
  groupId?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  since?: number | null;
}

/** Add a member to a branch the viewer manages. */
export async function createMember(s: Session, input: CreateMemberInput): Promise<Member> {
  const role = requireOneOf('role', input.role ?? 'MEMBER', ROLES);
  const m: NewMember = {
    id: optionalId('id', input.id) ?? `m-${randomUUID()}`,
    name: requireText('name', input.name, 50),
    kind: requireOneOf('kind', input.kind, MEMBER_KINDS),
    stage: requireOneOf('stage', input.stage, MEMBER_STAGES),
    role,
    branchId: input.branchId,
    groupId: input.groupId ?? null,
    phone: optionalPhone(input.phone),
    idNumber: optionalIdNumber(input.idNumber),
  };
  if (input.since !== null && input.since !== undefined) m.since = requirePast('since', input.since, s.now());
  const branch = await s.loaders.branch.load(m.branchId);
  if (!branch) throw notFound('Branch', m.branchId);
  assertCanManageBranch(s.viewer, branch.id);
  assertCanAssignRole(s.viewer, role);
  if (m.groupId) await assertGroupInBranch(s, m.groupId, branch.id);
  // An id already in use answers CONFLICT whoever holds it, and nothing of that member is returned.
  if (input.id && (await s.loaders.member.load(input.id))) throw conflict(`Member id "${input.id}" is already in use; send a new id`, { field: 'id' });
  const created = await s.store.createMember(m);
  s.loaders.member.clear(created.id).prime(created.id, created);
  return maskMemberFor(s.viewer.memberId, created);
}

async function assertGroupInBranch(s: Session, groupId: string, branchId: string): Promise<void> {
  const groups = await s.store.listGroups(branchId);
  if (!groups.some((g) => g.id === groupId)) throw notFound('Group', groupId);
}

export interface UpdateMemberInput {
  name?: string | null;
  kind?: string | null;
  stage?: string | null;
  role?: string | null;
  groupId?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/** Change a member of a branch the viewer manages; only the fields given change. */
export async function updateMember(s: Session, id: string, input: UpdateMemberInput): Promise<Member> {
  const patch: MemberPatch = {};
  if (input.name != null) patch.name = requireText('name', input.name, 50);
  if (input.kind != null) patch.kind = requireOneOf('kind', input.kind, MEMBER_KINDS);
  if (input.stage != null) patch.stage = requireOneOf('stage', input.stage, MEMBER_STAGES);
  if (input.role != null) patch.role = requireOneOf('role', input.role, ROLES);
  if (input.phone !== undefined) patch.phone = optionalPhone(input.phone);
  if (input.idNumber !== undefined) patch.idNumber = optionalIdNumber(input.idNumber);
  if (input.groupId !== undefined) patch.groupId = input.groupId;
  const current = await loadMemberRaw(s, id);
  assertCanManageMember(s.viewer, current);
  if (patch.role) assertCanAssignRole(s.viewer, patch.role);
  if (ROLES.indexOf(current.role) > ROLES.indexOf(s.viewer.role)) assertCanAssignRole(s.viewer, current.role);
  if (patch.groupId) await assertGroupInBranch(s, patch.groupId, current.branchId);
  if (Object.keys(patch).length === 0) return maskMemberFor(s.viewer.memberId, current);
  const updated = await s.store.updateMember(id, patch);
  s.loaders.member.clear(id).prime(id, updated);
  return maskMemberFor(s.viewer.memberId, updated);
}

export interface MoveMemberInput {
  id?: string | null;
  memberId: string;
  toBranchId: string;
  at?: number | null;
  reason: string;
}

/**
 * Transfer a member to another branch (组织关系转接), keeping history. The viewer must manage the
 * member's current branch: the sending side initiates a transfer.
 */
export async function moveMember(s: Session, input: MoveMemberInput): Promise<{ member: Member; transfer: Transfer }> {
  const reason = requireText('reason', input.reason, 500);
  const at = input.at == null ? s.now() : requirePast('at', input.at, s.now());
  const id = optionalId('id', input.id) ?? `t-${randomUUID()}`;
  const current = await loadMemberRaw(s, input.memberId);
  // Someone the viewer may not read is NOT_FOUND, as a member who does not exist, whatever else the
  // request says; only the replay of a move the viewer made answers (its member may have left their scope).
  const readable = canReadMember(s.viewer, current);
  const hidden = () => notFound('Member', current.id);
  const target = await s.loaders.branch.load(input.toBranchId);
  if (!target) throw readable ? notFound('Branch', input.toBranchId) : hidden();
  if (input.id) {
    // A retry of a transfer already recorded answers as the first call did, to someone who manages
    // either end of it; any other use of the id is a conflict and reveals nothing of that transfer.
    const prior = (await s.store.listTransfers(current.id)).find((t) => t.id === id);
    if (prior) {
      const sameMove = prior.toBranchId === target.id && current.branchId === target.id;
      const managesEnd = [prior.fromBranchId, prior.toBranchId].some((b) => b !== null && canManageBranch(s.viewer, b));
      if (!readable && !managesEnd) throw hidden();
      if (!sameMove || !managesEnd) {
        throw conflict(`Transfer id "${id}" is already in use; send a new id`, { field: 'id' });
      }
      s.audit.note('READ_MEMBER', 'Member', current.id);
      return { member: maskMemberFor(s.viewer.memberId, current), transfer: prior };
    }
  }
  if (!readable) throw hidden();
  assertCanManageBranch(s.viewer, current.branchId);
  // An office travels with the member and is scoped by their branch: moving a secretary, branch
  // committee member or administrator (the viewer included) would hand them the target branch or
  // committee. Only someone who manages the receiving branch too may do that.
  // As in updateMember: no one moves a person who outranks them.
  if (ROLES.indexOf(current.role) > ROLES.indexOf(s.viewer.role)) assertCanAssignRole(s.viewer, current.role);
  if (current.role !== 'MEMBER' && !canManageBranch(s.viewer, target.id)) {
    throw forbidden(`You may not move member "${current.id}" (${current.role}) to branch "${target.id}": their office would follow them; ask an administrator over both branches`);
  }
  if (target.id === current.branchId) throw badInput('toBranchId', `Member "${current.id}" already belongs to branch "${target.id}"`);
  const transfer = await s.store.moveMember({ id, memberId: current.id, toBranchId: target.id, at, reason, kind: 'INTERNAL' });
  // Leaving the university ends sign-in: the account is disabled, its sessions and tokens revoked.
  if (transfer.kind === 'OUT') await disableAccountOnExit(s.store, current.id, s.viewer.memberId, s.now());
  s.loaders.member.clear(current.id);
  const moved = await loadMemberRaw(s, current.id);
  return { member: maskMemberFor(s.viewer.memberId, moved), transfer };
}
