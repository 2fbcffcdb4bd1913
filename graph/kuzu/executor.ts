/**
 * The one place that owns Kuzu connections. Reads go to a small pool of read connections; writes
 * are serialised through one write connection behind an async mutex (Kuzu admits a single writer)
 * and run in an explicit transaction. Prepared statements are cached per connection by query text,
 * so every named query is parsed and planned once. Driver errors become AppErrors here.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import { AppError, conflict, isAppError, unavailable } from '../../server/errors';
import { Mutex } from './mutex';

export type Row = Record<string, KuzuValue>;
export type Params = Record<string, KuzuValue>;

/** What query code sees: run one parameterised statement and get its rows. */
export interface Runner {
  run(query: string, params?: Params): Promise<Row[]>;
}

const READ_POOL = 3;

/** Kuzu file inside the configured data directory. */
export const dbFile = (dir: string): string => path.join(dir, 'hongtu.kuzu');

export class KuzuExecutor {
  private db: Database | null = null;
  private writer: Connection | null = null;
  private readers: Connection[] = [];
  private idle: Connection[] = [];
  private waiting: ((c: Connection) => void)[] = [];
  private readonly cache = new Map<Connection, Map<string, PreparedStatement>>();
  private readonly writeLock = new Mutex();
  private opening: Promise<void> | null = null;
  private closed = false;

  constructor(readonly dir: string) {}

  /** Open the database file (creating the directory) and the connections; idempotent. */
  open(): Promise<void> {
    if (this.closed) return Promise.reject(unavailable('The Kuzu store has been closed; open a new one'));
    this.opening ??= this.doOpen().catch((e) => { this.opening = null; throw translate(e, 'open'); });
    return this.opening;
  }

  private async doOpen(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const db = new kuzu.Database(dbFile(this.dir));
    await db.init();
    this.writer = new kuzu.Connection(db);
    await this.writer.init();
    for (let i = 0; i < READ_POOL; i++) {
      const c = new kuzu.Connection(db);
      await c.init();
      this.readers.push(c);
    }
    this.idle = [...this.readers];
    this.db = db;
  }

  /** One read statement on a pooled connection (sees committed data only). */
  async read(query: string, params: Params = {}): Promise<Row[]> {
    await this.open();
    const conn = await this.acquire();
    try {
      return await this.exec(conn, query, params);
    } finally {
      this.releaseConn(conn);
    }
  }

  /** A read runner for several statements on one connection (one round trip in spirit). */
  async readMany<T>(fn: (r: Runner) => Promise<T>): Promise<T> {
    await this.open();
    const conn = await this.acquire();
    try {
      return await fn({ run: (q, p) => this.exec(conn, q, p ?? {}) });
    } finally {
      this.releaseConn(conn);
    }
  }

  /**
   * Run `fn` inside one write transaction; commit on success, roll back on any error (so a rejected
   * write leaves nothing behind). Writers queue on the mutex.
   */
  async write<T>(fn: (tx: Runner) => Promise<T>): Promise<T> {
    await this.open();
    return this.writeLock.run(async () => {
      const conn = this.writer!;
      await this.raw(conn, 'BEGIN TRANSACTION');
      try {
        const out = await fn({ run: (q, p) => this.exec(conn, q, p ?? {}) });
        await this.raw(conn, 'COMMIT');
        return out;
      } catch (e) {
        await this.raw(conn, 'ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /**
   * Schema changes and COPY: auto-commit statements under the write lock. Cached prepared
   * statements are dropped afterwards because they are bound to the old catalog.
   */
  async ddl<T>(fn: (r: Runner & { raw(q: string): Promise<Row[]> }) => Promise<T>): Promise<T> {
    await this.open();
    return this.writeLock.run(async () => {
      const conn = this.writer!;
      try {
        return await fn({ run: (q, p) => this.exec(conn, q, p ?? {}), raw: (q) => this.raw(conn, q) });
      } finally {
        this.cache.clear();
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.opening?.catch(() => undefined);
    await this.writeLock.run(async () => {
      for (const c of [...this.readers, this.writer]) await c?.close().catch(() => undefined);
      await this.db?.close().catch(() => undefined);
      this.cache.clear();
      this.db = null;
      this.writer = null;
      this.readers = [];
    });
  }

  private acquire(): Promise<Connection> {
    if (this.closed) return Promise.reject(unavailable('The Kuzu store has been closed'));
    const c = this.idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseConn(c: Connection): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  private async prepared(conn: Connection, query: string): Promise<PreparedStatement> {
    let perConn = this.cache.get(conn);
    if (!perConn) this.cache.set(conn, (perConn = new Map()));
    let ps = perConn.get(query);
    if (!ps) {
      ps = await conn.prepare(query);
      if (!ps.isSuccess()) throw new Error(`Kuzu could not prepare a query: ${ps.getErrorMessage()}\n${query}`);
      perConn.set(query, ps);
    }
    return ps;
  }

  private async exec(conn: Connection, query: string, params: Params): Promise<Row[]> {
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    checkParams(params);
    try {
      const ps = await this.prepared(conn, query);
      return await collect(await conn.execute(ps, params));
    } catch (e) {
      throw translate(e, query);
    }
  }

  private async raw(conn: Connection, query: string): Promise<Row[]> {
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    try {
      return await collect(await conn.query(query));
    } catch (e) {
      throw translate(e, query);
    }
  }
}

async function collect(res: QueryResult | QueryResult[]): Promise<Row[]> {
  const list = Array.isArray(res) ? res : [res];
  const rows: Row[] = [];
  for (const r of list) {
    rows.push(...(await r.getAll()));
    r.close();
  }
  return rows;
}

/**
 * The Node binding turns an empty or null list parameter into an untyped NULL that crashes the
 * process on `IN`; query code must short-circuit empty lists, and this catches any it missed.
 */
function checkParams(params: Params): void {
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v) && v.length === 0) throw new Error(`Kuzu parameter $${k} is an empty list; the caller must short-circuit`);
  }
}

/** Driver error → AppError where the caller can act on it; other errors stay internal with context. */
export function translate(e: unknown, query: string): Error {
  if (isAppError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/duplicated primary key/i.test(msg)) {
    const key = /value ([^,]+),/.exec(msg)?.[1];
    return conflict(`An item with id "${key ?? '?'}" already exists; use another id or update the existing one`);
  }
  if (/Could not set lock|lock on file/i.test(msg)) {
    return unavailable('The Kuzu data directory is in use by another process; stop that process or set HONGTU_DATA_DIR to another directory');
  }
  if (/IO exception|closed|No space left|Buffer manager exception|Cannot open file|Permission denied/i.test(msg)) {
    return unavailable(`The Kuzu store cannot be read or written (${msg.split('\n')[0]}); check the data directory and disk space, then retry`);
  }
  const err = new Error(`Kuzu query failed: ${msg}\n  in: ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  return err;
}

export { AppError };
