/**
 * The one place of the Neo4j adapter that owns the driver, sessions and transactions (after neo4j/graphql's
 * Executor): managed transactions (`executeRead`/`executeWrite`) so the driver retries transient errors,
 * one bookmark manager so a read sees the writes before it, and driver errors turned into AppErrors.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { conflict, isStoreError, unavailable } from '../errors';
import { isCatalogued } from './catalog';

export interface Neo4jConnection { uri: string; user: string; password: string; database: string }

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

function wrap(tx: ManagedTransaction): Tx {
  return {
    async rows<T>(query: string, params: Params = {}): Promise<T[]> {
      const res: QueryResult<RecordShape> = await tx.run(checked(query), params);
      return res.records.map((r) => r.toObject() as T);
    },
    async write(query: string, params: Params = {}) {
      const res = await tx.run(checked(query), params);
      const c = res.summary.counters.updates();
      return { nodesCreated: c.nodesCreated, relationshipsCreated: c.relationshipsCreated };
    },
  };
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired',
  'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound', 'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * Turn anything the driver throws into an StoreError: AppErrors thrown by our own code inside a transaction
 * pass through; lost connections, bad credentials and exhausted retries → UNAVAILABLE; a uniqueness
 * constraint → CONFLICT. Anything else is a bug in a statement and is rethrown as is (masked at the edge).
 */
export function toStoreError(e: unknown): unknown {
  if (isStoreError(e)) return e;
  const err = e as { code?: string; message?: string; retryable?: boolean; cause?: { code?: string } } | null;
  const code = err?.code ?? '';
  const message = err?.message ?? String(e);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/.test(message)) {
    return unavailable(`Neo4j is unavailable (${code || 'connection failed'}): ${firstLine(message)}`);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return conflict(`A record with this id already exists: ${firstLine(message)}`);
  }
  return e;
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 300);

/** Owns the driver; every statement of the adapter runs through `read`, `write` or `schema`. */
export class Executor {
  readonly driver: Driver;
  /** Where the store points, for messages (no credentials). */
  readonly target: string;
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(private readonly cfg: Neo4jConnection, timeouts: ExecutorTimeouts = DEFAULT_TIMEOUTS) {
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

  /** A read-write managed transaction; `work` may throw an StoreError to roll everything back. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => work(wrap(tx))));
  }

  /** Schema commands (DDL, SHOW) each in their own managed write transaction, as Neo4j requires. */
  async schema<T = Record<string, unknown>>(query: string, params: Params = {}): Promise<T[]> {
    return this.write((tx) => tx.rows<T>(query, params));
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
    return this.driver.close();
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.cfg.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await fn(session);
    } catch (e) {
      throw toStoreError(e);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}
