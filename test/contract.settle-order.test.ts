/**
 * Kuzu runs writes one at a time, so calls settle in the order they were made; Neo4j runs them concurrently,
 * so a later call may fail first. This runs the safety contract on Kuzu behind a store whose calls settle
 * in REVERSE order (each call's result is held back longer than the next one's), the way they can on Neo4j.
 * A contract test that starts several rejected writes and awaits them one by one leaves the later
 * rejections unobserved here and the run fails with unhandled rejections — as it did on Neo4j.
 */
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';
import type { GraphStore } from '../graph';
import { seedWorld } from '../graph/contract/fixtures';
import { safetyContract } from '../graph/contract/safety.contract';
import { openKuzuTestStore } from './support/test-store';

const STEP_MS = 40;

/** Calls made in the same turn of the event loop settle in reverse order: the n-th waits (burst - n) steps extra. */
function settlingInReverse(store: GraphStore): GraphStore {
  let burst: { count: number } | null = null;
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (!burst) {
          burst = { count: 0 };
          setImmediate(() => {
            burst = null;
          });
        }
        const b = burst;
        const index = b.count++;
        const result = Promise.resolve((v as (...a: unknown[]) => unknown).apply(target, args));
        const settled = result.then(
          () => undefined,
          () => undefined,
        );
        return settled.then(() => new Promise((res) => setTimeout(res, Math.max(0, (b.count - index) * STEP_MS)))).then(() => result);
      };
    },
  });
}

let handle: Awaited<ReturnType<typeof openKuzuTestStore>>;
let store: GraphStore;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => {
  unhandled.push(e);
};

beforeAll(async () => {
  handle = await openKuzuTestStore('hongtu-settle-order-');
  store = settlingInReverse(handle.store);
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await handle?.dispose();
  // The contract's tests must observe every rejection they cause.
  expect(unhandled).toEqual([]);
});

describe('safety contract with calls settling in reverse order (Kuzu)', () => {
  beforeEach(async () => {
    await handle.store.clear();
    await seedWorld(handle.store);
  });
  safetyContract(() => store);
});
