/**
 * One source of truth for a member's stage dates. A recorded step of the development pipeline (发展党员)
 * is the source of the record field it dates; the record (党员档案) keeps its own value only for the
 * stages that have no recorded step (members who joined before their steps were kept here). On reading,
 * a field with a step shows the step's date; a stored value that disagrees with a step is reported as a
 * conflict, never silently shadowed. On writing, either side refuses a value that disagrees with the other.
 * Dates agree when they fall on the same day in China (UTC+8). Pure functions; the services call them.
 */
import type { Milestone, MilestoneEvidence, PipelineStep } from '../../graph';
import type { MemberRecord } from '../../graph';
import { isStoreError } from '../../graph';
import { dateOf } from '../affairs/china-time';
import { refusalError } from '../i18n/error-messages';

/** The record's date fields in stage order, each with the pipeline step that dates it. */
export const RECORD_DATE_STEPS = [
  ['appliedAt', 'APPLICATION'],
  ['activistAt', 'ACTIVIST'],
  ['candidateAt', 'CANDIDATE'],
  ['joinedAt', 'BRANCH_VOTE'],
  ['fullAt', 'FULL_MEMBERSHIP'],
] as const satisfies readonly (readonly [keyof MemberRecord, PipelineStep])[];
export type RecordDateField = (typeof RECORD_DATE_STEPS)[number][0];
/** A field of the record that the pipeline can set: a date, or the 培养联系人 named with the ACTIVIST step. */
export type PipelineBackedField = RecordDateField | 'contactIds';

/** A record field whose value comes from a recorded step. */
export interface PipelineSource {
  field: PipelineBackedField;
  step: PipelineStep;
  milestoneId: string;
  at: number;
}

/** A stored record value that disagrees with the recorded step of the same stage. */
export interface RecordConflict {
  field: PipelineBackedField;
  step: PipelineStep;
  milestoneId: string;
  /** The stored value: a date (epoch ms) or member ids. */
  recordAt: number | null;
  recordIds: string[];
  /** The step's value. */
  pipelineAt: number;
  pipelineIds: string[];
}

export interface ReconciledRecord {
  /** The record as shown: each field from its step when there is one, else the stored value. */
  record: MemberRecord;
  sources: PipelineSource[];
  conflicts: RecordConflict[];
}

const sameDay = (a: number, b: number) => dateOf(a) === dateOf(b);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The first recorded milestone of a step (steps other than REVIEW happen once). */
const firstOf = (milestones: readonly Milestone[], step: PipelineStep): Milestone | undefined => milestones.filter((m) => m.step === step).sort((a, b) => a.at - b.at)[0];

/** The ACTIVIST step names the 培养联系人 in its evidence; without people it sets no contacts. */
const contactsOf = (m: Milestone | undefined): Milestone | undefined => (m?.evidence.people.length ? m : undefined);

/** Merge a stored record (or an empty one) with the member's milestones. */
export function reconcileRecord(stored: MemberRecord, milestones: readonly Milestone[]): ReconciledRecord {
  const record: MemberRecord = { ...stored, sponsorIds: [...stored.sponsorIds], contactIds: [...stored.contactIds] };
  const sources: PipelineSource[] = [];
  const conflicts: RecordConflict[] = [];
  for (const [field, step] of RECORD_DATE_STEPS) {
    const m = firstOf(milestones, step);
    if (!m) continue;
    sources.push({ field, step, milestoneId: m.id, at: m.at });
    const own = stored[field];
    if (own !== null && !sameDay(own, m.at)) {
      conflicts.push({ field, step, milestoneId: m.id, recordAt: own, recordIds: [], pipelineAt: m.at, pipelineIds: [] });
    }
    record[field] = m.at;
  }
  const act = contactsOf(firstOf(milestones, 'ACTIVIST'));
  if (act) {
    const people = [...new Set(act.evidence.people)];
    sources.push({ field: 'contactIds', step: 'ACTIVIST', milestoneId: act.id, at: act.at });
    if (stored.contactIds.length && !sameSet(stored.contactIds, people)) {
      conflicts.push({ field: 'contactIds', step: 'ACTIVIST', milestoneId: act.id, recordAt: null, recordIds: stored.contactIds, pipelineAt: act.at, pipelineIds: people });
    }
    record.contactIds = people;
  }
  return { record, sources, conflicts };
}

/**
 * Check an edit of the fields the pipeline sets. A field with a recorded step may be left out or sent as
 * read (same day, same people); anything else is CONFLICT naming the field and the step, and nothing is
 * written. Returns what to store: the pipeline's fields are stored empty, since the steps hold them.
 */
export function checkEditAgainstPipeline(
  input: Partial<Record<RecordDateField, number | null>> & { contactIds?: string[] | null },
  milestones: readonly Milestone[],
): { dates: Partial<Record<RecordDateField, Milestone>>; contacts: Milestone | null } {
  const dates: Partial<Record<RecordDateField, Milestone>> = {};
  for (const [field, step] of RECORD_DATE_STEPS) {
    const m = firstOf(milestones, step);
    if (!m) continue;
    const v = input[field];
    if (v !== undefined && v !== null && !sameDay(v, m.at)) {
      throw refusalError('CONFLICT', { code: 'RECORD_FIELD_FROM_STEP', params: { field, step, stepDate: dateOf(m.at), date: dateOf(v) } }, { field, step, milestoneId: m.id });
    }
    dates[field] = m;
  }
  const act = contactsOf(firstOf(milestones, 'ACTIVIST'));
  if (act && input.contactIds?.length && !sameSet([...new Set(input.contactIds)], [...new Set(act.evidence.people)])) {
    throw refusalError('CONFLICT', { code: 'RECORD_CONTACTS_FROM_STEP', params: {} }, { field: 'contactIds', step: 'ACTIVIST', milestoneId: act.id });
  }
  return { dates, contacts: act ?? null };
}

/**
 * Check a pipeline step against the member's stored record: a step that dates a record field must fall on
 * the record's day when the record has one, and an ACTIVIST step's people must be the record's 培养联系人
 * when the record names any. Otherwise CONFLICT naming the step's field; nothing is written.
 */
export function checkStepAgainstRecord(stored: MemberRecord | undefined, milestones: readonly Milestone[], step: PipelineStep, at: number, evidence: MilestoneEvidence): void {
  if (!stored) return;
  const entry = RECORD_DATE_STEPS.find(([, s]) => s === step);
  // Only the first step of its kind dates the record; a later one (a retried REVIEW, say) does not.
  if (!entry || firstOf(milestones, step)) return;
  const [field] = entry;
  const own = stored[field];
  if (own !== null && !sameDay(own, at)) {
    throw refusalError(
      'CONFLICT',
      { code: 'STEP_DATE_NOT_RECORD', params: { recordField: field, recordDate: dateOf(own), step, date: dateOf(at) } },
      { field: 'at', recordField: field, step },
    );
  }
  const people = [...new Set(evidence.people)];
  if (step === 'ACTIVIST' && people.length && stored.contactIds.length && !sameSet(stored.contactIds, people)) {
    throw refusalError('CONFLICT', { code: 'STEP_PEOPLE_NOT_RECORD', params: {} }, { field: 'people', recordField: 'contactIds', step });
  }
}

/** How often a record save or a step is checked again after the other side changed under it. */
const CHECK_ATTEMPTS = 4;

/**
 * Run a check-then-write of one side (a record save or a pipeline step) whose write is guarded by what
 * the check read of the other side. When the store answers that the other side changed in between
 * (CONFLICT with `details.changed`), check and write again on what is stored now: a value that now
 * disagrees is refused by the check itself, naming the field, with nothing written. So a record save
 * and a step for the same member at the same moment cannot both pass with disagreeing values.
 */
export async function againWhenOtherSideChanged<T>(side: 'RECORD' | 'PIPELINE', attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= CHECK_ATTEMPTS || !isStoreError(e) || e.code !== 'CONFLICT' || e.details?.changed !== side) throw e;
    }
  }
}
