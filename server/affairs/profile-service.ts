/**
 * Export and import of portable learning profiles (see ./profile for the format and the checks).
 * Export needs the member's recorded consent on the transfer case; the export is audited.
 */
import type { Session } from '../auth/session';
import { badInput, forbidden, unavailable } from '../errors';
import { isCompleted } from '../learning/progress';
import { loadMemberRaw } from '../members/member-service';
import { canManageBranch } from '../auth/scope';
import type { AffairsDeps } from './affairs-deps';
import { signProfile, verifyProfile, type ProfileContent } from './profile';
import { getTransferCase } from './transfer-service';

/** Sign the member's profile for a transfer they consented on (the member, or a manager of the sending branch). */
export async function exportLearningProfile(s: Session, deps: AffairsDeps, transferId: string): Promise<{ token: string; content: ProfileContent }> {
  if (!deps.keys) throw unavailable('This instance has no signing key; profiles cannot be exported');
  const c = await getTransferCase(s, transferId);
  const member = await loadMemberRaw(s, c.memberId);
  const mayExport = member.id === s.viewer.memberId || (c.fromBranchId !== null && canManageBranch(s.viewer, c.fromBranchId));
  if (!mayExport) throw forbidden(`You may not export the profile of transfer "${transferId}"`);
  if (c.profileConsentAt === null) {
    throw badInput('transferId', `Member "${member.id}" has not consented to exporting their learning profile with transfer "${c.id}"; nothing was exported`);
  }
  const [mastery, history, milestones] = await Promise.all([
    s.store.getMasteryForMembers([member.id]),
    s.store.getMemberHistory(member.id, { limit: 1000 }),
    s.store.listMilestones([member.id]),
  ]);
  const done = new Map<string, number>();
  for (const e of history.studies) if (isCompleted(e.progress) && !(done.get(e.courseId)! <= e.at)) done.set(e.courseId, e.at);
  const courses = await s.store.getCoursesByIds([...done.keys()]);
  const content: ProfileContent = {
    member: { id: member.id, name: member.name, stage: member.stage, kind: member.kind },
    mastery: (mastery.get(member.id) ?? []).map((m) => ({ topicId: m.topicId, p: m.p, updatedAt: m.updatedAt })),
    completedCourses: courses.map((x) => ({ courseId: x.id, title: x.title, completedAt: done.get(x.id)! })),
    milestones: (milestones.get(member.id) ?? []).map((m) => ({ step: m.step, at: m.at, documentRef: m.evidence.documentRef })),
    consent: { at: c.profileConsentAt, transferId: c.id },
  };
  s.audit.note('EXPORT_PROFILE', 'Member', member.id);
  return { token: await signProfile(deps.keys, member.id, content, s.now()), content };
}

/** Verify a profile from another instance and show what it carries (any manager of a branch may check one). */
export async function importLearningProfile(s: Session, deps: AffairsDeps, token: string): Promise<{ issuer: string; content: ProfileContent }> {
  if (s.viewer.manageBranchIds !== null && s.viewer.manageBranchIds.size === 0) {
    throw forbidden('Only a branch secretary or an administrator imports learning profiles');
  }
  return verifyProfile(deps.trust, token, s.now());
}
