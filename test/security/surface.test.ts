/**
 * The production surface, probed against a production-mode server: security headers on every
 * response, introspection and "Did you mean" hints closed to callers who are not developers, and
 * rate limits per account, per address and on sign-in attempts (RATE_LIMITED with a retry time in
 * extensions.retryAfter and a Retry-After header).
 */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';
import { PRODUCTION_ENV, useProductionWorld } from './production-world';

const prod = useProductionWorld({ env: { HONGTU_RATE_PER_ACCOUNT: '8' } });
const dev = useApiWorld({ env: { HONGTU_RATE_SIGN_IN: '3', HONGTU_RATE_PER_ADDRESS: '40' } });

describe('security headers', () => {
  it('are on the API, /health, /ready and unknown paths', async () => {
    for (const res of [
      await prod.post(JSON.stringify({ query: '{ health }' })),
      await prod.server.get('/health'),
      await prod.server.get('/ready'),
      await prod.server.get('/nothing-here'),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('schema privacy in production', () => {
  it('refuses introspection to anonymous and signed-in callers', async () => {
    for (const who of [null, 'uadmin'] as const) {
      const r = await prod.as(who)('{ __schema { types { name } } }');
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.body.data ?? null).toBeNull();
      const t = await prod.as(who)('{ __type(name: "Member") { fields { name } } }');
      expect(codes(t)).toEqual(['FORBIDDEN']);
    }
  });

  it('opens introspection to a personal access token created for it', async () => {
    const { createAccessToken } = await import('../../server/auth/access-tokens');
    const { token } = await createAccessToken(prod.store, 'm-a', { name: '开发', scope: 'READ', introspect: true, days: 1 }, 90, Date.now());
    const ask = (query: string) => prod.post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }).then((r) => r.json());
    const r = await ask('{ __type(name: "Member") { name } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.__type.name).toBe('Member');
  });

  it('still answers __typename', async () => {
    const r = await prod.as('a')('{ __typename viewer { role } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.__typename).toBe('Query');
  });

  it('gives no "Did you mean" hints, for fields or enum values', async () => {
    // A signed-in developer's own document (personal access token without introspection): anonymous
    // callers and browser sessions cannot send documents at all in production (persisted operations).
    const field = await prod.as('a')('{ membr(id: "m-a") { id } }');
    expect(field.body.errors[0].message).toBe('Cannot query field "membr" on type "Query".');
    const enumValue = await prod.as('sec')('mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name: '新党员', kind: 'STUDNT', stage: 'APPLICANT', branchId: 'b-1' },
    });
    expect(JSON.stringify(enumValue.body)).not.toContain('Did you mean');
    expect(codes(enumValue)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps the hints outside production (developers at their desks)', async () => {
    const r = await dev.as(null)('{ membr(id: "m-a") { id } }');
    expect(r.body.errors[0].message).toContain('Did you mean "member"');
  });
});

describe('rate limits', () => {
  it('limits one account to its requests per minute, with a retry time', async () => {
    const q = '{ viewer { role } }';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await prod.as('b')(q)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const res = await prod.post(JSON.stringify({ query: q }), { authorization: `Bearer ${await prod.token('b')}` });
    expect(res.status).toBe(429);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(body.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
    expect(body.errors[0].extensions.http).toBeUndefined();
    expect(Number(res.headers.get('retry-after'))).toBe(body.errors[0].extensions.retryAfter);
    // Another account is not affected.
    expect((await prod.as('c')(q)).body.errors).toBeUndefined();
  });

  it('limits sign-in attempts per address, counting aliased attempts, before any resolver runs', async () => {
    const login = 'mutation($m: ID!) { login(memberId: $m) { token } }';
    for (let i = 0; i < 3; i++) expect((await dev.as(null)(login, { m: 'm-a' })).body.errors).toBeUndefined();
    const r = await dev.as(null)(login, { m: 'm-a' });
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.status).toBe(429);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors[0].extensions.retryAfter).toBeGreaterThan(0);
  });

  it('limits one address to its requests per minute before reading the body', async () => {
    let last: Response | null = null;
    for (let i = 0; i < 45 && last?.status !== 429; i++) {
      last = await fetch(`${dev.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ health }"}' });
    }
    expect(last?.status).toBe(429);
    const body = await last!.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('runs in production mode for these probes', () => {
    expect(prod.server.config.devLogin).toBe(false);
    expect(prod.server.config.introspection).toBe(false);
    expect(PRODUCTION_ENV.NODE_ENV).toBe('production');
  });
});
