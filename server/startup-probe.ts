/**
 * Run in a child process by server/startup.ts: open the embedded store at argv[2] read-only-ish
 * (init is idempotent) and report on stdout whether it holds a university. If the engine crashes on
 * a damaged file, only this child dies (with a signal) and the parent reports it.
 */
import { openStore } from '../graph';

const store = await openStore({ neo4j: null, dataDir: process.argv[2]! });
try {
  await store.init();
  const empty = await store.isEmpty();
  process.stdout.write(JSON.stringify({ ok: true, empty }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) }));
} finally {
  await store.close().catch(() => undefined);
}
