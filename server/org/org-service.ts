/**
 * The organization tree (university → committees → branches → groups). Names and structure are
 * readable by every signed-in viewer; members and organizational life below a branch are scoped
 * by their own services.
 */
import type { Branch, Committee, Group, University } from '../../graph';
import type { Session } from '../auth/session';
import { notFound } from '../errors';

/** One read of the university per request, however many committees point at it. */
const universities = new WeakMap<object, Promise<University | null>>();

export async function getUniversity(s: Session): Promise<University> {
  let p = universities.get(s.loaders);
  if (!p) universities.set(s.loaders, (p = s.store.getUniversity()));
  const u = await p;
  if (!u) throw notFound('University', 'university');
  return u;
}

export async function listCommittees(s: Session): Promise<Committee[]> {
  const all = await s.store.listCommittees();
  for (const c of all) s.loaders.committee.prime(c.id, c);
  return all;
}

export async function getCommittee(s: Session, id: string): Promise<Committee> {
  const c = await s.loaders.committee.load(id);
  if (!c) throw notFound('Committee', id);
  return c;
}

export async function getBranch(s: Session, id: string): Promise<Branch> {
  const b = await s.loaders.branch.load(id);
  if (!b) throw notFound('Branch', id);
  return b;
}

/** Branches of a committee, batched across committees in one request. */
export async function listCommitteeBranches(s: Session, committeeId: string): Promise<Branch[]> {
  const branches = await s.loaders.committeeBranches.load(committeeId);
  for (const b of branches) s.loaders.branch.prime(b.id, b);
  return branches;
}

export async function listGroups(s: Session, branchId: string): Promise<Group[]> {
  return s.loaders.groups.load(branchId);
}
