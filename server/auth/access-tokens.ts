/**
 * Personal access tokens for programmatic clients: `htpat_<id>_<secret>`, sent as
 * `Authorization: Bearer …`. The id is public (it names the token in lists); only the SHA-256 of the
 * secret is stored, compared in constant time. Each token is scoped (READ refuses mutations) and
 * expires within config.auth.tokenMaxDays; revoked at once by its owner, an administrator's
 * sign-out-everywhere, or a disabled account.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessToken, TokenScope } from '../../graph';
import type { GraphStore } from '../../graph';
import { badInput, unauthenticated } from '../errors';
import { authCacheFor } from './auth-cache';
import { touchLater } from './touch-later';

export const TOKEN_PREFIX = 'htpat_';
const FORMAT = /^htpat_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const DAY = 86_400_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomId = () => randomBytes(12).toString('base64url').replace(/[-_]/g, '').padEnd(16, '0').slice(0, 16);

export const isAccessToken = (bearer: string): boolean => bearer.startsWith(TOKEN_PREFIX);

export interface NewTokenInput {
  name: string;
  scope: TokenScope;
  introspect: boolean;
  days: number;
}

/** Create a token; the returned `token` string is shown once and never stored. */
export async function createAccessToken(store: GraphStore, memberId: string, input: NewTokenInput, maxDays: number, now: number): Promise<{ token: string; record: AccessToken }> {
  const name = input.name.trim();
  if (!name || [...name].length > 80) throw badInput('name', 'name must be 1–80 characters, e.g. "统计脚本"');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxDays) {
    throw badInput('days', `days must be a whole number from 1 to ${maxDays}: tokens always expire`);
  }
  const id = randomId();
  const secret = randomBytes(32).toString('base64url');
  const record: AccessToken = {
    id,
    memberId,
    name,
    secretHash: sha256(secret),
    scope: input.scope,
    introspect: input.introspect,
    createdAt: now,
    expiresAt: now + input.days * DAY,
    revokedAt: 0,
    lastUsedAt: 0,
  };
  await store.createAccessToken(record);
  return { token: `${TOKEN_PREFIX}${id}_${secret}`, record };
}

/** The live token a bearer string names; UNAUTHENTICATED otherwise (one message for every defect). */
export async function verifyAccessToken(store: GraphStore, bearer: string, now: number): Promise<AccessToken> {
  const m = FORMAT.exec(bearer);
  const refused = () => unauthenticated('Invalid, expired or revoked access token; create a new one on your account page');
  if (!m) throw refused();
  // The record may come from the process's cache (auth-cache.ts: emptied by every write that could revoke it);
  // the secret, revocation and expiry are checked here on every request all the same.
  const cache = authCacheFor(store);
  const t = await cache.accessToken(m[1]!, () => store.getAccessToken(m[1]!));
  if (!t) throw refused();
  const given = Buffer.from(sha256(m[2]!), 'hex');
  const stored = Buffer.from(t.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw refused();
  if (t.revokedAt !== 0 || now >= t.expiresAt) throw refused();
  if (now - t.lastUsedAt >= 60_000) {
    touchLater(`token:${t.id}`, () => store.touchAccessToken(t.id, now));
    cache.tokenUsed(t.id, now);
  }
  return t;
}

const verifiedPerRequest = new WeakMap<Request, Promise<AccessToken>>();

/**
 * verifyAccessToken once per HTTP request: the persisted-operations gate and the request's
 * credentials both ask, and the second asker gets the first answer (no second store read).
 */
export function verifyAccessTokenOnce(store: GraphStore, request: Request, bearer: string, now: number): Promise<AccessToken> {
  let p = verifiedPerRequest.get(request);
  if (!p) {
    p = verifyAccessToken(store, bearer, now);
    verifiedPerRequest.set(request, p);
  }
  return p;
}
