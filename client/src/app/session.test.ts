/** The "signed out elsewhere" notice: shown after the API ends the session, until someone signs in. */
import { describe, expect, it } from 'vitest';
import { expireSession, readSession, sessionExpiredNotice, subscribeSession, writeSession } from './session';

const someone = { memberId: 'm-1', name: '李华', role: 'SECRETARY' as const, branchId: 'b-1', committeeId: 'c-1' };

describe('the expired-session notice', () => {
  it('is read any number of times (a page may render twice before it shows), and ends with the next sign-in', () => {
    writeSession(someone);
    expect(sessionExpiredNotice()).toBe(false);
    let told = 0;
    const stop = subscribeSession(() => told++);
    expireSession();
    expect(readSession()).toBeNull();
    expect(told).toBe(1);
    expect([sessionExpiredNotice(), sessionExpiredNotice(), sessionExpiredNotice()]).toEqual([true, true, true]);
    // Signing out by hand does not end it (the person has still not signed in again); signing in does.
    writeSession(null);
    expect(sessionExpiredNotice()).toBe(true);
    writeSession(someone);
    expect(sessionExpiredNotice()).toBe(false);
    expect(told).toBe(3);
    stop();
  });
});
