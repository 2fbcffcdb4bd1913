/**
 * Causal scopes: who should see whose writes. Code that runs for one caller (a GraphQL request of one
 * signed-in member) runs inside `withCausalScope(key, fn)`; a store that can read from replicas
 * (Neo4j in a cluster) keeps one set of bookmarks per key, so every read in the scope waits until the
 * replica it reads from has the scope's earlier writes: read-your-writes within a request and across
 * a member's consecutive requests, without making every reader wait for everyone's writes. Outside any
 * scope (CLI, start-up), one process-wide set is used. Kuzu (one embedded database) ignores scopes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CausalScope {
  readonly key: string;
}

const storage = new AsyncLocalStorage<CausalScope>();

/** Run `fn` (and everything it starts) in the scope named `key`. */
export function withCausalScope<T>(key: string, fn: () => T): T {
  return storage.run({ key }, fn);
}

/** The scope the current code runs in, if any. */
export function currentCausalScope(): CausalScope | undefined {
  return storage.getStore();
}
