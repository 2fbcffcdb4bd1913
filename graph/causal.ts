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
  /** A joined scope (withCausalScopes): the callers' keys. It reads after all their writes, and its writes count as each one's. */
  readonly keys?: readonly string[];
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

/**
 * Run `fn` on behalf of several callers at once (one transaction that carries the writes of many requests,
 * say a group commit): it reads after every caller's earlier writes, and its own writes count as each
 * caller's, so each of them reads them in their next read. No keys: `fn` runs outside any scope (process-wide).
 */
export function withCausalScopes<T>(keys: readonly string[], fn: () => T): T {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return storage.exit(fn);
  if (unique.length === 1) return storage.run({ key: unique[0]! }, fn);
  return storage.run({ key: unique.join(' '), keys: unique }, fn);
}
