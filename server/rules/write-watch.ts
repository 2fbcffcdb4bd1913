/**
 * Hear of every write made through one store object, whoever makes it (services, the CLI, tests):
 * the store's methods that are not reads are wrapped in place, once, and each listener hears the
 * method's name, its arguments and its result (or that it failed) after the store has answered, so
 * after a write has committed. Reads (get…, list…, count…, read…) are left alone.
 *
 * What a listener cannot hear: writes made by another process, or through another store object on
 * the same database. Callers that cache must bound how long they trust a cache for those.
 */
import type { GraphStore } from '../../graph';

export interface WriteNotice {
  method: string;
  args: readonly unknown[];
  /** The method's result; undefined when it failed. */
  result: unknown;
  failed: boolean;
}

export type WriteListener = (n: WriteNotice) => void;

const READ = /^(get|list|count|find|has|read|search|is|health|export|vector|keyword|outbox|raw)/;
const LIFECYCLE = new Set(['constructor', 'init', 'close', 'then']);

/** Whether a store method name is a read (never reported). */
export const isReadMethod = (name: string) => READ.test(name) || LIFECYCLE.has(name);

const listenersOf = new WeakMap<object, Set<WriteListener>>();

function methodNames(obj: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) names.add(n);
  }
  for (const n of Object.getOwnPropertyNames(obj)) names.add(n);
  return [...names];
}

function ownOrInherited(obj: object, name: string): unknown {
  for (let p: object | null = obj; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d.value;
  }
  return undefined;
}

/** Report every write through `store` to `listener`; returns a function that stops reporting to it. */
export function watchWrites(store: GraphStore, listener: WriteListener): () => void {
  let set = listenersOf.get(store);
  if (!set) {
    const listeners = new Set<WriteListener>();
    set = listeners;
    listenersOf.set(store, listeners);
    const target = store as unknown as Record<string, unknown>;
    const tell = (n: WriteNotice) => {
      for (const l of listeners) {
        try {
          l(n);
        } catch {
          /* a listener's failure must not fail the write */
        }
      }
    };
    for (const name of methodNames(store)) {
      if (isReadMethod(name)) continue;
      // The method itself, from the object or its prototypes by descriptor: a wrapper the store object may be
      // (a Proxy that counts or delays calls) is not asked for it, so a call through such a wrapper reaches the
      // method once, not twice, and never loops back into the wrapper.
      const original = ownOrInherited(store, name);
      if (typeof original !== 'function') continue;
      target[name] = function watched(this: unknown, ...args: unknown[]) {
        let out: unknown;
        try {
          out = (original as (...a: unknown[]) => unknown).apply(this ?? store, args);
        } catch (e) {
          tell({ method: name, args, result: undefined, failed: true });
          throw e;
        }
        if (out && typeof (out as PromiseLike<unknown>).then === 'function') {
          return (out as Promise<unknown>).then(
            (result) => {
              tell({ method: name, args, result, failed: false });
              return result;
            },
            (e: unknown) => {
              tell({ method: name, args, result: undefined, failed: true });
              throw e;
            },
          );
        }
        tell({ method: name, args, result: out, failed: false });
        return out;
      };
    }
  }
  set.add(listener);
  const own = set;
  return () => {
    own.delete(listener);
  };
}
