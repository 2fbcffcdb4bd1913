import { describe, expect, it } from 'vitest';
import { fieldOfError, reachedDates, sourceOf } from './record-form';

describe('member-record form helpers', () => {
  it('offers one date per stage reached', () => {
    expect(reachedDates('APPLICANT')).toEqual(['appliedAt']);
    expect(reachedDates('CANDIDATE')).toEqual(['appliedAt', 'activistAt', 'candidateAt']);
    expect(reachedDates('FULL')).toEqual(['appliedAt', 'activistAt', 'candidateAt', 'joinedAt', 'fullAt']);
  });

  it('finds the step a field comes from', () => {
    const rec = {
      fromPipeline: [
        { field: 'ACTIVIST_AT' as const, step: 'ACTIVIST' },
        { field: 'CONTACTS' as const, step: 'ACTIVIST' },
      ],
    };
    expect(sourceOf(rec, 'activistAt')?.step).toBe('ACTIVIST');
    expect(sourceOf(rec, 'contactIds')?.field).toBe('CONTACTS');
    expect(sourceOf(rec, 'appliedAt')).toBeUndefined();
  });

  it('reads the field an error names, indexed or not, and ignores others', () => {
    const err = (field: unknown) => ({ graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT', field } }] });
    expect(fieldOfError(err('candidateAt'))).toBe('candidateAt');
    expect(fieldOfError(err('sponsorIds[1]'))).toBe('sponsorIds');
    expect(fieldOfError(err('expectVersion'))).toBeNull();
    expect(fieldOfError(err(undefined))).toBeNull();
    expect(fieldOfError({ graphQLErrors: [] })).toBeNull();
  });
});
