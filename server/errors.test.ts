/** The store's errors become API errors with the same code, except INTERNAL, which stays an unexpected error. */
import { describe, expect, it } from 'vitest';
import { StoreError } from '../graph';
import { AppError, fromStoreError } from './errors';

describe('fromStoreError', () => {
  it('keeps code, message and details of the codes a caller can act on', () => {
    for (const code of ['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT', 'UNAVAILABLE'] as const) {
      const mapped = fromStoreError(new StoreError(code, `m-${code}`, { field: 'x' }));
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped).toMatchObject({ code, message: `m-${code}`, details: { field: 'x' } });
    }
  });

  it('leaves INTERNAL (e.g. a transaction over the memory limit) and other errors as they are', () => {
    const internal = new StoreError('INTERNAL', 'Neo4j refused a transaction over its memory limit');
    expect(fromStoreError(internal)).toBe(internal);
    const other = new Error('bug');
    expect(fromStoreError(other)).toBe(other);
  });
});
