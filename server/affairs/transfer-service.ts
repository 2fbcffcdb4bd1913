/**
 * Transfers of membership (组织关系转接) as cases. Within the university: the sending branch
 * initiates, the sending committee approves, the receiving branch confirms, and only then the
 * membership moves. Out of the university: after approval a letter (介绍信) with a number, validity
 * and dues-paid-until month is issued, and the case completes when the receipt (回执) comes back;
 * a receipt missing after the validity is overdue. Into the university: the receiving branch
 * records the letter received and completes the case. Graduates can be started in bulk.
 */
import { encodeReason, reason } from '../i18n/reasons';
import { randomUUID } from 'node:crypto';
import type { TransferCase, TransferCaseStatus } from '../../graph';
import { disableAccountOnExit } from '../auth/account-admin';
import { assertCanManageBranch, assertCanReadMember, canManageBranch, canReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { forbidden, notFound } from '../errors';
import { refusalError } from '../i18n/error-messages';
import { loadMemberRaw } from '../members/member-service';
import { optionalId, optionalText, requireInt, requireOneOf, requireText } from '../validate';
import { type AffairsDeps, rulesOf } from './affairs-deps';
import { addDays, isMonth } from './china-time';
import { transferReceiptRule } from './rule-source';

const OPEN: TransferCaseStatus[] = ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED'];

export interface StartTransferInput {
  id?: string | null;
  memberId: string;
  kind: string;
  toBranchId?: string | null;
  externalOrg?: string | null;
  reason: string;
  letterNumber?: string | null;
  batchId?: string | null;
}

async function loadCase(s: Session, id: string): Promise<TransferCase> {
  const [c] = await s.store.getTransferCasesByIds([id]);
  if (!c) throw notFound('Transfer', id);
  return c;
}

/** The viewer may read a case when they may read the member or manage either branch. */
export function canReadCase(s: Session, c: TransferCase, memberBranchId: string): boolean {
  return (
    canReadMember(s.viewer, { id: c.memberId, branchId: memberBranchId }) ||
    (c.fromBranchId !== null && canManageBranch(s.viewer, c.fromBranchId)) ||
    (c.toBranchId !== null && canManageBranch(s.viewer, c.toBranchId))
  );
}

export async function getTransferCase(s: Session, id: string): Promise<TransferCase> {
  const c = await loadCase(s, id);
  const m = await s.loaders.member.load(c.memberId);
  if (!canReadCase(s, c, m?.branchId ?? '')) throw notFound('Transfer', id);
  return c;
}

/** Start a case: INTERNAL or OUT from the member's branch (its secretary or an administrator); IN at the receiving branch. */
export async function startTransfer(s: Session, input: StartTransferInput): Promise<TransferCase> {
  const kind = requireOneOf('kind', input.kind, ['INTERNAL', 'OUT', 'IN'] as const);
  const reason = requireText('reason', input.reason, 500);
  const id = optionalId('id', input.id) ?? `tc-${randomUUID()}`;
  const member = await loadMemberRaw(s, input.memberId);
  // Someone the viewer may not read is NOT_FOUND, before anything else about the request is checked.
  assertCanReadMember(s.viewer, member);
  const now = s.now();
  const base = {
    id,
    memberId: member.id,
    kind,
    reason,
    batchId: optionalId('batchId', input.batchId),
    profileConsentAt: null,
    validUntil: null,
    duesPaidUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  let c: TransferCase;
  if (kind === 'INTERNAL') {
    const to = optionalId('toBranchId', input.toBranchId);
    if (!to) throw refusalError('BAD_USER_INPUT', { code: 'TRANSFER_NEEDS_TO_BRANCH', params: { field: 'toBranchId' } }, { field: 'toBranchId' });
    if (to === member.branchId) throw refusalError('BAD_USER_INPUT', { code: 'TRANSFER_SAME_BRANCH', params: { member: member.id, branch: to } }, { field: 'toBranchId' });
    if (!(await s.loaders.branch.load(to))) throw notFound('Branch', to);
    assertCanManageBranch(s.viewer, member.branchId);
    c = { ...base, status: 'INITIATED', fromBranchId: member.branchId, toBranchId: to, externalOrg: null, letterNumber: null, steps: [] };
  } else if (kind === 'OUT') {
    const externalOrg = requireText('externalOrg', input.externalOrg ?? '', 200);
    assertCanManageBranch(s.viewer, member.branchId);
    c = { ...base, status: 'INITIATED', fromBranchId: member.branchId, toBranchId: null, externalOrg, letterNumber: null, steps: [] };
  } else {
    const externalOrg = requireText('externalOrg', input.externalOrg ?? '', 200);
    const letterNumber = requireText('letterNumber', input.letterNumber ?? '', 50);
    assertCanManageBranch(s.viewer, member.branchId);
    c = { ...base, status: 'LETTER_RECEIVED', fromBranchId: null, toBranchId: member.branchId, externalOrg, letterNumber, steps: [] };
  }
  c.steps = [{ status: c.status, at: now, by: s.viewer.memberId, note: null }];
  const open = (await s.store.listTransferCases({ memberIds: [member.id], statuses: OPEN })).filter((x) => x.id !== id);
  if (open.length) throw refusalError('CONFLICT', { code: 'TRANSFER_OPEN', params: { member: member.id, transfer: open[0].id } }, { field: 'memberId' });
  const r = await s.store.createTransferCase(c);
  return r.created ? c : loadCase(s, id);
}

/** The sending committee approves (committee or university administrators over the sending branch). */
export async function approveTransfer(s: Session, id: string, note: string | null): Promise<TransferCase> {
  const c = await getTransferCase(s, id);
  if (s.viewer.role !== 'COMMITTEE_ADMIN' && s.viewer.role !== 'UNIVERSITY_ADMIN') {
    throw forbidden('Only the sending committee (or the university) approves a transfer');
  }
  if (!c.fromBranchId || !canManageBranch(s.viewer, c.fromBranchId)) throw forbidden(`Transfer "${id}" is not from a branch under you`);
  return s.store.advanceTransferCase(id, requireStatus(c, ['INITIATED']), { status: 'APPROVED', step: step(s, note) });
}

export interface IssueLetterInput {
  id: string;
  letterNumber: string;
  validDays?: number | null;
  duesPaidUntil?: string | null;
}

/** Issue the letter of an approved outgoing transfer; dues-paid-until defaults to the member's payments. */
export async function issueLetter(s: Session, deps: AffairsDeps, input: IssueLetterInput): Promise<TransferCase> {
  const c = await getTransferCase(s, input.id);
  if (c.kind !== 'OUT') throw refusalError('BAD_USER_INPUT', { code: 'TRANSFER_NOT_OUTGOING', params: { transfer: c.id, kind: c.kind } }, { field: 'id' });
  assertCanManageBranch(s.viewer, c.fromBranchId!);
  const rule = await transferReceiptRule(rulesOf(deps, s), s.now());
  const validDays = requireInt('validDays', input.validDays ?? rule.params.defaultValidityDays, 1, rule.params.maxValidityDays);
  let duesPaidUntil = input.duesPaidUntil ?? null;
  if (duesPaidUntil !== null && !isMonth(duesPaidUntil)) {
    throw refusalError('BAD_USER_INPUT', { code: 'NOT_A_MONTH', params: { field: 'duesPaidUntil', value: duesPaidUntil } }, { field: 'duesPaidUntil' });
  }
  if (duesPaidUntil === null) {
    const months = (await s.store.listDuesPayments([c.memberId])).flatMap((p) => p.months).sort();
    duesPaidUntil = months.length ? months[months.length - 1] : null;
  }
  return s.store.advanceTransferCase(c.id, requireStatus(c, ['APPROVED']), {
    status: 'LETTER_ISSUED',
    step: step(s, null),
    letterNumber: requireText('letterNumber', input.letterNumber, 50),
    validUntil: addDays(s.now(), validDays),
    duesPaidUntil,
  });
}

/**
 * Complete a case. INTERNAL: the receiving branch confirms and the membership moves (recorded as a
 * Transfer with the case's id). OUT: the sending branch records the receipt. IN: the receiving branch completes.
 */
export async function confirmTransfer(s: Session, id: string, note: string | null): Promise<TransferCase> {
  const c = await getTransferCase(s, id);
  if (c.kind === 'INTERNAL') {
    assertCanManageBranch(s.viewer, c.toBranchId!);
    const expect = requireStatus(c, ['APPROVED']);
    await s.store.moveMember({ id: c.id, memberId: c.memberId, toBranchId: c.toBranchId!, at: s.now(), reason: c.reason, kind: 'INTERNAL' });
    s.loaders.member.clear(c.memberId);
    return s.store.advanceTransferCase(id, expect, { status: 'COMPLETED', step: step(s, note) });
  }
  if (c.kind === 'OUT') {
    assertCanManageBranch(s.viewer, c.fromBranchId!);
    const done = await s.store.advanceTransferCase(id, requireStatus(c, ['LETTER_ISSUED']), {
      status: 'COMPLETED',
      step: step(s, note ?? encodeReason(reason('TRANSFER_RECEIPT_RECEIVED', {}))),
    });
    // The member has left the university: their account is disabled, sessions and tokens end.
    await disableAccountOnExit(s.store, c.memberId, s.viewer.memberId, s.now());
    return done;
  }
  assertCanManageBranch(s.viewer, c.toBranchId!);
  return s.store.advanceTransferCase(id, requireStatus(c, ['LETTER_RECEIVED']), { status: 'COMPLETED', step: step(s, note) });
}

/** Cancel an open case (either branch's manager). */
export async function cancelTransfer(s: Session, id: string, note: string): Promise<TransferCase> {
  const c = await getTransferCase(s, id);
  const may = (c.fromBranchId && canManageBranch(s.viewer, c.fromBranchId)) || (c.toBranchId && canManageBranch(s.viewer, c.toBranchId));
  if (!may) throw forbidden(`You may not cancel transfer "${id}"`);
  return s.store.advanceTransferCase(id, requireStatus(c, OPEN), { status: 'CANCELLED', step: step(s, requireText('note', note, 500)) });
}

/** The member's own consent to export their learning profile with this transfer (audited). */
export async function consentToProfileExport(s: Session, id: string): Promise<TransferCase> {
  const c = await getTransferCase(s, id);
  if (c.memberId !== s.viewer.memberId) throw forbidden('Only the member themself can consent to exporting their learning profile');
  if (c.profileConsentAt !== null) return c;
  const now = s.now();
  const next = await s.store.advanceTransferCase(id, requireStatus(c, OPEN), {
    status: c.status,
    step: { at: now, by: s.viewer.memberId, note: encodeReason(reason('TRANSFER_PROFILE_CONSENT', {})) },
    profileConsentAt: now,
  });
  s.audit.note('CONSENT_PROFILE', 'Member', c.memberId);
  return next;
}

export interface BulkRow {
  memberId: string;
  externalOrg?: string | null;
  toBranchId?: string | null;
}

/**
 * Start transfers for a list (graduating students): all rows are checked first; any bad row stops
 * the whole batch with its index named, and nothing is written. Ids are `<batchId>:<memberId>`, so a
 * retried batch creates nothing twice.
 */
export async function bulkStartTransfers(s: Session, input: { batchId: string; kind: string; reason: string; rows: BulkRow[] }): Promise<TransferCase[]> {
  if (s.viewer.role !== 'COMMITTEE_ADMIN' && s.viewer.role !== 'UNIVERSITY_ADMIN') throw forbidden('Only committee or university administrators start transfers in bulk');
  const batchId = optionalId('batchId', input.batchId)!;
  if (!batchId) throw refusalError('BAD_USER_INPUT', { code: 'BULK_FIELD_REQUIRED', params: { field: 'batchId' } }, { field: 'batchId' });
  const kind = requireOneOf('kind', input.kind, ['INTERNAL', 'OUT'] as const);
  if (!Array.isArray(input.rows) || input.rows.length < 1 || input.rows.length > 500)
    throw refusalError('BAD_USER_INPUT', { code: 'BULK_ROWS_COUNT', params: {} }, { field: 'rows' });
  const members = await s.store.getMembersByIds(input.rows.map((r) => r.memberId));
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const m = byId.get(r.memberId);
    const row = (code: 'BULK_ROW_MEMBER_UNKNOWN' | 'BULK_ROW_MEMBER_TWICE' | 'BULK_ROW_MEMBER_NOT_YOURS', member: string) =>
      refusalError('BAD_USER_INPUT', { code, params: { row: i, member } }, { field: `rows[${i}].memberId` });
    const required = (field: 'externalOrg' | 'toBranchId') =>
      refusalError('BAD_USER_INPUT', { code: 'BULK_ROW_FIELD_REQUIRED', params: { row: i, field: `rows[${i}].${field}`, kind } }, { field: `rows[${i}].${field}` });
    if (!m) throw row('BULK_ROW_MEMBER_UNKNOWN', r.memberId);
    if (seen.has(m.id)) throw row('BULK_ROW_MEMBER_TWICE', m.id);
    seen.add(m.id);
    if (!canManageBranch(s.viewer, m.branchId)) throw row('BULK_ROW_MEMBER_NOT_YOURS', m.id);
    if (kind === 'OUT' && !r.externalOrg?.trim()) throw required('externalOrg');
    if (kind === 'INTERNAL' && !r.toBranchId) throw required('toBranchId');
  });
  const open = await s.store.listTransferCases({ memberIds: [...seen], statuses: OPEN });
  const clash = open.find((c) => c.batchId !== batchId);
  if (clash) throw refusalError('CONFLICT', { code: 'BULK_OPEN', params: { member: clash.memberId, transfer: clash.id } }, { field: 'rows' });
  const out: TransferCase[] = [];
  for (const r of input.rows) {
    out.push(
      await startTransfer(s, { id: `${batchId}:${r.memberId}`, memberId: r.memberId, kind, reason: input.reason, externalOrg: r.externalOrg, toBranchId: r.toBranchId, batchId }),
    );
  }
  return out;
}

/** Cases from or to the branch (managers of either side); receipts overdue first. */
export async function branchTransfers(s: Session, branchId: string): Promise<TransferCase[]> {
  assertCanManageBranch(s.viewer, branchId);
  return s.store.listTransferCases({ branchIds: [branchId] });
}

/** A letter whose receipt has not come back by its validity. */
export const isReceiptOverdue = (c: TransferCase, now: number): boolean => c.status === 'LETTER_ISSUED' && c.validUntil !== null && now > c.validUntil;

const step = (s: Session, note: string | null) => ({ at: s.now(), by: s.viewer.memberId, note: optionalText('note', note, 500) });

function requireStatus(c: TransferCase, allowed: TransferCaseStatus[]): TransferCaseStatus {
  if (!allowed.includes(c.status)) {
    throw refusalError(
      'CONFLICT',
      { code: 'TRANSFER_WRONG_STATUS', params: { transfer: c.id, status: c.status, allowed: allowed.join(','), rule: 'transfer.sequence' } },
      { field: 'id', ruleId: 'transfer.sequence' },
    );
  }
  return c.status;
}
