/**
 * Run in a child process by server/startup.ts: open the embedded store at argv[2] read-only-ish
 * (init is idempotent) and report on stdout whether it holds a university. If the engine crashes on
 * a damaged file, only this child dies (with a signal) and the parent reports it. Opening also
 * recovers from a crash inside vector work (graph/kuzu/vector-work.ts); what it did is in `notes`.
 */
import { openStore, takeVectorWorkNotes } from '../graph';

const store = await openStore({ neo4j: null, dataDir: process.argv[2]! });
try {
  await store.init();
  const empty = await store.isEmpty();
  process.stdout.write(JSON.stringify({ ok: true, empty, notes: takeVectorWorkNotes(process.argv[2]!) }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e), notes: takeVectorWorkNotes(process.argv[2]!) }));
} finally {
  await store.close().catch(() => undefined);
}
