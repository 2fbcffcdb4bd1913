/**
 * A member's record (党员档案) edited within scope: the date of each stage, the join date, sponsors
 * (入党介绍人) and 培养联系人, and contact. The branch's secretary edits their own branch, a committee
 * administrator the committee's branches, a university administrator any. Every field is checked before
 * anything is written (dates ordered by stage and within the catalogue's waiting periods, sponsors and
 * contacts full members), the write is a compare-and-set on the record's version, and reads and edits are
 * audited.
 */
import type { Member, MemberStage } from '../../graph';
import type { MemberRecord } from '../../graph';
import { assertCanManageMember, assertCanReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { refusalError, ruleParams } from '../i18n/error-messages';
import { citationText } from '../rules/citation';
import { addMonths } from '../affairs/china-time';
import { loadMemberRaw } from './member-service';
import {
  againWhenOtherSideChanged,
  checkEditAgainstPipeline,
  type PipelineSource,
  RECORD_DATE_STEPS,
  type RecordConflict,
  type RecordDateField,
  reconcileRecord,
} from './record-pipeline';
import { optionalPhone, requireInt, requirePast } from '../validate';

type DateField = RecordDateField;
/** The stage a member must have reached for each date. */
const REACHED: Record<DateField, MemberStage> = { appliedAt: 'APPLICANT', activistAt: 'ACTIVIST', candidateAt: 'CANDIDATE', joinedAt: 'PROBATIONARY', fullAt: 'FULL' };
/** The date at which a member entered each stage. */
const FIELD_OF_STAGE = Object.fromEntries(Object.entries(REACHED).map(([f, st]) => [st, f])) as Record<MemberStage, DateField>;
const STAGE_ORDER: MemberStage[] = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

/** The record as shown (fields from the pipeline's steps where recorded), where each such field comes from, and disagreements. */
export interface MemberRecordView {
  record: MemberRecord;
  member: Member;
  sources: PipelineSource[];
  conflicts: RecordConflict[];
}

export interface UpdateMemberRecordInput {
  memberId: string;
  /** The version the editor read (0 when there was no record). */
  expectVersion: number;
  appliedAt?: number | null;
  activistAt?: number | null;
  candidateAt?: number | null;
  joinedAt?: number | null;
  fullAt?: number | null;
  sponsorIds?: string[] | null;
  contactIds?: string[] | null;
  phone?: string | null;
  email?: string | null;
}

const empty = (memberId: string): MemberRecord => ({
  memberId,
  appliedAt: null,
  activistAt: null,
  candidateAt: null,
  joinedAt: null,
  fullAt: null,
  sponsorIds: [],
  contactIds: [],
  email: null,
  version: 0,
  updatedAt: 0,
  updatedBy: '',
});

/** The record of a member the viewer may read (self, or in scope). The phone stays on Member, masked as usual. */
export async function getMemberRecord(s: Session, memberId: string): Promise<MemberRecordView> {
  const member = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, member);
  const [[record], milestones] = await Promise.all([s.store.getMemberRecords([member.id]), s.store.listMilestones([member.id]).then((all) => all.get(member.id) ?? [])]);
  s.audit.note('READ_MEMBER_RECORD', 'Member', member.id);
  return { member, ...reconcileRecord(record ?? empty(member.id), milestones) };
}

async function checkPeople(s: Session, field: 'sponsorIds' | 'contactIds', ids: string[], member: Member, max: number): Promise<string[]> {
  const bad = (at: string, code: 'PEOPLE_SELF' | 'PEOPLE_TWICE' | 'PEOPLE_UNKNOWN' | 'PEOPLE_NOT_FULL', params: Record<string, string> = {}) =>
    refusalError('BAD_USER_INPUT', { code, params: { field: at, ...params } }, { field: at });
  if (ids.length > max) throw refusalError('BAD_USER_INPUT', { code: 'PEOPLE_TOO_MANY', params: { field, max } }, { field });
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (id === member.id) throw bad(`${field}[${i}]`, 'PEOPLE_SELF');
    if (seen.has(id)) throw bad(`${field}[${i}]`, 'PEOPLE_TWICE', { id });
    seen.add(id);
  });
  const found = await s.store.getMembersByIds(ids);
  ids.forEach((id, i) => {
    const p = found.find((x) => x.id === id);
    if (!p) throw bad(`${field}[${i}]`, 'PEOPLE_UNKNOWN', { id });
    if (p.stage !== 'FULL') throw bad(`${field}[${i}]`, 'PEOPLE_NOT_FULL', { name: p.name, id });
  });
  return ids;
}

/**
 * Check a waiting period of the catalogue between two dates of the record; the message cites the rule and
 * names the date the editor can change (the pipeline checked its own steps when they were recorded).
 */
async function checkWait(
  s: Session,
  ruleId: string,
  months: number,
  field: DateField,
  from: number | null,
  to: number | null,
  fromField: DateField,
  fromSteps: Set<DateField>,
): Promise<void> {
  if (from === null || to === null || (fromSteps.has(field) && fromSteps.has(fromField))) return;
  const rule = await s.rules.ruleInForce(ruleId, to);
  const wait = (rule?.params as { notBefore?: { months?: number } } | undefined)?.notBefore?.months ?? months;
  if (to < addMonths(from, wait)) {
    const named = fromSteps.has(field) ? fromField : field;
    const cited = rule ? ruleParams(rule, citationText(rule.citation)) : { rule: ruleId };
    throw refusalError('BAD_USER_INPUT', { code: 'RECORD_WAIT', params: { field, months: wait, from: fromField, ...cited } }, { field: named });
  }
}

/**
 * Edit a member's record within scope; any bad field is named and nothing is written. The save holds only
 * if the member's pipeline steps are still those it was checked against; a step recorded in between gets
 * the edit checked again (a value that now disagrees with the step is CONFLICT naming the field).
 */
export async function updateMemberRecord(s: Session, input: UpdateMemberRecordInput): Promise<MemberRecordView> {
  return againWhenOtherSideChanged('PIPELINE', () => saveCheckedRecord(s, input));
}

async function saveCheckedRecord(s: Session, input: UpdateMemberRecordInput): Promise<MemberRecordView> {
  const member = await loadMemberRaw(s, input.memberId);
  assertCanManageMember(s.viewer, member);
  const expectVersion = requireInt('expectVersion', input.expectVersion, 0, 1_000_000);
  const now = s.now();
  const reached = STAGE_ORDER.indexOf(member.stage);
  const milestones = (await s.store.listMilestones([member.id])).get(member.id) ?? [];
  // Fields with a recorded step come from the pipeline: sent as read or left out, anything else is CONFLICT.
  const backed = checkEditAgainstPipeline(input, milestones);
  const dates = {} as Record<DateField, number | null>;
  const stored = {} as Record<DateField, number | null>;
  let prev: { field: DateField; at: number; fromStep: boolean } | null = null;
  for (const [field] of RECORD_DATE_STEPS) {
    const step = backed.dates[field];
    const v = input[field];
    let at: number;
    if (step) at = step.at;
    else if (v === undefined || v === null) {
      dates[field] = null;
      stored[field] = null;
      continue;
    } else {
      at = requirePast(field, v, now);
      if (STAGE_ORDER.indexOf(REACHED[field]) > reached) {
        throw refusalError('BAD_USER_INPUT', { code: 'RECORD_STAGE_NOT_REACHED', params: { field, stage: REACHED[field], name: member.name, current: member.stage } }, { field });
      }
    }
    if (prev && at < prev.at && !(step && prev.fromStep)) {
      // Name the field the editor can change: a date set by the pipeline is not theirs to move here.
      if (step && !prev.fromStep) {
        throw refusalError('BAD_USER_INPUT', { code: 'RECORD_ORDER_STEP', params: { field: prev.field, later: field, step: step.step } }, { field: prev.field });
      }
      throw refusalError('BAD_USER_INPUT', { code: 'RECORD_ORDER', params: { field, before: prev.field } }, { field });
    }
    dates[field] = at;
    stored[field] = step ? null : at;
    prev = { field, at, fromStep: !!step };
  }
  const fromSteps = new Set(Object.keys(backed.dates) as DateField[]);
  await checkWait(s, 'pipeline.candidate.min-wait', 12, 'candidateAt', dates.activistAt, dates.candidateAt, 'activistAt', fromSteps);
  await checkWait(s, 'pipeline.probation.one-year', 12, 'fullAt', dates.joinedAt, dates.fullAt, 'joinedAt', fromSteps);
  const sponsorIds = await checkPeople(s, 'sponsorIds', input.sponsorIds ?? [], member, 2);
  // 培养联系人 named with the ACTIVIST step stay with the step.
  const contactIds = backed.contacts ? [] : await checkPeople(s, 'contactIds', input.contactIds ?? [], member, 2);
  const phone = input.phone === undefined ? undefined : optionalPhone(input.phone);
  const email = input.email?.trim() ? input.email.trim() : null;
  if (email !== null && (email.length > 100 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    throw refusalError('BAD_USER_INPUT', { code: 'EMAIL_FORMAT', params: {} }, { field: 'email' });
  const record: MemberRecord = {
    memberId: member.id,
    ...stored,
    sponsorIds,
    contactIds,
    email,
    version: expectVersion + 1,
    updatedAt: now,
    updatedBy: s.viewer.memberId,
  };
  await s.store.saveMemberRecord(record, expectVersion, phone, { milestoneIds: milestones.map((m) => m.id) });
  // The member's current stage began on the record's date for it (from its step, or the record's own).
  const since = dates[FIELD_OF_STAGE[member.stage]];
  if (since !== null && since !== member.stageSince) await s.store.updateMember(member.id, { stageSince: since });
  s.audit.note('EDIT_MEMBER_RECORD', 'Member', member.id);
  s.loaders.member.clear(member.id);
  return getMemberRecord(s, member.id);
}
