/** The instance key file: made once with mode 0600, the same key on the next start, signing what verifies. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyFileOf, loadOrCreateInstanceKeys } from './instance-keys';
import { signProfile, verifyProfile } from './profile';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('instance keys', () => {
  it('keeps one key across starts and verifies what it signs', async () => {
    const a = await loadOrCreateInstanceKeys(dir, 'https://a.example');
    expect(statSync(keyFileOf(dir)).mode & 0o777).toBe(0o600);
    const b = await loadOrCreateInstanceKeys(dir, 'https://a.example');
    expect(b.kid).toBe(a.kid);
    expect(b.publicJwk).toEqual(a.publicJwk);
    expect(b.publicJwk.d).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    const content = { member: { id: 'm', name: '甲', stage: 'FULL', kind: 'STUDENT' }, mastery: [], completedCourses: [], milestones: [], consent: { at: now, transferId: 't' } };
    const token = await signProfile(a, 'm', content, now);
    const { createLocalJWKSet } = await import('jose');
    const got = await verifyProfile({ issuers: ['https://a.example'], keysOf: () => createLocalJWKSet({ keys: [b.publicJwk] }) }, token, now);
    expect(got.content).toEqual(content);
    await expect(verifyProfile({ issuers: ['https://a.example'], keysOf: () => createLocalJWKSet({ keys: [b.publicJwk] }) }, token, now + 31 * 86_400_000)).rejects.toThrow(
      /does not verify/,
    );
  });
});
