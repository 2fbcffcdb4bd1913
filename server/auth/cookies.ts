/**
 * The session cookie: an opaque random id (32 bytes, base64url) in an HttpOnly, SameSite=Strict
 * cookie on Path=/. Secure when the request came over TLS (or the TLS proxy says so with
 * X-Forwarded-Proto: https), or always/never by config; a Secure cookie takes the `__Host-` prefix,
 * which browsers accept only from a secure origin, with Path=/ and no Domain.
 */
import type { AuthConfig } from '../config';

export const COOKIE_NAME = 'hongtu_session';
const SECURE_NAME = `__Host-${COOKIE_NAME}`;

/** The header a cookie-authenticated request must carry (CSRF prevention; browsers cannot send it cross-site without CORS). */
export const CSRF_HEADER = 'x-graphql-csrf';

export function isSecureRequest(request: Request, mode: AuthConfig['cookieSecure']): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (new URL(request.url).protocol === 'https:') return true;
  return (request.headers.get('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
}

/** The session cookie's value in a request, or null. */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  let plain: string | null = null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === SECURE_NAME && value) return value;
    if (name === COOKIE_NAME && value) plain = value;
  }
  return plain;
}

/** Set-Cookie for a new session id; `maxAgeMs` bounds how long the browser keeps it. */
export function sessionCookie(value: string, secure: boolean, maxAgeMs: number): string {
  const name = secure ? SECURE_NAME : COOKIE_NAME;
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.round(maxAgeMs / 1000))}${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that removes the session cookie. */
export function clearSessionCookie(secure: boolean): string {
  return sessionCookie('', secure, 0);
}
