/**
 * Causal scopes: who should see whose writes. Code that runs for one caller (a GraphQL request of one
 * signed-in member) runs inside a scope named after the caller; a store that can read from replicas
 * (Neo4j in a cluster) keeps one set of bookmarks per key, so every read in the scope waits until the
 * replica it reads from has the scope's earlier writes: read-your-writes within a request and across
 * a member's consecutive requests, without making every reader wait for everyone's writes. Outside any
 * scope (CLI, start-up), one process-wide set is used. Kuzu (one embedded database) ignores scopes.
 *
 * A request learns who its caller is only once its credentials verify, so its scope can be re-keyed
 * (openCausalScope / rekey): it starts under a key of its own and moves to the member's key, and each
 * store that keeps bookmarks (onRekey) moves the earlier key's into the new one at once, so writes made
 * before the re-key stay visible to the rest of the request and to the member's next requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CausalScope {
  readonly key: string;
  /** A joined scope (withCausalScopes): the callers' keys. It reads after all their writes, and its writes count as each one's. */
  readonly keys?: readonly string[];
  /**
   * Keys whose earlier writes this scope's transactions also start after, without their own bookmarks
   * moving on (a read of credential rows: after every credential write, see CREDENTIALS_SCOPE).
   */
  readonly readsAfter?: readonly string[];
}

/**
 * The key of process-wide bookmarks: code outside any scope runs in it, and a scope may name it (a
 * credential written by the CLI or at start-up counts for the process and for CREDENTIALS_SCOPE).
 */
export const PROCESS_SCOPE = 'process';

/**
 * The scope of credential rows (accounts, browser sessions, access tokens): a store that reads from
 * replicas reads these rows after every write to them made by this process (credentials issued, revoked,
 * accounts changed), whoever made it. Before a request's credentials verify its caller is unknown, so the
 * read of the token or session itself cannot use the member's scope; it uses this one.
 */
export const CREDENTIALS_SCOPE = 'credentials';

/**
 * The scope of the learning outbox: every write of events (and so of outbox entries) counts for it as
 * well as for its callers, and the outbox worker runs in it, so a pass reads every entry, event and
 * consumption this process committed before it, on any follower. A pass that read a lagging follower
 * would find fewer entries than it was told of and take the outbox for empty.
 */
export const OUTBOX_SCOPE = 'outbox';

/** Keys shared by the whole process (never dropped by a store's bound on scopes). */
export const SHARED_SCOPES: ReadonlySet<string> = new Set([PROCESS_SCOPE, CREDENTIALS_SCOPE, OUTBOX_SCOPE]);

/** `to` null: the scope `from` has ended and nothing will read under its key again (drop its bookmarks). */
type RekeyListener = (from: string, to: string | null) => void;
const rekeyListeners = new Set<RekeyListener>();

/**
 * Hear every re-key (a store that keeps bookmarks per key moves the old key's into the new one) and every
 * release of a scope that was never re-keyed (its bookmarks can go); returns a function that stops listening.
 */
export function onRekey(listener: RekeyListener): () => void {
  rekeyListeners.add(listener);
  return () => rekeyListeners.delete(listener);
}

/** A listener's failure costs at most that store's read-your-writes, never the request that re-keys. */
function tell(from: string, to: string | null): void {
  for (const l of rekeyListeners) {
    try {
      l(from, to);
    } catch {
      /* see above */
    }
  }
}

/** A scope whose key can change while code runs in it: a request before and after its caller is known. */
export class RekeyableScope implements CausalScope {
  private current: string;
  private readonly initial: string;

  constructor(key: string) {
    this.current = key;
    this.initial = key;
  }

  get key(): string {
    return this.current;
  }

  /**
   * From now on the scope is `key`, for everything already running in it too; the stores move the old
   * key's bookmarks into `key` before this returns.
   */
  rekey(key: string): void {
    const from = this.current;
    if (key === from) return;
    this.current = key;
    tell(from, key);
  }

  /**
   * The code of the scope has finished. A scope still under its first key (a request whose caller never
   * became known) is never read under that key again, so the stores drop its bookmarks instead of keeping
   * them among the members'. A re-keyed scope's bookmarks are its member's and stay.
   */
  release(): void {
    if (this.current !== this.initial) return;
    tell(this.current, null);
  }
}

const storage = new AsyncLocalStorage<CausalScope>();

/** Run `fn` (and everything it starts) in the scope named `key`. */
export function withCausalScope<T>(key: string, fn: () => T): T {
  return storage.run({ key }, fn);
}

/** A scope that can be re-keyed later; run code in it with runInCausalScope. */
export function openCausalScope(key: string): RekeyableScope {
  return new RekeyableScope(key);
}

/** Run `fn` (and everything it starts) in `scope`; a later rekey of the scope applies to all of it. */
export function runInCausalScope<T>(scope: CausalScope, fn: () => T): T {
  return storage.run(scope, fn);
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

/**
 * Run `fn` in the current scope (process-wide outside any) joined with `keys`: its writes count for all of
 * them, say a write of a member's derived rows made by a worker on the member's behalf.
 */
export function withScopesAdded<T>(keys: readonly string[], fn: () => T): T {
  const s = storage.getStore();
  return withCausalScopes([...(s ? (s.keys ?? [s.key]) : [PROCESS_SCOPE]), ...keys], fn);
}

/** The scope key of a member's requests, whatever credentials they come with (and of writes made for them). */
export const memberScopeKey = (memberId: string): string => `member:${memberId}`;

/**
 * Run a read or a write of rows that belong to a shared scope (CREDENTIALS_SCOPE, OUTBOX_SCOPE). A read
 * starts after the current scope's writes and every write of this process to the shared scope, and its
 * bookmark goes to the current scope only. A write counts for both the current scope and the shared one.
 */
export function withSharedScope<T>(shared: string, mode: 'read' | 'write', fn: () => T): T {
  const s = storage.getStore();
  if (mode === 'write') return withScopesAdded([shared], fn);
  if (s?.key === shared) return fn();
  return storage.run({ key: s?.key ?? PROCESS_SCOPE, ...(s?.keys ? { keys: s.keys } : {}), readsAfter: [shared] }, fn);
}

/**
 * Run a read or a write of credential rows (accounts, sessions, tokens; withSharedScope): the next
 * request that carries a credential just issued (say, the cookie of a sign-in) reads after its write.
 */
export function withCredentialScope<T>(mode: 'read' | 'write', fn: () => T): T {
  return withSharedScope(CREDENTIALS_SCOPE, mode, fn);
}
