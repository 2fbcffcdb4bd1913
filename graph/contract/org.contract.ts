/** Organization tree: reads in id order, idempotent creates, unknown parents. */
import { describe, expect, it } from 'vitest';
import type { GetStore } from './index';
import { byId, expectCode, snapshot } from './fixtures';

export function orgContract(get: GetStore): void {
  describe('organization', () => {
    it('reads the university, committees, branches and groups of the tree', async () => {
      const s = get();
      expect(await s.getUniversity()).toEqual({ id: 'u-1', name: '示范大学党委' });
      expect(byId(await s.listCommittees())).toEqual([
        { id: 'c-1', name: '计算机学院党委', universityId: 'u-1' },
        { id: 'c-2', name: '文学院党委', universityId: 'u-1' },
      ]);
      expect(byId(await s.listBranches()).map((b) => [b.id, b.committeeId])).toEqual([
        ['b-1', 'c-1'],
        ['b-2', 'c-1'],
        ['b-3', 'c-2'],
      ]);
      expect(byId(await s.listBranches(['c-2']))).toEqual([{ id: 'b-3', name: '文学院教工支部', committeeId: 'c-2' }]);
      expect(await s.listBranches([])).toEqual([]);
      expect(await s.listGroups('b-1')).toEqual([{ id: 'g-1', name: '第一党小组', branchId: 'b-1' }]);
      expect(await s.listGroups('b-2')).toEqual([]);
    });

    it('reads the groups of several branches in one call, by branch then group', async () => {
      const s = get();
      await s.createGroup({ id: 'g-3', name: '第三党小组', branchId: 'b-3' });
      await s.createGroup({ id: 'g-0', name: '第零党小组', branchId: 'b-1' });
      expect(await s.listGroupsOfBranches(['b-3', 'b-2', 'b-1', 'nope'])).toEqual([
        { id: 'g-0', name: '第零党小组', branchId: 'b-1' },
        { id: 'g-1', name: '第一党小组', branchId: 'b-1' },
        { id: 'g-3', name: '第三党小组', branchId: 'b-3' },
      ]);
      expect(await s.listGroupsOfBranches(['b-2'])).toEqual([]);
      expect(await s.listGroupsOfBranches([])).toEqual([]);
    });

    it('batch reads return the ids asked for, in that order, without missing ones', async () => {
      const s = get();
      expect((await s.getCommitteesByIds(['c-2', 'nope', 'c-1'])).map((c) => c.id)).toEqual(['c-2', 'c-1']);
      expect((await s.getBranchesByIds(['b-3', 'b-1', 'zzz'])).map((b) => b.id)).toEqual(['b-3', 'b-1']);
      expect(await s.getBranchesByIds([])).toEqual([]);
    });

    it('creating an existing id again is a no-op that says created: false', async () => {
      const s = get();
      expect(await s.createBranch({ id: 'b-4', name: '新支部', committeeId: 'c-2' })).toEqual({ created: true });
      expect(await s.createBranch({ id: 'b-4', name: '新支部', committeeId: 'c-2' })).toEqual({ created: false });
      expect(await s.createUniversity({ id: 'u-1', name: '示范大学党委' })).toEqual({ created: false });
      expect((await s.listBranches(['c-2'])).map((b) => b.id).sort()).toEqual(['b-3', 'b-4']);
    });

    it('rejects an unknown parent with NOT_FOUND and writes nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.createCommittee({ id: 'c-9', name: 'x', universityId: 'u-9' }), 'NOT_FOUND', /u-9/);
      await expectCode(s.createBranch({ id: 'b-9', name: 'x', committeeId: 'c-9' }), 'NOT_FOUND', /c-9/);
      await expectCode(s.createGroup({ id: 'g-9', name: 'x', branchId: 'b-9' }), 'NOT_FOUND', /b-9/);
      expect(await s.getBranchesByIds(['b-9'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });
  });
}
