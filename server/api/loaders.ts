/**
 * Per-request DataLoaders over the store's batch reads: one round trip per kind per tick, so a
 * page of 50 members with their branches and recent activity costs a constant number of store calls.
 * Loaders return raw domain objects (unmasked, unchecked); services apply scope and masking.
 */
import DataLoader from 'dataloader';
import type { Attendance, Branch, Committee, Course, Gap, Group, Mastery, Meeting, MeetingTally, Member, MemberHistory, Question } from '../../graph';
import type { GraphStore } from '../../graph';
import { authCacheFor } from '../auth/auth-cache';
import { groupBy } from '../group-by';

/** How much recent history the loader fetches per member; fields slice it. */
export const HISTORY_WINDOW = 50;

export interface Loaders {
  member: DataLoader<string, Member | null>;
  branch: DataLoader<string, Branch | null>;
  committee: DataLoader<string, Committee | null>;
  course: DataLoader<string, Course | null>;
  question: DataLoader<string, Question | null>;
  meeting: DataLoader<string, Meeting | null>;
  history: DataLoader<string, MemberHistory>;
  mastery: DataLoader<string, Mastery[]>;
  gaps: DataLoader<string, Gap[]>;
  /** Branches of a committee. */
  committeeBranches: DataLoader<string, Branch[]>;
  /** Attendance rows of a meeting. */
  attendance: DataLoader<string, Attendance[]>;
  /** Party groups of a branch (one read per batch of branches). */
  groups: DataLoader<string, Group[]>;
  /**
   * Meetings (oldest first) of one branch in one period with their kept attendance counts, keyed by
   * `lifeKey(branchId, from, to)` (server/life/branch-life.ts): one set-based read per batch over the span of
   * all periods asked for, however many branches and periods ask (a committee dashboard compares all its
   * branches over four quarters and their year).
   */
  life: DataLoader<string, MeetingTally[]>;
}

function lifeLoader(store: GraphStore) {
  return new DataLoader<string, MeetingTally[]>(async (keys) => {
    const asked = keys.map((k) => {
      const [from, to, branchId] = k.split('|');
      return { from: Number(from), to: Number(to), branchId: branchId! };
    });
    const from = Math.min(...asked.map((a) => a.from));
    const to = Math.max(...asked.map((a) => a.to));
    const byBranch = groupBy(await store.listMeetingTallies([...new Set(asked.map((a) => a.branchId))], from, to), (m) => m.branchId);
    return asked.map((a) => (byBranch.get(a.branchId) ?? []).filter((m) => m.at >= a.from && m.at < a.to));
  });
}

/**
 * Histories of a batch of members. A batch of one (a member's own page) takes the store's
 * single-member read, which limits inside the query instead of reading the whole history and
 * cutting it (medium scale: p50 6.8 ms against 10.4 ms); larger batches stay one round trip.
 */
function historiesOf(store: GraphStore) {
  return async (ids: string[]): Promise<Map<string, MemberHistory>> => {
    if (ids.length !== 1) return store.getHistoriesForMembers(ids, { limit: HISTORY_WINDOW });
    return new Map([[ids[0], await store.getMemberHistory(ids[0], { limit: HISTORY_WINDOW })]]);
  };
}

function byId<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function byMember<T>(fetch: (ids: string[]) => Promise<Map<string, T>>, empty: () => T) {
  return new DataLoader<string, T>(async (ids) => {
    const map = await fetch([...ids]);
    return ids.map((id) => map.get(id) ?? empty());
  });
}

/** Fresh loaders for one request (never share across requests: they cache, and scope differs). */
export function createLoaders(store: GraphStore): Loaders {
  return {
    // Member and branch rows change only through writes that empty the process's cache (auth-cache.ts), so
    // it keeps them too: a secretary reading the members of their branch reads none of them again.
    member: byId((ids) => authCacheFor(store).rowsById('member', ids, (missing) => store.getMembersByIds(missing))),
    branch: byId((ids) => authCacheFor(store).rowsById('branch', ids, (missing) => store.getBranchesByIds(missing))),
    committee: byId((ids) => store.getCommitteesByIds(ids)),
    // Curriculum rows change rarely: the process keeps them until a write could change them (auth-cache.ts).
    course: byId((ids) => authCacheFor(store).rowsById('course', ids, (missing) => store.getCoursesByIds(missing))),
    question: byId((ids) => authCacheFor(store).rowsById('question', ids, (missing) => store.getQuestionsByIds(missing))),
    meeting: byId((ids) => store.getMeetingsByIds(ids)),
    history: byMember(historiesOf(store), () => ({ studies: [], answers: [], attendance: [] })),
    mastery: byMember(
      (ids) => store.getMasteryForMembers(ids),
      () => [],
    ),
    gaps: byMember(
      (ids) => store.getGapsForMembers(ids),
      () => [],
    ),
    committeeBranches: new DataLoader<string, Branch[]>(async (cids) => {
      const all = await store.listBranches([...cids]);
      return cids.map((cid) => all.filter((b) => b.committeeId === cid));
    }),
    attendance: new DataLoader<string, Attendance[]>(async (ids) => {
      const rows = await store.listAttendance([...ids]);
      return ids.map((id) => rows.filter((a) => a.meetingId === id));
    }),
    groups: new DataLoader<string, Group[]>(async (ids) => {
      const byBranch = groupBy(await store.listGroupsOfBranches([...ids]), (g) => g.branchId);
      return ids.map((id) => byBranch.get(id) ?? []);
    }),
    life: lifeLoader(store),
  };
}
