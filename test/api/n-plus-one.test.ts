/**
 * No N+1: a page of 50 members with their branch, committee and recent activity (with courses and
 * questions) costs a small constant number of store calls, counted by a Proxy around the real store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { buildMember, T0 } from '../support/builders';
import { useApiWorld } from '../support/api-world';

const calls: string[] = [];

function counting(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return v.apply(target, args);
      };
    },
  });
}

const t = useApiWorld({ wrap: counting });

beforeAll(async () => {
  for (let i = 0; i < 60; i++) {
    const id = `m-x${String(i).padStart(2, '0')}`;
    await buildMember(t.store, { id, branchId: i % 2 ? 'b-1' : 'b-2' });
    await t.store.recordStudy({ id: `s-${id}`, memberId: id, courseId: i % 3 ? 'course-1' : 'course-2', at: T0 + i * 60_000, seconds: 300, progress: 0.5 });
    await t.store.recordAnswer({ id: `a-${id}`, memberId: id, questionId: 'q-1', at: T0 + i * 60_000, correct: i % 2 === 0, seconds: 30 });
  }
  for (let k = 0; k < 5; k++) {
    const id = `mt-n${k}`;
    await t.store.createMeeting({ id, branchId: 'b-1', kind: 'THEME_DAY', title: `主题党日${k}`, at: T0 + k * 86_400_000, minutes: 60, record: '' });
    await t.store.recordAttendance(id, [
      { memberId: 'm-a', status: 'PRESENT' },
      { memberId: 'm-b', status: 'ABSENT' },
    ]);
  }
});

describe('store calls per request', () => {
  it('stay constant for a page of 50 members with branch and recent activity', async () => {
    const q = `{ members(first: 50) { totalCount nodes {
      id name phone
      branch { id name committee { id name } }
      recentActivity(first: 5) { studies { at course { id title } } answers { at correct question { id stem } } attendance { meetingId } }
    } } }`;
    calls.length = 0;
    const r = await t.as('uadmin')(q);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.members.nodes).toHaveLength(50);
    // The world's 8 people come first by id, then 42 of the generated members, each with one study.
    const generated = r.body.data.members.nodes.filter((m: { id: string }) => m.id.startsWith('m-x'));
    expect(generated).toHaveLength(42);
    expect(
      generated.every((m: { recentActivity: { studies: unknown[]; answers: unknown[] } }) => m.recentActivity.studies.length === 1 && m.recentActivity.answers.length === 1),
    ).toBe(true);
    const counts = Object.fromEntries([...new Set(calls)].map((c) => [c, calls.filter((x) => x === c).length]));
    expect(counts).toMatchInlineSnapshot(`
      {
        "appendAccess": 1,
        "getBranchesByIds": 2,
        "getCommitteesByIds": 1,
        "getCoursesByIds": 1,
        "getHistoriesForMembers": 1,
        "getMembersByIds": 1,
        "getQuestionsByIds": 1,
        "listMembers": 1,
      }
    `);
    expect(calls.length).toBeLessThanOrEqual(12);
  });

  it("read member(id)'s member and branch in the calls that read the viewer's, and its history with the single-member read", async () => {
    const q = `query($id: ID!) { member(id: $id) { id name branch { id name }
      recentActivity(first: 5) { studies { at course { id title } } answers { at question { id } } attendance { at } } } }`;
    calls.length = 0;
    const r = await t.as('sec')(q, { id: 'm-x03' }); // sec's first request: the token is verified in full
    expect(r.body.errors).toBeUndefined();
    // One member read: execution starts once the token verifies, so the prefetch of the member asked for joins
    // the read of the viewer's own record (sessions are checked against the store: revocable).
    // Courses, questions and branches were read by the previous request and are kept by the process
    // (server/auth/auth-cache.ts).
    expect(r.body.data.member.recentActivity.studies).toHaveLength(1);
    const counts = Object.fromEntries([...new Set(calls)].map((c) => [c, calls.filter((x) => x === c).length]));
    expect(counts).toMatchInlineSnapshot(`
      {
        "appendAccess": 1,
        "getMemberHistory": 1,
        "getMembersByIds": 1,
      }
    `);
    // The same read again: the member rows are kept too; only the history is read, and the access recorded.
    calls.length = 0;
    const again = await t.as('sec')(q, { id: 'm-x03' });
    expect(again.body.data).toEqual(r.body.data);
    expect([...calls].sort()).toEqual(['appendAccess', 'getMemberHistory']);
  });

  it("are only the denied attempt's audit entry for member(id) with a token that does not verify", async () => {
    calls.length = 0;
    const r = await t.server.gql('query($id: ID!) { member(id: $id) { id recentActivity { studies { at } } } }', { id: 'm-x03' }, 'not-a-token');
    expect(r.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(calls).toEqual(['appendAccess']);
  });

  it('stay constant for a committee dashboard comparing branches over several quarters', async () => {
    const q = `query($f0: DateTime!, $t0: DateTime!, $f1: DateTime!, $t1: DateTime!) {
      committee(id: "c-1") { branches { id
        q0: life(from: $f0, to: $t0) { missingCount kinds { held required } }
        q1: life(from: $f1, to: $t1) { missingCount kinds { held required } }
      } }
    }`;
    calls.length = 0;
    const r = await t.as('cadmin')(q, { f0: '2024-12-31T16:00:00Z', t0: '2025-03-31T16:00:00Z', f1: '2025-03-31T16:00:00Z', t1: '2025-06-30T16:00:00Z' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.committee.branches).toHaveLength(2);
    const count = (name: string) => calls.filter((c) => c === name).length;
    // One read of the meetings with their kept counts for all branches over both quarters (no attendance rows),
    // one read of the groups of all branches.
    expect({
      listMeetingTallies: count('listMeetingTallies'),
      listMeetings: count('listMeetings'),
      listAttendance: count('listAttendance'),
      listGroups: count('listGroups'),
      listGroupsOfBranches: count('listGroupsOfBranches'),
    }).toEqual({ listMeetingTallies: 1, listMeetings: 0, listAttendance: 0, listGroups: 0, listGroupsOfBranches: 1 });
    expect(calls.length).toBeLessThanOrEqual(12);
  });

  it("stay constant for a branch's meetings with their attendance", async () => {
    calls.length = 0;
    const r = await t.as('sec')(`{ meetings(branchId: "b-1", from: "2024-12-01T00:00:00Z", to: "2025-02-01T00:00:00Z") {
      id attendance { status member { name } } } }`);
    expect(r.body.data.meetings).toHaveLength(5);
    expect(r.body.data.meetings.every((m: { attendance: unknown[] }) => m.attendance.length === 2)).toBe(true);
    expect(calls.filter((c) => c === 'listAttendance')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(8);
  });
});
