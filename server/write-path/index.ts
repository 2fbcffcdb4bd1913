/**
 * The write path of a running server: group commit for learning events and access records, and the
 * outbox worker that keeps mastery and gaps current (see the files beside this one). `createWritePath`
 * wraps the plain store; the server then uses `store` and `learner` from here, and no event hooks (the
 * outbox applies what the hooks did, exactly once).
 */
import type { GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { LearnerServices } from '../learning/learner-services';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
import { withWritePath } from './write-path-store';

export interface WritePath {
  store: GraphStore;
  learner: LearnerServices;
  commit: GroupCommit;
  worker: OutboxWorker;
  /**
   * Commit what is queued, apply the outbox (for at most `drainMs`, default 10 s; whatever is left is
   * applied on the next start), stop. The plain store stays open.
   */
  close(drainMs?: number): Promise<void>;
}

export function createWritePath(
  plain: GraphStore,
  makeLearner: (store: GraphStore) => LearnerServices,
  opts: { commit?: GroupCommitOptions; worker?: OutboxWorkerOptions; log?: Pick<AppLogger, 'warn' | 'error'> } = {},
): WritePath {
  let worker: OutboxWorker | undefined;
  const commit = new GroupCommit(plain, { ...opts.commit, onCommitted: (created) => worker?.noteCommitted(created) });
  const store = withWritePath(plain, commit, () => worker);
  const learner = makeLearner(store);
  worker = new OutboxWorker(plain, learner, { log: opts.log, ...opts.worker });
  return {
    store,
    learner,
    commit,
    worker,
    close: async (drainMs = 10_000) => {
      await commit.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        worker!.drain(),
        new Promise<void>((r) => {
          timer = setTimeout(r, drainMs);
        }),
      ]);
      clearTimeout(timer);
      await worker!.stop();
    },
  };
}

export { GroupCommit, OutboxWorker };
