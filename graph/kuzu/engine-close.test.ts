/**
 * Closing a store while reads run on it. Kuzu 0.11.3 frees the database under a query still running on
 * one of its connections and the process dies (SIGSEGV): a server stopping while its background reads
 * ran took the test worker with it. The engine's close waits for the running reads, refuses the waiting
 * and the new ones, and only then closes the connections and the database.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dirs';
import { KuzuExecutor } from './executor';

const ROWS = 60_000;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir('hongtu-kuzu-close-');
  const ex = new KuzuExecutor(dir);
  await ex.ddl((r) => r.raw('CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))'));
  await ex.write((tx) => tx.run(`UNWIND range(1, ${ROWS}) AS i CREATE (:T {id: i})`));
  await ex.close();
});

describe('closing the store with reads running', () => {
  it('a read still running when the store closes ends (its rows or UNAVAILABLE), and the process lives', () => {
    const script = path.join(import.meta.dirname, 'fixtures', 'close-during-read.mts');
    // Delays from "the statement has just been sent" to "well into it"; each run is its own process.
    for (const delay of [0, 2, 5, 15, 40]) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', script, dir, String(delay)], { encoding: 'utf8', timeout: 120_000 });
      expect({ delay, status: child.status, signal: child.signal, stderr: child.stderr.trim() }).toEqual({ delay, status: 0, signal: null, stderr: '' });
      const outcome = JSON.parse(child.stdout.trim());
      // Every a (< 200) meets ROWS / 7 b's of its residue, give or take one.
      if ('rows' in outcome) expect(outcome.rows).toBeGreaterThan(199 * Math.floor(ROWS / 7));
      else expect(outcome).toEqual({ error: 'UNAVAILABLE' });
    }
  });

  it('close waits for the reads holding a connection, refuses the waiting and the new ones', async () => {
    const ex = new KuzuExecutor(dir);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const events: string[] = [];
    // Three readers hold every pooled connection; the fourth waits for one.
    const holders = [0, 1, 2].map((i) =>
      ex.readMany(async (r) => {
        const [row] = await r.run('MATCH (t:T) WHERE t.id = $i RETURN t.id AS id', { i: i + 1 });
        await held;
        events.push(`holder ${i} done`);
        return Number(row.id);
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const waiter = ex.read('MATCH (t:T) RETURN count(*) AS n').then(
      () => 'read',
      (e: { code?: string }) => e.code,
    );
    const closing = ex.close().then(() => events.push('closed'));
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    expect(await waiter).toBe('UNAVAILABLE');
    release();
    expect(await Promise.all(holders)).toEqual([1, 2, 3]);
    await closing;
    expect(events.at(-1)).toBe('closed');
    expect(events.slice(0, -1).sort()).toEqual(['holder 0 done', 'holder 1 done', 'holder 2 done']);
    await expect(ex.read('RETURN 1 AS one')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
