/**
 * Who read what: each read of personal data leaves AccessRecords naming the viewer and every
 * person read (through every path), a refused read leaves none, and when the trail cannot be
 * written the data is withheld (UNAVAILABLE, no data in the body).
 */
import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../../graph/model';
import { MEETING_B1, type Person, useSecureWorld } from './secure-world';

const t = useSecureWorld();

/** Run a query as `who` and return the access records it added, as "action target" strings. */
async function recordsOf(who: Person, query: string): Promise<{ body: any; added: string[] }> {
  const viewerId = t.world.people[who].id;
  const before = new Set((await t.store.listAccess({ viewerId, limit: 10_000 })).map((a) => a.id));
  const r = await t.as(who)(query);
  const after = await t.store.listAccess({ viewerId, limit: 10_000 });
  const added = after.filter((a: AccessRecord) => !before.has(a.id));
  for (const a of added) expect(a.viewerId).toBe(viewerId);
  return { body: r.body, added: added.map((a) => `${a.action} ${a.targetKind}:${a.targetId}`).sort() };
}

const B1 = ['m-a', 'm-b', 'm-cm', 'm-sec'];
const each = (action: string, ids: string[]) => ids.map((id) => `${action} Member:${id}`);

// [who, query, the records it must leave]
const READS: [Person, string, string[]][] = [
  ['sec', '{ member(id: "m-a") { name } }', each('READ_MEMBER', ['m-a'])],
  ['sec', '{ member(id: "m-b") { recentActivity { studies { id } } } }', [...each('READ_HISTORY', ['m-b']), ...each('READ_MEMBER', ['m-b'])]],
  ['sec', '{ member(id: "m-b") { transfers { reason } } }', [...each('READ_HISTORY', ['m-b']), ...each('READ_MEMBER', ['m-b'])]],
  ['cm', '{ members(first: 50) { nodes { id } } }', each('READ_MEMBER', B1)],
  ['cadmin', '{ branch(id: "b-1") { members { edges { node { name } } } } }', each('READ_MEMBER', B1)],
  ['sec', `{ meeting(id: "${MEETING_B1}") { attendance { status } } }`, each('READ_HISTORY', ['m-a', 'm-b'])],
  ['uadmin', '{ gaps(memberId: "m-a") { severity } }', each('READ_LEARNING', ['m-a'])],
  ['cadmin', '{ mastery(memberId: "m-a") { areas { mastery } } }', each('READ_LEARNING', ['m-a'])],
  ['sec', '{ recommendations(memberId: "m-a") { score } }', each('READ_LEARNING', ['m-a'])],
  ['sec', '{ practiceQuestions(memberId: "m-a") { reason } }', each('READ_LEARNING', ['m-a'])],
  ['sec', '{ studyPlan(memberId: "m-a") { id } }', each('READ_LEARNING', ['m-a'])],
  ['cm', '{ member(id: "m-a") { gaps { severity } } }', [...each('READ_LEARNING', ['m-a']), ...each('READ_MEMBER', ['m-a'])]],
  ['cm', '{ branchGaps(branchId: "b-1") { rows { cells { mastery } } } }', [...each('READ_LEARNING', B1), ...each('READ_MEMBER', B1)].sort()],
];

describe('reads leave a trail naming viewer and target', () => {
  it.each(READS)('%s: %s', async (who, query, expected) => {
    const { body, added } = await recordsOf(who, query);
    expect(body.errors).toBeUndefined();
    expect(added).toEqual(expected);
  });

  it("a generated plan is a read of the member's learning data", async () => {
    const { added } = await recordsOf('sec', 'mutation { generateStudyPlan(memberId: "m-b", minutesPerWeek: 60, weeks: 1) { id } }');
    expect(added).toEqual(each('READ_LEARNING', ['m-b']));
  });

  it('the target sees the read in their own trail', async () => {
    await t.as('cadmin')('{ member(id: "m-c") { name } }');
    const r = await t.as('c')('{ accessRecords(memberId: "m-c", first: 1) { viewerId action targetId } }');
    expect(r.body.data.accessRecords).toEqual([{ viewerId: 'm-cadmin', action: 'READ_MEMBER', targetId: 'm-c' }]);
  });
});

const DENIED: [Person, string][] = [
  ['a', '{ member(id: "m-b") { name } }'],
  ['sec', '{ member(id: "m-d") { recentActivity { studies { id } } } }'],
  ['cm', '{ gaps(memberId: "m-c") { severity } }'],
  ['a', `{ meeting(id: "${MEETING_B1}") { attendance { status } } }`],
  ['cadmin', '{ branchGaps(branchId: "b-3") { rows { cells { mastery } } } }'],
  ['sec', '{ accessRecords(memberId: "m-a") { viewerId } }'],
  ['cm', 'mutation { generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 1) { id } }'],
  ['a', '{ members(filter: { branchIds: ["b-3"] }) { nodes { id } } }'],
];

describe('refused reads leave nothing', () => {
  it.each(DENIED)('%s: %s', async (who, query) => {
    const { added } = await recordsOf(who, query);
    expect(added).toEqual([]);
  });
});

describe('an unwritable trail withholds the data', () => {
  const WITHHELD: [Person, string][] = [
    ['sec', '{ member(id: "m-a") { name phone } }'],
    ['cm', '{ members { nodes { name } } }'],
    ['sec', `{ meeting(id: "${MEETING_B1}") { attendance { memberId status } } }`],
    ['uadmin', '{ gaps(memberId: "m-a") { reasons } }'],
    ['sec', '{ branchGaps(branchId: "b-1") { rows { member { name } } } }'],
    ['a', '{ viewer { member { name phone } } }'],
  ];
  it.each(WITHHELD)('%s: %s → UNAVAILABLE, no data', async (who, query) => {
    t.failAudit = true;
    try {
      const r = await t.as(who)(query);
      expect(r.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'UNAVAILABLE' } })] });
      expect(JSON.stringify(r.body)).not.toMatch(/张三|李四|138|ABSENT|m-a/);
    } finally {
      t.failAudit = false;
    }
  });

  it("reads that touch no one's personal data still answer", async () => {
    t.failAudit = true;
    try {
      const r = await t.as('a')('{ university { name } courses(first: 1) { totalCount } }');
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.university.name).toBe('红图大学党委');
    } finally {
      t.failAudit = false;
    }
  });
});
