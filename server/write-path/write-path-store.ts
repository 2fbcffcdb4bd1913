/**
 * The store as the server uses it when the write path is on: learning events and access records go
 * through group commit (group-commit.ts); reads of mastery and gaps first let the outbox worker apply
 * the member's latest events (outbox-worker.ts `settle`), so a member sees the effect of their own
 * answer. Everything else is the plain store.
 */
import type { GraphStore } from '../../graph';
import type { GroupCommit } from './group-commit';
import type { OutboxWorker } from './outbox-worker';

export function withWritePath(store: GraphStore, commit: GroupCommit, worker: () => OutboxWorker | undefined): GraphStore {
  const overrides: Partial<GraphStore> = {
    recordAnswer: (e) => commit.recordAnswer(e),
    recordStudy: (e) => commit.recordStudy(e),
    appendAccess: (records) => commit.appendAccess(records),
    getMasteryForMembers: async (ids) => {
      await worker()?.settle(ids);
      return store.getMasteryForMembers(ids);
    },
    getGapsForMembers: async (ids) => {
      await worker()?.settle(ids);
      return store.getGapsForMembers(ids);
    },
    getLearnerRows: async (id) => {
      await worker()?.settle([id]);
      return store.getLearnerRows(id);
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof GraphStore];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
