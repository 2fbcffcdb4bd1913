/**
 * One open Kuzu database file: its Database object, a pool of read connections, the single write
 * connection behind an async mutex, and the prepared-statement cache. Engines are shared per file
 * within the process (reference-counted): two Database objects on one file in one process would
 * not see each other's writes, and two writers would collide.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Connection, Database, PreparedStatement, QueryResult } from 'kuzu';
import { unavailable } from '../errors';
import { translate } from './errors';
import { Mutex } from './mutex';
import { setAsideInterruptedVectorWork } from './vector-work';
import type { Params, Row } from './executor';
import { traceCheckpoint, tracing } from './write-trace';

const READ_POOL = 3;

/**
 * Kuzu's automatic checkpoint is off (`open`): the engine checkpoints itself once the write-ahead log
 * has grown past this size (Kuzu's own default threshold). Kuzu 0.11 runs its automatic checkpoint
 * inside the COMMIT of the write that crosses the threshold, holding the lock a finishing read
 * transaction needs in order to leave, while it waits for the running reads to leave: every read
 * then blocks until the wait times out (5 s), the COMMIT reports a failure for a transaction it has
 * already stored, and every other statement waits behind the blocked ones for Node's thread pool.
 * The engine's own checkpoint lets the running reads finish first and holds new ones meanwhile.
 */
export const WAL_CHECKPOINT_BYTES = 16 * 1024 * 1024;

/** Statements after which Kuzu 0.11 checkpoints by itself, inside their commit: bulk COPY into a table, building an index. */
export function forcesCheckpoint(query: string): boolean {
  return /^\s*(COPY\s+\w+\s+FROM\b|CALL\s+CREATE_(VECTOR|FTS)_INDEX\b)/i.test(query);
}

export class KuzuEngine {
  private db: Database | null = null;
  private writer: Connection | null = null;
  private readers: Connection[] = [];
  private idle: Connection[] = [];
  private waiting: { take: (c: Connection) => void; refuse: (e: Error) => void }[] = [];
  /** Per connection: statements prepared under catalog `epoch` (schema changes bump it). */
  private readonly cache = new Map<Connection, { epoch: number; stmts: Map<string, PreparedStatement> }>();
  private epoch = 0;
  /** Set while a checkpoint drains the readers: new reads wait for it. */
  private gate: Promise<void> | null = null;
  private drained: (() => void) | null = null;
  readonly writeLock = new Mutex();
  /** A rolled-back write transaction updated stored rows and no CHECKPOINT has run since (executor.ts). */
  rollbackCheckpointOwed = false;
  private checkpointQueued = false;
  private closed = false;

  constructor(readonly file: string) {}

  async open(): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // A crash inside a vector phase leaves a log of vector work only: set it aside (vector-work.ts).
    setAsideInterruptedVectorWork(this.file);
    // Arguments: buffer pool (0: Kuzu's default), compression, read-only, maximum size (0: default),
    // automatic checkpoint: off (see WAL_CHECKPOINT_BYTES).
    const db = new kuzu.Database(this.file, 0, true, false, 0, false);
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

  /** Borrow a read connection for `fn`. */
  async withReader<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
    const conn = await this.acquire();
    try {
      return await fn(conn);
    } finally {
      this.giveBack(conn);
    }
  }

  /**
   * CHECKPOINT on the write connection (hold `writeLock`), with reads held (`withReadsHeld`).
   */
  checkpoint(): Promise<void> {
    const t0 = tracing ? performance.now() : 0;
    return this.withReadsHeld(async () => {
      const t1 = tracing ? performance.now() : 0;
      const wal = tracing ? this.walBytes() : 0;
      await this.raw(this.writeConnection, 'CHECKPOINT');
      if (tracing) traceCheckpoint(t1 - t0, performance.now() - t1, wal);
    });
  }

  /**
   * `fn` (on the write connection; hold `writeLock`) with no read running: no new read starts, the
   * running ones finish (however long they take), `fn` runs, reads resume. For a CHECKPOINT and for
   * the statements after which Kuzu checkpoints by itself (`forcesCheckpoint`): Kuzu waits at most 5 s
   * for active transactions while holding the lock a finishing read needs, so with reads running the
   * reads hang, and the statement fails after it has been stored.
   */
  async withReadsHeld<T>(fn: () => Promise<T>): Promise<T> {
    let open!: () => void;
    this.gate = new Promise<void>((r) => {
      open = r;
    });
    try {
      await this.readsFinished();
      return await fn();
    } finally {
      this.gate = null;
      this.drained = null;
      open();
      while (this.waiting.length && this.idle.length) this.waiting.shift()!.take(this.idle.pop()!);
    }
  }

  /** Size of the write-ahead log in bytes (0 when there is none). */
  walBytes(): number {
    return fs.statSync(`${this.file}.wal`, { throwIfNoEntry: false })?.size ?? 0;
  }

  /**
   * After a committed write: once the log has passed WAL_CHECKPOINT_BYTES, queue one checkpoint as
   * background work on the write lock (queued request writes go first, for at most 50 ms). A failed
   * checkpoint is tried again after the next write; the log only grows meanwhile.
   */
  checkpointIfDue(): void {
    if (this.checkpointQueued || this.closed || this.walBytes() < WAL_CHECKPOINT_BYTES) return;
    this.checkpointQueued = true;
    void this.writeLock
      .run(
        async () => {
          this.checkpointQueued = false;
          if (!this.closed && this.walBytes() >= WAL_CHECKPOINT_BYTES) await this.checkpoint();
        },
        { background: true },
      )
      .catch(() => undefined);
  }

  /** The write connection; only to be used while holding `writeLock`. */
  get writeConnection(): Connection {
    if (!this.writer) throw unavailable('The Kuzu store has been closed');
    return this.writer;
  }

  /** Mark the catalog changed: statements prepared before (or during) a schema change are dropped. */
  bumpEpoch(): void {
    this.epoch++;
  }

  async exec(conn: Connection, query: string, params: Params): Promise<Row[]> {
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    try {
      const ps = await this.prepared(conn, query);
      return await collect(await conn.execute(ps, params));
    } catch (e) {
      throw translate(e, query);
    }
  }

  /**
   * Rows one at a time, for results too large to hold (exports). Yields to the event loop every
   * 10,000 rows so a long export does not starve requests.
   */
  async stream(conn: Connection, query: string, params: Params, onRow: (row: Row) => void): Promise<number> {
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    let res: QueryResult | null = null;
    let n = 0;
    try {
      const out = await conn.execute(await this.prepared(conn, query), params);
      res = Array.isArray(out) ? out[0] : out;
      for (let row = res.getNextSync(); row !== null; row = res.getNextSync()) {
        onRow(row);
        if (++n % 10_000 === 0) await new Promise((r) => setImmediate(r));
      }
      return n;
    } catch (e) {
      throw translate(e, query);
    } finally {
      res?.close();
    }
  }

  async raw(conn: Connection, query: string): Promise<Row[]> {
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    try {
      return await collect(await conn.query(query));
    } catch (e) {
      throw translate(e, query);
    }
  }

  /**
   * Close the database once nothing runs on it. Writes finish first (the write lock); new reads are
   * refused from now on, reads waiting for a connection are refused, and the reads already running
   * finish: Kuzu 0.11.3 frees the database under a query still running on one of its connections, and
   * the process dies of a segmentation fault (seen when a server stopped while its background reads
   * ran).
   */
  async close(): Promise<void> {
    await this.writeLock.run(async () => {
      if (this.closed) return;
      this.closed = true;
      for (const w of this.waiting.splice(0)) w.refuse(unavailable('The Kuzu store has been closed'));
      await this.readsFinished();
      this.drained = null;
      for (const c of [...this.readers, this.writer]) await c?.close().catch(() => undefined);
      await this.db?.close().catch(() => undefined);
      this.cache.clear();
      this.db = null;
      this.writer = null;
      this.readers = [];
      this.idle = [];
    });
  }

  /** Until every read connection is back (with new reads held by the gate, or refused once closed). */
  private async readsFinished(): Promise<void> {
    while (this.idle.length < this.readers.length) {
      await new Promise<void>((r) => {
        this.drained = r;
      });
    }
  }

  private async acquire(): Promise<Connection> {
    while (this.gate) await this.gate;
    if (this.closed) throw unavailable('The Kuzu store has been closed');
    const c = this.idle.pop();
    if (c) return c;
    return new Promise((take, refuse) => this.waiting.push({ take, refuse }));
  }

  private giveBack(conn: Connection): void {
    if (this.gate || this.closed) {
      this.idle.push(conn);
      if (this.idle.length === this.readers.length) this.drained?.();
      return;
    }
    const next = this.waiting.shift();
    if (next) next.take(conn);
    else this.idle.push(conn);
  }

  private async prepared(conn: Connection, query: string): Promise<PreparedStatement> {
    let entry = this.cache.get(conn);
    if (!entry || entry.epoch !== this.epoch) this.cache.set(conn, (entry = { epoch: this.epoch, stmts: new Map() }));
    let ps = entry.stmts.get(query);
    if (!ps) {
      ps = await conn.prepare(query);
      if (!ps.isSuccess()) throw new Error(`Kuzu could not prepare a query: ${ps.getErrorMessage()}`);
      entry.stmts.set(query, ps);
    }
    return ps;
  }
}

/**
 * Every QueryResult is closed: in Kuzu 0.11.3 a result left open after CREATE_VECTOR_INDEX makes the
 * process segfault at exit once the database is closed.
 */
async function collect(res: QueryResult | QueryResult[]): Promise<Row[]> {
  const list = Array.isArray(res) ? res : [res];
  let rows: Row[] = [];
  for (const r of list) {
    // concat, not push(...rows): a spread of a million rows overflows the call stack. getAllSync: the
    // query has already run off-thread; fetching its rows asynchronously costs one thread-pool hop per
    // row (50 rows 2.7 → 1.4 ms, 3,000 rows 58 → 17.5 ms measured).
    rows = rows.concat(r.getAllSync());
    r.close();
  }
  return rows;
}

const engines = new Map<string, { engine: Promise<KuzuEngine>; refs: number }>();

/** The shared engine for a database file, opened on first use. */
export function acquireEngine(file: string): Promise<KuzuEngine> {
  const key = path.resolve(file);
  let entry = engines.get(key);
  if (!entry) {
    const engine = new KuzuEngine(key);
    entry = {
      engine: engine.open().then(
        () => engine,
        (e: unknown) => {
          throw translate(e, `open ${key}`);
        },
      ),
      refs: 0,
    };
    engines.set(key, entry);
    entry.engine.catch(() => engines.delete(key));
  }
  entry.refs++;
  return entry.engine;
}

/** Drop one reference; the last one closes the database. */
export async function releaseEngine(file: string): Promise<void> {
  const key = path.resolve(file);
  const entry = engines.get(key);
  if (!entry) return;
  if (--entry.refs > 0) return;
  engines.delete(key);
  const engine = await entry.engine.catch(() => null);
  await engine?.close();
}
