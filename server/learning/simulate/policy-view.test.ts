/**
 * Policies receive an observable-only view of a simulated member: the type has no hidden field
 * (hidden mastery, ability), checked at compile time and on the object the simulator builds.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ObservedMember, PolicyView } from './policies';
import { observe } from './run-simulation';
import type { SimMember } from './sim-world';

describe('PolicyView', () => {
  it('has no hidden fields in its type', () => {
    expectTypeOf<ObservedMember>().not.toHaveProperty('hidden');
    expectTypeOf<ObservedMember>().not.toHaveProperty('ability');
    expectTypeOf<PolicyView>().not.toHaveProperty('hidden');
    expectTypeOf<keyof ObservedMember>().toEqualTypeOf<'id' | 'stage' | 'kind' | 'branchId' | 'studies'>();
    expectTypeOf<keyof PolicyView>().toEqualTypeOf<'member' | 'masteryOf' | 'storedOf' | 'recent' | 'progress' | 'now' | 'rng'>();
  });

  it('is built without the hidden state of the simulated member', () => {
    const m: SimMember = {
      id: 'm1',
      stage: 'ACTIVIST',
      kind: 'STUDENT',
      branchId: 'b1',
      ability: 1.3,
      hidden: new Map([['constitution.membership', 0.8]]),
      studies: [],
      answers: [],
    };
    const seen = observe(m, m.studies);
    expect(Object.keys(seen).sort()).toEqual(['branchId', 'id', 'kind', 'stage', 'studies']);
    expect(JSON.stringify(seen)).not.toContain('1.3');
  });
});
