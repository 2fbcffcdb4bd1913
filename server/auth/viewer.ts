/**
 * The viewer: who is asking. Built once per request from the bearer token's member id, using the
 * store (so a role change takes effect on the next request, not at the next sign-in).
 */
import type { Role } from '../../graph';
import type { GraphStore } from '../../graph';
import { unauthenticated } from '../errors';

export interface Viewer {
  memberId: string;
  role: Role;
  branchId: string;
  /** Committee of the viewer's branch. */
  committeeId: string;
  /**
   * Branches whose members, meetings and organizational life the viewer may read; `null` = all
   * (UNIVERSITY_ADMIN). An ordinary MEMBER reads only themself, so their set is empty.
   */
  branchIds: ReadonlySet<string> | null;
  /** Branches the viewer may manage (meetings, attendance, members); `null` = all. */
  manageBranchIds: ReadonlySet<string> | null;
}

/** Minimal reads the viewer needs; the per-request loaders satisfy it, and so does a store. */
export interface ViewerReads {
  member(id: string): Promise<{ id: string; role: Role; branchId: string } | null>;
  branch(id: string): Promise<{ id: string; committeeId: string } | null>;
  branchesOfCommittee(committeeId: string): Promise<string[]>;
}

/** Resolve the viewer of a signed-in member id; an unknown member (deleted since sign-in) is UNAUTHENTICATED. */
export async function loadViewer(memberId: string, reads: ViewerReads): Promise<Viewer> {
  const m = await reads.member(memberId);
  if (!m) throw unauthenticated(`Member "${memberId}" of this token no longer exists; sign in again`);
  const branch = await reads.branch(m.branchId);
  const committeeId = branch?.committeeId ?? '';
  const own = new Set([m.branchId]);
  const none = new Set<string>();
  switch (m.role) {
    case 'UNIVERSITY_ADMIN':
      return { memberId: m.id, role: m.role, branchId: m.branchId, committeeId, branchIds: null, manageBranchIds: null };
    case 'COMMITTEE_ADMIN': {
      const ids = new Set(await reads.branchesOfCommittee(committeeId));
      return { memberId: m.id, role: m.role, branchId: m.branchId, committeeId, branchIds: ids, manageBranchIds: ids };
    }
    case 'SECRETARY':
      return { memberId: m.id, role: m.role, branchId: m.branchId, committeeId, branchIds: own, manageBranchIds: own };
    case 'COMMITTEE_MEMBER':
      // Decision: branch committee members (支委) help run the branch, so they read it, but only the
      // secretary (and admins above) change it.
      return { memberId: m.id, role: m.role, branchId: m.branchId, committeeId, branchIds: own, manageBranchIds: none };
    default:
      return { memberId: m.id, role: m.role, branchId: m.branchId, committeeId, branchIds: none, manageBranchIds: none };
  }
}

/** Make a ViewerReads from a store (CLI and tests; requests use their loaders). */
export function storeViewerReads(store: GraphStore): ViewerReads {
  return {
    member: async (id) => (await store.getMembersByIds([id]))[0] ?? null,
    branch: async (id) => (await store.getBranchesByIds([id]))[0] ?? null,
    branchesOfCommittee: async (cid) => (await store.listBranches([cid])).map((b) => b.id),
  };
}
