/**
 * Shared by the standalone store benches: a loaded Kuzu store opened on a temporary copy (removed at the end,
 * pass or fail), and this thread's own CPU time.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';

/** Copies the store in `source` (a directory holding hongtu.kuzu), opens the copy, runs `fn`, then closes and removes it. */
export async function withStoreCopy<T>(source: string, prefix: string, fn: (store: KuzuStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    cpSync(source, dir, { recursive: true });
    const store = new KuzuStore({ dir });
    await store.init();
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** This thread's CPU time in ms (user + system) from /proc (clock ticks of 10 ms). */
export function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
