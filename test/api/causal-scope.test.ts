/**
 * Every store call a request makes runs in its causal scope (graph/causal.ts), over real HTTP through the
 * real server on Kuzu, recorded at the store: once the credentials verify, the scope is the MEMBER's,
 * whatever credentials they came with (two access tokens, a demo token, a browser session: one member on
 * several devices), so on a Neo4j cluster a write made on one device is read on the next request from
 * another; other members get other scopes; a request without credentials (signing in) gets a scope of
 * its own. The read of the token or session itself comes before verification, outside any member's scope.
 * The access-log flush runs after execution and so outside the scope (process-wide bookmarks).
 */
import { describe, expect, it } from 'vitest';
import { currentCausalScope, type GraphStore } from '../../graph';
import { createAccessToken } from '../../server/auth/access-tokens';
import { codes, useApiWorld } from '../support/api-world';
import { cookieClient, SIGN_IN } from '../support/auth-client';

/** [store method, scope key] of every store call, in order. */
const seen: [string, string | undefined][] = [];

function recordingScopes(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        // The access log is flushed after execution, outside the scope (a write no one reads back in
        // the same request); every other call must be in the request's scope.
        if (prop !== 'appendAccess') seen.push([String(prop), currentCausalScope()?.key]);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const t = useApiWorld({ wrap: recordingScopes, env: { HONGTU_RATE_SIGN_IN: '1000000' } });

/** The scope keys of the store calls `send` makes. */
async function scopesOf(send: () => Promise<{ body: { errors?: unknown } }>): Promise<[string, string | undefined][]> {
  seen.length = 0;
  const r = await send();
  expect(r.body.errors).toBeUndefined();
  expect(seen.length).toBeGreaterThan(0);
  return [...seen];
}

const CREDENTIAL_READS = new Set(['getAccessToken', 'getAuthSession']);
/** The member scopes of a request's calls; every other call is before verification (no scope or the request's own). */
function memberScopes(calls: [string, string | undefined][]): string[] {
  for (const [method, key] of calls) {
    if (key?.startsWith('member:')) continue;
    expect(key === undefined || key.startsWith('request:'), `${method} ran in ${key}`).toBe(true);
  }
  // The token or session is read before anyone knows the member.
  for (const [method, key] of calls) if (CREDENTIAL_READS.has(method)) expect(key?.startsWith('member:') ?? false, method).toBe(false);
  return [...new Set(calls.map(([, k]) => k).filter((k): k is string => k?.startsWith('member:') ?? false))];
}

describe('causal scopes', () => {
  it('puts the store calls of one member in one scope whatever credentials they come with, other members in others, anonymous callers each in their own', async () => {
    // With recent activity: the member's row is kept by the process after the first read, their history is read each time.
    const q = '{ member(id: "m-b") { id name recentActivity(first: 1) { studies { at } } } }';
    const sec = t.world.people.sec.id;

    // Device 1: the harness's token (a demo token, or a personal access token in production mode).
    const viaFirst = memberScopes(await scopesOf(() => t.as('sec')(q)));
    expect(viaFirst).toEqual([`member:${sec}`]);
    expect(memberScopes(await scopesOf(() => t.as('sec')(q)))).toEqual([`member:${sec}`]);

    // Device 2: a personal access token of the same member, read from the store before verification.
    const { token } = await createAccessToken(t.store, sec, { name: 'laptop', scope: 'READ_WRITE', introspect: false, days: 1 }, 30, Date.now());
    const viaToken = await scopesOf(() => t.server.gql(q, {}, token));
    expect(viaToken.some(([m]) => m === 'getAccessToken')).toBe(true);
    expect(memberScopes(viaToken)).toEqual([`member:${sec}`]);

    // Device 3: a browser session. Signing in has no credentials yet: all its calls (the session write too)
    // are in that request's own scope.
    const otp = (await t.as('uadmin')('mutation ($m: ID!) { createAccount(memberId: $m, loginName: "li-sec") { oneTimePassword } }', { m: sec })).body.data.createAccount
      .oneTimePassword as string;
    const browser = cookieClient(t.server.url);
    const signIn = await scopesOf(() => browser.gql(SIGN_IN, { input: { loginName: 'li-sec', password: otp, newPassword: 'correct horse battery staple' } }));
    expect(signIn.some(([m]) => m === 'createAuthSession')).toBe(true);
    const signInKeys = new Set(signIn.map(([, k]) => k));
    expect(signInKeys.size).toBe(1);
    const [signInKey] = signInKeys;
    expect(signInKey).toMatch(/^request:/);
    const viaCookie = await scopesOf(() => browser.gql(q));
    expect(viaCookie.some(([m]) => m === 'getAuthSession')).toBe(true);
    expect(memberScopes(viaCookie)).toEqual([`member:${sec}`]);

    // Another member: another scope.
    expect(memberScopes(await scopesOf(() => t.as('uadmin')(q)))).toEqual([`member:${t.world.people.uadmin.id}`]);

    // Without credentials: a scope per request, never a member's, never another request's.
    const anonymous = async () => {
      const calls = await scopesOf(() => t.as(null)('{ demoAccounts { memberId } }'));
      const keys = new Set(calls.map(([, k]) => k));
      expect(keys.size).toBe(1);
      const [key] = keys;
      expect(key).toMatch(/^request:/);
      return key;
    };
    const a1 = await anonymous();
    const a2 = await anonymous();
    expect(a1).not.toBe(a2);
    expect(a1).not.toBe(signInKey);
  });

  it('keeps a refused credential out of every member scope', async () => {
    seen.length = 0;
    const r = await t.server.gql('{ viewer { role } }', {}, 'htpat_nosuchtoken_0000000000000000000000000000000000000000000');
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(seen.some(([, k]) => k?.startsWith('member:'))).toBe(false);
  });
});
