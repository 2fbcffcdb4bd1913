/**
 * Portable learning profile: with the member's recorded consent, an instance signs the member's
 * mastery, completed courses and pipeline milestones as a JWT (a JWS, EdDSA/Ed25519) with its own
 * key, and publishes the public key as a JWKS at /.well-known/jwks.json. Another instance accepts a
 * profile only from an issuer it trusts, verified against that issuer's published keys, and only
 * when the profile carries the consent it was exported under.
 */
import { createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { AppError, badInput } from '../errors';

export const PROFILE_TYPE = 'hongtu-learning-profile+jwt';
const ALG = 'EdDSA';

export interface InstanceKeys {
  /** This instance's public base URL; the `iss` of what it signs. */
  issuer: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface ProfileContent {
  member: { id: string; name: string; stage: string; kind: string };
  mastery: { topicId: string; p: number; updatedAt: number }[];
  completedCourses: { courseId: string; title: string; completedAt: number }[];
  milestones: { step: string; at: number; documentRef: string | null }[];
  consent: { at: number; transferId: string };
}

/** Which issuers an instance accepts and how it gets their keys (their JWKS over HTTP by default). */
export interface ProfileTrust {
  issuers: string[];
  keysOf?: (issuer: string) => Parameters<typeof jwtVerify>[1];
}

/** A fresh Ed25519 key pair (what `hongtu` keeps in the data directory). */
export async function generateInstanceKeys(issuer: string, kid = `hongtu-${Date.now().toString(36)}`): Promise<{ keys: InstanceKeys; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  return { keys: { issuer, kid, privateKey: privateKey as CryptoKey, publicJwk }, privateJwk };
}

/** Keys from a stored private JWK (its public part is derived from it). */
export async function instanceKeysFromJwk(issuer: string, privateJwk: JWK): Promise<InstanceKeys> {
  const kid = String(privateJwk.kid ?? 'hongtu');
  const privateKey = (await importJWK({ ...privateJwk, alg: ALG }, ALG)) as CryptoKey;
  const { d: _d, ...pub } = privateJwk;
  return { issuer, kid, privateKey, publicJwk: { ...pub, kid, alg: ALG, use: 'sig' } };
}

/** The JWKS document this instance publishes. */
export const publishedJwks = (keys: InstanceKeys) => ({ keys: [keys.publicJwk] });

/** Sign a profile; it is valid for `days` days. */
export async function signProfile(keys: InstanceKeys, subject: string, content: ProfileContent, now: number, days = 30): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ profile: content })
    .setProtectedHeader({ alg: ALG, kid: keys.kid, typ: PROFILE_TYPE })
    .setIssuer(keys.issuer)
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + days * 86_400)
    .setJti(content.consent.transferId)
    .sign(keys.privateKey);
}

const rejected = (why: string) => new AppError('BAD_USER_INPUT', `The learning profile was rejected: ${why}`, { field: 'token' });

/** Verify a profile against its issuer's published keys; BAD_USER_INPUT naming why it is rejected. */
export async function verifyProfile(trust: ProfileTrust | undefined, token: string, now: number): Promise<{ issuer: string; content: ProfileContent }> {
  if (!trust || trust.issuers.length === 0) throw badInput('token', 'This instance trusts no other Hongtu instance; set HONGTU_TRUSTED_INSTANCES');
  if (typeof token !== 'string' || token.length > 200_000 || token.split('.').length !== 3) throw rejected('it is not a signed profile (compact JWS)');
  let issuer: string;
  try {
    issuer = String(decodeJwt(token).iss ?? '');
  } catch {
    throw rejected('it cannot be decoded');
  }
  if (!trust.issuers.includes(issuer)) throw rejected(`issuer "${issuer}" is not a trusted instance`);
  const keys = trust.keysOf?.(issuer) ?? createRemoteJWKSet(new URL('/.well-known/jwks.json', issuer));
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keys as never, { issuer, algorithms: [ALG], typ: PROFILE_TYPE, currentDate: new Date(now) }));
  } catch (e) {
    throw rejected(`its signature does not verify against ${issuer}'s published key (${(e as Error).message})`);
  }
  const content = payload.profile as ProfileContent | undefined;
  if (!content || typeof content !== 'object' || !Array.isArray(content.mastery) || !Array.isArray(content.milestones)) {
    throw rejected('it carries no learning profile');
  }
  if (!content.consent || typeof content.consent.at !== 'number' || !content.consent.transferId) {
    throw rejected('it carries no record of the member’s consent');
  }
  return { issuer, content };
}
