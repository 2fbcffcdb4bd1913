import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { configurePasswordHashing, defaultHashingLimits, hashingLoad, hashPassword, verifyPassword } from './passwords';

afterEach(() => configurePasswordHashing(defaultHashingLimits()));

describe('password hashing takes turns', () => {
  it('runs at most `concurrency` hashes, queues the next ones in order and refuses past the queue bound', async () => {
    configurePasswordHashing({ concurrency: 1, maxWaiting: 2 });
    const stored = await hashPassword('a long enough password');
    const finished: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((i) =>
      verifyPassword(stored, i === 1 ? 'a long enough password' : 'wrong').then((ok) => {
        finished.push(i);
        return ok;
      }),
    );
    expect(hashingLoad()).toEqual({ running: 1, waiting: 2 });
    const settled = await Promise.allSettled(calls);
    expect(settled.slice(0, 3).map((s) => (s.status === 'fulfilled' ? s.value : 'refused'))).toEqual([false, true, false]);
    for (const s of settled.slice(3)) {
      expect(s.status).toBe('rejected');
      const e = (s as PromiseRejectedResult).reason;
      expect(isAppError(e) && e.code).toBe('RATE_LIMITED');
      expect(isAppError(e) && e.details).toEqual({ retryAfterSeconds: 2, retryAfter: 2 });
    }
    expect(finished).toEqual([0, 1, 2]);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('lets more run at once when configured, and frees every slot after the work (also after a malformed hash)', async () => {
    configurePasswordHashing({ concurrency: 3, maxWaiting: 0 });
    const stored = await hashPassword('another long password');
    const calls = [verifyPassword(stored, 'x'), verifyPassword('not a phc string', 'x'), verifyPassword(stored, 'another long password')];
    expect(hashingLoad()).toEqual({ running: 3, waiting: 0 });
    await expect(verifyPassword(stored, 'y')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await Promise.all(calls)).toEqual([false, false, true]);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
