/**
 * `/ready`: 200 when the store answers a read, else 503 — both with a JSON body. `problems` are
 * reasons the server is not ready; `warnings` are the store's own health findings (e.g. an
 * embedder change that needs `hongtu reembed`) that do not stop it serving. Both checks have a
 * time limit so a hung store cannot hang the probe.
 */
import { withoutPaths } from '../startup';
import type { GraphStore } from '../../graph';
import type { EmbedderInfo } from '../learning/embed/embedder';

export interface Readiness {
  status: number;
  body: {
    ready: boolean;
    backend: string;
    problems: string[];
    warnings: string[];
    /** The embedder in use (null when the text services are not composed in). */
    embedder: { id: string; kind: string; dimensions: number } | null;
    checkedAt: string;
  };
}

const withTimeout = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms).unref())]);

// Engine errors quote file paths; /ready is anonymous, so only the last part of a path is shown.
const messageOf = (e: unknown) => withoutPaths(e instanceof Error ? e.message : String(e));

/** Ask the store how it is. Never throws. */
export async function checkReadiness(store: GraphStore, embedder: EmbedderInfo | null = null, timeoutMs = 3000): Promise<Readiness> {
  const checkedAt = new Date().toISOString();
  const [probe, health] = await Promise.allSettled([withTimeout(store.getUniversity(), timeoutMs), withTimeout(store.health(), timeoutMs)]);
  const problems: string[] = [];
  if (probe.status === 'rejected') problems.push(`store unreachable: ${messageOf(probe.reason)}`);
  const warnings = health.status === 'fulfilled' ? health.value.problems.map(withoutPaths) : [`store health unknown: ${messageOf(health.reason)}`];
  if (embedder?.fallbackReason) warnings.push(`embedder: using ${embedder.id} because ${embedder.fallbackReason}`);
  const ready = problems.length === 0;
  const emb = embedder ? { id: embedder.id, kind: embedder.kind, dimensions: embedder.dimensions } : null;
  return { status: ready ? 200 : 503, body: { ready, backend: store.backend, problems, warnings, embedder: emb, checkedAt } };
}
