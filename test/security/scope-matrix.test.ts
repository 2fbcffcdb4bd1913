/**
 * Deny by default, proved over HTTP: every query that reaches one member's personal data, asked by
 * each role about themself, a branch mate, a member of another branch of the same committee and a
 * member of another committee; and every branch-scoped query about the viewer's branch, another
 * branch of the committee and another committee's branch. Denied → no data, and nothing of the
 * target's record in the response: NOT_FOUND for a member or meeting the viewer may not read (the
 * answer of an id that does not exist, so ids cannot be probed; server/auth/scope.ts), FORBIDDEN for
 * a branch outside the scope (the organisation is readable by everyone) and for a readable member
 * whose access trail is not the viewer's.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { MEETING_B1, PEOPLE, type Person, READS, RELATIONS, stringsOf, TARGET, useSecureWorld } from './secure-world';

const t = useSecureWorld();

/** Queries about one member: name → query with $id. */
const MEMBER_READS: Record<string, string> = {
  member: 'query($id: ID!) { member(id: $id) { id name phone } }',
  recentActivity: 'query($id: ID!) { member(id: $id) { recentActivity { studies { id } answers { id } attendance { status } } } }',
  transfers: 'query($id: ID!) { member(id: $id) { transfers { reason } } }',
  gapsField: 'query($id: ID!) { member(id: $id) { gaps { severity } } }',
  gaps: 'query($id: ID!) { gaps(memberId: $id) { severity reasons } }',
  mastery: 'query($id: ID!) { mastery(memberId: $id) { member { name } areas { mastery } } }',
  studyPlan: 'query($id: ID!) { studyPlan(memberId: $id) { id } }',
  recommendations: 'query($id: ID!) { recommendations(memberId: $id) { explanation path { nodes { label } } } }',
  practiceQuestions: 'query($id: ID!) { practiceQuestions(memberId: $id) { reason } }',
};

const memberCases = PEOPLE.flatMap((who) => RELATIONS.flatMap((rel) => Object.keys(MEMBER_READS).map((q) => [who, rel, q, READS[who].includes(rel)] as const)));

describe('member data: role × relation × query', () => {
  it.each(memberCases)('%s reads %s via %s → allowed %s', async (who, rel, q, allowed) => {
    const id = TARGET[who][rel];
    const r = await t.as(who)(MEMBER_READS[q], { id });
    if (allowed) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toBeTruthy();
      return;
    }
    // NOT_FOUND, not FORBIDDEN: a member the viewer may not read answers as one who does not exist.
    expect(codes(r)).toEqual(['NOT_FOUND']);
    // Non-null fields null the whole response; studyPlan is nullable and stays null itself.
    expect(r.body.data === null || Object.values(r.body.data).every((v) => v === null)).toBe(true);
    const target = t.world.people[(Object.keys(t.world.people) as Person[]).find((p) => t.world.people[p].id === id)!];
    expect(stringsOf(r.body)).not.toContain(target.name);
    expect(JSON.stringify(r.body)).not.toContain(target.name);
  });

  it("the access trail is the person's own, or a university administrator's", async () => {
    const trail = 'query($id: ID!) { accessRecords(memberId: $id) { viewerId } }';
    for (const who of PEOPLE) {
      for (const rel of RELATIONS) {
        const r = await t.as(who)(trail, { id: TARGET[who][rel] });
        const allowed = rel === 'self' || who === 'uadmin';
        // Someone the viewer may read: FORBIDDEN (the trail is not theirs to see); anyone else: NOT_FOUND.
        expect(codes(r), `${who} ${rel}`).toEqual(allowed ? [] : READS[who].includes(rel) ? ['FORBIDDEN'] : ['NOT_FOUND']);
      }
    }
  });
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
const RANGE = { f: '2025-01-01T00:00:00Z', t: '2025-07-01T00:00:00Z' };
const BRANCH_READS: Record<string, string> = {
  meetings: 'query($b: ID!, $f: DateTime!, $t: DateTime!) { meetings(branchId: $b, from: $f, to: $t) { id attendance { status } } }',
  branchLife: 'query($b: ID!, $f: DateTime!, $t: DateTime!) { branchLife(branchId: $b, from: $f, to: $t) { attendanceRate } }',
  branchMeetings: 'query($b: ID!, $f: DateTime!, $t: DateTime!) { branch(id: $b) { meetings(from: $f, to: $t) { id } } }',
  branchGaps: 'query($b: ID!) { branchGaps(branchId: $b) { rows { member { name } } } }',
  branchLearningSummaries: 'query($b: ID!) { branchLearningSummaries(branchIds: [$b]) { mastery completion } }',
};
const branchCases = PEOPLE.flatMap((who) =>
  (['own', 'committee', 'otherCommittee'] as BranchRelation[]).flatMap((rel) => Object.keys(BRANCH_READS).map((q) => [who, rel, q, BRANCH_READS_OF[who].includes(rel)] as const)),
);

describe('branch data: role × relation × query', () => {
  it.each(branchCases)('%s reads %s branch via %s → allowed %s', async (who, rel, q, allowed) => {
    const r = await t.as(who)(BRANCH_READS[q], { b: BRANCH[who][rel], ...RANGE });
    if (allowed) expect(r.body.errors).toBeUndefined();
    else {
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.body.data).toBeNull();
    }
  });

  it('a meeting and its attendance are read only within branch scope', async () => {
    const q = 'query($id: ID!) { meeting(id: $id) { attendance { status member { name } } } }';
    for (const who of PEOPLE) {
      const r = await t.as(who)(q, { id: MEETING_B1 });
      const allowed = ['cm', 'sec', 'cadmin', 'uadmin'].includes(who);
      // A meeting of a branch the viewer may not read answers as a meeting that does not exist.
      expect(codes(r), who).toEqual(allowed ? [] : ['NOT_FOUND']);
      if (!allowed) expect(JSON.stringify(r.body)).not.toMatch(/ABSENT|张三|李四/);
    }
  });
});
