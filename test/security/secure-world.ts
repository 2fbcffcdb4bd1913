/**
 * The security suite's world: the API world (buildApiWorld) on a real Kuzu store in a temp dir,
 * the real learner services (gaps, mastery, recommendations, plans), a meeting of b-1 with
 * attendance, two transfers of m-b, and a real server over HTTP. The store can be told to refuse
 * access-record writes (`failAudit`) to prove that data is withheld then.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { type ApiWorld, buildApiWorld, T0 } from '../support/builders';
import { type GqlResponse, openTempStore, startTestServer, type TestServer } from '../support/api-server';
import type { Person } from '../support/api-world';

export type { Person };
export const PEOPLE: Person[] = ['a', 'cm', 'sec', 'cadmin', 'uadmin'];
/** How a target member relates to the viewer. */
export type Relation = 'self' | 'sameBranch' | 'sameCommittee' | 'otherCommittee';
export const RELATIONS: Relation[] = ['self', 'sameBranch', 'sameCommittee', 'otherCommittee'];
/** Whom each viewer's relation points at in buildApiWorld (uadmin sits in b-3 of committee c-2). */
export const TARGET: Record<Person, Record<Relation, string>> = {
  a: { self: 'm-a', sameBranch: 'm-b', sameCommittee: 'm-c', otherCommittee: 'm-d' },
  b: { self: 'm-b', sameBranch: 'm-a', sameCommittee: 'm-c', otherCommittee: 'm-d' },
  c: { self: 'm-c', sameBranch: 'm-cadmin', sameCommittee: 'm-a', otherCommittee: 'm-d' },
  d: { self: 'm-d', sameBranch: 'm-uadmin', sameCommittee: 'm-d', otherCommittee: 'm-a' },
  cm: { self: 'm-cm', sameBranch: 'm-a', sameCommittee: 'm-c', otherCommittee: 'm-d' },
  sec: { self: 'm-sec', sameBranch: 'm-a', sameCommittee: 'm-c', otherCommittee: 'm-d' },
  cadmin: { self: 'm-cadmin', sameBranch: 'm-c', sameCommittee: 'm-a', otherCommittee: 'm-d' },
  uadmin: { self: 'm-uadmin', sameBranch: 'm-d', sameCommittee: 'm-d', otherCommittee: 'm-a' },
};
/** The product rule: which relations each role may read. */
export const READS: Record<Person, Relation[]> = {
  a: ['self'],
  b: ['self'],
  c: ['self'],
  d: ['self'],
  cm: ['self', 'sameBranch'],
  sec: ['self', 'sameBranch'],
  cadmin: ['self', 'sameBranch', 'sameCommittee'],
  uadmin: RELATIONS,
};

/** The meeting of branch b-1 that m-a and m-b attended. */
export const MEETING_B1 = 'sec-mt-1';
/** m-a's raw identifiers, as only m-a may see them. */
export const RAW = { phone: '13812345678', idNumber: '110101199001011234' };
export const MASKED = { phone: '138****5678', idNumber: '1101**********1234' };

export interface SecureWorld {
  store: GraphStore;
  server: TestServer;
  world: ApiWorld;
  /** While true, every appendAccess call fails (the audit trail is unwritable). */
  failAudit: boolean;
  as(person: Person | null): (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;
}

/** Register beforeAll/afterAll for one test file. */
export function useSecureWorld(): SecureWorld {
  const h = { failAudit: false } as SecureWorld;
  let dispose: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const t = await openTempStore();
    dispose = t.dispose;
    h.store = t.store;
    h.world = await buildApiWorld(t.store);
    await t.store.createMeeting({
      id: MEETING_B1,
      branchId: 'b-1',
      kind: 'THEME_DAY',
      title: '主题党日',
      at: T0 + 86_400_000,
      minutes: 60,
      record: '',
      topics: [],
    });
    await t.store.recordAttendance(MEETING_B1, [
      { memberId: 'm-a', status: 'ABSENT' },
      { memberId: 'm-b', status: 'PRESENT' },
    ]);
    // m-b has a transfer history (there and back) to read.
    await t.store.moveMember({ id: 'sec-t-1', memberId: 'm-b', toBranchId: 'b-2', at: T0, reason: '借调', kind: 'INTERNAL' });
    await t.store.moveMember({ id: 'sec-t-2', memberId: 'm-b', toBranchId: 'b-1', at: T0 + 1000, reason: '借调结束', kind: 'INTERNAL' });
    const store = new Proxy(t.store as GraphStore, {
      get(target, prop, receiver) {
        if (prop === 'appendAccess' && h.failAudit)
          return async () => {
            throw new Error('access log unwritable');
          };
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const learner = createLearnerServices(t.store);
    h.server = await startTestServer(store, { deps: { learning: { learner, hooks: learner.hooks } } });
    const tokens = new Map<string, string>();
    h.as = (person) => async (query, variables) => {
      if (person === null) return h.server.gql(query, variables, null);
      const id = h.world.people[person].id;
      if (!tokens.has(id)) tokens.set(id, await h.server.tokenFor(id));
      return h.server.gql(query, variables, tokens.get(id));
    };
  });
  afterAll(async () => {
    await h.server?.close();
    await dispose?.();
  });
  return h;
}

/** Every string anywhere in a response body, for "nothing of X leaked" checks. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
