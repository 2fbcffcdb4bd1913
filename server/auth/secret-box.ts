/**
 * Encrypts small secrets kept in the store (TOTP secrets) with AES-256-GCM under a key derived by
 * HKDF-SHA256 from the server secret (HONGTU_JWT_SECRET). A copied store alone reveals no TOTP secret.
 * Format: `v1.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const keyFor = (serverSecret: string, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', serverSecret, 'hongtu-secret-box', purpose, 32));

export function seal(serverSecret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyFor(serverSecret, purpose), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
}

/** The plain text, or null when the box was sealed under another secret or altered. */
export function open(serverSecret: string, purpose: string, sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || body === undefined || !tag) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', keyFor(serverSecret, purpose), Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
