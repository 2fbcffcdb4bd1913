/**
 * Server-side browser sessions. The cookie holds a random id; the store keeps only its SHA-256, so a
 * copy of the store cannot be replayed as cookies. A session ends at its absolute expiry, after the
 * idle timeout without requests, or when revoked (sign-out, sign-out everywhere, an administrator,
 * a disabled account). Activity is written at most once a minute per session, so ordinary reads do
 * not each cost a store write.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthSession } from '../../graph';
import type { GraphStore } from '../../graph';
import type { AuthConfig } from '../config';
import { AppError } from '../errors';
import { authCacheFor } from './auth-cache';
import { touchLater } from './touch-later';

/** UNAUTHENTICATED for a cookie that no longer counts; `sessionEnded` lets the client say why it signed out. */
const ended = (message: string) => new AppError('UNAUTHENTICATED', message, { sessionEnded: true });

/** Activity younger than this is not written again. */
export const TOUCH_EVERY_MS = 60_000;

export const hashSessionId = (value: string): string => createHash('sha256').update(value).digest('hex');

export interface IssuedSession {
  cookieValue: string;
  record: AuthSession;
}

/** Create a session for a member; the cookie value is returned once and never stored. */
export async function issueSession(
  store: GraphStore,
  cfg: AuthConfig,
  opts: { memberId: string; role: string; method: string; userAgent: string | null; now: number; expiresAt?: number },
): Promise<IssuedSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const record: AuthSession = {
    id: hashSessionId(cookieValue),
    memberId: opts.memberId,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    expiresAt: opts.expiresAt ?? opts.now + cfg.sessionMaxMs,
    revokedAt: 0,
    role: opts.role,
    method: opts.method,
    userAgent: (opts.userAgent ?? '').slice(0, 200),
  };
  await store.createAuthSession(record);
  return { cookieValue, record };
}

/**
 * The live session of a cookie value; UNAUTHENTICATED when unknown, revoked, past its absolute end or
 * idle too long (an idle one is revoked then, so it cannot come back).
 */
export async function resolveSession(store: GraphStore, cfg: AuthConfig, cookieValue: string, now: number): Promise<AuthSession> {
  // Possibly from the process's cache (auth-cache.ts: emptied by every write that could end the session);
  // revocation, expiry and idle time are checked here on every request all the same.
  const cache = authCacheFor(store);
  const id = hashSessionId(cookieValue);
  const s = await cache.authSession(id, () => store.getAuthSession(id));
  if (s?.revokedAt !== 0) throw ended('Your session has ended; sign in again');
  if (now >= s.expiresAt) throw ended('Your session has expired; sign in again');
  if (now - s.lastSeenAt >= cfg.sessionIdleMs) {
    await store.revokeAuthSessions(s.memberId, now, { only: s.id });
    throw ended('Your session ended after a period of inactivity; sign in again');
  }
  if (now - s.lastSeenAt >= TOUCH_EVERY_MS) {
    touchLater(`session:${s.id}`, () => store.touchAuthSession(s.id, now));
    cache.sessionSeen(s.id, now);
  }
  return s;
}

/**
 * A new id for a live session (on a change of role): the new session keeps the old one's absolute
 * end, and the old id stops working.
 */
export async function rotateSession(store: GraphStore, cfg: AuthConfig, old: AuthSession, role: string, userAgent: string | null, now: number): Promise<IssuedSession> {
  const next = await issueSession(store, cfg, { memberId: old.memberId, role, method: old.method, userAgent, now, expiresAt: old.expiresAt });
  await store.revokeAuthSessions(old.memberId, now, { only: old.id });
  return next;
}
