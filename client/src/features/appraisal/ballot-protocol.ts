/**
 * The voter's side of RFC 9474 blind signatures (RSABSSA-SHA384-PSS-Randomized), run in the browser:
 * 1. make a random token and blind it with the round's public key; send only the blinded message (signed in);
 * 2. unblind the server's blind signature: (token, signature) now verifies under the round key, and the server
 *    has never seen either;
 * 3. after a random delay, send the ballot with token and signature in a request WITHOUT credentials.
 * The receipt is the SHA-256 of the token, which the server publishes with every other spent token after the
 * round closes.
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';

const suite = RSABSSA.SHA384.PSS.Randomized();

export const toBase64 = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
};

export const fromBase64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function importRoundKey(publicKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64(publicKey), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
}

export interface BlindedToken {
  token: Uint8Array;
  blindedMessage: string;
  inv: Uint8Array;
}

/** Step 1: a fresh random token, prepared and blinded for the round's key. */
export async function blindToken(publicKey: string): Promise<BlindedToken> {
  const token = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await suite.blind(await importRoundKey(publicKey), token);
  return { token, blindedMessage: toBase64(blindedMsg), inv };
}

/** Step 2: the unblinded signature; throws when the server's answer does not verify under the round key. */
export async function unblindSignature(publicKey: string, t: BlindedToken, blindSignature: string): Promise<string> {
  const sig = await suite.finalize(await importRoundKey(publicKey), t.token, fromBase64(blindSignature), t.inv);
  return toBase64(sig);
}

/** The receipt of a token: SHA-256, hex (what spentBallotTokens lists). */
export async function receiptOf(token: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(token)));
  return [...d].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * How long to wait before sending the ballot: uniform in [minMs, maxMs], from the browser's own random source,
 * so that the order of ballots says nothing about the order in which voters were signed in.
 */
export function randomDelayMs(minMs = 20_000, maxMs = 180_000): number {
  const [x] = crypto.getRandomValues(new Uint32Array(1));
  return minMs + Math.floor((x! / 2 ** 32) * (maxMs - minMs + 1));
}
