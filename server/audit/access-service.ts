/**
 * Reading the access trail: a member may see who read their personal data; a university
 * administrator may see anyone's. Everyone else is FORBIDDEN (NOT_FOUND for a member they may not read).
 */
import type { AccessRecord } from '../../graph';
import type { Session } from '../auth/session';
import { assertCanReadMember } from '../auth/scope';
import { forbidden } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import { requirePageSize } from '../validate';

/** Who read this member's data, newest first. */
export async function listAccessTo(s: Session, memberId: string, first: number): Promise<AccessRecord[]> {
  requirePageSize(first);
  const m = await loadMemberRaw(s, memberId);
  if (m.id !== s.viewer.memberId && s.viewer.role !== 'UNIVERSITY_ADMIN') {
    assertCanReadMember(s.viewer, m);
    throw forbidden(`Only member "${m.id}" and university administrators can see who read their data`);
  }
  return s.store.listAccess({ targetId: m.id, limit: first });
}
