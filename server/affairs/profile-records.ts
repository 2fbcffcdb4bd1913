/**
 * The member's side and the receiving side of portable profiles: a member withdraws the consent they gave
 * (recorded as a step of the transfer; no export happens after it), and a verified profile from another
 * instance is kept with the member it was imported for, read like the member's own learning data, until the
 * member (or a manager of their branch) discards it. A member lists their own transfer cases to give or withdraw consent.
 */
import { encodeReason, reason } from '../i18n/reasons';
import type { TransferCase } from '../../graph';
import type { ImportedProfile } from '../../graph';
import type { Session } from '../auth/session';
import { assertCanManageMember, assertCanReadMember } from '../auth/scope';
import { badInput, forbidden, notFound } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import type { AffairsDeps } from './affairs-deps';
import { importLearningProfile } from './profile-service';
import type { ProfileContent } from './profile';
import { canReadCase, getTransferCase } from './transfer-service';

/** The member withdraws their consent to export their learning profile with this transfer (recorded, audited). */
export async function withdrawProfileConsent(s: Session, transferId: string): Promise<TransferCase> {
  const c = await getTransferCase(s, transferId);
  if (c.memberId !== s.viewer.memberId) throw forbidden('Only the member themself can withdraw their consent to exporting their learning profile');
  if (c.profileConsentAt === null) throw badInput('transferId', `There is no consent to withdraw on transfer "${c.id}"; nothing was changed`);
  const next = await s.store.advanceTransferCase(c.id, c.status, {
    status: c.status,
    step: { at: s.now(), by: s.viewer.memberId, note: encodeReason(reason('TRANSFER_PROFILE_CONSENT_WITHDRAWN', {})) },
    profileConsentAt: null,
  });
  s.audit.note('WITHDRAW_CONSENT', 'Member', c.memberId);
  return next;
}

export interface KeptProfile {
  stored: ImportedProfile;
  issuer: string;
  content: ProfileContent;
}

/** Verify a profile and keep it with a member of a branch the viewer manages; the same profile again is kept once. */
export async function keepImportedProfile(s: Session, deps: AffairsDeps, token: string, memberId: string): Promise<KeptProfile> {
  const member = await loadMemberRaw(s, memberId);
  assertCanManageMember(s.viewer, member);
  const { issuer, content } = await importLearningProfile(s, deps, token);
  const stored: ImportedProfile = {
    id: `${issuer}#${content.consent.transferId}`,
    memberId: member.id,
    issuer,
    token,
    content: JSON.stringify(content),
    importedAt: s.now(),
    importedBy: s.viewer.memberId,
  };
  await s.store.saveImportedProfile(stored);
  const [kept] = (await s.store.listImportedProfiles([member.id])).filter((p) => p.id === stored.id);
  s.audit.note('IMPORT_PROFILE', 'Member', member.id);
  return { stored: kept ?? stored, issuer, content };
}

/** Profiles kept for a member, newest first: the member themself and whoever may read the member (audited). */
export async function importedProfiles(s: Session, memberId: string): Promise<KeptProfile[]> {
  const member = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, member);
  const rows = await s.store.listImportedProfiles([member.id]);
  if (rows.length) s.audit.note('READ_LEARNING', 'Member', member.id);
  return rows.map((p) => ({ stored: p, issuer: p.issuer, content: JSON.parse(p.content) as ProfileContent }));
}

/** A member's transfer cases, newest first: the member themself, or whoever may read the member or manages either branch. */
export async function memberTransfers(s: Session, memberId: string): Promise<TransferCase[]> {
  const member = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, member);
  const cases = await s.store.listTransferCases({ memberIds: [member.id] });
  s.audit.note('READ_HISTORY', 'Member', member.id);
  return cases.filter((c) => canReadCase(s, c, member.branchId)).sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

/**
 * Discard a profile kept for a member: the member themself, or a manager of their branch. Unknown (or already
 * discarded) → NOT_FOUND naming the profile, nothing written. Audited.
 */
export async function discardImportedProfile(s: Session, memberId: string, id: string): Promise<KeptProfile[]> {
  const member = await loadMemberRaw(s, memberId);
  if (member.id !== s.viewer.memberId) assertCanManageMember(s.viewer, member);
  if (!(await s.store.deleteImportedProfile(id, member.id))) throw notFound('ImportedProfile', id);
  s.audit.note('DISCARD_PROFILE', 'Member', member.id);
  return importedProfiles(s, member.id);
}
