/**
 * Vector work (writing embedding rows, creating or rebuilding a vector index) runs as one exclusive
 * phase per call: under the write lock, a CHECKPOINT, then a marker file, then the work, then a
 * CHECKPOINT, then the marker is removed. While the marker exists, everything in the write-ahead log
 * since the last checkpoint is vector work and nothing else (no other write can start meanwhile).
 *
 * A process killed inside a phase leaves the marker. The next open then moves that write-ahead log
 * aside (kept in `<data dir>/set-aside/`, never deleted) instead of replaying it, so the store opens
 * at the checkpoint taken just before the phase: every member, answer and audit entry is there, and
 * only vectors written in the interrupted phase are missing. The embedding sync at start writes them
 * again. Replaying such a log is what once left a store Kuzu refused to open (an HNSW index in the
 * catalog without its storage).
 *
 * Exception: when Kuzu's shadow file exists too, the kill may have landed inside the closing
 * CHECKPOINT after its commit record; only Kuzu can finish that checkpoint, so the log stays.
 *
 * This module does not load Kuzu: the server reads the notes through graph/index.ts.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The marker's file name inside the data directory. */
export const VECTOR_WORK_MARKER = 'vector-work.marker';

const markerPath = (dbFile: string) => path.join(path.dirname(dbFile), VECTOR_WORK_MARKER);
const notes = new Map<string, string[]>();

function note(dbFile: string, text: string): void {
  const key = path.resolve(path.dirname(dbFile));
  notes.set(key, [...(notes.get(key) ?? []), text]);
}

/** Messages about vector work found interrupted when the store in `dataDir` was opened by this process (read once). */
export function takeVectorWorkNotes(dataDir: string): string[] {
  const key = path.resolve(dataDir);
  const out = notes.get(key) ?? [];
  notes.delete(key);
  return out;
}

export function vectorWorkMarked(dbFile: string): boolean {
  return existsSync(markerPath(dbFile));
}

/** Written (and synced to disk) right after the checkpoint that opens a phase. */
export function writeVectorWorkMarker(dbFile: string, label: string): void {
  const fd = openSync(markerPath(dbFile), 'w');
  try {
    writeSync(fd, `${JSON.stringify({ label, pid: process.pid, at: new Date().toISOString() })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removed right after the checkpoint that closes a phase. */
export function clearVectorWorkMarker(dbFile: string): void {
  rmSync(markerPath(dbFile), { force: true });
}

/**
 * Before the database opens: if a phase was interrupted, move its write-ahead log aside. Returns the
 * folder it went to, or null when nothing was moved.
 */
export function setAsideInterruptedVectorWork(dbFile: string): string | null {
  if (!vectorWorkMarked(dbFile)) return null;
  const wal = `${dbFile}.wal`;
  const shadow = `${dbFile}.shadow`;
  if (existsSync(shadow)) {
    note(dbFile, 'Vector work was interrupted during its closing checkpoint; Kuzu finished the checkpoint on open');
    return null;
  }
  if (!existsSync(wal)) {
    note(dbFile, 'Vector work was interrupted with nothing of it left in the write-ahead log; the vector indexes are checked');
    return null;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(path.dirname(dbFile), 'set-aside', `vector-work-${stamp}`);
  mkdirSync(dir, { recursive: true });
  renameSync(wal, path.join(dir, path.basename(wal)));
  note(
    dbFile,
    `Vector work (embeddings or a vector index) was interrupted by a crash; its write-ahead log was set aside in set-aside/${path.basename(dir)} ` +
      'and the store opened at the checkpoint taken just before it (member data complete); the vectors are rebuilt by the embedding sync',
  );
  return dir;
}

/** Record a vector index found broken after open and dropped (with its embedding table) for the sync to rebuild. */
export function noteDroppedVectorIndex(dbFile: string, table: string, reason: string): void {
  note(dbFile, `The vector index of ${table} did not answer after an interrupted vector phase (${reason}); dropped it with its embeddings, to be rebuilt`);
}

/**
 * Test hook, read at the end of a phase before its closing checkpoint: with
 * HONGTU_PAUSE_IN_VECTOR_WORK=<label> the first phase of that label ("rows" or "index") logs that
 * it paused and never finishes, so a test can kill the process at a known point.
 */
let paused = false;
export async function pauseHook(label: string): Promise<void> {
  if (paused || process.env.HONGTU_PAUSE_IN_VECTOR_WORK !== label) return;
  paused = true;
  process.stderr.write(`vector work paused before its closing checkpoint (HONGTU_PAUSE_IN_VECTOR_WORK=${label})\n`);
  await new Promise<never>(() => undefined);
}
