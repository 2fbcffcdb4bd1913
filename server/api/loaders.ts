/**
 * Per-request DataLoaders over the store's batch reads: one round trip per kind per tick, so a
 * page of 50 members with their branches and recent activity costs a constant number of store calls.
 * Loaders return raw domain objects (unmasked, unchecked); services apply scope and masking.
 */
import DataLoader from 'dataloader';
import type {
  Branch, Committee, Course, Gap, Mastery, Meeting, Member, MemberHistory, Question,
} from '../../graph/model';
import type { GraphStore } from '../../graph/store';

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
  /** Branch ids of a committee. */
  committeeBranches: DataLoader<string, Branch[]>;
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
    member: byId((ids) => store.getMembersByIds(ids)),
    branch: byId((ids) => store.getBranchesByIds(ids)),
    committee: byId((ids) => store.getCommitteesByIds(ids)),
    course: byId((ids) => store.getCoursesByIds(ids)),
    question: byId((ids) => store.getQuestionsByIds(ids)),
    meeting: byId((ids) => store.getMeetingsByIds(ids)),
    history: byMember((ids) => store.getHistoriesForMembers(ids, { limit: HISTORY_WINDOW }), () => ({ studies: [], answers: [], attendance: [] })),
    mastery: byMember((ids) => store.getMasteryForMembers(ids), () => []),
    gaps: byMember((ids) => store.getGapsForMembers(ids), () => []),
    committeeBranches: new DataLoader<string, Branch[]>(async (cids) => {
      const all = await store.listBranches([...cids]);
      return cids.map((cid) => all.filter((b) => b.committeeId === cid));
    }),
  };
}
