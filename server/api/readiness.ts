/**
 * `/ready`: 200 when the store answers and reports no problems, else 503 — both with a JSON body
 * giving the reasons. The check has a time limit so a hung store cannot hang the probe.
 */
import type { GraphStore } from '../../graph/store';

export interface Readiness { status: number; body: { ready: boolean; backend: string; problems: string[]; checkedAt: string } }

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** Ask the store how it is. Never throws. */
export async function checkReadiness(store: GraphStore, timeoutMs = 3000): Promise<Readiness> {
  const checkedAt = new Date().toISOString();
  try {
    const h = await withTimeout(store.health(), timeoutMs);
    const ready = h.ok && h.problems.length === 0;
    return { status: ready ? 200 : 503, body: { ready, backend: h.backend, problems: h.problems, checkedAt } };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { status: 503, body: { ready: false, backend: store.backend, problems: [`store unreachable: ${reason}`], checkedAt } };
  }
}
