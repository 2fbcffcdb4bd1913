import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from './token-verifier';
import { signToken, TOKEN_TTL_SECONDS } from './tokens';

const SECRET = 'test-secret-test-secret-0123456789abcdef';
const T0 = Date.UTC(2025, 2, 1, 8);

/** A clock the test moves by hand; jose is given the same instant. */
function clockAt(ms: number) {
  const c = { ms, now: () => c.ms };
  return c;
}

describe('createTokenVerifier', () => {
  it('answers a remembered token until its expiry, then refuses it as expired', async () => {
    const clock = clockAt(T0);
    const verify = createTokenVerifier(SECRET, { now: clock.now });
    const { token, expiresAt } = await signToken(SECRET, 'm-7', T0);
    expect(await verify(token)).toBe('m-7');
    expect(verify.size).toBe(1);
    clock.ms = expiresAt - 1;
    expect(await verify(token)).toBe('m-7');
    clock.ms = expiresAt;
    await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Session expired; sign in again' });
    expect(verify.size).toBe(0);
    expect(expiresAt - T0).toBe(TOKEN_TTL_SECONDS * 1000);
  });

  it('never remembers a refusal, and checks an altered token in full', async () => {
    const clock = clockAt(T0);
    const verify = createTokenVerifier(SECRET, { now: clock.now });
    const { token } = await signToken(SECRET, 'm-7', T0);
    const foreign = (await signToken('another-secret-another-secret-0123456789', 'm-7', T0)).token;
    for (let i = 0; i < 2; i++) {
      await expect(verify(foreign)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Invalid session token; sign in again' });
    }
    expect(await verify(token)).toBe('m-7');
    const [h, p, sig] = token.split('.');
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(flipped)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(verify.size).toBe(1);
  });

  it('remembers at most `max` tokens, forgetting the least recently used, and still verifies forgotten ones', async () => {
    const clock = clockAt(T0);
    const verify = createTokenVerifier(SECRET, { max: 2, now: clock.now });
    const tokens = await Promise.all(['m-1', 'm-2', 'm-3'].map(async (id) => (await signToken(SECRET, id, T0)).token));
    expect(await verify(tokens[0])).toBe('m-1');
    expect(await verify(tokens[1])).toBe('m-2');
    expect(await verify(tokens[0])).toBe('m-1');
    expect(await verify(tokens[2])).toBe('m-3');
    expect(verify.size).toBe(2);
    expect(await Promise.all(tokens.map((t) => verify(t)))).toEqual(['m-1', 'm-2', 'm-3']);
    expect(verify.size).toBe(2);
  });
});
