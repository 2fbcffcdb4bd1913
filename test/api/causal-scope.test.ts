/**
 * Every store call a request makes runs in the caller's causal scope (graph/causal.ts): the same
 * credentials give the same scope across requests (read-your-writes on a Neo4j cluster follows the
 * member), other callers get another scope, and a call without credentials gets a scope of its own.
 * The access-log flush runs after execution and so outside the scope (process-wide bookmarks).
 */
import { describe, expect, it } from 'vitest';
import { currentCausalScope, type GraphStore } from '../../graph';
import { useApiWorld } from '../support/api-world';

const seen: (string | undefined)[] = [];

function recordingScopes(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        // The access log is flushed after execution, outside the scope (a write no one reads back in
        // the same request); every other call must be in the caller's scope.
        if (prop !== 'appendAccess') seen.push(currentCausalScope()?.key);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const t = useApiWorld({ wrap: recordingScopes });

async function scopesOf(send: () => Promise<unknown>): Promise<Set<string | undefined>> {
  seen.length = 0;
  await send();
  expect(seen.length).toBeGreaterThan(0);
  return new Set(seen);
}

describe('causal scopes', () => {
  it("puts all store calls of one member's requests in one scope, and other callers in others", async () => {
    // With recent activity: the member's row is kept by the process after the first read, their history is read each time.
    const q = '{ member(id: "m-b") { id name recentActivity(first: 1) { studies { at } } } }';
    // Each request also reads its session before it knows the caller: that read runs outside any caller's scope
    // (undefined) or in the request's own.
    const first = await scopesOf(() => t.as('sec')(q));
    const again = await scopesOf(() => t.as('sec')(q));
    const callers = [...first].filter((k) => k?.startsWith('caller:'));
    expect(callers).toHaveLength(1);
    expect([...first].filter((k) => !k?.startsWith('caller:')).every((k) => k === undefined || k.startsWith('request:'))).toBe(true);
    const [key] = callers;
    const callersOf = (s: Set<string | undefined>) => [...s].filter((k) => k !== undefined && !k.startsWith('request:'));
    expect(callersOf(again)).toEqual([key]);
    const other = callersOf(await scopesOf(() => t.as('uadmin')(q)));
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/^caller:/);
    expect(other[0]).not.toBe(key);
    const anonymous = await scopesOf(() => t.as(null)('{ demoAccounts { memberId } }'));
    expect([...anonymous].every((k) => k?.startsWith('request:'))).toBe(true);
  });
});
