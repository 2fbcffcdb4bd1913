/**
 * The store set-up the rules tests share: the suite's store (test-store.ts) opened before a file's
 * tests and disposed after them (also when they fail), holding, unless `org: false`, a university
 * `u-1`, a committee `c-1` and the branches asked for under it. Call it at the top of a test
 * file; read `.store` inside hooks and tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../graph';
import { openTempStore } from './api-server';

export interface OrgStoreOptions {
  /** false: an empty store (the test builds its own organization). */
  org?: boolean;
  /** The committee's name (default 学院党委). */
  committeeName?: string;
  /** The branches under c-1: [id, name] (default none). */
  branches?: readonly (readonly [string, string])[];
}

export interface OrgStore {
  /** The open store (throws before the file's beforeAll hooks ran). */
  readonly store: GraphStore;
}

export function useOrgStore(opts: OrgStoreOptions = {}): OrgStore {
  let store: GraphStore | null = null;
  let dispose: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const t = await openTempStore();
    store = t.store;
    dispose = t.dispose;
    if (opts.org === false) return;
    await t.store.createUniversity({ id: 'u-1', name: '红图大学党委' });
    await t.store.createCommittee({ id: 'c-1', name: opts.committeeName ?? '学院党委', universityId: 'u-1' });
    for (const [id, name] of opts.branches ?? []) await t.store.createBranch({ id, name, committeeId: 'c-1' });
  });
  afterAll(async () => {
    await dispose?.();
  });
  return {
    get store(): GraphStore {
      if (!store) throw new Error('useOrgStore: the store opens in beforeAll');
      return store;
    },
  };
}
