/**
 * A browser-like client for the API tests of sign-in: keeps the session cookie it is given (as a
 * browser's cookie jar would) and sends it with the CSRF header, over real HTTP; the client's own
 * operations go by their persisted hash, as the browser sends them.
 */
import { generate } from 'otplib';
import type { GqlResponse } from './api-server';
import { clientDocument, requestBody } from './persisted';

/** The web client's own sign-in operation (sent by its persisted hash). */
export const SIGN_IN = clientDocument('SignIn');

export interface CookieClient {
  /** The cookie value the client holds now (null when none). */
  cookie: string | null;
  /** Set-Cookie headers of the last response. */
  lastSetCookie: string[];
  gql(query: string, variables?: Record<string, unknown>, opts?: { csrf?: boolean }): Promise<GqlResponse>;
}

export function cookieClient(url: string): CookieClient {
  const c: CookieClient = {
    cookie: null,
    lastSetCookie: [],
    async gql(query, variables, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.csrf !== false) headers['x-graphql-csrf'] = '1';
      if (c.cookie) headers.cookie = c.cookie;
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: requestBody(query, variables) });
      c.lastSetCookie = res.headers.getSetCookie();
      for (const sc of c.lastSetCookie) {
        const [pair] = sc.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        c.cookie = /Max-Age=0\b/.test(sc) || !value ? null : `${name}=${value}`;
      }
      return { status: res.status, body: await res.json() };
    },
  };
  return c;
}

/** The current TOTP code of a base32 secret, as an authenticator app would show it. */
export const totpNow = (secret: string): Promise<string> => generate({ secret });
