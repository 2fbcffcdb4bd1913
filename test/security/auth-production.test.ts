/**
 * Sign-in probes against a production-mode server (NODE_ENV=production, no demo login) on a store
 * prepared by `hongtu init`: the first administrator signs in with the printed one-time password,
 * sets a password and an authenticator app; demo tokens — without `exp`, with a 100-year `exp`, or a
 * proper one — are refused; sessions end when idle or past their absolute end; 1,000 wrong passwords
 * reach argon2 only until the lock.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Verifications } from '../../server/auth/passwords';
import { signToken } from '../../server/auth/tokens';
import { runInit, type InitReport } from '../../server/cli/commands/init';
import { codes } from '../support/api-world';
import { openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { cookieClient, SIGN_IN, totpNow } from '../support/auth-client';
import { clientDocument, requestBody } from '../support/persisted';

const SECRET = 'prod-secret-prod-secret-0123456789abcdef';
const PASSWORD = 'a long and private sentence';
const clock = { ms: Date.now() };
let server: TestServer;
let init: InitReport;
let dispose: () => Promise<void>;
let store: Awaited<ReturnType<typeof openTempStore>>['store'];

beforeAll(async () => {
  const t = await openTempStore();
  dispose = t.dispose;
  store = t.store;
  init = await runInit(t.store, { university: '测试大学党委', adminName: '校管理员', login: 'T0001' });
  server = await startTestServer(t.store, {
    // The per-address sign-in limit is lifted: these probes show that the per-account lock holds by itself,
    // as against guesses spread over many addresses.
    env: { NODE_ENV: 'production', HONGTU_JWT_SECRET: SECRET, HONGTU_DEV_LOGIN: '', HONGTU_RATE_SIGN_IN: '1000000' },
    deps: { now: () => clock.ms },
  });
});
afterAll(async () => {
  await server?.close();
  await dispose?.();
});

// The web client's own operations: in production a cookie or a demo token may run nothing else.
const VIEWER = clientDocument('SessionViewer');
let secret = '';

describe('hongtu init, then the first sign-in (production)', () => {
  it('refuses to initialise twice', async () => {
    await expect(runInit(store, { university: 'x', adminName: 'y', login: 'other' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.listMembers({ roles: ['UNIVERSITY_ADMIN'] }, 10)).totalCount).toBe(1);
  });

  it('takes the one-time password, a new password and an authenticator app, then signs in with a cookie', async () => {
    expect(init).toMatchObject({ createdUniversity: true, loginName: 't0001' });
    expect((await store.getUniversity())!.name).toBe('测试大学党委');
    const c = cookieClient(server.url);
    const input = { loginName: 'T0001', password: init.oneTimePassword };
    expect((await c.gql(SIGN_IN, { input })).body.data.signIn.step).toBe('PASSWORD_CHANGE_REQUIRED');
    const enrol = await c.gql(SIGN_IN, { input: { ...input, newPassword: PASSWORD } });
    expect(enrol.body.data.signIn.step).toBe('TOTP_ENROLMENT_REQUIRED');
    secret = enrol.body.data.signIn.totpSecret;
    const done = await c.gql(SIGN_IN, { input: { ...input, newPassword: PASSWORD, totpCode: await totpNow(secret) } });
    expect(done.body.data.signIn).toMatchObject({ step: 'SIGNED_IN', role: 'UNIVERSITY_ADMIN' });
    expect((await c.gql(VIEWER)).body.data.viewer).toMatchObject({ role: 'UNIVERSITY_ADMIN', member: { name: '校管理员' } });
  });
});

describe('demo tokens in production', () => {
  const key = new TextEncoder().encode(SECRET);
  const base = () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(init.memberId).setIssuer('hongtu').setAudience('hongtu-api').setIssuedAt();
  it.each([
    ['without exp', () => base().sign(key)],
    ['with a 100-year exp', () => base().setExpirationTime('100y').sign(key)],
    ['with a proper 1-hour exp, signed with the production secret', () => base().setExpirationTime('1h').sign(key)],
    ['from signToken with the production secret', async () => (await signToken(SECRET, init.memberId)).token],
  ])('a JWT %s is UNAUTHENTICATED, with no data', async (_d, make) => {
    const r = await server.gql(VIEWER, {}, await make());
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.data).toBeNull();
  });
});

describe('session timeouts (production)', () => {
  it('ends a session after 30 idle minutes, and at 12 hours however active', async () => {
    const signIn = async () => {
      const c = cookieClient(server.url);
      const r = await c.gql(SIGN_IN, { input: { loginName: 't0001', password: PASSWORD, totpCode: await totpNow(secret) } });
      expect(r.body.data.signIn.step).toBe('SIGNED_IN');
      return c;
    };
    const start = clock.ms;
    try {
      const idle = await signIn();
      clock.ms += 29 * 60_000;
      expect(codes(await idle.gql(VIEWER))).toEqual([]);
      clock.ms += 30 * 60_000 + 1;
      expect(codes(await idle.gql(VIEWER))).toEqual(['UNAUTHENTICATED']);
      const signedInAt = clock.ms;
      const busy = await signIn();
      let ended = 0;
      for (let i = 0; i < 26 && !ended; i++) {
        clock.ms += 29 * 60_000;
        const r = await busy.gql(VIEWER);
        const past = clock.ms >= signedInAt + 12 * 3_600_000;
        expect(codes(r), `${(clock.ms - signedInAt) / 60_000} min after sign-in`).toEqual(past ? ['UNAUTHENTICATED'] : []);
        if (past) ended = clock.ms;
      }
      expect(ended).toBeGreaterThan(0);
    } finally {
      clock.ms = start;
    }
  });
});

describe('brute force (production)', () => {
  it('1,000 wrong passwords in bursts of 50 reach argon2 only until the lock; the right one is locked out too', async () => {
    const before = argon2Verifications();
    const seen = new Map<string, number>();
    for (let burst = 0; burst < 20; burst++) {
      const rs = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: requestBody(SIGN_IN, { input: { loginName: 't0001', password: `guess-${burst}-${i}` } }),
          }).then((r) => r.json()),
        ),
      );
      for (const r of rs) {
        const code = String(r.errors?.[0]?.extensions?.code);
        seen.set(code, (seen.get(code) ?? 0) + 1);
      }
    }
    const reached = argon2Verifications() - before;
    expect(Object.fromEntries(seen)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 995 });
    expect(reached).toBe(5);
    const right = await cookieClient(server.url).gql(SIGN_IN, { input: { loginName: 't0001', password: PASSWORD } });
    expect(codes(right)).toEqual(['RATE_LIMITED']);
    expect((await store.getAccount(init.memberId))!.failedAttempts).toBe(5);
    const audit = await store.listAccess({ targetId: init.memberId, limit: 2000 });
    expect(audit.filter((a) => a.action === 'SIGN_IN_FAILED')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'SIGN_IN_LOCKED').length).toBeGreaterThanOrEqual(995);
  });
});
