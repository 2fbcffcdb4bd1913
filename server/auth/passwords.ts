/**
 * Password hashing: argon2id through @node-rs/argon2, whose async functions run on libuv's thread
 * pool, so hashing never blocks the event loop that serves other people's requests.
 *
 * Parameters (OWASP's first argon2id configuration, RFC 9106 §4 "memory-constrained"): 19 MiB of
 * memory, 2 passes, 1 lane, 32-byte output, 16-byte random salt. About 25–40 ms per hash on one core
 * of the shared 2-core machine (bench: `sign-in p50`). Hashes are PHC strings, so verifying reads the
 * parameters from the hash and a later change of these numbers still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_PARAMS = {
  algorithm: 2, // Argon2id
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/**
 * At most this many argon2 computations at once. libuv's pool has 4 threads by default and the
 * embedded store's queries run on the same pool, so hashing never takes all of it: other people's
 * reads keep two threads (bench `auth`: another member's read during sign-ins).
 */
export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

let verifications = 0;

/** How many password (or recovery-code) checks reached argon2 in this process; for tests and the bench. */
export const argon2Verifications = (): number => verifications;

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, ARGON2_PARAMS));
}

/** True when `password` matches the PHC `stored` hash; a malformed hash is a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  verifications += 1;
  try {
    return await limited(() => verify(stored, password, ARGON2_PARAMS));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * A hash of a random password with the same parameters, checked when the login name is unknown (or
 * has no password), so that an unknown name costs the same time as a wrong password.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}
