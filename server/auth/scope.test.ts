import { describe, expect, it } from 'vitest';
import { canReadMember, memberScopeFilter } from './scope';
import type { Viewer } from './viewer';

const viewer = (role: Viewer['role'], branchIds: string[] | null): Viewer => ({
  memberId: 'me',
  role,
  branchId: 'b-1',
  committeeId: 'c-1',
  branchIds: branchIds && new Set(branchIds),
  manageBranchIds: branchIds && new Set(branchIds),
});

describe('memberScopeFilter', () => {
  it("leaves a university admin's filter as asked", () => {
    expect(memberScopeFilter(viewer('UNIVERSITY_ADMIN', null), { stages: ['FULL'] })).toEqual({ kind: 'filter', filter: { stages: ['FULL'] } });
  });
  it("narrows to the viewer's branches, intersecting requested ones", () => {
    const v = viewer('COMMITTEE_ADMIN', ['b-2', 'b-1']);
    expect(memberScopeFilter(v, {})).toEqual({ kind: 'filter', filter: { branchIds: ['b-1', 'b-2'] } });
    expect(memberScopeFilter(v, { branchIds: ['b-2', 'b-9'] })).toEqual({ kind: 'filter', filter: { branchIds: ['b-2'] } });
    expect(memberScopeFilter(v, { branchIds: ['b-9'] })).toEqual({ kind: 'empty' });
  });
  it('gives an ordinary member only themself', () => {
    expect(memberScopeFilter(viewer('MEMBER', []), {})).toEqual({ kind: 'self' });
  });
});

describe('canReadMember', () => {
  it('allows self always and others by branch', () => {
    const v = viewer('SECRETARY', ['b-1']);
    expect(canReadMember(v, { id: 'me', branchId: 'b-7' })).toBe(true);
    expect(canReadMember(v, { id: 'x', branchId: 'b-1' })).toBe(true);
    expect(canReadMember(v, { id: 'x', branchId: 'b-2' })).toBe(false);
  });
});
