/**
 * Party-affairs resources in the role × own/other matrix, over HTTP: a member's pipeline and dues,
 * asked by each role about themself, a branch mate, a member of the same committee and of another
 * committee; a branch's pipeline, dues and transfers about the viewer's branch, a committee sibling
 * and another committee's branch. Denied → nothing of the target in the response: NOT_FOUND for a
 * member the viewer may not read (as for one who does not exist), FORBIDDEN for a branch.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { PEOPLE, type Person, READS, RELATIONS, stringsOf, TARGET, useSecureWorld } from './secure-world';

const t = useSecureWorld();

const MEMBER_READS: Record<string, string> = {
  pipeline: 'query($id: ID!) { pipeline(memberId: $id) { member { name } milestones { step } obligations { ruleId } } }',
  memberDues: 'query($id: ID!) { memberDues(memberId: $id) { member { name } standards { monthlyFen } payments { id } arrears { owedFen } } }',
};

describe('party affairs of a member: role × relation × query', () => {
  it.each(PEOPLE.flatMap((who) => RELATIONS.flatMap((rel) => Object.keys(MEMBER_READS).map((q) => [who, rel, q, READS[who].includes(rel)] as const))))(
    '%s reads %s via %s → allowed %s',
    async (who, rel, q, allowed) => {
      const id = TARGET[who][rel];
      const r = await t.as(who)(MEMBER_READS[q], { id });
      if (allowed) {
        expect(r.body.errors).toBeUndefined();
        return;
      }
      // A member the viewer may not read answers as one who does not exist (server/auth/scope.ts).
      expect(codes(r)).toEqual(['NOT_FOUND']);
      expect(r.body.data).toBeNull();
      const target = Object.values(t.world.people).find((p) => p.id === id)!;
      expect(stringsOf(r.body)).not.toContain(target.name);
    },
  );
});

type BranchRelation = 'own' | 'committee' | 'otherCommittee';
const BRANCH: Record<Person, Record<BranchRelation, string>> = {
  a: { own: 'b-1', committee: 'b-2', otherCommittee: 'b-3' },
  b: { own: 'b-1', committee: 'b-2', otherCommittee: 'b-3' },
  c: { own: 'b-2', committee: 'b-1', otherCommittee: 'b-3' },
  d: { own: 'b-3', committee: 'b-3', otherCommittee: 'b-1' },
  cm: { own: 'b-1', committee: 'b-2', otherCommittee: 'b-3' },
  sec: { own: 'b-1', committee: 'b-2', otherCommittee: 'b-3' },
  cadmin: { own: 'b-2', committee: 'b-1', otherCommittee: 'b-3' },
  uadmin: { own: 'b-3', committee: 'b-3', otherCommittee: 'b-1' },
};
/** Reading a branch's pipeline and dues: its officers and administrators above it. */
const BRANCH_READS_OF: Record<Person, BranchRelation[]> = {
  a: [],
  b: [],
  c: [],
  d: [],
  cm: ['own'],
  sec: ['own'],
  cadmin: ['own', 'committee'],
  uadmin: ['own', 'committee', 'otherCommittee'],
};
/** Transfers of a branch: those who manage it (the committee member 支委 reads but does not manage). */
const BRANCH_MANAGES_OF: Record<Person, BranchRelation[]> = { ...BRANCH_READS_OF, cm: [] };
const BRANCH_READS: Record<string, [string, Record<Person, BranchRelation[]>]> = {
  branchPipeline: ['query($b: ID!) { branchPipeline(branchId: $b) { member { name } } }', BRANCH_READS_OF],
  branchDues: ['query($b: ID!) { branchDues(branchId: $b, year: 2025) { members prompts { member { name } } } }', BRANCH_READS_OF],
  branchTransfers: ['query($b: ID!) { branchTransfers(branchId: $b) { id memberName } }', BRANCH_MANAGES_OF],
};

describe('party affairs of a branch: role × relation × query', () => {
  it.each(
    PEOPLE.flatMap((who) =>
      (['own', 'committee', 'otherCommittee'] as BranchRelation[]).flatMap((rel) =>
        Object.keys(BRANCH_READS).map((q) => [who, rel, q, BRANCH_READS[q][1][who].includes(rel)] as const),
      ),
    ),
  )('%s reads %s branch via %s → allowed %s', async (who, rel, q, allowed) => {
    const r = await t.as(who)(BRANCH_READS[q][0], { b: BRANCH[who][rel] });
    if (allowed) expect(r.body.errors).toBeUndefined();
    else {
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.body.data).toBeNull();
    }
  });
});
