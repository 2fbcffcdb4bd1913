/**
 * TOTP second factor (RFC 6238 through otplib: SHA-1, 6 digits, 30 s, ±1 step accepted for clock
 * drift) and recovery codes. The secret is kept encrypted (secret-box.ts); recovery codes are shown
 * once and stored as argon2id hashes, each usable once.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { hashPassword, verifyPassword } from './passwords';
import { open, seal } from './secret-box';

const PURPOSE = 'totp';
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = '红图 Hongtu';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, loginName: string): string {
  return generateURI({ issuer: ISSUER, label: loginName, secret });
}

export const sealTotpSecret = (serverSecret: string, secret: string) => seal(serverSecret, PURPOSE, secret);
export const openTotpSecret = (serverSecret: string, sealed: string) => open(serverSecret, PURPOSE, sealed);

/** True when `code` is the current code of `secret` (or one step either side). */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  try {
    return (await verify({ secret, token: digits, epochTolerance: 30 })).valid;
  } catch {
    return false;
  }
}

/** Fresh recovery codes (`xxxx-xxxx-xxxx`) and their hashes. */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const hex = randomBytes(6).toString('hex');
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  });
  return { codes, hashes: await Promise.all(codes.map((c) => hashPassword(c))) };
}

/** The hashes left after using `code`, or null when it matches none. */
export async function useRecoveryCode(hashes: string[], code: string): Promise<string[] | null> {
  const norm = code.trim().toLowerCase();
  if (!/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/.test(norm)) return null;
  for (let i = 0; i < hashes.length; i++) {
    if (await verifyPassword(hashes[i]!, norm)) return hashes.filter((_, j) => j !== i);
  }
  return null;
}
