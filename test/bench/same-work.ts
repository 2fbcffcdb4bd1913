/**
 * A baseline that does exactly the store work of the measured path: record the store calls one GraphQL
 * request makes (method and arguments, grouped by the event-loop turn they were issued in, since the
 * API batches and overlaps them), then replay them straight on the store with the same grouping. What
 * remains between the two is the API's own cost (HTTP handling, parsing, validation, resolvers, auth,
 * masking, audit), which is what a "GraphQL/raw" ratio should measure.
 */
import { randomUUID } from 'node:crypto';
import type { AccessRecord, GraphStore } from '../../graph';

interface Call {
  method: string;
  args: unknown[];
}

/** A store that records every call into `log` (one group per event-loop turn) while it is switched on. */
export function recordingStore(store: GraphStore): { store: GraphStore; record<T>(f: () => Promise<T>): Promise<Call[][]> } {
  let log: Call[][] | null = null;
  let group: Call[] | null = null;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (log) {
          if (!group) {
            group = [];
            log.push(group);
            setImmediate(() => {
              group = null;
            });
          }
          group.push({ method: String(prop), args: structuredClone(args) });
        }
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: proxy,
    async record(f) {
      log = [];
      group = null;
      try {
        await f();
        return log;
      } finally {
        log = null;
      }
    },
  };
}

/** Replay recorded calls on the real store, group by group (calls of a group together). Access records get fresh ids. */
export async function replay(store: GraphStore, groups: Call[][]): Promise<void> {
  for (const g of groups) {
    await Promise.all(
      g.map((c) => {
        const args = c.method === 'appendAccess' ? [(c.args[0] as AccessRecord[]).map((r) => ({ ...r, id: randomUUID() }))] : c.args;
        return (store[c.method as keyof GraphStore] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      }),
    );
  }
}

/** "getMembersByIds, getBranchesByIds | getMemberHistory | appendAccess" */
export const describeCalls = (groups: Call[][]) => groups.map((g) => g.map((c) => c.method).join(', ')).join(' | ');
