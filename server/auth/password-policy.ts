/**
 * What a new password must be: 10–256 characters, not one of the bundled common or breached passwords
 * (common-passwords.txt, also checked with trailing digits and symbols removed, so `password2024!`
 * counts as `password`), not the login name, not one character repeated. Length beats composition
 * rules (NIST SP 800-63B §5.1.1.2), so no "one capital, one digit" rule.
 */
import { readFileSync } from 'node:fs';
import { badInput } from '../errors';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | null = null;

/** The bundled list, read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/** Throws BAD_USER_INPUT (naming `field`) when `password` breaks the policy. */
export function checkPasswordPolicy(password: string, loginName: string, field = 'newPassword'): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw badInput(field, `${field} must be at least ${MIN_PASSWORD_LENGTH} characters; a short sentence is easy to remember`);
  if (length > MAX_PASSWORD_LENGTH) throw badInput(field, `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    throw badInput(field, `${field} is a common or breached password; choose one that others would not guess`);
  }
  if (loginName && lower.includes(loginName.toLowerCase())) throw badInput(field, `${field} must not contain your login name`);
  if (new Set(lower).size <= 2) throw badInput(field, `${field} repeats too few characters; choose a less predictable one`);
}
