import { describe, expect, it } from 'vitest';
import { fieldErrorOf } from './field-error';

describe('fieldErrorOf', () => {
  it('reads the field, its root and the row from the first GraphQL error', () => {
    const e = fieldErrorOf({
      message: '[GraphQL] x',
      graphQLErrors: [{ message: 'rows[2]: member "m-9" not found', extensions: { code: 'BAD_USER_INPUT', field: 'rows[2].memberId' } }],
    });
    expect(e).toEqual({ field: 'rows[2].memberId', root: 'rows', row: 2, message: 'rows[2]: member "m-9" not found', code: 'BAD_USER_INPUT' });
    expect(fieldErrorOf({ message: 'x', graphQLErrors: [{ message: 'm', extensions: { code: 'BAD_USER_INPUT', field: 'params.minimum' } }] })).toMatchObject({
      root: 'params',
      row: null,
    });
  });

  it('answers without a field when the server named none, and null without an error', () => {
    expect(fieldErrorOf({ message: 'm', graphQLErrors: [{ message: 'busy', extensions: { code: 'CONFLICT' } }] })).toEqual({
      field: null,
      root: null,
      row: null,
      message: 'busy',
      code: 'CONFLICT',
    });
    expect(fieldErrorOf({ message: 'network down', graphQLErrors: [] })).toMatchObject({ field: null, message: 'network down', code: null });
    expect(fieldErrorOf(null)).toBeNull();
  });
});
