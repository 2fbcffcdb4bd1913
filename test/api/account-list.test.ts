/**
 * accountList over real HTTP on a real Kuzu store: administrators see exactly the members whose
 * accounts they administer (committee: its branches; university: everyone), with account status;
 * others are refused; a login-name search finds one member only within scope; paging follows member
 * ids; every account read lands in the access log.
 */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';
import { buildMember } from '../support/builders';

const t = useApiWorld();
const LIST = `query ($search: String, $first: Int, $after: String) {
  accountList(search: $search, first: $first, after: $after) {
    totalCount endCursor hasNextPage
    items { member { id name phone branch { id } } account { loginName status mustChangePassword totpEnabled locked } manageable }
  }
}`;
const ids = (r: { body: any }) => r.body.data.accountList.items.map((x: { member: { id: string } }) => x.member.id);

describe('accountList', () => {
  it("lists the members in the administrator's scope with their accounts, masked, and audits each account read", async () => {
    const otp = await t.as('uadmin')('mutation { createAccount(memberId: "m-a", loginName: "S2026A") { oneTimePassword } }');
    expect(codes(otp)).toEqual([]);
    await t.as('uadmin')('mutation { createAccount(memberId: "m-d", loginName: "s2026d") { oneTimePassword } }');
    await t.as('uadmin')('mutation { disableAccount(memberId: "m-d") { status } }');

    const committee = await t.as('cadmin')(LIST, { first: 100 });
    expect(codes(committee)).toEqual([]);
    // c-1's branches b-1 and b-2 only; the university admin (b-3) and m-d (b-3) are not there.
    expect(ids(committee).sort()).toEqual(['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-sec']);
    const a = committee.body.data.accountList.items.find((x: any) => x.member.id === 'm-a');
    expect(a).toEqual({
      member: { id: 'm-a', name: '张三', phone: '138****5678', branch: { id: 'b-1' } },
      account: { loginName: 's2026a', status: 'ACTIVE', mustChangePassword: true, totpEnabled: false, locked: false },
      manageable: true,
    });
    expect(committee.body.data.accountList.items.find((x: any) => x.member.id === 'm-b').account).toBeNull();

    const everyone = await t.as('uadmin')(LIST, { first: 100 });
    expect(ids(everyone)).toEqual(['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-d', 'm-sec', 'm-uadmin']);
    expect(everyone.body.data.accountList.items.find((x: any) => x.member.id === 'm-d').account.status).toBe('DISABLED');

    const reads = await t.store.listAccess({ viewerId: 'm-cadmin', limit: 100 });
    expect(reads.filter((r) => r.action === 'READ_ACCOUNT').map((r) => r.targetId)).toEqual(['m-a']);
    expect(
      reads
        .filter((r) => r.action === 'READ_MEMBER')
        .map((r) => r.targetId)
        .sort(),
    ).toEqual(['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-sec']);
  });

  it('pages by member id', async () => {
    const first = await t.as('uadmin')(LIST, { first: 3 });
    expect(ids(first)).toEqual(['m-a', 'm-b', 'm-c']);
    expect(first.body.data.accountList).toMatchObject({ totalCount: 8, hasNextPage: true, endCursor: 'm-c' });
    const next = await t.as('uadmin')(LIST, { first: 3, after: 'm-c' });
    expect(ids(next)).toEqual(['m-cadmin', 'm-cm', 'm-d']);
  });

  it('searches by login name (exact, any case) within scope, else by part of a name', async () => {
    expect(ids(await t.as('cadmin')(LIST, { search: 'S2026a' }))).toEqual(['m-a']);
    // m-d has that login but is outside c-1: the same answer as an unknown login name.
    const outside = await t.as('cadmin')(LIST, { search: 's2026d' });
    expect(outside.body.data.accountList).toMatchObject({ items: [], totalCount: 0 });
    expect(outside.body.data.accountList).toEqual((await t.as('cadmin')(LIST, { search: 'nobody-here' })).body.data.accountList);
    expect(ids(await t.as('uadmin')(LIST, { search: 's2026d' }))).toEqual(['m-d']);
    expect(ids(await t.as('cadmin')(LIST, { search: '王' }))).toEqual(['m-c', 'm-cm']);
  });

  it('marks members whose role outranks the viewer as not manageable', async () => {
    await buildMember(t.store, { id: 'm-u2', name: '另一位校管理员', role: 'UNIVERSITY_ADMIN', kind: 'STAFF', branchId: 'b-1' });
    const r = await t.as('cadmin')(LIST, { first: 100 });
    const manageable = Object.fromEntries(r.body.data.accountList.items.map((x: any) => [x.member.id, x.manageable]));
    expect(manageable).toMatchObject({ 'm-u2': false, 'm-a': true, 'm-sec': true, 'm-cadmin': true });
    // The actions agree with the flag.
    expect(codes(await t.as('cadmin')('mutation { createAccount(memberId: "m-u2", loginName: "u2") { oneTimePassword } }'))).toEqual(['FORBIDDEN']);
    expect(await t.store.getAccount('m-u2')).toBeNull();
    const u = await t.as('uadmin')(LIST, { search: '校管理员' });
    expect(u.body.data.accountList.items).toMatchObject([
      { member: { id: 'm-u2' }, manageable: true },
      { member: { id: 'm-uadmin' }, manageable: true },
    ]);
  });

  it('refuses everyone but administrators, and bad input, naming the field and reading nothing', async () => {
    const before = (await t.store.listAccess({ viewerId: 'm-sec', limit: 100 })).length;
    for (const who of ['sec', 'cm', 'a'] as const) {
      const r = await t.as(who)(LIST, {});
      expect(codes(r), who).toEqual(['FORBIDDEN']);
      expect(r.body.data).toBeNull();
    }
    expect(codes(await t.as(null)(LIST, {}))).toEqual(['UNAUTHENTICATED']);
    expect((await t.store.listAccess({ viewerId: 'm-sec', limit: 100 })).length).toBe(before);
    const big = await t.as('uadmin')(LIST, { first: 101 });
    expect(codes(big)).toEqual(['BAD_USER_INPUT']);
    expect(big.body.errors[0].extensions.field).toBe('first');
    const long = await t.as('uadmin')(LIST, { search: 'x'.repeat(65) });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(long.body.errors[0].extensions.field).toBe('search');
  });
});
