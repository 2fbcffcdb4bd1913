/**
 * Token verification with a bounded memory of tokens already verified. An HS256 check costs a
 * WebCrypto round trip on every request (~0.7 ms of CPU on the shared machine, and a hop off the
 * event loop that splits the request's first DataLoader batch); a signed-in client sends the same
 * token for hours. A remembered token answers only until its own `exp` (the same instant jose
 * would start refusing it) and only for the exact token string, so a forged or altered token is
 * still checked in full; refusals are never remembered. Nothing about the viewer is cached: the
 * member, role and branches are still read fresh on each request.
 */
import { verifyTokenClaims } from './tokens';

/** Returns the member id of a valid token; UNAUTHENTICATED otherwise. */
export interface TokenVerifier {
  (token: string): Promise<string>;
  /** Tokens remembered now (at most `max`). */
  readonly size: number;
}

/** How many distinct tokens to remember; the least recently used is forgotten first. */
export const TOKEN_MEMORY = 1000;

/**
 * A verifier for `secret`. `now` (epoch ms) is for tests; by default the real clock, as jose uses.
 * Tokens without an expiry are verified every time.
 */
export function createTokenVerifier(secret: string, opts: { max?: number; now?: () => number } = {}): TokenVerifier {
  const max = opts.max ?? TOKEN_MEMORY;
  const clock = opts.now;
  const known = new Map<string, { memberId: string; expiresAt: number }>();
  const verify = async (token: string): Promise<string> => {
    const now = clock ? clock() : Date.now();
    const hit = known.get(token);
    if (hit) {
      known.delete(token);
      if (now < hit.expiresAt) {
        known.set(token, hit); // most recently used last
        return hit.memberId;
      }
    }
    // Expired or unknown: jose decides, with its own messages (e.g. "Session expired").
    const { memberId, expiresAt } = await verifyTokenClaims(secret, token, clock ? now : undefined);
    if (expiresAt !== null) {
      known.set(token, { memberId, expiresAt });
      if (known.size > max) known.delete(known.keys().next().value!);
    }
    return memberId;
  };
  return Object.defineProperty(verify, 'size', { get: () => known.size }) as TokenVerifier;
}
