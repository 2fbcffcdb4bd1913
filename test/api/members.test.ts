/** Members: masking, access records, paging, NOT_FOUND, and each mutation's happy path and bad inputs. */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();
const INJECTION = "x'}) DETACH DELETE n //";

const memberFields = 'id name stage role phone idNumber branch { id }';

async function memberCount(): Promise<number> {
  return (await t.store.listMembers({}, 100, null)).totalCount;
}

describe('reading members', () => {
  it('masks phone and ID number for everyone but the person', async () => {
    const q = `{ member(id: "m-a") { ${memberFields} } }`;
    expect((await t.as('sec')(q)).body).toMatchInlineSnapshot(`
      {
        "data": {
          "member": {
            "branch": {
              "id": "b-1",
            },
            "id": "m-a",
            "idNumber": "1101**********1234",
            "name": "张三",
            "phone": "138****5678",
            "role": "MEMBER",
            "stage": "ACTIVIST",
          },
        },
      }
    `);
    expect((await t.as('a')(q)).body.data.member).toMatchObject({ phone: '13812345678', idNumber: '110101199001011234' });
    expect((await t.as('uadmin')(q)).body.data.member).toMatchObject({ phone: '138****5678', idNumber: '1101**********1234' });
  });

  it('records who read whose personal data, one batch per request', async () => {
    const before = await t.store.listAccess({ viewerId: 'm-cm', limit: 100 });
    await t.as('cm')('{ members(first: 10) { nodes { id } } }');
    const after = await t.store.listAccess({ viewerId: 'm-cm', limit: 100 });
    const added = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(added.map((r) => [r.action, r.targetKind, r.targetId]).sort()).toEqual([
      ['READ_MEMBER', 'Member', 'm-a'],
      ['READ_MEMBER', 'Member', 'm-b'],
      ['READ_MEMBER', 'Member', 'm-cm'],
      ['READ_MEMBER', 'Member', 'm-sec'],
    ]);
  });

  it('pages through members with cursors', async () => {
    const q = 'query($after: String) { members(first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }';
    const p1 = (await t.as('uadmin')(q)).body.data.members;
    expect(p1).toMatchObject({ totalCount: 8, pageInfo: { hasNextPage: true } });
    const p2 = (await t.as('uadmin')(q, { after: p1.pageInfo.endCursor })).body.data.members;
    const ids = [...p1.edges, ...p2.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-d']);
  });

  it('filters by stage and name', async () => {
    const r = await t.as('uadmin')('{ members(filter: { stages: [ACTIVIST], nameContains: "张" }) { nodes { id name } } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "members": {
            "nodes": [
              {
                "id": "m-a",
                "name": "张三",
              },
            ],
          },
        },
      }
    `);
  });

  it('says which member is unknown', async () => {
    const r = await t.as('uadmin')('{ member(id: "m-nobody") { id } }');
    expect(r.body.errors).toMatchInlineSnapshot(`
      [
        {
          "extensions": {
            "code": "NOT_FOUND",
            "id": "m-nobody",
            "kind": "Member",
          },
          "locations": [
            {
              "column": 3,
              "line": 1,
            },
          ],
          "message": "Member "m-nobody" not found",
          "path": [
            "member",
          ],
        },
      ]
    `);
  });

  it('rejects first > 100 naming the field', async () => {
    const r = await t.as('uadmin')('{ members(first: 101) { totalCount } }');
    expect(r.body.errors[0]).toMatchObject({ message: '每页条数（first）须为1至100之间的整数', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('treats an injection string in a filter as text', async () => {
    const r = await t.as('uadmin')('query($n: String) { members(filter: { nameContains: $n }) { totalCount } }', { n: INJECTION });
    expect(r.body).toEqual({ data: { members: { totalCount: 0 } } });
    expect(await memberCount()).toBeGreaterThanOrEqual(8);
  });
});

const CREATE = `mutation($i: CreateMemberInput!) { createMember(input: $i) { ${memberFields} kind } }`;
const base = { name: '新党员', kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1' };

describe('createMember', () => {
  it("adds a member to the secretary's branch", async () => {
    const r = await t.as('sec')(CREATE, { i: { ...base, id: 'm-new', phone: '13900001111', idNumber: '11010120000101002X' } });
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "createMember": {
            "branch": {
              "id": "b-1",
            },
            "id": "m-new",
            "idNumber": "1101**********002X",
            "kind": "STUDENT",
            "name": "新党员",
            "phone": "139****1111",
            "role": "MEMBER",
            "stage": "APPLICANT",
          },
        },
      }
    `);
    const [stored] = await t.store.getMembersByIds(['m-new']);
    expect(stored).toMatchObject({ name: '新党员', phone: '13900001111', idNumber: '11010120000101002X', branchId: 'b-1', role: 'MEMBER' });
  });

  it('stores a Cypher-injection name verbatim and deletes nothing', async () => {
    const before = await memberCount();
    const r = await t.as('sec')(CREATE, { i: { ...base, id: 'm-inject', name: INJECTION } });
    expect(r.body.data.createMember.name).toBe(INJECTION);
    expect((await t.store.getMembersByIds(['m-inject']))[0].name).toBe(INJECTION);
    expect(await memberCount()).toBe(before + 1);
    expect(await t.store.getUniversity()).toEqual({ id: 'u-1', name: '红图大学党委' });
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ['empty name', { name: '   ' }, 'BAD_USER_INPUT', 'name'],
    ['over-long name', { name: '长'.repeat(51) }, 'BAD_USER_INPUT', 'name'],
    ['bad phone', { phone: '12345' }, 'BAD_USER_INPUT', 'phone'],
    ['bad ID number', { idNumber: '1234' }, 'BAD_USER_INPUT', 'idNumber'],
    ['future joining date', { since: '2999-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'since'],
    ['bad id', { id: 'has space' }, 'BAD_USER_INPUT', 'id'],
  ];
  it.each(BAD)('rejects %s naming the field, writing nothing', async (_d, patch, code, field) => {
    const before = await memberCount();
    const r = await t.as('sec')(CREATE, { i: { ...base, id: 'm-bad', ...patch } });
    expect(r.body.errors[0].extensions).toMatchObject({ code, field });
    expect(r.body.data).toBeNull();
    expect(await memberCount()).toBe(before);
    expect(await t.store.getMembersByIds(['m-bad'])).toEqual([]);
  });

  it('rejects an unknown enum value', async () => {
    const before = await memberCount();
    const r = await t.as('sec')(CREATE, { i: { ...base, stage: 'EMPEROR' } });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].message).toContain('stage');
    expect(await memberCount()).toBe(before);
  });

  it('rejects an unknown enum literal in the query text', async () => {
    const r = await t.as('uadmin')('{ members(filter: { stages: [EMPEROR] }) { totalCount } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].message).toContain('EMPEROR');
  });

  it('names an unknown branch', async () => {
    const r = await t.as('uadmin')(CREATE, { i: { ...base, branchId: 'b-404' } });
    expect(r.body.errors[0]).toMatchObject({ message: 'Branch "b-404" not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('rejects a duplicate id', async () => {
    const r = await t.as('sec')(CREATE, { i: { ...base, id: 'm-a' } });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await t.store.getMembersByIds(['m-a']))[0].name).toBe('张三');
  });
});

describe('updateMember', () => {
  const UPDATE = `mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { ${memberFields} } }`;

  it('changes only the given fields', async () => {
    const r = await t.as('sec')(UPDATE, { id: 'm-b', i: { stage: 'PROBATIONARY', phone: '13700002222' } });
    expect(r.body.data.updateMember).toMatchObject({ stage: 'PROBATIONARY', phone: '137****2222', name: '李四' });
    expect((await t.store.getMembersByIds(['m-b']))[0]).toMatchObject({ stage: 'PROBATIONARY', phone: '13700002222' });
  });

  it('rejects an empty name and writes nothing', async () => {
    const r = await t.as('sec')(UPDATE, { id: 'm-b', i: { name: '', stage: 'FULL' } });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await t.store.getMembersByIds(['m-b']))[0]).toMatchObject({ name: '李四', stage: 'PROBATIONARY' });
  });

  it('refuses a group of another branch (the rule lives in the member service) and writes nothing', async () => {
    const r = await t.as('uadmin')(UPDATE, { id: 'm-c', i: { groupId: 'g-1' } });
    expect(r.body.errors[0]).toMatchObject({ message: 'Group "g-1" not found', extensions: { code: 'NOT_FOUND' } });
    expect((await t.store.getMembersByIds(['m-c']))[0]).toMatchObject({ branchId: 'b-2', groupId: null });
  });

  it('names an unknown member', async () => {
    const r = await t.as('uadmin')(UPDATE, { id: 'm-404', i: { stage: 'FULL' } });
    expect(r.body.errors[0]).toMatchObject({ message: 'Member "m-404" not found', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('moveMember', () => {
  const MOVE = 'mutation($i: MoveMemberInput!) { moveMember(input: $i) { member { id branch { id } } transfer { kind fromBranchId toBranchId reason } } }';

  it('transfers a member and keeps the history', async () => {
    const r = await t.as('cadmin')(MOVE, { i: { id: 't-1', memberId: 'm-c', toBranchId: 'b-1', reason: '工作调动' } });
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "moveMember": {
            "member": {
              "branch": {
                "id": "b-1",
              },
              "id": "m-c",
            },
            "transfer": {
              "fromBranchId": "b-2",
              "kind": "INTERNAL",
              "reason": "工作调动",
              "toBranchId": "b-1",
            },
          },
        },
      }
    `);
    expect((await t.store.getMembersByIds(['m-c']))[0].branchId).toBe('b-1');
    const tr = await t.as('cadmin')('{ member(id: "m-c") { transfers { id fromBranchId toBranchId } } }');
    expect(tr.body.data.member.transfers).toEqual([{ id: 't-1', fromBranchId: 'b-2', toBranchId: 'b-1' }]);
  });

  const BAD: [string, Record<string, unknown>, string, string | undefined][] = [
    ['unknown branch', { toBranchId: 'b-404' }, 'NOT_FOUND', undefined],
    ['unknown member', { memberId: 'm-404' }, 'NOT_FOUND', undefined],
    ['empty reason', { reason: ' ' }, 'BAD_USER_INPUT', 'reason'],
    ['future date', { at: '2999-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'at'],
    ['same branch', { toBranchId: 'b-1' }, 'BAD_USER_INPUT', 'toBranchId'],
  ];
  it.each(BAD)('rejects %s and moves nobody', async (_d, patch, code, field) => {
    const r = await t.as('uadmin')(MOVE, { i: { memberId: 'm-b', toBranchId: 'b-3', reason: '调动', ...patch } });
    expect(r.body.errors[0].extensions.code).toBe(code);
    if (field) expect(r.body.errors[0].extensions.field).toBe(field);
    expect((await t.store.getMembersByIds(['m-b']))[0].branchId).toBe('b-1');
    expect(await t.store.listTransfers('m-b')).toEqual([]);
  });
});
