/**
 * The HTTP side of campus single sign-on, on the same server as the API:
 *   GET /auth/oidc/start     a transaction cookie, then 302 to the identity service;
 *   GET /auth/oidc/callback  the identity service sends the browser back here.
 * Cookies: the transaction cookie is SameSite=Lax (the callback is a top-level navigation from the
 * provider's site, which Lax allows and Strict would not), HttpOnly, Path=/auth/oidc, 10 minutes, cleared
 * by the callback. The session cookie stays SameSite=Strict: the callback sets it on a small page that
 * moves on with a same-site navigation (meta refresh), so the app's first request already carries it.
 * A refusal goes back to the sign-in page with `#/signin?sso=<reason>`; the page explains the reason.
 * Both routes are rate limited per client address like password sign-in (HONGTU_RATE_SIGN_IN per 5 minutes).
 */
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config';
import { clientAddress, TokenBuckets } from '../api/security-rate-limit';
import { isSecureRequest, sessionCookie } from './cookies';
import { type OidcSignIn, TRANSACTION_MS } from './oidc';
import { pendingCookie } from './oidc-second-factor';

export const OIDC_START = '/auth/oidc/start';
export const OIDC_CALLBACK = '/auth/oidc/callback';
const TX_COOKIE = 'hongtu_oidc';

function txCookie(value: string, secure: boolean, maxAgeMs: number): string {
  const name = secure ? `__Secure-${TX_COOKIE}` : TX_COOKIE;
  return `${name}=${value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${Math.round(maxAgeMs / 1000)}${secure ? '; Secure' : ''}`;
}

function readTxCookie(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (eq > 0 && (name === TX_COOKIE || name === `__Secure-${TX_COOKIE}`)) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' };

/** A page that moves on to `target` (same-site) at once; the link is for browsers that do not refresh. */
function moveOnPage(target: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}">` +
    `<title>红图 Hongtu</title></head><body><p><a href="${target}">继续 Continue</a></p></body></html>`
  );
}

export function useOidcRoutes(config: Readonly<Config>, sso: OidcSignIn | null, now: () => number = Date.now): Plugin {
  const limit = new TokenBuckets(config.rateLimit.signInPerAddressPer5Min, 5 * 60_000);
  return {
    onRequest: async ({ request, url, serverContext, endResponse, fetchAPI }) => {
      if (url.pathname !== OIDC_START && url.pathname !== OIDC_CALLBACK) return;
      // Always a small body: an empty one on a redirect was seen to leave node's response unended, and the
      // next request on the same kept-alive connection then waited.
      const respond = (status: number, body: string, headers: [string, string][]) => {
        const h = new fetchAPI.Headers(NO_STORE);
        for (const [k, v] of headers) h.append(k, v);
        endResponse(new fetchAPI.Response(body, { status, headers: h }));
      };
      if (!sso) return respond(404, 'Campus single sign-on is not configured on this server.', []);
      if (request.method !== 'GET') return respond(405, 'Method not allowed', [['allow', 'GET']]);
      const secure = isSecureRequest(request, config.auth.cookieSecure);
      const back = (reason: string, extra: [string, string][] = []) => respond(303, moveOnPage(`/#/signin?sso=${reason}`), [['location', `/#/signin?sso=${reason}`], ...extra]);
      const key = `${url.pathname}|${clientAddress(request, serverContext, config.trustProxy)}`;
      const wait = limit.take(key, now());
      if (wait > 0) return back('sso_rate_limited', [['retry-after', String(Math.ceil(wait / 1000))]]);

      if (url.pathname === OIDC_START) {
        const started = await sso.start();
        if (!started) return back('sso_unavailable');
        return respond(302, moveOnPage(started.location.replace(/&/g, '&amp;').replace(/"/g, '&quot;')), [
          ['location', started.location],
          ['set-cookie', txCookie(started.transaction, secure, TRANSACTION_MS)],
        ]);
      }
      const clearTx: [string, string] = ['set-cookie', txCookie('', secure, 0)];
      const outcome = await sso.finish(url.search, readTxCookie(request), request.headers.get('user-agent'));
      if (outcome.kind === 'refused') return back(outcome.reason, [clearTx]);
      if (outcome.kind === 'second-factor') {
        return respond(200, moveOnPage('/#/signin?sso=totp'), [clearTx, ['set-cookie', pendingCookie(sso, outcome.memberId, secure)]]);
      }
      const { issued } = outcome;
      return respond(200, moveOnPage('/#/'), [clearTx, ['set-cookie', sessionCookie(issued.cookieValue, secure, issued.record.expiresAt - issued.record.createdAt)]]);
    },
  };
}
