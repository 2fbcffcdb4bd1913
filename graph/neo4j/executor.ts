/**
 * The one place of the Neo4j adapter that owns the driver, sessions and transactions (after neo4j/graphql's
 * Executor): managed transactions (`executeRead` for reads, routed to followers/read replicas in a
 * cluster; `executeWrite` for writes, routed to the leader) so the driver retries transient errors;
 * bookmark managers per causal scope (graph/causal.ts) so a read sees the writes of its request and of
 * the same member's earlier requests; driver errors turned into StoreErrors with honest codes.
 * Any URI scheme the driver knows works: `neo4j://` / `neo4j+s://` (routing: a cluster or Aura) or
 * `bolt://` / `bolt+s://` (one server).
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { type CausalScope, currentCausalScope, onRekey, PROCESS_SCOPE, SHARED_SCOPES } from '../causal';
import { conflict, internal, isStoreError, unavailable } from '../errors';
import { isCatalogued } from './catalog';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Bounds on how long the driver waits; production defaults, tests shorten them. */
export interface ExecutorTimeouts {
  /** TCP connect timeout, ms. */
  connectionTimeoutMs: number;
  /** How long managed transactions keep retrying transient errors, ms. */
  maxRetryTimeMs: number;
  /** How long to wait for a pooled connection, ms. */
  acquisitionTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: ExecutorTimeouts = { connectionTimeoutMs: 5_000, maxRetryTimeMs: 8_000, acquisitionTimeoutMs: 15_000 };

/** Parameters of one statement; values only, never query text. */
export type Params = Record<string, unknown>;

/** A managed transaction as the adapter sees it: rows as plain objects, or the write counters. */
export interface Tx {
  rows<T = Record<string, unknown>>(query: string, params?: Params): Promise<T[]>;
  /** Runs a write and returns how many nodes and relationships it created. */
  write(query: string, params?: Params): Promise<{ nodesCreated: number; relationshipsCreated: number }>;
}

/** Only catalogued (and therefore linted) statements may reach the server. */
function checked(query: string): string {
  if (!isCatalogued(query)) throw new Error(`Statement is not in graph/neo4j/catalog.ts: ${query.slice(0, 80)}`);
  return query;
}

/**
 * One statement in a managed transaction. A memory-limit error becomes a StoreError here, inside the
 * transaction function, so the driver (which retries every TransientError) does not repeat work that
 * cannot fit.
 */
async function run(tx: ManagedTransaction, query: string, params: Params): Promise<QueryResult<RecordShape>> {
  try {
    return await tx.run(checked(query), params);
  } catch (e) {
    throw isMemoryLimit(e) ? toStoreError(e) : e;
  }
}

function wrap(tx: ManagedTransaction): Tx {
  return {
    async rows<T>(query: string, params: Params = {}): Promise<T[]> {
      const res: QueryResult<RecordShape> = await run(tx, query, params);
      return res.records.map((r) => r.toObject() as T);
    },
    async write(query: string, params: Params = {}) {
      const res = await run(tx, query, params);
      const c = res.summary.counters.updates();
      return { nodesCreated: c.nodesCreated, relationshipsCreated: c.relationshipsCreated };
    },
  };
}

/** Cannot reach the server, or the server cannot serve this database right now: worth retrying later. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * Over a memory limit: the server is up, but this transaction is too big for `db.memory.transaction.max`
 * or the pool `dbms.memory.transaction.total.max` (GQL 51N72/51N73). Neo4j files these under
 * TransientError, so the driver would retry them; a retry of the same work fails the same way.
 */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);
const MEMORY_GQL = new Set(['51N72', '51N73']);

interface DriverErrorShape {
  code?: string;
  gqlStatus?: string;
  message?: string;
}

/** True for the driver's over-a-memory-limit errors (see MEMORY_CODES). */
export function isMemoryLimit(e: unknown): boolean {
  const err = e as DriverErrorShape | null;
  return MEMORY_CODES.has(err?.code ?? '') || MEMORY_GQL.has(err?.gqlStatus ?? '') || /dbms\.memory\.transaction\.total\.max|db\.memory\.transaction\.max/.test(err?.message ?? '');
}

/**
 * Worth running again as it is: a lost connection, a leader switch, or a transient error such as a
 * deadlock or a lock wait that was cut short (what the driver's managed transactions retry), but never
 * a memory limit (the same work fails the same way) or a transaction the server or a person stopped.
 */
export function isRetryable(e: unknown): boolean {
  if (isStoreError(e) || isMemoryLimit(e)) return false;
  const code = (e as DriverErrorShape | null)?.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return true;
  if (code === 'Neo.TransientError.Transaction.Terminated' || code === 'Neo.TransientError.Transaction.LockClientStopped') return false;
  return code.startsWith('Neo.TransientError.');
}

/**
 * Turn anything the driver throws into a StoreError with an honest code:
 * - StoreErrors thrown by our own code inside a transaction pass through;
 * - a lost connection, refused credentials, a database that is not there, or a transient error that
 *   outlasted the driver's retries (deadlock, leader switch) → UNAVAILABLE (retry later helps);
 * - a transaction over a memory limit → INTERNAL naming the setting (retrying the same work does not help);
 * - a uniqueness constraint → CONFLICT;
 * - any other server error (ClientError: a statement the server refuses; DatabaseError) → INTERNAL with
 *   the server's code, so it is logged and answered as an unexpected error, never as an outage.
 * Errors that are not the driver's (a bug in our own code) are returned as they are.
 */
export function toStoreError(e: unknown): unknown {
  if (isStoreError(e)) return e;
  const err = e as DriverErrorShape | null;
  const code = err?.code ?? '';
  const message = err?.message ?? String(e);
  if (isMemoryLimit(e)) {
    return internal(
      `Neo4j refused a transaction over its memory limit (${code || err?.gqlStatus}): ${firstLine(message)}. ` +
        'Raise db.memory.transaction.max / dbms.memory.transaction.total.max and the heap, or send smaller batches',
      { driverCode: code },
      e,
    );
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/.test(message)) {
    return unavailable(`Neo4j is unavailable (${code || 'connection failed'}): ${firstLine(message)}`, { driverCode: code });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return conflict(`A record with this id already exists: ${firstLine(message)}`, { driverCode: code });
  }
  if (code.startsWith('Neo.')) return internal(`Neo4j refused the statement (${code}): ${firstLine(message)}`, { driverCode: code }, e);
  return e;
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 300);

/** Backoff before retry `attempt` (0-based) of an auto-commit statement: 200 ms doubling to 3.2 s, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(200 * 2 ** Math.min(attempt, 4) * (0.8 + 0.4 * random()));
}

/**
 * Several scopes' bookmark managers as one, for a transaction run on behalf of several callers: it starts
 * after every bookmark any of them holds, and its resulting bookmark replaces those in each of them (a
 * bookmark that follows theirs), so each caller's next read waits for this transaction.
 */
export function joinBookmarkManagers(managers: readonly BookmarkManager[]): BookmarkManager {
  return {
    async getBookmarks() {
      const all = new Set<string>();
      for (const m of managers) for (const b of await m.getBookmarks()) all.add(b);
      return all;
    },
    async updateBookmarks(previous, next) {
      const prev = [...previous];
      const now = [...next];
      await Promise.all(managers.map((m) => m.updateBookmarks(prev, now)));
    },
  };
}

/**
 * The bookmarks of one causal scope. Once its scope is re-keyed (graph/causal.ts) it forwards to the new
 * key's bookmarks: what it held moves there, and a transaction that started under the old key and
 * commits later hands its bookmark there too.
 */
export class ScopeBookmarks implements BookmarkManager {
  private readonly held = new Set<string>();
  private target: ScopeBookmarks | null = null;

  /** The bookmarks this scope ends up in (itself, unless it was moved). */
  private get live(): ScopeBookmarks {
    let s: ScopeBookmarks = this;
    while (s.target) s = s.target;
    return s;
  }

  /** The current bookmarks, read at once (the driver's interface is asynchronous). */
  now(): string[] {
    return [...this.live.held];
  }

  async getBookmarks(): Promise<string[]> {
    return this.now();
  }

  async updateBookmarks(previous: Iterable<string>, next: Iterable<string>): Promise<void> {
    const into = this.live;
    for (const b of previous) into.held.delete(b);
    for (const b of next) into.held.add(b);
  }

  /** Hand everything to `to` and forward to it from now on (no-op when already there). */
  moveInto(to: ScopeBookmarks): void {
    const from = this.live;
    const dest = to.live;
    if (from === dest) return;
    for (const b of from.held) dest.held.add(b);
    from.held.clear();
    from.target = dest;
  }
}

/** How many causal scopes keep their bookmarks (a member's scope lives as long as they keep coming back). */
export const MAX_SCOPES = 20_000;

/**
 * Bookmarks per causal scope key: bounded, least recently used dropped first. The process's shared keys
 * (SHARED_SCOPES: code outside any request, every request's read of its own credential, the outbox
 * worker) are kept outside the bound.
 */
export class ScopeBookmarkTable {
  private readonly byKey = new Map<string, ScopeBookmarks>();
  private readonly pinned = new Map([...SHARED_SCOPES].map((k) => [k, new ScopeBookmarks()] as const));

  constructor(private readonly max = MAX_SCOPES) {}

  /** How many scope keys hold bookmarks now (the pinned ones not counted). */
  get size(): number {
    return this.byKey.size;
  }

  /** The bookmarks of one scope key, created when new, marked most recently used. */
  of(key: string): ScopeBookmarks {
    const pinned = this.pinned.get(key);
    if (pinned) return pinned;
    let bm = this.byKey.get(key);
    if (bm) {
      this.byKey.delete(key);
    } else {
      bm = new ScopeBookmarks();
      if (this.byKey.size >= this.max) this.byKey.delete(this.byKey.keys().next().value!);
    }
    this.byKey.set(key, bm);
    return bm;
  }

  /**
   * A scope re-keyed from `from` to `to` (graph/causal.ts): the writes made under `from` count as `to`'s
   * from now on, and a transaction that started under `from` and commits later hands its bookmark to `to`.
   * `to` null: the scope ended unknown (RekeyableScope.release), and `from`'s bookmarks are dropped.
   */
  move(from: string, to: string | null): void {
    if (this.pinned.has(from)) return;
    const old = this.byKey.get(from);
    if (!old) return;
    if (to !== null) old.moveInto(this.of(to)); // the forwarder lives on in the sessions that still hold it
    this.byKey.delete(from);
  }

  /**
   * The bookmark manager for `scope`: its key's; a joined scope gets its callers' managers joined; a scope
   * that reads after other keys (readsAfter) starts after theirs too, and its bookmark goes to its own.
   */
  managerFor(scope: CausalScope | undefined): BookmarkManager {
    if (scope === undefined) return this.of(PROCESS_SCOPE);
    const own = scope.keys && scope.keys.length > 1 ? joinBookmarkManagers(scope.keys.map((k) => this.of(k))) : this.of(scope.key);
    const after = (scope.readsAfter ?? []).map((k) => this.of(k));
    return after.length ? readAfter(own, after) : own;
  }
}

/** `own`, starting also after every bookmark of `others`; a transaction's new bookmark goes to `own` only. */
export function readAfter(own: BookmarkManager, others: readonly BookmarkManager[]): BookmarkManager {
  return {
    async getBookmarks() {
      const all = new Set<string>(await own.getBookmarks());
      for (const m of others) for (const b of await m.getBookmarks()) all.add(b);
      return all;
    },
    updateBookmarks: (previous, next) => own.updateBookmarks(previous, next),
  };
}

/** Owns the driver; every statement of the adapter runs through `read`, `write` or `schema`. */
export class Executor {
  readonly driver: Driver;
  /** Where the store points, for messages (no credentials). */
  readonly target: string;
  /** Bookmarks per causal scope, and those of code outside any scope (CLI, start-up); bounded. */
  private readonly scopeBookmarks = new ScopeBookmarkTable();
  private readonly stopHearingRekeys: () => void;
  private readonly maxRetryTimeMs: number;

  constructor(
    private readonly cfg: Neo4jConnection,
    timeouts: ExecutorTimeouts = DEFAULT_TIMEOUTS,
  ) {
    this.maxRetryTimeMs = timeouts.maxRetryTimeMs;
    this.stopHearingRekeys = onRekey((from, to) => this.scopeBookmarks.move(from, to));
    this.target = `${cfg.uri} (database ${cfg.database})`;
    this.driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
      connectionTimeout: timeouts.connectionTimeoutMs,
      maxTransactionRetryTime: timeouts.maxRetryTimeMs,
      connectionAcquisitionTimeout: timeouts.acquisitionTimeoutMs,
      // Our own statements never produce notifications worth logging per request.
      notificationFilter: { minimumSeverityLevel: 'OFF' },
      userAgent: 'hongtu',
    });
  }

  /** A read-only managed transaction (retried on transient errors, routed to readers in a cluster). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) => s.executeRead((tx) => work(wrap(tx))));
  }

  /**
   * A read on the leader (a managed write transaction that only reads; one server outside a cluster):
   * it sees every committed write, those of other app processes too. For the rare read that must not
   * miss a row another process may have just written (a credential presented for the first time).
   */
  readOnLeader<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => work(wrap(tx))));
  }

  /** A read-write managed transaction; `work` may throw an StoreError to roll everything back. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => work(wrap(tx))));
  }

  /** Schema commands (DDL, SHOW) each in their own managed write transaction, as Neo4j requires. */
  async schema<T = Record<string, unknown>>(query: string, params: Params = {}): Promise<T[]> {
    return this.write((tx) => tx.rows<T>(query, params));
  }

  /**
   * One statement in an auto-commit transaction (`session.run`): the only kind in which Neo4j accepts
   * `CALL { … } IN TRANSACTIONS`, which commits in batches of its own. The driver does not retry these;
   * with `retry` (only for statements that may run again after some of their batches committed, such
   * as deletes), a retryable error (isRetryable) runs the statement again with backoff, for as long as
   * the driver retries managed transactions.
   */
  async autoCommit(
    query: string,
    params: Params = {},
    opts: { retry?: boolean } = {},
  ): Promise<{ nodesDeleted: number; relationshipsDeleted: number; nodesCreated: number; relationshipsCreated: number }> {
    let until = 0; // retries end maxRetryTimeMs after the first failure (the statement itself may run long)
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withSession(
          'WRITE',
          async (s) => {
            const res = await s.run(checked(query), params);
            const c = res.summary.counters.updates();
            return {
              nodesDeleted: c.nodesDeleted,
              relationshipsDeleted: c.relationshipsDeleted,
              nodesCreated: c.nodesCreated,
              relationshipsCreated: c.relationshipsCreated,
            };
          },
          false,
        );
      } catch (e) {
        const wait = retryDelayMs(attempt);
        if (attempt === 0) until = Date.now() + this.maxRetryTimeMs;
        if (!opts.retry || !isRetryable(e) || Date.now() + wait > until) throw toStoreError(e);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Fails with UNAVAILABLE when the server cannot be reached or the credentials are refused. */
  async ping(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.cfg.database });
    } catch (e) {
      throw toStoreError(e);
    }
  }

  close(): Promise<void> {
    this.stopHearingRekeys();
    return this.driver.close();
  }

  /**
   * The bookmark manager of the current causal scope (process-wide outside any scope); a joined scope
   * (withCausalScopes) gets its callers' managers joined.
   */
  private bookmarkManager(): BookmarkManager {
    return this.scopeBookmarks.managerFor(currentCausalScope());
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: ReturnType<Driver['session']>) => Promise<T>, mapErrors = true): Promise<T> {
    const session = this.driver.session({
      database: this.cfg.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarkManager(),
    });
    try {
      return await fn(session);
    } catch (e) {
      throw mapErrors ? toStoreError(e) : e;
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}
