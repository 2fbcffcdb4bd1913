/**
 * Campus single sign-on configuration (server/config.ts): a complete HONGTU_OIDC_* set is parsed; every
 * missing or bad value stops the server with a message naming its variable; nothing set means no SSO.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

const GOOD = {
  HONGTU_OIDC_ISSUER: 'https://sso.example.edu.cn/oidc',
  HONGTU_OIDC_CLIENT_ID: 'hongtu',
  HONGTU_OIDC_CLIENT_SECRET: 'a-client-secret',
  HONGTU_OIDC_REDIRECT_URI: 'https://hongtu.example.edu.cn/auth/oidc/callback',
  HONGTU_OIDC_CLAIM: 'student_number',
};
const load = (env: Record<string, string>) => loadConfig({ HONGTU_DEV_LOGIN: '1', ...env });

describe('HONGTU_OIDC_* configuration', () => {
  it('is off when nothing is set', () => {
    expect(load({}).auth.oidc).toBeNull();
  });

  it('parses a complete set, with the default label, scope and second-factor policy', () => {
    expect(load(GOOD).auth.oidc).toEqual({
      issuer: 'https://sso.example.edu.cn/oidc',
      clientId: 'hongtu',
      clientSecret: 'a-client-secret',
      redirectUri: 'https://hongtu.example.edu.cn/auth/oidc/callback',
      claim: 'student_number',
      label: '统一身份认证',
      scope: 'openid',
      trustIdpMfa: false,
    });
  });

  it("takes the label, the scopes (openid added) and trusting the provider's MFA", () => {
    const c = load({ ...GOOD, HONGTU_OIDC_LABEL: '校园统一认证', HONGTU_OIDC_SCOPE: 'profile campus', HONGTU_OIDC_TRUST_IDP_MFA: '1' }).auth.oidc;
    expect(c).toMatchObject({ label: '校园统一认证', scope: 'openid profile campus', trustIdpMfa: true });
  });

  it('allows plain http only to this machine (loopback), even in production', () => {
    const env = { ...GOOD, HONGTU_OIDC_ISSUER: 'http://127.0.0.1:8080', HONGTU_OIDC_REDIRECT_URI: 'http://localhost:4000/auth/oidc/callback' };
    expect(load(env).auth.oidc?.issuer).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ ...env, NODE_ENV: 'production', HONGTU_JWT_SECRET: 'x'.repeat(32) }).auth.oidc?.issuer).toBe('http://127.0.0.1:8080');
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['a missing client id', { HONGTU_OIDC_CLIENT_ID: '' }, /^HONGTU_OIDC_CLIENT_ID must be set when HONGTU_OIDC_ISSUER is set/],
    ['a missing client secret', { HONGTU_OIDC_CLIENT_SECRET: ' ' }, /^HONGTU_OIDC_CLIENT_SECRET must be set/],
    ['a missing redirect URI', { HONGTU_OIDC_REDIRECT_URI: '' }, /^HONGTU_OIDC_REDIRECT_URI must be set/],
    ['a missing claim', { HONGTU_OIDC_CLAIM: '' }, /^HONGTU_OIDC_CLAIM must be set/],
    ['an issuer that is no URL', { HONGTU_OIDC_ISSUER: 'sso.example.edu.cn' }, /^HONGTU_OIDC_ISSUER must be an absolute https URL, got "sso.example.edu.cn"/],
    ['a plain-http issuer on the network', { HONGTU_OIDC_ISSUER: 'http://sso.example.edu.cn' }, /^HONGTU_OIDC_ISSUER must use https/],
    ['an issuer with a query', { HONGTU_OIDC_ISSUER: 'https://sso.example.edu.cn/?x=1' }, /^HONGTU_OIDC_ISSUER must not have a \?query/],
    ['an issuer with a password', { HONGTU_OIDC_ISSUER: 'https://u:p@sso.example.edu.cn' }, /^HONGTU_OIDC_ISSUER must not hold a user name/],
    [
      'a redirect URI on another path',
      { HONGTU_OIDC_REDIRECT_URI: 'https://hongtu.example.edu.cn/callback' },
      /^HONGTU_OIDC_REDIRECT_URI must be this server's address \+ \/auth\/oidc\/callback/,
    ],
    ['a plain-http redirect URI', { HONGTU_OIDC_REDIRECT_URI: 'http://hongtu.example.edu.cn/auth/oidc/callback' }, /^HONGTU_OIDC_REDIRECT_URI must use https/],
    ['a claim name with spaces', { HONGTU_OIDC_CLAIM: 'student number' }, /^HONGTU_OIDC_CLAIM must be a claim name/],
    ['a label with a bidi override', { HONGTU_OIDC_LABEL: '统一\u202e认证' }, /^HONGTU_OIDC_LABEL must be up to 40 characters without control characters/],
    ['a label too long', { HONGTU_OIDC_LABEL: '认'.repeat(41) }, /^HONGTU_OIDC_LABEL must be up to 40/],
    ['a scope with a quote', { HONGTU_OIDC_SCOPE: 'openid "x"' }, /^HONGTU_OIDC_SCOPE must be scope names/],
    ['a policy that is no boolean', { HONGTU_OIDC_TRUST_IDP_MFA: 'maybe' }, /^HONGTU_OIDC_TRUST_IDP_MFA: Expected a boolean/],
  ];
  it.each(refusals)('refuses %s, naming the variable', (_what, change, message) => {
    expect(() => load({ ...GOOD, ...change })).toThrow(message);
  });

  it('refuses SSO variables without the issuer, naming the stray one', () => {
    expect(() => load({ HONGTU_OIDC_CLIENT_ID: 'hongtu' })).toThrow(/^HONGTU_OIDC_CLIENT_ID is set but HONGTU_OIDC_ISSUER is not/);
  });
});
