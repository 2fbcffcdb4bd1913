import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { errorCodeOf } from './error-code';

describe('errorCodeOf', () => {
  it("reads the first GraphQL error's extensions.code, never the message", () => {
    const e = new CombinedError({ graphQLErrors: [new GraphQLError('Member "m-9" not found', { extensions: { code: 'NOT_FOUND' } })] });
    expect(errorCodeOf(e)).toBe('NOT_FOUND');
    const masked = new CombinedError({ graphQLErrors: [new GraphQLError('FORBIDDEN')] });
    expect(errorCodeOf(masked)).toBe('UNKNOWN');
  });

  it('tells a network failure apart', () => {
    expect(errorCodeOf(new CombinedError({ networkError: new Error('Failed to fetch') }))).toBe('NETWORK');
    expect(errorCodeOf(null)).toBe('UNKNOWN');
  });
});
