/**
 * Campus single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1, started
 * here) and a production-mode Hongtu over real HTTP on a real Kuzu store. The browser's part is played
 * over HTTP (test/support/oidc-provider.ts): Hongtu's start, the provider's sign-in and consent forms,
 * Hongtu's callback. Probes: a good sign-on gives the same session as a password sign-in; a changed
 * state, a missing transaction, a replayed callback, a changed nonce or issuer are refused; an unknown
 * staff/student number and a disabled account are refused with nothing issued; administrators enter
 * Hongtu's authenticator code after the provider; an unreachable provider and too many attempts answer
 * with reasons the sign-in page explains.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { createApp } from '../../server/app';
import { freePort } from '../e2e/server';
import { testConfig } from '../support/api-server';
import { totpNow } from '../support/auth-client';
import { openTotpSecret } from '../../server/auth/totp';
import { buildApiWorld } from '../support/builders';
import { clientDocument, requestBody } from '../support/persisted';
import { CLAIM, CLIENT_ID, CLIENT_SECRET, CookieJar, driveSignOn, startProvider, type TestProvider, visit } from '../support/oidc-provider';
import { openTestStore, withTurnWait } from '../support/test-store';

const SECRET = 'prod-secret-prod-secret-0123456789abcdef';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface Hongtu {
  url: string;
  close(): Promise<void>;
}

async function startHongtu(store: GraphStore, port: number, env: Record<string, string>): Promise<Hongtu> {
  const config = testConfig({ NODE_ENV: 'production', HONGTU_JWT_SECRET: SECRET, HONGTU_DEV_LOGIN: '', ...env });
  const server: Server = createServer(createApp({ config, store, logger: silent }));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const oidcEnv = (issuer: string, redirectUri: string, extra: Record<string, string> = {}) => ({
  HONGTU_OIDC_ISSUER: issuer,
  HONGTU_OIDC_CLIENT_ID: CLIENT_ID,
  HONGTU_OIDC_CLIENT_SECRET: CLIENT_SECRET,
  HONGTU_OIDC_REDIRECT_URI: redirectUri,
  HONGTU_OIDC_CLAIM: CLAIM,
  HONGTU_OIDC_LABEL: '统一身份认证',
  ...extra,
});

let store: GraphStore;
let dispose: () => Promise<void>;
let provider: TestProvider;
let hongtu: Hongtu;

const account = (memberId: string, loginName: string, status: 'ACTIVE' | 'DISABLED' = 'ACTIVE') =>
  store.createAccount({
    memberId,
    loginName,
    status,
    passwordHash: null,
    mustChangePassword: false,
    failedAttempts: 0,
    lockedUntil: 0,
    totpSecret: null,
    totpEnabled: false,
    recoveryCodeHashes: [],
  });

beforeAll(async () => {
  const t = await openTestStore('oidc security');
  store = t.store;
  dispose = t.dispose;
  await buildApiWorld(store);
  await account('m-a', '2021001');
  await account('m-b', '2021002', 'DISABLED');
  await account('m-uadmin', 't0001');
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`;
  provider = await startProvider(redirectUri, {
    alice: '2021001',
    bob: '2021002',
    eve: '2099999',
    admin: 'T0001',
    blank: ' ',
  });
  hongtu = await startHongtu(store, port, oidcEnv(provider.issuer, redirectUri));
}, withTurnWait(60_000));

afterAll(async () => {
  await hongtu?.close();
  await provider?.close();
  await dispose?.();
});

/** Visit the callback the provider sent the browser to; answer status, location and Set-Cookie. */
async function land(jar: CookieJar, callback: URL) {
  const target = `${hongtu.url}${callback.pathname}${callback.search}`;
  const { status, location, cookies, body } = await visit(jar, target);
  return { status, location, cookies, body };
}

/** A GraphQL request as the browser's app sends it: its own operation by hash, the jar's cookies, the CSRF header. */
async function gql(jar: CookieJar, query: string, variables: Record<string, unknown> = {}) {
  const url = `${hongtu.url}/graphql`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', cookie: jar.header(url) },
    body: requestBody(query, variables),
  });
  jar.take(url, res);
  return res.json() as Promise<{ data?: any; errors?: { message: string; extensions: { code: string } }[] }>;
}

const VIEWER = clientDocument('SessionViewer');
const COMPLETE = clientDocument('CompleteSsoSignIn');
const OPTIONS = clientDocument('SignInOptions');
/** The signed-in person as the app's SessionViewer answers it. */
const viewerOf = async (jar: CookieJar) => {
  const r = await gql(jar, VIEWER);
  return r.data ? { role: r.data.viewer.role, id: r.data.viewer.member.id } : r.errors?.[0]?.extensions.code;
};
const liveSessions = (memberId: string) => store.listAuthSessions(memberId, Date.now());
const auditOf = async (targetId: string) => (await store.listAccess({ targetId, limit: 500 })).map((r) => r.action);

describe('campus single sign-on: the sign-in options', () => {
  it('offers the button with its label and address, to anyone', async () => {
    const r = await gql(new CookieJar(), OPTIONS);
    expect(r).toEqual({ data: { signInOptions: { password: true, sso: { label: '统一身份认证', url: '/auth/oidc/start' } } } });
  });

  it('starts with PKCE (S256), state and nonce, and a Lax HttpOnly transaction cookie', async () => {
    const res = await visit(new CookieJar(), `${hongtu.url}/auth/oidc/start`);
    expect(res.status).toBe(302);
    const auth = new URL(res.location!);
    expect(auth.origin).toBe(provider.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(auth.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(auth.searchParams.get('client_id')).toBe(CLIENT_ID);
    const [cookie] = res.cookies;
    expect(cookie).toMatch(/^hongtu_oidc=v1\.[^;]+; Path=\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
    // The verifier travels only sealed: the cookie does not show it, the URL has only its hash.
    expect(decodeURIComponent(cookie!)).not.toContain(auth.searchParams.get('state'));
  });
});

describe('campus single sign-on: a member', () => {
  it('signs in and gets the same HttpOnly, SameSite=Strict session as with a password, audited', async () => {
    const before = (await liveSessions('m-a')).length;
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice');
    const r = await land(jar, callback);
    expect(r.status).toBe(200);
    // A same-site step to the app, so the Strict cookie rides along on the first request.
    expect(r.body).toContain('<meta http-equiv="refresh" content="0; url=/#/">');
    const session = r.cookies.find((c) => c.startsWith('hongtu_session='));
    expect(session).toMatch(/^hongtu_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(r.cookies.some((c) => /^hongtu_oidc=; .*Max-Age=0/.test(c))).toBe(true);
    expect(await viewerOf(jar)).toEqual({ role: 'MEMBER', id: 'm-a' });
    const sessions = await liveSessions('m-a');
    expect(sessions.length).toBe(before + 1);
    expect(sessions[0]!.method).toBe('SSO');
    expect(await auditOf('m-a')).toContain('SSO_SIGN_IN');
  });

  it('refuses a replayed callback (the same state and code again): no second session', async () => {
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice');
    const tx = jar.get(hongtu.url, 'hongtu_oidc')!;
    expect((await land(jar, callback)).status).toBe(200);
    const count = (await liveSessions('m-a')).length;
    jar.set(hongtu.url, 'hongtu_oidc', tx); // the attacker kept the transaction cookie too
    const again = await land(jar, callback);
    expect(again).toMatchObject({ status: 303, location: '/#/signin?sso=sso_state' });
    expect(again.cookies.some((c) => c.startsWith('hongtu_session='))).toBe(false);
    expect((await liveSessions('m-a')).length).toBe(count);
  });
});

describe('campus single sign-on: tampered answers are refused and issue nothing', () => {
  const refusedWith = async (reason: string, r: Awaited<ReturnType<typeof land>>, memberId = 'm-a', before?: number) => {
    expect(r).toMatchObject({ status: 303, location: `/#/signin?sso=${reason}` });
    expect(r.cookies.some((c) => c.startsWith('hongtu_session='))).toBe(false);
    if (before !== undefined) expect((await liveSessions(memberId)).length).toBe(before);
  };

  it("a state that is not this browser's", async () => {
    const before = (await liveSessions('m-a')).length;
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice');
    callback.searchParams.set('state', 'someone-elses-state-0123456789');
    await refusedWith('sso_state', await land(jar, callback), 'm-a', before);
  });

  it('a callback without the transaction cookie (another browser)', async () => {
    const before = (await liveSessions('m-a')).length;
    const callback = await driveSignOn(new CookieJar(), `${hongtu.url}/auth/oidc/start`, 'alice');
    await refusedWith('sso_state', await land(new CookieJar(), callback), 'm-a', before);
  });

  it('a forged transaction cookie', async () => {
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice');
    jar.set(hongtu.url, 'hongtu_oidc', `v1.${'A'.repeat(16)}.${'B'.repeat(40)}.${'C'.repeat(22)}`);
    await refusedWith('sso_state', await land(jar, callback));
  });

  it('an ID token for another nonce (the authorization request was changed on the way)', async () => {
    const before = (await liveSessions('m-a')).length;
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice', {
      tamperAuthorization: (u) => u.searchParams.set('nonce', 'a-nonce-this-browser-never-made'),
    });
    await refusedWith('sso_failed', await land(jar, callback), 'm-a', before);
  });

  it('an answer claiming another issuer (iss of the authorization response)', async () => {
    const before = (await liveSessions('m-a')).length;
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice');
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    callback.searchParams.set('iss', 'http://127.0.0.1:9/another-issuer');
    await refusedWith('sso_failed', await land(jar, callback), 'm-a', before);
  });

  it("a code whose PKCE verifier is another transaction's", async () => {
    const before = (await liveSessions('m-a')).length;
    const jarA = new CookieJar();
    const callbackA = await driveSignOn(jarA, `${hongtu.url}/auth/oidc/start`, 'alice');
    // Transaction B's cookie, with B's state swapped for A's in the callback: the state check passes only if
    // the states match, so the attacker needs A's state and B's cookie — which carries B's verifier and state.
    const jarB = new CookieJar();
    const callbackB = await driveSignOn(jarB, `${hongtu.url}/auth/oidc/start`, 'alice');
    callbackB.searchParams.set('code', callbackA.searchParams.get('code')!);
    await refusedWith('sso_failed', await land(jarB, callbackB), 'm-a', before);
  });

  it('a sign-on cancelled at the provider', async () => {
    const jar = new CookieJar();
    const callback = await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'alice', { abort: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    await refusedWith('sso_denied', await land(jar, callback));
  });
});

describe('campus single sign-on: who may sign in', () => {
  it('an unknown staff/student number: refused, no account or session made, the attempt audited', async () => {
    const jar = new CookieJar();
    const r = await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'eve'));
    expect(r).toMatchObject({ status: 303, location: '/#/signin?sso=sso_unknown' });
    expect(r.cookies.some((c) => c.startsWith('hongtu_session='))).toBe(false);
    expect(await store.findAccountByLogin('2099999')).toBeNull();
    expect(await auditOf('2099999')).toEqual(['SSO_SIGN_IN_FAILED']);
  });

  it('a disabled account: refused, no session, audited', async () => {
    const jar = new CookieJar();
    const r = await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'bob'));
    expect(r).toMatchObject({ status: 303, location: '/#/signin?sso=sso_disabled' });
    expect(await liveSessions('m-b')).toEqual([]);
    expect(await auditOf('m-b')).toEqual(['SSO_SIGN_IN_FAILED']);
    expect((await store.getAccount('m-b'))!.status).toBe('DISABLED');
  });

  it('a blank claim: refused as unusable', async () => {
    const jar = new CookieJar();
    const r = await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'blank'));
    expect(r).toMatchObject({ status: 303, location: '/#/signin?sso=sso_no_claim' });
  });
});

/** The administrator's authenticator secret: the one set up earlier, or set up now through a sign-on. */
async function adminTotpSecret(): Promise<string> {
  const a = (await store.getAccount('m-uadmin'))!;
  if (a.totpEnabled) return openTotpSecret(SECRET, a.totpSecret!)!;
  const jar = new CookieJar();
  await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'admin'));
  const secret = (await gql(jar, COMPLETE, { input: {} })).data.completeSsoSignIn.totpSecret as string;
  expect((await gql(jar, COMPLETE, { input: { totpCode: await totpNow(secret) } })).data.completeSsoSignIn.step).toBe('SIGNED_IN');
  return secret;
}

describe("campus single sign-on: an administrator also enters Hongtu's authenticator code", () => {
  it('gets no session from the provider alone; sets up the app, then signs in with its code; once', async () => {
    const jar = new CookieJar();
    const r = await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'admin'));
    expect(r.status).toBe(200);
    expect(r.body).toContain('url=/#/signin?sso=totp');
    expect(r.cookies.some((c) => c.startsWith('hongtu_session='))).toBe(false);
    expect(r.cookies.find((c) => c.startsWith('hongtu_sso_pending='))).toMatch(/HttpOnly; SameSite=Strict; Max-Age=300$/);
    expect(await liveSessions('m-uadmin')).toEqual([]);
    expect(await viewerOf(jar)).toBe('UNAUTHENTICATED');

    const enrol = await gql(jar, COMPLETE, { input: {} });
    expect(enrol.data.completeSsoSignIn.step).toBe('TOTP_ENROLMENT_REQUIRED');
    const secret = enrol.data.completeSsoSignIn.totpSecret as string;
    const wrong = await gql(jar, COMPLETE, { input: { totpCode: '000000' === (await totpNow(secret)) ? '111111' : '000000' } });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Wrong authenticator code', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await liveSessions('m-uadmin')).toEqual([]);

    const done = await gql(jar, COMPLETE, { input: { totpCode: await totpNow(secret) } });
    expect(done.data.completeSsoSignIn).toMatchObject({ step: 'SIGNED_IN', memberId: 'm-uadmin', role: 'UNIVERSITY_ADMIN' });
    expect(done.data.completeSsoSignIn.recoveryCodes).toHaveLength(10);
    expect(await viewerOf(jar)).toEqual({ role: 'UNIVERSITY_ADMIN', id: 'm-uadmin' });
    expect((await liveSessions('m-uadmin')).map((s) => s.method)).toEqual(['SSO_TOTP']);
    expect(await auditOf('m-uadmin')).toEqual(expect.arrayContaining(['SSO_SIGN_IN', 'TOTP_ENROL', 'SSO_SIGN_IN_FAILED']));
  });

  it('a pending sign-on completes once: its cookie replayed after success is refused', async () => {
    const code = await totpNow(await adminTotpSecret());
    const jar = new CookieJar();
    await land(jar, await driveSignOn(jar, `${hongtu.url}/auth/oidc/start`, 'admin'));
    const pending = jar.get(hongtu.url, 'hongtu_sso_pending')!;
    expect((await gql(jar, COMPLETE, { input: {} })).data.completeSsoSignIn.step).toBe('TOTP_REQUIRED');
    expect((await gql(jar, COMPLETE, { input: { totpCode: code } })).data.completeSsoSignIn.step).toBe('SIGNED_IN');
    const sessions = (await liveSessions('m-uadmin')).length;
    const replay = new CookieJar();
    replay.set(hongtu.url, 'hongtu_sso_pending', pending);
    const again = await gql(replay, COMPLETE, { input: { totpCode: code } });
    expect(again.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await liveSessions('m-uadmin')).length).toBe(sessions);
  });

  it('without a pending sign-on, completeSsoSignIn is UNAUTHENTICATED, marked so the page can say it expired', async () => {
    const r = await gql(new CookieJar(), COMPLETE, { input: { totpCode: '123456' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', ssoExpired: true });
  });
});

describe('campus single sign-on: an unreachable provider and too many attempts', () => {
  let other: Hongtu;
  beforeAll(async () => {
    const port = await freePort();
    const dead = await freePort(); // nobody listens there
    other = await startHongtu(store, port, {
      ...oidcEnv(`http://127.0.0.1:${dead}`, `http://127.0.0.1:${port}/auth/oidc/callback`),
      HONGTU_RATE_SIGN_IN: '2',
    });
  });
  afterAll(async () => other?.close());

  it('sends the browser back with sso_unavailable, then sso_rate_limited with Retry-After', async () => {
    const first = await visit(new CookieJar(), `${other.url}/auth/oidc/start`);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/#/signin?sso=sso_unavailable');
    await visit(new CookieJar(), `${other.url}/auth/oidc/start`);
    const third = await visit(new CookieJar(), `${other.url}/auth/oidc/start`);
    expect(third.location).toBe('/#/signin?sso=sso_rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
