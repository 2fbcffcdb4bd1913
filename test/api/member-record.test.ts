/**
 * Editing member records (党员档案) within scope through the API: the secretary for their own branch and a
 * committee administrator for the committee's; stage dates in order and within the catalogue's waiting
 * periods (the message cites the rule), sponsors and contacts full members; each bad field named with
 * nothing written (the store read back), a stale version refused, reads and edits audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { codes, useApiWorld } from '../support/api-world';

const NOW = Date.parse('2026-06-20T04:00:00Z');
const t = useApiWorld({ deps: { now: () => NOW } });
const FIELDS = 'memberId appliedAt activistAt candidateAt joinedAt fullAt sponsors { id name } contacts { id name } email version updatedByName';
const READ = `query($m: ID!) { memberRecord(memberId: $m) { ${FIELDS} } }`;
const EDIT = `mutation($i: UpdateMemberRecordInput!) { updateMemberRecord(input: $i) { ${FIELDS} } }`;
const d = (s: string) => new Date(`${s}T02:00:00Z`).toISOString();

beforeAll(async () => {
  await buildMember(t.store, { id: 'm-p', name: '预备党员甲', branchId: 'b-1', stage: 'PROBATIONARY' });
  await buildMember(t.store, { id: 'm-act', name: '积极分子乙', branchId: 'b-1', stage: 'ACTIVIST' });
});

const good = {
  memberId: 'm-p', expectVersion: 0, appliedAt: d('2022-03-01'), activistAt: d('2022-05-01'), candidateAt: d('2023-06-01'),
  joinedAt: d('2024-07-01'), sponsorIds: ['m-sec', 'm-b'], contactIds: ['m-cm'], phone: '13900001111', email: 'jia@example.edu',
};

describe('member records', () => {
  it('the secretary records the dates, sponsors, contacts and contact of their branch\'s member (audited)', async () => {
    const r = await t.as('sec')(EDIT, { i: good });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateMemberRecord).toEqual({
      memberId: 'm-p', appliedAt: d('2022-03-01'), activistAt: d('2022-05-01'), candidateAt: d('2023-06-01'), joinedAt: d('2024-07-01'), fullAt: null,
      sponsors: [{ id: 'm-sec', name: '李书记' }, { id: 'm-b', name: '李四' }], contacts: [{ id: 'm-cm', name: '王支委' }],
      email: 'jia@example.edu', version: 1, updatedByName: '李书记',
    });
    expect((await t.store.getMembersByIds(['m-p']))[0].phone).toBe('13900001111');
    const actions = (await t.store.listAccess({ targetId: 'm-p', limit: 100 })).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['EDIT_MEMBER_RECORD', 'READ_MEMBER_RECORD']));
  });

  it('is read by the member themself and in scope; the phone is written to the member and read masked as usual', async () => {
    const own = await t.as('a')(READ, { m: 'm-a' });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.memberRecord).toMatchObject({ memberId: 'm-a', version: 0, updatedByName: null });
    const masked = await t.as('sec')('{ member(id: "m-p") { phone } }');
    expect(masked.body.data.member.phone).not.toBe('13900001111');
    expect(masked.body.data.member.phone).toMatch(/^139\*+1111$|\*/);
    const cadmin = await t.as('cadmin')(READ, { m: 'm-p' });
    expect(cadmin.body.data.memberRecord.version).toBe(1);
    // Outside read scope the member is as good as unknown (NOT_FOUND).
    expect(codes(await t.as('d')(READ, { m: 'm-p' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('b')(READ, { m: 'm-p' }))).toEqual(['NOT_FOUND']);
  });

  it('names each bad field, cites the rule for a waiting period, and writes nothing', async () => {
    const before = await t.store.getMemberRecords(['m-p']);
    const phoneBefore = (await t.store.getMembersByIds(['m-p']))[0].phone;
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ activistAt: d('2022-02-01') }, 'activistAt', /before appliedAt/],
      [{ candidateAt: d('2023-01-01') }, 'candidateAt', /12 months after activistAt.*pipeline\.candidate\.min-wait.*发展党员工作细则》第十三条/],
      [{ fullAt: d('2025-01-01') }, 'fullAt', /PROBATIONARY/],
      [{ joinedAt: d('2027-01-01') }, 'joinedAt', /future/],
      [{ sponsorIds: ['m-sec', 'm-a'] }, 'sponsorIds[1]', /not a full member/],
      [{ sponsorIds: ['m-sec', 'm-sec'] }, 'sponsorIds[1]', /twice/],
      [{ sponsorIds: ['m-p'] }, 'sponsorIds[0]', /own/],
      [{ sponsorIds: ['m-sec', 'm-b', 'm-cm'] }, 'sponsorIds'],
      [{ contactIds: ['ghost'] }, 'contactIds[0]', /does not exist/],
      [{ phone: '12345' }, 'phone'],
      [{ email: 'not-an-email' }, 'email'],
    ];
    for (const [patch, field, msg] of cases) {
      const r = await t.as('sec')(EDIT, { i: { ...good, expectVersion: 1, ...patch } });
      expect(codes(r), field).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
      if (msg) expect(r.body.errors[0].message).toMatch(msg);
    }
    // An activist cannot have a join date.
    const act = await t.as('sec')(EDIT, { i: { memberId: 'm-act', expectVersion: 0, joinedAt: d('2025-01-01') } });
    expect(act.body.errors[0].extensions.field).toBe('joinedAt');
    expect(await t.store.getMemberRecords(['m-p', 'm-act'])).toEqual(before);
    expect((await t.store.getMembersByIds(['m-p']))[0].phone).toBe(phoneBefore);
  });

  it('refuses editors out of scope and a stale version, writing nothing', async () => {
    const before = await t.store.getMemberRecords(['m-p']);
    expect(codes(await t.as('a')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('cm')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('d')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('sec')(EDIT, { i: { ...good, expectVersion: 0 } }))).toEqual(['CONFLICT']);
    expect(await t.store.getMemberRecords(['m-p'])).toEqual(before);
    // The committee administrator edits within the committee.
    const r = await t.as('cadmin')(EDIT, { i: { ...good, expectVersion: 1, email: null } });
    expect(r.body.data.updateMemberRecord).toMatchObject({ version: 2, email: null, updatedByName: '组织员' });
  });
});
