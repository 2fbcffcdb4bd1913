/** Pure helpers of the member-record form: which dates a stage has reached, where a field comes from, which field an error names. */
import type { MemberRecordField, MemberStage } from '../../gql/graphql';

export const DATE_FIELDS = ['appliedAt', 'activistAt', 'candidateAt', 'joinedAt', 'fullAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export type FormField = DateField | 'sponsorIds' | 'contactIds' | 'phone' | 'email';

const STAGES: MemberStage[] = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

/** The dates a member at `stage` can have: one per stage reached. */
export const reachedDates = (stage: MemberStage): DateField[] => DATE_FIELDS.slice(0, STAGES.indexOf(stage) + 1);

const API_FIELD: Record<DateField | 'contactIds', MemberRecordField> = {
  appliedAt: 'APPLIED_AT',
  activistAt: 'ACTIVIST_AT',
  candidateAt: 'CANDIDATE_AT',
  joinedAt: 'JOINED_AT',
  fullAt: 'FULL_AT',
  contactIds: 'CONTACTS',
};

/** The pipeline step a field comes from, when a step was recorded for it. */
export function sourceOf<S extends { field: MemberRecordField }>(record: { fromPipeline: S[] }, field: DateField | 'contactIds'): S | undefined {
  return record.fromPipeline.find((s) => s.field === API_FIELD[field]);
}

const FORM_FIELDS: readonly FormField[] = [...DATE_FIELDS, 'sponsorIds', 'contactIds', 'phone', 'email'];

/** The form field an API error names (`sponsorIds[1]` → sponsorIds), or null when it names none of them. */
export function fieldOfError(error: { graphQLErrors: readonly { extensions?: Record<string, unknown> }[] }): FormField | null {
  const raw = error.graphQLErrors[0]?.extensions?.field;
  if (typeof raw !== 'string') return null;
  const base = raw.replace(/\[\d+\]$/, '');
  return (FORM_FIELDS as readonly string[]).includes(base) ? (base as FormField) : null;
}
