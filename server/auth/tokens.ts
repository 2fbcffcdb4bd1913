/**
 * Demo tokens: HS256 JWTs signed with config.jwtSecret (jose), accepted only while the demo login is
 * on (never in production, where browsers use session cookies and programs personal access tokens).
 * The subject is the member id; everything else about the viewer is read fresh from the store on each
 * request. A token must carry an expiry no further than TOKEN_TTL_SECONDS ahead.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from '../errors';

const ISSUER = 'hongtu';
const AUDIENCE = 'hongtu-api';
/** Twelve hours: a working day of demo use without re-signing in. */
export const TOKEN_TTL_SECONDS = 12 * 3600;
/** Tolerated difference between the signer's clock and ours. */
const MAX_CLOCK_SKEW_SECONDS = 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Sign a token for a member; returns the token and its expiry (epoch ms). */
export async function signToken(secret: string, memberId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + TOKEN_TTL_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(memberId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: exp * 1000 };
}

/** Verify a token and return its member id; any defect → UNAUTHENTICATED with the reason. */
export async function verifyToken(secret: string, token: string): Promise<string> {
  return (await verifyTokenClaims(secret, token)).memberId;
}

/**
 * Verify a token at `now` (epoch ms; jose's clock otherwise) and return its member id and expiry
 * (epoch ms, null when the token has none); any defect → UNAUTHENTICATED with the reason.
 */
export async function verifyTokenClaims(secret: string, token: string, now?: number): Promise<{ memberId: string; expiresAt: number | null }> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      ...(now === undefined ? {} : { currentDate: new Date(now) }),
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('Token has no subject; sign in again');
    if (typeof payload.exp !== 'number') throw unauthenticated('Token has no expiry; sign in again');
    const nowS = (now ?? Date.now()) / 1000;
    if (payload.exp - nowS > TOKEN_TTL_SECONDS + MAX_CLOCK_SKEW_SECONDS) throw unauthenticated('Token lives longer than a session may; sign in again');
    return { memberId: payload.sub, expiresAt: payload.exp * 1000 };
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw unauthenticated('Session expired; sign in again');
    if (e instanceof joseErrors.JOSEError) throw unauthenticated('Invalid session token; sign in again');
    throw e;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
