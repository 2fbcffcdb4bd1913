/**
 * The store a first-load run starts from: the scale's world bulk-loaded, then its derived state (mastery
 * rows, gaps, learning summaries) built once, as `hongtu learn recompute` or the demo's first start do, and
 * its embeddings made (a server's first start does that; without them every cold start would redo it).
 * Kept under data/bench/ and reused while its world is unchanged; each cold run works on a copy.
 *
 * `npx tsx test/bench/first-load-store.ts <scale>` prepares it alone (progress on stderr).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { createTextServices } from '../../server/learning/text-services';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MARK = 'first-load.json';

/** Path of the prepared store of `bulkDir` (built when missing or made from another world). */
export async function preparedStore(scale: string, bulkDir: string, log = (s: string) => console.error(s)): Promise<string> {
  const dir = path.join(ROOT, 'data/bench', `first-load-${scale}`);
  const manifest = readFileSync(path.join(bulkDir, 'manifest.json'), 'utf8');
  const markFile = path.join(dir, MARK);
  if (existsSync(markFile) && readFileSync(markFile, 'utf8') === manifest) return path.join(dir, 'kuzu');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = new KuzuStore({ dir: path.join(dir, 'kuzu') });
  try {
    await store.init();
    let t0 = performance.now();
    await store.bulkLoad(bulkDir);
    log(`[first-load] ${scale}: loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; building mastery, gaps and learning summaries…`);
    t0 = performance.now();
    const learner = createLearnerServices(store);
    let last = 0;
    const n = await learner.summaries.rebuild(Date.now(), (done, total) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        log(`[first-load] ${scale}: ${done}/${total} members`);
      }
    });
    log(`[first-load] ${scale}: derived state of ${n} members built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    // Embeddings and vector indexes, as the server's first start makes them (the bench's servers use the lexical embedder).
    const text = await createTextServices(loadConfig({ HONGTU_EMBEDDER: 'lexical', HONGTU_LOG_LEVEL: 'error' }), store, { info() {}, warn() {} });
    await text.syncEmbeddings();
  } finally {
    await store.close();
  }
  writeFileSync(markFile, manifest);
  return path.join(dir, 'kuzu');
}

/** A copy of the prepared store for one cold run; `dispose` removes it. */
export function copyOf(prepared: string, into: string): string {
  const dest = path.join(into, 'kuzu');
  cpSync(prepared, dest, { recursive: true });
  return dest;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const scale = process.argv[2] ?? 'demo';
  await preparedStore(scale, path.join(ROOT, 'data/bulk', scale));
}
