/**
 * Control and text-direction characters in names and titles, probed against a production-mode
 * server: BAD_USER_INPUT naming the field, and nothing written.
 */
import { describe, expect, it } from 'vitest';
import { useProductionWorld } from './production-world';

const t = useProductionWorld();
const CREATE = 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id name } }';
const member = (name: string, id: string) => ({ i: { id, name, kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1' } });

describe('names with control or text-direction characters', () => {
  const cases: [string, string][] = [
    ['a right-to-left override', '张\u202E三'],
    ['a left-to-right isolate', '\u2066李四\u2069'],
    ['a zero-width right-to-left mark', '王\u200F五'],
    ['a NUL', '赵\u0000六'],
    ['an escape', '钱\u001B[31m七'],
    ['a C1 control', '孙\u0085八'],
  ];
  for (const [what, name] of cases) {
    it(`refuses ${what} in createMember.name and writes nothing`, async () => {
      const id = `n-${what.replace(/\W+/g, '-')}`;
      const r = await t.as('sec')(CREATE, member(name, id));
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(r.body.errors[0].message).toMatch(/^名称（name）不能包含控制字符或文字方向字符（第\d+个字符为U\+[0-9A-F]{4}）$/);
      expect(await t.store.getMembersByIds([id])).toEqual([]);
    });
  }

  it('refuses them in updateMember.name and in a meeting title, changing nothing', async () => {
    const before = await t.store.getMembersByIds(['m-b']);
    const u = await t.as('sec')('mutation($i: UpdateMemberInput!) { updateMember(id: "m-b", input: $i) { id } }', { i: { name: '李\u202E四' } });
    expect(u.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await t.store.getMembersByIds(['m-b'])).toEqual(before);
    const m = await t.as('sec')('mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: { id: 'n-mt', branchId: 'b-1', kind: 'THEME_DAY', title: '主题\u202E党日', at: '2025-03-01T06:00:00Z', minutes: 60 },
    });
    expect(m.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await t.store.getMeetingsByIds(['n-mt'])).toEqual([]);
  });

  it('still accepts ordinary names, including the middle dot of minority and foreign names', async () => {
    const r = await t.as('sec')(CREATE, member('阿依古丽·买买提', 'n-ok'));
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.createMember.name).toBe('阿依古丽·买买提');
  });
});
