/**
 * Persisted operations in production: browser sessions and anonymous callers run only the web
 * client's own operations (by the hash `npm run codegen` writes); a document of their own is FORBIDDEN
 * and runs nothing; an unknown hash is NOT_FOUND; personal access tokens may send any document; the
 * public operations (sign-in, the anonymous ballot) work by hash. Outside production documents run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { argon2Verifications, hashPassword } from '../../server/auth/passwords';
import { codes, useApiWorld } from '../support/api-world';
import { cookieClient, SIGN_IN } from '../support/auth-client';
import { clientDocument, documentHash, requestBody } from '../support/persisted';
import { useProductionWorld } from './production-world';

let tokenLookups = 0;
const prod = useProductionWorld({
  wrap: (store) =>
    new Proxy(store, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (key === 'getAccessToken')
          return (...a: unknown[]) => {
            tokenLookups += 1;
            return (v as (...x: unknown[]) => unknown).apply(target, a);
          };
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }),
});
const dev = useApiWorld();
const PASSWORD = 'a long and private sentence';
const input = { loginName: 's-a', password: PASSWORD };
const VIEWER = clientDocument('SessionViewer');

beforeAll(async () => {
  await prod.store.createAccount({
    memberId: 'm-a',
    loginName: 's-a',
    status: 'ACTIVE',
    passwordHash: await hashPassword(PASSWORD),
    mustChangePassword: false,
    failedAttempts: 0,
    lockedUntil: 0,
    totpSecret: null,
    totpEnabled: false,
    recoveryCodeHashes: [],
  });
});

const byHash = (hash: string, variables?: Record<string, unknown>) => JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

async function send(body: string, headers: Record<string, string> = {}) {
  const res = await prod.post(body, headers);
  return {
    status: res.status,
    setCookie: res.headers.getSetCookie(),
    body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

async function signedIn() {
  const c = cookieClient(prod.server.url);
  expect((await c.gql(SIGN_IN, { input })).body.data.signIn.step).toBe('SIGNED_IN');
  return c;
}

describe('persisted operations in production', () => {
  it("runs the client's sign-in by hash for an anonymous caller; the same mutation as a document is FORBIDDEN and runs nothing", async () => {
    const before = argon2Verifications();
    const own = await send(JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { step } }', variables: { input } }));
    expect(codes(own)).toEqual(['FORBIDDEN']);
    expect(own.body.errors![0]!.message).toMatch(/only the operations of its own web client.*personal access token/);
    expect(own.body.errors![0]!.extensions.persistedQuery).toBe('REQUIRED');
    expect(own.body.data ?? null).toBeNull();
    expect(own.setCookie).toEqual([]);
    expect(argon2Verifications()).toBe(before);
    expect((await prod.store.getAccount('m-a'))!.failedAttempts).toBe(0);

    const c = await signedIn();
    expect(c.cookie).toMatch(/hongtu_session=/);
    expect(argon2Verifications()).toBe(before + 1);
  });

  it("gives a browser session the client's operations only: its own query or mutation is FORBIDDEN and changes nothing", async () => {
    const c = await signedIn();
    expect((await c.gql(VIEWER)).body.data.viewer).toMatchObject({ role: 'MEMBER', member: { id: 'm-a', name: '张三' } });
    const query = await c.gql('{ viewer { role member { phone } } }');
    expect(codes(query)).toEqual(['FORBIDDEN']);
    expect(query.body.data ?? null).toBeNull();
    // signOut as a document of its own: refused before it runs, so the session still works.
    const signOut = await c.gql('mutation { signOut }');
    expect(codes(signOut)).toEqual(['FORBIDDEN']);
    expect(codes(await c.gql(VIEWER))).toEqual([]);
    // The client's own signOut (by hash) does end it.
    expect(codes(await c.gql(clientDocument('SignOut')))).toEqual([]);
    expect(codes(await c.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers NOT_FOUND for an unknown hash, anonymous or signed in, and runs nothing', async () => {
    const unknown = documentHash('{ viewer { role member { phone idNumber } } }');
    const anon = await send(byHash(unknown));
    expect(codes(anon)).toEqual(['NOT_FOUND']);
    expect(anon.body.errors![0]!.message).toBe(
      `Persisted operation "${unknown}" not found: this server knows only its own web client's operations; ` + 'reload the page if the client is older than the server',
    );
    expect(anon.body.errors![0]!.extensions.persistedQuery).toBe('NOT_FOUND');
    expect(anon.body.data ?? null).toBeNull();
    const c = await signedIn();
    const res = await fetch(`${prod.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', cookie: c.cookie! },
      body: byHash(unknown),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it('lets a personal access token send any document; an invalid token cannot', async () => {
    const token = await prod.token('sec');
    const before = tokenLookups;
    const own = await send(JSON.stringify({ query: '{ member(id: "m-a") { name } }' }), { authorization: `Bearer ${token}` });
    expect(own.body).toEqual({ data: { member: { name: '张三' } } });
    // The gate and the request's credentials share one verification.
    expect(tokenLookups - before).toBe(1);
    const forged = `${token.slice(0, -4)}AAAA`;
    const refused = await send(JSON.stringify({ query: '{ member(id: "m-a") { name } }' }), { authorization: `Bearer ${forged}` });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.body.data ?? null).toBeNull();
    // A demo-style JWT is not a personal access token.
    const jwt = await send(JSON.stringify({ query: '{ health }' }), { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' });
    expect(codes(jwt)).toEqual(['FORBIDDEN']);
  });

  it('runs the anonymous ballot by hash: the request reaches the ballot check, not the persisted-operations gate', async () => {
    const ballot = await send(
      requestBody(clientDocument('CastBallot'), {
        input: { roundId: 'no-such-round', token: 'AAAA', signature: 'AAAA', grades: [] },
      }),
    );
    expect(ballot.body.errors).toHaveLength(1);
    expect(ballot.body.errors![0]!.extensions.persistedQuery).toBeUndefined();
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(ballot.body.errors![0]!.extensions.code);
    const asDocument = await send(
      JSON.stringify({
        query: clientDocument('CastBallot').replace('mutation CastBallot', 'mutation Ballot'),
        variables: {
          input: { roundId: 'no-such-round', token: 'AAAA', signature: 'AAAA', grades: [] },
        },
      }),
    );
    expect(codes(asDocument)).toEqual(['FORBIDDEN']);
  });

  it('asks for a document or a hash when a request has neither', async () => {
    const r = await send(JSON.stringify({ variables: {} }));
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0]!.message).toMatch(/extensions\.persistedQuery/);
  });
});

describe('outside production', () => {
  it("runs anonymous documents and the client's hashes alike", async () => {
    expect((await dev.server.gql('{ health }')).body).toEqual({ data: { health: true } });
    const res = await fetch(`${dev.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: requestBody(clientDocument('DemoAccounts')),
    });
    const body = (await res.json()) as { data: { demoAccounts: unknown[] } };
    expect(body.data.demoAccounts.length).toBeGreaterThan(0);
  });
});
