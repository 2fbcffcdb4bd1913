/**
 * RFC 9474 blind RSA signatures (RSABSSA-SHA384-PSS-Randomized) for appraisal ballots.
 *
 * The voter's browser prepares and blinds a random token and later finalizes the signature with
 * @cloudflare/blindrsa-ts; the server only ever sees the blinded message. The server side is:
 * - BlindSign (RFC 9474 §4.3): s = RSASP1(sk, m), checked by m == RSAVP1(pk, s). node:crypto's raw RSA
 *   (RSA_NO_PADDING, with CRT) computes exactly that, about 1 ms per signature against about 1.2 s for the
 *   library's pure-JavaScript big-integer path; a test checks both give the same bytes.
 * - Verify: the library's suite.verify (WebCrypto RSA-PSS, SHA-384, salt length 48).
 *
 * Each round has its own 2048-bit key pair. The private key is sealed at rest with AES-256-GCM under a key
 * derived (HKDF-SHA256) from the configured ballot secret and the round id, and destroyed when the round closes.
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  hkdfSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { promisify } from 'node:util';

export const MODULUS_BITS = 2048;
const MODULUS_BYTES = MODULUS_BITS / 8;
/** A prepared token: 32 random bytes the library prepends (the Randomized variant) + 32 bytes of the voter's. */
export const TOKEN_BYTES = 64;

const suite = RSABSSA.SHA384.PSS.Randomized();

export interface RoundKeys {
  publicKey: string;
  sealedPrivateKey: string;
}

function sealingKey(secret: string, roundId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, `hongtu-appraisal:${roundId}`, 'round private key', 32));
}

/** A new key pair for a round: the public key as SPKI base64, the private key sealed for the store. */
export async function createRoundKeys(secret: string, roundId: string): Promise<RoundKeys> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: MODULUS_BITS });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret, roundId), iv);
  const sealed = Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), sealedPrivateKey: sealed.toString('base64') };
}

const unsealed = new Map<string, ReturnType<typeof createPrivateKey>>();

/** The round's private key, unsealed once per process and kept while the round is open. */
function unseal(secret: string, roundId: string, sealed: string) {
  const cacheKey = `${roundId}\u0000${sealed}`;
  const hit = unsealed.get(cacheKey);
  if (hit) return hit;
  const key = unsealKey(secret, roundId, sealed);
  if (unsealed.size > 32) unsealed.clear();
  unsealed.set(cacheKey, key);
  return key;
}

function unsealKey(secret: string, roundId: string, sealed: string) {
  const buf = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret, roundId), buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  const der = Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/**
 * RFC 9474 BlindSign. Returns null when the blinded message is not a valid input for this key (wrong
 * length, or not below the modulus), so the caller can answer BAD_USER_INPUT.
 */
export function blindSign(secret: string, roundId: string, sealed: string, publicKey: string, blinded: Uint8Array): Uint8Array | null {
  if (blinded.length !== MODULUS_BYTES) return null;
  const key = unseal(secret, roundId, sealed);
  let s: Buffer;
  try {
    s = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, blinded);
  } catch {
    return null;
  }
  const pub = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  const back = publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, s);
  if (!back.equals(Buffer.from(blinded))) throw new Error('Blind signature self-check failed (RFC 9474 §4.3 step 4)');
  return new Uint8Array(s);
}

const verifyKeys = new Map<string, Promise<CryptoKey>>();

function importVerifyKey(publicKey: string): Promise<CryptoKey> {
  let key = verifyKeys.get(publicKey);
  if (!key) {
    key = crypto.subtle.importKey('spki', Buffer.from(publicKey, 'base64'), { name: 'RSA-PSS', hash: 'SHA-384' }, false, ['verify']);
    if (verifyKeys.size > 64) verifyKeys.clear();
    verifyKeys.set(publicKey, key);
  }
  return key;
}

/** True when `signature` is the round key's RSABSSA signature on the prepared token. */
export async function verifyBallotSignature(publicKey: string, token: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (token.length !== TOKEN_BYTES || signature.length !== MODULUS_BYTES) return false;
  try {
    return await suite.verify(await importVerifyKey(publicKey), signature, token);
  } catch {
    return false;
  }
}

/** What is stored and published for a spent token: SHA-256 of the prepared token, hex. */
export const tokenHash = (token: Uint8Array): string => createHash('sha256').update(token).digest('hex');

/** Hash of a blinded message, kept with the issuance so that a retry of the same request can be answered. */
export const blindedHash = (blinded: Uint8Array): string => createHash('sha256').update(blinded).digest('hex');

/** Strict base64 → bytes, or null for anything that is not base64. */
export function fromBase64(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(s, 'base64'));
}
