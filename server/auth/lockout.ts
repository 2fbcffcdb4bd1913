/**
 * Lockout with backoff for password sign-in. After LOCK_AFTER wrong passwords for one login name,
 * sign-in with that name is refused for 30 s, doubling with each further failure up to 15 min; a
 * refused attempt never reaches argon2. Attempts for one name run one at a time, so a burst of
 * concurrent guesses cannot all pass the check before the first failure is counted.
 *
 * Known accounts keep their count and lock in the store (they survive a restart and show to
 * administrators); unknown names are tracked here in memory (bounded), with the same rule, so a
 * lock does not reveal whether a name exists.
 */
export const LOCK_AFTER = 5;
const BASE_MS = 30_000;
const MAX_MS = 15 * 60_000;
const MEMORY = 10_000;

/** How long to lock after `failures` consecutive failures (0 = not locked). */
export function lockDuration(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.min(20, failures - LOCK_AFTER));
}

export class SignInThrottle {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly unknown = new Map<string, { failures: number; lockedUntil: number }>();

  /**
   * Run `fn` after every earlier attempt for the same name has finished, including the bookkeeping
   * (`after`) of a failure, which the caller does not wait for; `onAfterError` hears its failures.
   */
  serial<T>(name: string, fn: () => Promise<{ result: T } | { error: Error; after: Promise<unknown> }>, onAfterError: (e: unknown) => void = () => undefined): Promise<T> {
    const prev = this.chains.get(name) ?? Promise.resolve();
    const outcome = prev.then(fn);
    const tail: Promise<void> = outcome.then(
      (o) => ('after' in o ? o.after.then(() => undefined, onAfterError) : undefined),
      () => undefined,
    );
    this.chains.set(name, tail);
    void tail.then(() => {
      if (this.chains.get(name) === tail) this.chains.delete(name);
    });
    return outcome.then((o) => {
      if ('error' in o) throw o.error;
      return o.result;
    });
  }

  /** Lock end of an unknown name (0 when not locked). */
  unknownLockedUntil(name: string): number {
    return this.unknown.get(name)?.lockedUntil ?? 0;
  }

  /** Count a failure for an unknown name; returns its new lock end. */
  failUnknown(name: string, now: number): number {
    const cur = this.unknown.get(name) ?? { failures: 0, lockedUntil: 0 };
    this.unknown.delete(name);
    cur.failures += 1;
    const d = lockDuration(cur.failures);
    cur.lockedUntil = d ? now + d : 0;
    this.unknown.set(name, cur);
    if (this.unknown.size > MEMORY) this.unknown.delete(this.unknown.keys().next().value!);
    return cur.lockedUntil;
  }
}
