/**
 * Checkpoints while reads run. Kuzu's automatic checkpoint runs inside the COMMIT that takes the
 * write-ahead log past its threshold and, in Kuzu 0.11, waits for the running reads while holding the
 * lock they need to finish: with reads going on, the reads block until the wait times out and the
 * COMMIT fails for a transaction it has stored. The engine turns it off and checkpoints itself
 * (engine.ts `checkpointIfDue`): the log is checkpointed, and every write and read succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dirs';
import { WAL_CHECKPOINT_BYTES } from './engine';
import { KuzuExecutor } from './executor';

const ROWS_PER_WRITE = 400;
const WRITES = 14;
const body = (i: number) => `${i}:`.padEnd(4096, 'x');

let ex: KuzuExecutor;
beforeAll(async () => {
  ex = new KuzuExecutor(makeTempDir('hongtu-kuzu-ckpt-'));
  await ex.ddl((r) => r.raw('CREATE NODE TABLE Blob(id STRING PRIMARY KEY, body STRING)'));
  await ex.write((tx) => tx.run('UNWIND range(0, 99) AS i CREATE (:Blob {id: "seed-" + CAST(i AS STRING), body: "s"})'));
});
afterAll(async () => {
  await ex.close();
});

describe('checkpoints with reads running', () => {
  it('the automatic checkpoint is off: the engine owns checkpoints', async () => {
    const [row] = await ex.read(`CALL current_setting('auto_checkpoint') RETURN *`);
    expect(String(Object.values(row)[0])).toBe('False');
  });

  it('writes past the log threshold while three readers run: every write and read succeeds, and the log is checkpointed', async () => {
    const engine = await ex.open();
    let stop = false;
    const readErrors: string[] = [];
    let reads = 0;
    const readers = Array.from({ length: 3 }, async (_, k) => {
      for (let n = 0; !stop; n++) {
        await ex
          .read('MATCH (b:Blob {id: $id}) RETURN b.id AS id', { id: `seed-${(n * 3 + k) % 100}` })
          .then((rows) => {
            if (rows.length === 1) reads++;
            else readErrors.push(`no row for seed-${(n * 3 + k) % 100}`);
          })
          .catch((e: Error) => readErrors.push(e.message));
      }
    });
    const writeErrors: string[] = [];
    let largestLog = 0;
    for (let w = 0; w < WRITES; w++) {
      const rows = Array.from({ length: ROWS_PER_WRITE }, (_, i) => ({ id: `w${w}-${i}`, body: body(i) }));
      await ex.write((tx) => tx.run('UNWIND $rows AS r CREATE (:Blob {id: r.id, body: r.body})', { rows })).catch((e: Error) => writeErrors.push(e.message));
      largestLog = Math.max(largestLog, engine.walBytes());
    }
    // The queued checkpoint is background work on the write lock: a background turn queued now comes after it.
    await engine.writeLock.run(async () => undefined, { background: true });
    stop = true;
    await Promise.all(readers);

    expect(writeErrors).toEqual([]);
    expect(readErrors).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    // The log did pass the threshold (the case is exercised), and the engine's checkpoint emptied it.
    expect(largestLog).toBeGreaterThanOrEqual(WAL_CHECKPOINT_BYTES);
    expect(engine.walBytes()).toBeLessThan(WAL_CHECKPOINT_BYTES);
    const [count] = await ex.read(`MATCH (b:Blob) WHERE b.id STARTS WITH 'w' RETURN count(*) AS n`);
    expect(Number(count.n)).toBe(WRITES * ROWS_PER_WRITE);
  });
});
