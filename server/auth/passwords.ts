/**
 * Password hashing: argon2id through @node-rs/argon2, whose async functions run on libuv's thread
 * pool, so hashing never blocks the event loop that serves other people's requests; and they take
 * turns (below), so hashing never takes every core from it either.
 *
 * Parameters (OWASP's first argon2id configuration, RFC 9106 §4 "memory-constrained"): 19 MiB of
 * memory, 2 passes, 1 lane, 32-byte output, 16-byte random salt. About 25–40 ms per hash on one core
 * of the shared 2-core machine (bench: `sign-in p50`). Hashes are PHC strings, so verifying reads the
 * parameters from the hash and a later change of these numbers still verifies old hashes.
 */
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { rateLimited } from '../errors';

export const ARGON2_PARAMS = {
  algorithm: 2, // Argon2id
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/**
 * Password hashing takes turns. argon2 is CPU-bound: every hash running at once holds a core, and
 * the event loop that answers other people's requests needs one too. So at most `concurrency` hashes
 * run together (default: half the cores, at least 1 — one at a time on a 2-core machine), the rest
 * wait in order, and when `maxWaiting` are already waiting the next one is refused with RATE_LIMITED
 * instead of piling up (bench `auth`: another member's read during a sign-in storm).
 * createApp sets these from the config (HONGTU_ARGON2_CONCURRENCY, HONGTU_ARGON2_QUEUE).
 */
export interface HashingLimits {
  concurrency: number;
  maxWaiting: number;
}

export const defaultHashingLimits = (): HashingLimits => ({
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  maxWaiting: 64,
});

let limits: HashingLimits = defaultHashingLimits();
let running = 0;
const waiting: (() => void)[] = [];

/** Set how many hashes run at once and how many may wait (applies to hashes started from now on). */
export function configurePasswordHashing(next: HashingLimits): void {
  limits = { concurrency: Math.max(1, next.concurrency), maxWaiting: Math.max(0, next.maxWaiting) };
  while (running < limits.concurrency && waiting.length) {
    running += 1;
    waiting.shift()!();
  }
}

/** Hashes running and waiting right now (for tests and the bench). */
export const hashingLoad = (): { running: number; waiting: number } => ({ running, waiting: waiting.length });

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limits.concurrency) {
    if (waiting.length >= limits.maxWaiting) {
      throw rateLimited('Too many sign-ins are being checked right now; try again in a few seconds', 2);
    }
    // The finishing hash counts this one as running before waking it, so none can overtake it.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    running -= 1;
    if (running < limits.concurrency && waiting.length) {
      running += 1;
      waiting.shift()!();
    }
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
  return limited(async () => {
    verifications += 1;
    try {
      return await verify(stored, password, ARGON2_PARAMS);
    } catch {
      return false;
    }
  });
}

let dummy: Promise<string> | null = null;

/**
 * A hash of a random password with the same parameters, checked when the login name is unknown (or
 * has no password), so that an unknown name costs the same time as a wrong password.
 */
export function dummyHash(): Promise<string> {
  // A refusal (queue full) is not kept: the next unknown name tries again.
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`).catch((e: unknown) => {
    dummy = null;
    throw e;
  });
  return dummy;
}
