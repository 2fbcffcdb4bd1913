/**
 * What every signed-in request would otherwise read again before its own work: the access token or
 * browser session its credentials name, and the viewer's member row, branch row and (for committee
 * administrators) the committee's branches; the member and branch rows a request reads by id (a
 * secretary reading the members of their branch); and the curriculum rows an answer or a study is checked
 * against (questions, courses). Kept per store object, shared by all requests of the process.
 *
 * Trust rules (the cache never widens what a request may do):
 * - Every write made through the store object that is not one of the hot-path writes below (answers,
 *   studies, access records, derived learning state, last-used stamps, embeddings) empties the cache
 *   once it has committed, before its caller goes on (server/rules/write-watch.ts). A revoked token
 *   or session, a disabled account, a changed role, branch or committee is therefore refused or
 *   re-read on the very next request in this process.
 * - A read that started before such a write is not kept (generation check), so it cannot put the
 *   old row back after the write emptied the cache.
 * - Writes this process cannot hear (another server on the same Neo4j database) are trusted for at
 *   most `ttlMs` (default 10 s); `ttlMs: 0` turns the cache off.
 * - Checks that depend on the clock (expiry, idle time) run on every request, on the cached row.
 * - Only rows that exist are kept (an unknown token id is read each time), at most `maxEntries`.
 */
import type { AccessToken, AuthSession, Branch, GraphStore, Member } from '../../graph';
import { watchWrites } from '../rules/write-watch';

/** Writes that never change a token, session, account, member, branch or committee. */
export const HOT_WRITES: ReadonlySet<string> = new Set([
  'recordEventBatch',
  'recordAnswer',
  'recordStudy',
  'appendAccess',
  'completeOutbox',
  'upsertMastery',
  'replaceGaps',
  'saveStudyPlan',
  'saveMemberLearning',
  'touchAccessToken',
  'touchAuthSession',
  'setEmbeddings',
  'ensureVectorIndex',
]);

/** The rows a viewer is built from (server/auth/viewer.ts). */
export interface ViewerRows {
  member: Member;
  branch: Branch | null;
  /** The branches of the viewer's committee, read only for committee administrators. */
  committeeBranches: Branch[] | null;
}

export interface AuthCacheOptions {
  /** How long a row is trusted without a write heard in this process (default 10,000 ms; 0 = no cache). */
  ttlMs?: number;
  /** Rows kept at most (default 20,000); the oldest go first. */
  maxEntries?: number;
}

interface Entry {
  until: number;
  value: unknown;
}

export interface AuthCacheStats {
  hits: number;
  misses: number;
  invalidations: number;
}

export class AuthCache {
  private generation = 0;
  private readonly rows = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  readonly stats: AuthCacheStats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(opts: AuthCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.maxEntries = opts.maxEntries ?? 20_000;
  }

  /** Forget everything (a write was heard); reads under way are not kept. */
  invalidate(): void {
    this.generation++;
    this.rows.clear();
    this.loading.clear();
    this.stats.invalidations++;
  }

  accessToken(id: string, load: () => Promise<AccessToken | null>): Promise<AccessToken | null> {
    return this.get(`token:${id}`, load);
  }

  authSession(id: string, load: () => Promise<AuthSession | null>): Promise<AuthSession | null> {
    return this.get(`session:${id}`, load);
  }

  viewerRows(memberId: string, load: () => Promise<ViewerRows | null>): Promise<ViewerRows | null> {
    return this.get(`viewer:${memberId}`, load);
  }

  /**
   * Rows of one kind by id (rows the hot path reads: members, branches, questions, courses): those kept are
   * answered from here, the others read with one `fetch` and kept. Rows are frozen (shared by requests).
   */
  async rowsById<T extends { id: string }>(kind: string, ids: readonly string[], fetch: (ids: string[]) => Promise<T[]>): Promise<T[]> {
    if (this.ttlMs <= 0) return fetch([...ids]);
    const now = performance.now();
    const out: T[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.rows.get(`${kind}:${id}`);
      if (hit && hit.until > now) out.push(hit.value as T);
      else missing.push(id);
    }
    this.stats.hits += ids.length - missing.length;
    if (missing.length === 0) return out;
    this.stats.misses += missing.length;
    const generation = this.generation;
    const fetched = (await fetch(missing)).map((r) => deepFreeze(r));
    if (generation === this.generation) for (const r of fetched) this.keep(`${kind}:${r.id}`, r);
    return out.concat(fetched);
  }

  /** Note a last-used stamp written for a cached token, so it is not written again at every request. */
  tokenUsed(id: string, at: number): void {
    this.patch<AccessToken>(`token:${id}`, (t) => ({ ...t, lastUsedAt: Math.max(t.lastUsedAt, at) }));
  }

  /** Note activity of a cached browser session (its idle time counts from here). */
  sessionSeen(id: string, at: number): void {
    this.patch<AuthSession>(`session:${id}`, (s) => ({ ...s, lastSeenAt: Math.max(s.lastSeenAt, at) }));
  }

  private patch<T>(key: string, fn: (v: T) => T): void {
    const e = this.rows.get(key);
    if (e) e.value = fn(e.value as T);
  }

  private async get<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
    if (this.ttlMs <= 0) return load();
    const hit = this.rows.get(key);
    if (hit && hit.until > performance.now()) {
      this.stats.hits++;
      return hit.value as T;
    }
    if (hit) this.rows.delete(key);
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T | null>;
    this.stats.misses++;
    const generation = this.generation;
    const p = load().then(
      (value) => {
        if (this.loading.get(key) === p) this.loading.delete(key);
        if (value !== null && value !== undefined && generation === this.generation) this.keep(key, value);
        return value;
      },
      (e: unknown) => {
        if (this.loading.get(key) === p) this.loading.delete(key);
        throw e;
      },
    );
    this.loading.set(key, p);
    return p;
  }

  private keep(key: string, value: unknown): void {
    if (this.rows.size >= this.maxEntries) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
    this.rows.set(key, { until: performance.now() + this.ttlMs, value });
  }
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

const caches = new WeakMap<object, AuthCache>();

/**
 * The cache of a store object, made (and hooked to the store's writes) on first use. `opts` counts
 * only on that first use: createApp passes the configured ones.
 */
export function authCacheFor(store: GraphStore, opts?: AuthCacheOptions): AuthCache {
  let c = caches.get(store);
  if (!c) {
    const cache = new AuthCache(opts);
    watchWrites(store, (n) => {
      if (!HOT_WRITES.has(n.method)) cache.invalidate();
    });
    caches.set(store, cache);
    c = cache;
  }
  return c;
}
