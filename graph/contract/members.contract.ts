/** Members: create/read/update, pagination and filters, transfers between branches. */
import { describe, expect, it } from 'vitest';
import type { GetStore } from './index';
import { expectCode, MEMBERS, snapshot, T0, DAY } from './fixtures';

export function membersContract(get: GetStore): void {
  describe('members', () => {
    it('creates a member with branch, group, role and raw personal data', async () => {
      const [m] = await get().getMembersByIds(['m-01']);
      expect(m).toMatchObject({ ...MEMBERS[0], phone: '13800000000', idNumber: '110101200001011234' });
      expect(m.createdAt).toBeGreaterThan(0);
      expect(m.updatedAt).toBeGreaterThanOrEqual(m.createdAt);
    });

    it('defaults since and stageSince to now', async () => {
      const before = Date.now();
      const m = await get().createMember({
        id: 'm-10',
        name: '新人',
        kind: 'STUDENT',
        stage: 'APPLICANT',
        role: 'MEMBER',
        branchId: 'b-2',
        groupId: null,
        phone: null,
        idNumber: null,
      });
      expect(m.since).toBeGreaterThanOrEqual(before);
      expect(m.stageSince).toBeGreaterThanOrEqual(before);
      expect(m.branchId).toBe('b-2');
      expect(m.groupId).toBeNull();
    });

    it('batch-reads members in the order asked, skipping unknown ids', async () => {
      const ms = await get().getMembersByIds(['m-03', 'ghost', 'm-01']);
      expect(ms.map((m) => m.id)).toEqual(['m-03', 'm-01']);
    });

    it('reads a long id list as it reads the same ids one by one (members with and without a group, branches)', async () => {
      const s = get();
      const ids = ['m-05', 'ghost-1', 'm-03', 'm-01', 'ghost-2', 'm-02', 'ghost-3', 'm-04', 'ghost-4', 'm-01'];
      const long = await s.getMembersByIds(ids);
      const once = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
      const one = (await Promise.all(ids.map((id) => s.getMembersByIds([id])))).flat();
      expect(long).toEqual(once(one));
      expect(long.map((m) => m.id)).toEqual(['m-05', 'm-03', 'm-01', 'm-02', 'm-04']);
      expect(long.find((m) => m.id === 'm-01')?.groupId).toBe('g-1');
      expect(long.find((m) => m.id === 'm-02')?.groupId).toBeNull();
      const branchIds = ['b-3', 'x-1', 'b-1', 'x-2', 'b-2', 'x-3', 'x-4', 'x-5', 'x-6', 'b-1'];
      const branches = await s.getBranchesByIds(branchIds);
      expect(branches).toEqual(once((await Promise.all(branchIds.map((id) => s.getBranchesByIds([id])))).flat()));
      expect(branches.map((b) => b.id)).toEqual(['b-3', 'b-1', 'b-2']);
    });

    it('rejects a duplicate id with CONFLICT and unknown branch/group with NOT_FOUND, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.createMember({ ...MEMBERS[1] }), 'CONFLICT', /m-02/);
      await expectCode(s.createMember({ ...MEMBERS[1], id: 'm-11', branchId: 'b-9' }), 'NOT_FOUND', /b-9/);
      await expectCode(s.createMember({ ...MEMBERS[1], id: 'm-11', groupId: 'g-9' }), 'NOT_FOUND', /g-9/);
      expect(await s.getMembersByIds(['m-11'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });

    it('pages by id with a cursor and a total count', async () => {
      const s = get();
      const p1 = await s.listMembers({}, 2);
      expect(p1.items.map((m) => m.id)).toEqual(['m-01', 'm-02']);
      expect(p1).toMatchObject({ totalCount: 5, hasNextPage: true });
      expect(p1.endCursor).toEqual(expect.any(String));
      const p2 = await s.listMembers({}, 2, p1.endCursor);
      expect(p2.items.map((m) => m.id)).toEqual(['m-03', 'm-04']);
      const p3 = await s.listMembers({}, 2, p2.endCursor);
      expect(p3.items.map((m) => m.id)).toEqual(['m-05']);
      expect(p3.hasNextPage).toBe(false);
      expect(p3.totalCount).toBe(5);
    });

    it('filters by branch, committee, stage, kind, role and name', async () => {
      const s = get();
      const ids = async (f: Parameters<typeof s.listMembers>[0]) => (await s.listMembers(f, 50)).items.map((m) => m.id);
      expect(await ids({ branchIds: ['b-1'] })).toEqual(['m-01', 'm-02']);
      expect(await ids({ committeeIds: ['c-2'] })).toEqual(['m-04', 'm-05']);
      expect(await ids({ stages: ['FULL'] })).toEqual(['m-01', 'm-04']);
      expect(await ids({ kinds: ['TEACHER', 'STAFF'] })).toEqual(['m-02', 'm-04']);
      expect(await ids({ roles: ['SECRETARY'] })).toEqual(['m-02']);
      expect(await ids({ nameContains: '张' })).toEqual(['m-01', 'm-05']);
      expect(await ids({ committeeIds: ['c-1'], stages: ['ACTIVIST'] })).toEqual(['m-03']);
      expect(await ids({ stages: [] })).toEqual([]);
      const page = await s.listMembers({ nameContains: '张' }, 1);
      expect(page.totalCount).toBe(2);
    });

    it('updates fields, mirrors the role and restarts stageSince on a new stage', async () => {
      const s = get();
      const before = Date.now();
      const m = await s.updateMember('m-03', { stage: 'CANDIDATE', role: 'COMMITTEE_MEMBER', phone: '13900000000' });
      expect(m).toMatchObject({ id: 'm-03', stage: 'CANDIDATE', role: 'COMMITTEE_MEMBER', phone: '13900000000', name: '王五', branchId: 'b-2' });
      expect(m.stageSince).toBeGreaterThanOrEqual(before);
      expect(m.updatedAt).toBeGreaterThanOrEqual(before);
      const [again] = await s.getMembersByIds(['m-03']);
      expect(again).toEqual(m);
      expect((await s.listMembers({ roles: ['COMMITTEE_MEMBER'] }, 10)).items.map((x) => x.id)).toEqual(['m-03', 'm-04']);
      const sameStage = await s.updateMember('m-03', { name: '王五五' });
      expect(sameStage.stageSince).toBe(m.stageSince);
    });

    it('takes the day a stage was reached when given, with the stage or alone', async () => {
      const s = get();
      const reached = Date.UTC(2024, 3, 1, 2);
      const m = await s.updateMember('m-03', { stage: 'PROBATIONARY', stageSince: reached });
      expect(m).toMatchObject({ stage: 'PROBATIONARY', stageSince: reached });
      expect((await s.updateMember('m-03', { stageSince: reached + 86_400_000 })).stageSince).toBe(reached + 86_400_000);
      expect((await s.getMembersByIds(['m-03']))[0]).toMatchObject({ stage: 'PROBATIONARY', stageSince: reached + 86_400_000 });
    });

    it('moves a member into and out of a group of their branch', async () => {
      const s = get();
      expect((await s.updateMember('m-02', { groupId: 'g-1' })).groupId).toBe('g-1');
      expect((await s.updateMember('m-01', { groupId: null })).groupId).toBeNull();
      await expectCode(s.updateMember('m-03', { groupId: 'g-9' }), 'NOT_FOUND', /g-9/);
      await expectCode(s.updateMember('ghost', { name: 'x' }), 'NOT_FOUND', /ghost/);
    });

    it('moveMember changes the branch, records a transfer and keeps the history', async () => {
      const s = get();
      await s.recordStudy({ id: 'ev-1', memberId: 'm-01', courseId: 'k-01', at: T0 + DAY, seconds: 300, progress: 0.5 });
      const move = { id: 'tr-1', memberId: 'm-01', toBranchId: 'b-3', at: T0 + 2 * DAY, reason: '工作调动' };
      const t = await s.moveMember(move);
      expect(t).toEqual({ id: 'tr-1', memberId: 'm-01', kind: 'INTERNAL', fromBranchId: 'b-1', toBranchId: 'b-3', at: T0 + 2 * DAY, reason: '工作调动' });
      const [m] = await s.getMembersByIds(['m-01']);
      expect(m).toMatchObject({ branchId: 'b-3', since: T0 + 2 * DAY, role: 'MEMBER', groupId: null });
      expect((await s.listMembers({ branchIds: ['b-1'] }, 10)).items.map((x) => x.id)).toEqual(['m-02']);
      expect(await s.listTransfers('m-01')).toEqual([t]);
      expect((await s.getMemberHistory('m-01', { limit: 10 })).studies.map((e) => e.id)).toEqual(['ev-1']);
      // A retry is a no-op; the same id for another move is a conflict.
      expect(await s.moveMember(move)).toEqual(t);
      expect(await s.listTransfers('m-01')).toHaveLength(1);
      await expectCode(s.moveMember({ ...move, memberId: 'm-02' }), 'CONFLICT', /tr-1/);
      const t2 = await s.moveMember({ id: 'tr-2', memberId: 'm-01', toBranchId: 'b-2', at: T0 + 3 * DAY, reason: '再调动', kind: 'IN' });
      expect(t2).toMatchObject({ kind: 'IN', fromBranchId: 'b-3', toBranchId: 'b-2' });
      expect((await s.listTransfers('m-01')).map((x) => x.id)).toEqual(['tr-1', 'tr-2']);
    });

    it('rejects a move to an unknown branch or of an unknown member, changing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.moveMember({ id: 'tr-9', memberId: 'm-01', toBranchId: 'b-9', at: T0, reason: 'x' }), 'NOT_FOUND', /b-9/);
      await expectCode(s.moveMember({ id: 'tr-9', memberId: 'ghost', toBranchId: 'b-2', at: T0, reason: 'x' }), 'NOT_FOUND', /ghost/);
      expect((await s.getMembersByIds(['m-01']))[0].branchId).toBe('b-1');
      expect(await s.listTransfers('m-01')).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });
  });
}
