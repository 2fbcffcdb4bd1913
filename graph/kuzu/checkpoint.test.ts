/**
 * Checkpoints while reads run. Kuzu's automatic checkpoint runs inside the COMMIT that takes the
 * write-ahead log past its threshold and, in Kuzu 0.11, waits for the running reads while holding the
 * lock they need to finish: with reads going on, the reads block until the wait times out and the
 * COMMIT fails for a transaction it has stored. A bulk COPY and an index build checkpoint the same way
 * inside their own commit. The engine turns the automatic checkpoint off and checkpoints itself
 * (engine.ts `checkpointIfDue`), and runs those statements with reads held (`withReadsHeld`): the log
 * is checkpointed, and every write, statement and read succeeds.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dirs';
import { forcesCheckpoint, WAL_CHECKPOINT_BYTES } from './engine';
import { KuzuExecutor } from './executor';

const ROWS_PER_WRITE = 400;
const WRITES = 14;
const body = (i: number) => `${i}:`.padEnd(4096, 'x');

let ex: KuzuExecutor;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir('hongtu-kuzu-ckpt-');
  ex = new KuzuExecutor(dir);
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

  /** Three readers reading seed rows until `stop()`; their count of rows read and their errors. */
  function readersRunning() {
    let stop = false;
    const errors: string[] = [];
    let reads = 0;
    const loops = Array.from({ length: 3 }, async (_, k) => {
      for (let n = 0; !stop; n++) {
        const id = `seed-${(n * 3 + k) % 100}`;
        await ex
          .read('MATCH (b:Blob {id: $id}) RETURN b.id AS id', { id })
          .then((rows) => {
            if (rows.length === 1) reads++;
            else errors.push(`no row for ${id}`);
          })
          .catch((e: Error) => errors.push(e.message));
      }
    });
    return {
      async stop() {
        stop = true;
        await Promise.all(loops);
        return { reads, errors };
      },
    };
  }

  it('knows the statements after which Kuzu checkpoints by itself', () => {
    expect(forcesCheckpoint(`COPY Member FROM '/x/members.csv' (header=true)`)).toBe(true);
    expect(forcesCheckpoint(`  copy EventKey FROM (LOAD FROM '/x/e.csv' RETURN id)`)).toBe(true);
    expect(forcesCheckpoint(`CALL CREATE_VECTOR_INDEX('T', 'tv', 'vec', metric := 'cosine')`)).toBe(true);
    expect(forcesCheckpoint(`CALL CREATE_FTS_INDEX('T', 'tf', ['body'])`)).toBe(true);
    expect(forcesCheckpoint(`COPY (MATCH (m:Member) RETURN m.id) TO '/x/out.csv'`)).toBe(false);
    expect(forcesCheckpoint(`CALL DROP_VECTOR_INDEX('T', 'tv')`)).toBe(false);
    expect(forcesCheckpoint('MATCH (b:Blob) RETURN b.id')).toBe(false);
  });

  it('a bulk COPY and a vector index build while three readers run: both succeed, every read succeeds', async () => {
    await ex.ddl((r) => r.raw('CREATE NODE TABLE Vec(id STRING PRIMARY KEY, vec FLOAT[4])'));
    const csv = path.join(dir, 'vec.csv');
    writeFileSync(csv, Array.from({ length: 3000 }, (_, i) => `v${i},"[${i % 7}.0,1.0,2.0,${i % 3}.0]"`).join('\n'));
    const readers = readersRunning();
    const errors: string[] = [];
    await ex.ddl((r) => r.raw(`COPY Vec FROM '${csv}'`)).catch((e: Error) => errors.push(e.message));
    await ex.ddl((r) => r.raw(`CALL CREATE_VECTOR_INDEX('Vec', 'vec_idx', 'vec', metric := 'cosine')`)).catch((e: Error) => errors.push(e.message));
    const { reads, errors: readErrors } = await readers.stop();
    expect(errors).toEqual([]);
    expect(readErrors).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const [count] = await ex.read('MATCH (v:Vec) RETURN count(*) AS n');
    expect(Number(count.n)).toBe(3000);
    const near = await ex.read(`CALL QUERY_VECTOR_INDEX('Vec', 'vec_idx', CAST([0.0,1.0,2.0,0.0] AS FLOAT[4]), 3) RETURN node.id AS id`);
    expect(near).toHaveLength(3);
  });

  it('writes past the log threshold while three readers run: every write and read succeeds, and the log is checkpointed', async () => {
    const engine = await ex.open();
    const readers = readersRunning();
    const writeErrors: string[] = [];
    let largestLog = 0;
    for (let w = 0; w < WRITES; w++) {
      const rows = Array.from({ length: ROWS_PER_WRITE }, (_, i) => ({ id: `w${w}-${i}`, body: body(i) }));
      await ex.write((tx) => tx.run('UNWIND $rows AS r CREATE (:Blob {id: r.id, body: r.body})', { rows })).catch((e: Error) => writeErrors.push(e.message));
      largestLog = Math.max(largestLog, engine.walBytes());
    }
    // The queued checkpoint is background work on the write lock: a background turn queued now comes after it.
    await engine.writeLock.run(async () => undefined, { background: true });
    const { reads, errors: readErrors } = await readers.stop();

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
