/**
 * What query code talks to: reads on pooled connections, writes in one serialised transaction
 * (Kuzu admits a single writer; callers queue on an async mutex), schema changes and COPY in
 * auto-commit under the same lock. Statements are prepared once per connection and cached.
 * Driver errors become AppErrors (errors.ts). The connections themselves belong to a per-file
 * engine shared by every handle on that file in this process (engine.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import type { KuzuValue } from 'kuzu';
import { unavailable } from '../errors';
import { acquireEngine, forcesCheckpoint, type KuzuEngine, releaseEngine } from './engine';
import type { LockOptions } from './mutex';
import { traceTx, tracing } from './write-trace';
import { clearVectorWorkMarker, pauseHook, writeVectorWorkMarker } from './vector-work';

export type Row = Record<string, KuzuValue>;
export type Params = Record<string, KuzuValue>;

/** Run one parameterised statement and get its rows. */
export interface Runner {
  run(query: string, params?: Params): Promise<Row[]>;
  /** The database a write transaction's runner writes to (the engine), for per-database hints (audit.ts); unset elsewhere. */
  readonly database?: object;
}

/** What runs under the write lock: parameterised statements, raw statements (DDL, COPY) and row streams. */
export interface ExclusiveRunner extends Runner {
  raw(query: string): Promise<Row[]>;
  /** Visit the rows of a (parameterless) query one by one; returns the row count. */
  stream(query: string, onRow: (row: Row) => void): Promise<number>;
  /** CHECKPOINT, once the running reads have finished (engine.ts). */
  checkpoint(): Promise<void>;
}

/** Kuzu file inside the configured data directory. */
export const dbFile = (dir: string): string => path.join(dir, 'hongtu.kuzu');

/** The write lock held by a vector phase, for the writes made inside it (the lock is not re-entrant). */
interface Held {
  engine: KuzuEngine;
  active: boolean;
}
const held = new AsyncLocalStorage<Held>();

/** True inside a vector phase of `e` (which holds its write lock and allows no checkpoint until it ends). */
function inVectorPhase(e: KuzuEngine): boolean {
  const h = held.getStore();
  return h?.engine === e && h.active;
}

/** Run `fn` under the engine's write lock, or directly when this async context's vector phase holds it. */
function locked<T>(e: KuzuEngine, fn: () => Promise<T>, opts?: LockOptions): Promise<T> {
  return inVectorPhase(e) ? fn() : e.writeLock.run(fn, opts);
}

export class KuzuExecutor {
  private engine: Promise<KuzuEngine> | null = null;
  private closed = false;
  /** Fixed number of keys the write path handles one statement each (keyed.ts `keyedWrites`); unset: from the store's size. */
  keyedWrites?: number;

  constructor(readonly dir: string) {}

  /** Open (or join) the database of `dir`; idempotent. */
  async open(): Promise<KuzuEngine> {
    if (this.closed) throw unavailable('The Kuzu store has been closed; open a new one');
    if (!this.engine) {
      this.engine = acquireEngine(dbFile(this.dir));
      this.engine.catch(() => {
        this.engine = null;
      });
    }
    return this.engine;
  }

  /** One read statement on a pooled connection (sees committed data only). */
  async read(query: string, params: Params = {}): Promise<Row[]> {
    checkParams(params);
    const e = await this.open();
    return e.withReader((c) => e.exec(c, query, params));
  }

  /** Several reads on one connection. */
  async readMany<T>(fn: (r: Runner) => Promise<T>): Promise<T> {
    const e = await this.open();
    return e.withReader((c) =>
      fn({
        run: (q, p = {}) => {
          checkParams(p);
          return e.exec(c, q, p);
        },
      }),
    );
  }

  /**
   * `fn` inside one write transaction: commit on success, roll back on any error (nothing half-written).
   * `background`: work no request waits for; queued request writes go first (mutex.ts).
   */
  async write<T>(fn: (tx: Runner) => Promise<T>, opts?: LockOptions): Promise<T> {
    const e = await this.open();
    const tq = performance.now();
    return locked(
      e,
      async () => {
        const inPhase = inVectorPhase(e);
        // A checkpoint still owed after an earlier rolled-back update (see `transaction`) comes first; if it
        // fails again the write goes ahead, and a conflict it meets is handled below.
        if (e.rollbackCheckpointOwed && !inPhase) await settleRollback(e).catch(() => undefined);
        let out: T;
        try {
          out = await this.transaction(e, fn, tq);
        } catch (err) {
          // A write-write conflict cannot come from another writer (there is one write connection): it is a
          // row left marked by a rolled-back update that the checkpoint did not clear yet. Settle and redo once.
          if (!isWriteWriteConflict(err) || inPhase) throw err;
          await settleRollback(e);
          out = await this.transaction(e, fn, tq);
        }
        // Kuzu's automatic checkpoint is off (engine.ts): the engine's own is queued once the log is due.
        if (!inPhase) e.checkpointIfDue();
        return out;
      },
      opts,
    );
  }

  /** One attempt of `fn` in a write transaction on the write connection (the caller holds the write lock). */
  private async transaction<T>(e: KuzuEngine, fn: (tx: Runner) => Promise<T>, tq: number): Promise<T> {
    const tr = tracing ? { t0: performance.now(), wait: performance.now() - tq, stmts: [] as [string, number][] } : null;
    const conn = e.writeConnection;
    await e.raw(conn, 'BEGIN TRANSACTION').catch(async () => {
      // A transaction left open by a failed ROLLBACK would block every later write: clear it once.
      await e.raw(conn, 'ROLLBACK').catch(() => undefined);
      await e.raw(conn, 'BEGIN TRANSACTION');
    });
    // Set once a statement that can change or delete a stored row has started (see the catch below).
    let updated = false;
    try {
      const out = await fn({
        database: e,
        run: async (q, p = {}) => {
          checkParams(p);
          if (!updated && updatesRows(q)) updated = true;
          if (!tr) return e.exec(conn, q, p);
          const t = performance.now();
          try {
            return await e.exec(conn, q, p);
          } finally {
            tr.stmts.push([q.replace(/\s+/g, ' ').slice(0, 60), performance.now() - t]);
          }
        },
      });
      const tc = performance.now();
      await e.raw(conn, 'COMMIT');
      if (tr) traceTx(tr, performance.now() - tc);
      return out;
    } catch (err) {
      await e.raw(conn, 'ROLLBACK').catch(() => undefined);
      if (updated) {
        // Kuzu 0.11 can leave a row whose update was rolled back marked as written by that transaction:
        // every later update of the row then fails with "Write-write conflict of updating the same row",
        // and the process may crash. A CHECKPOINT right after the rollback clears the mark. Inside a
        // vector phase (no checkpoint until it ends) it is owed until the phase's own checkpoint or the next write.
        e.rollbackCheckpointOwed = true;
        if (!inVectorPhase(e)) await settleRollback(e).catch(() => undefined);
      }
      throw err;
    }
  }

  /**
   * Schema changes, COPY and exports: auto-commit statements under the write lock (so no write
   * interleaves); prepared statements are re-made after.
   */
  async ddl<T>(fn: (r: ExclusiveRunner) => Promise<T>): Promise<T> {
    const e = await this.open();
    return locked(e, async () => {
      const conn = e.writeConnection;
      e.bumpEpoch();
      try {
        // Kuzu checkpoints inside a COPY's or an index build's commit: with reads held (engine.ts `withReadsHeld`).
        const readsHeld = <R>(q: string, go: () => Promise<R>) => (forcesCheckpoint(q) ? e.withReadsHeld(go) : go());
        return await fn({
          run: (q, p = {}) => {
            checkParams(p);
            return readsHeld(q, () => e.exec(conn, q, p));
          },
          raw: (q) => readsHeld(q, () => e.raw(conn, q)),
          stream: (q, onRow) => e.stream(conn, q, {}, onRow),
          checkpoint: () => e.checkpoint(),
        });
      } finally {
        e.bumpEpoch();
        if (!inVectorPhase(e)) e.checkpointIfDue();
      }
    });
  }

  /**
   * One vector phase (vector-work.ts): the write lock for all of `fn` (its write() and ddl() calls join
   * it; no other write interleaves), a CHECKPOINT and the marker file before, no automatic checkpoint
   * during, a CHECKPOINT and the marker's removal after. A phase inside a phase is part of the outer one.
   */
  async vectorWork<T>(label: 'rows' | 'index', fn: () => Promise<T>): Promise<T> {
    const e = await this.open();
    const h = held.getStore();
    if (h?.engine === e && h.active) return fn();
    return e.writeLock.run(async () => {
      await e.checkpoint();
      writeVectorWorkMarker(e.file, label);
      const mine: Held = { engine: e, active: true };
      try {
        // No checkpoint inside the phase (Kuzu's automatic one is off, and the engine's own waits for the
        // write lock the phase holds): the log keeps all of it, so all of it can be set aside.
        return await held.run(mine, fn);
      } finally {
        mine.active = false;
        await pauseHook(label);
        for (let attempt = 0; attempt < 4; attempt++) {
          const closed = await e.checkpoint().then(
            () => true,
            () => false,
          );
          if (closed) break;
          await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
        }
        // The marker goes even when no checkpoint succeeded: the writes after this phase must never be set
        // aside with it. (The phase's log is then replayed on the next open, as without a phase.)
        clearVectorWorkMarker(e.file);
      }
    });
  }

  /** Release this handle; the database closes with the last handle on the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.engine) {
      await this.engine.catch(() => undefined);
      await releaseEngine(dbFile(this.dir));
    }
  }
}

/** A statement that can change or delete rows already stored (SET, DELETE), apart from MERGE's ON CREATE SET. */
export function updatesRows(query: string): boolean {
  return /\b(SET|DELETE|REMOVE)\b/i.test(query.replace(/\bON\s+CREATE\s+SET\b/gi, ''));
}

const isWriteWriteConflict = (err: unknown): boolean => err instanceof Error && /Write-write conflict/i.test(err.message);

/** The CHECKPOINT owed after a rolled-back update (the caller holds the write lock); when it fails it stays owed. */
async function settleRollback(e: KuzuEngine): Promise<void> {
  await e.checkpoint();
  e.rollbackCheckpointOwed = false;
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
