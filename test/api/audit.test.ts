/** The access trail: who read a member's personal data, visible to the member and university admins. */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();
const TRAIL = 'query($id: ID!) { accessRecords(memberId: $id) { viewerId action targetKind targetId } }';

describe('accessRecords', () => {
  it('shows a member who read their data, newest first', async () => {
    await t.as('sec')('{ member(id: "m-b") { name } }');
    await t.as('cadmin')('{ member(id: "m-b") { recentActivity { studies { id } } } }');
    const r = await t.as('b')(TRAIL, { id: 'm-b' });
    const rows = r.body.data.accessRecords.map((a: Record<string, string>) => `${a.viewerId} ${a.action} ${a.targetKind} ${a.targetId}`);
    // The two reads of one request share a timestamp, so only the order between requests is fixed.
    expect(rows.slice(0, 2).sort()).toEqual(['m-cadmin READ_HISTORY Member m-b', 'm-cadmin READ_MEMBER Member m-b']);
    expect(rows.slice(2)).toEqual(['m-sec READ_MEMBER Member m-b']);
  });

  it('is open to university administrators and closed to everyone else', async () => {
    expect((await t.as('uadmin')(TRAIL, { id: 'm-b' })).body.data.accessRecords.length).toBeGreaterThan(0);
    expect(codes(await t.as('sec')(TRAIL, { id: 'm-b' }))).toEqual(['FORBIDDEN']);
    // The secretary may read m-b but not their trail (FORBIDDEN); a branch mate may not read m-b at all:
    // the answer of a member who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('a')(TRAIL, { id: 'm-b' }))).toEqual(['NOT_FOUND']);
  });

  it('names an unknown member', async () => {
    const r = await t.as('uadmin')(TRAIL, { id: 'm-404' });
    expect(r.body.errors[0].message).toBe('Member "m-404" not found');
  });
});
