/**
 * Maintained learning summaries (graph/learning-summary.ts): member rows replace earlier ones, branch rows
 * are always the sums of their members' rows (also across a move, and under concurrent saves), unknown
 * members are refused with nothing written, and stale rows are listed.
 */
import { describe, expect, it } from 'vitest';
import { sumBranchLearning, type MemberLearning } from '../learning-summary';
import type { GetStore } from './index';
import { expectCode, MEMBERS, T0 } from './fixtures';

const row = (memberId: string, branchId: string, stage: string, k: number, asOf = T0): MemberLearning => ({
  memberId,
  branchId,
  stage,
  asOf,
  areaMilli: [100 * k, 200, 300, 400, 500, 600, 700, 800 + k],
  required: 3,
  met: k % 4,
  bands: [1, 2, 3, 2],
  gaps: k % 3,
});

export function learningSummaryContract(get: GetStore): void {
  describe('maintained learning summaries', () => {
    it('a branch row is the sum of its members rows, rewritten when a member row changes', async () => {
      const s = get();
      const a = row('m-01', 'b-1', 'FULL', 1);
      const b = row('m-02', 'b-1', 'PROBATIONARY', 2, T0 + 5);
      await s.saveMemberLearning([a, b]);
      expect((await s.getBranchLearning(['b-1'])).get('b-1')).toEqual(sumBranchLearning('b-1', [a, b]));
      const a2 = { ...row('m-01', 'b-1', 'FULL', 5), gaps: 0 };
      await s.saveMemberLearning([a2]);
      const got = (await s.getBranchLearning(['b-1', 'b-2', 'b-404'])).get('b-1')!;
      expect(got).toEqual(sumBranchLearning('b-1', [a2, b]));
      expect(got).toMatchObject({ members: 2, asOf: T0, membersWithGaps: 1, areaMilli: [700, 400, 600, 800, 1000, 1200, 1400, 1607] });
      expect([...(await s.getBranchLearning(['b-1', 'b-2', 'b-404'])).keys()]).toEqual(['b-1']);
    });

    it('a member row saved for another branch moves the member out of the old branch sums', async () => {
      const s = get();
      await s.saveMemberLearning([row('m-01', 'b-1', 'FULL', 1), row('m-02', 'b-1', 'PROBATIONARY', 2)]);
      const moved = row('m-01', 'b-2', 'FULL', 3);
      await s.saveMemberLearning([moved]);
      const got = await s.getBranchLearning(['b-1', 'b-2']);
      expect(got.get('b-1')).toEqual(sumBranchLearning('b-1', [row('m-02', 'b-1', 'PROBATIONARY', 2)]));
      expect(got.get('b-2')).toEqual(sumBranchLearning('b-2', [moved]));
    });

    it('refuses an unknown member with NOT_FOUND and writes nothing', async () => {
      const s = get();
      await s.saveMemberLearning([row('m-01', 'b-1', 'FULL', 1)]);
      const before = await s.getBranchLearning(['b-1', 'b-3']);
      await expectCode(s.saveMemberLearning([row('m-03', 'b-3', 'ACTIVIST', 2), row('ghost', 'b-3', 'FULL', 1)]), 'NOT_FOUND', /ghost/);
      expect(await s.getBranchLearning(['b-1', 'b-3'])).toEqual(before);
    });

    it('concurrent saves of members of one branch leave the exact sums', async () => {
      const s = get();
      const rows = [row('m-01', 'b-1', 'FULL', 1), row('m-02', 'b-1', 'PROBATIONARY', 2)];
      const later = [row('m-01', 'b-1', 'FULL', 7), row('m-02', 'b-1', 'PROBATIONARY', 9)];
      await Promise.all([...rows, ...later].map((r) => s.saveMemberLearning([r])));
      const got = (await s.getBranchLearning(['b-1'])).get('b-1')!;
      // Whichever save of each member came last, the branch row is the sum of the stored member rows.
      const stored = [0, 1].map((i) => [rows[i], later[i]]);
      const candidates = stored[0].flatMap((x) => stored[1].map((y) => sumBranchLearning('b-1', [x, y])));
      expect(candidates).toContainEqual(got);
      await s.saveMemberLearning(later);
      expect((await s.getBranchLearning(['b-1'])).get('b-1')).toEqual(sumBranchLearning('b-1', later));
    });

    it('one save of many members (new, updated, moved, lists of different lengths) leaves every branch the sum of its members rows', async () => {
      const s = get();
      await s.saveMemberLearning([row('m-01', 'b-1', 'FULL', 1)]);
      await s.saveMemberLearning([row('m-02', 'b-1', 'PROBATIONARY', 2)]);
      // The first row's lists are shorter than the others'.
      const short = { ...row('m-05', 'b-3', 'APPLICANT', 4), areaMilli: [5], bands: [1] };
      const batch = [
        short,
        row('m-01', 'b-1', 'FULL', 6),
        { ...row('m-02', 'b-2', 'PROBATIONARY', 7), areaMilli: [1, 2, 3] },
        row('m-03', 'b-2', 'ACTIVIST', 8),
        row('m-04', 'b-3', 'FULL', 9),
      ];
      await s.saveMemberLearning(batch);
      const got = await s.getBranchLearning(['b-1', 'b-2', 'b-3']);
      expect(got.get('b-1')).toEqual(sumBranchLearning('b-1', [batch[1]]));
      expect(got.get('b-2')).toEqual(sumBranchLearning('b-2', [batch[2], batch[3]]));
      expect(got.get('b-3')).toEqual(sumBranchLearning('b-3', [short, batch[4]]));
      // The same members again, with lists everywhere: the rows are replaced, not added to.
      const again = [row('m-05', 'b-3', 'APPLICANT', 2), row('m-01', 'b-1', 'FULL', 3), row('m-02', 'b-1', 'PROBATIONARY', 4), row('m-04', 'b-3', 'FULL', 5)];
      await s.saveMemberLearning(again);
      const after = await s.getBranchLearning(['b-1', 'b-2', 'b-3']);
      expect(after.get('b-1')).toEqual(sumBranchLearning('b-1', [again[1], again[2]]));
      expect(after.get('b-2')).toEqual(sumBranchLearning('b-2', [batch[3]]));
      expect(after.get('b-3')).toEqual(sumBranchLearning('b-3', [again[0], again[3]]));
      // The member rows themselves: current for their branch and stage, as saved.
      expect(await s.listStaleMemberLearning(T0, 10)).toEqual([]);
    });

    it('a save of more members than are looked up one by one leaves the same sums, and refuses an unknown one', async () => {
      const s = get();
      // 40 members: more than the Kuzu store writes one key at a time (keyed.ts), so its set statements run.
      const ids = Array.from({ length: 40 }, (_, i) => `m-ls${String(i).padStart(2, '0')}`);
      for (const id of ids) await s.createMember({ ...MEMBERS[0], id, name: `成员${id}`, groupId: null, phone: null, idNumber: null });
      await s.saveMemberLearning([row('m-01', 'b-1', 'FULL', 1), row(ids[0], 'b-2', 'FULL', 9)]);
      const first = ids.map((id, i) => row(id, i % 2 ? 'b-1' : 'b-3', 'FULL', i + 1));
      await s.saveMemberLearning(first);
      const got = await s.getBranchLearning(['b-1', 'b-2', 'b-3']);
      expect(got.get('b-1')).toEqual(sumBranchLearning('b-1', [row('m-01', 'b-1', 'FULL', 1), ...first.filter((r) => r.branchId === 'b-1')]));
      expect(got.get('b-3')).toEqual(
        sumBranchLearning(
          'b-3',
          first.filter((r) => r.branchId === 'b-3'),
        ),
      );
      // ids[0] moved from b-2 to b-3 in the long save: b-2 has no member rows left.
      expect(got.has('b-2')).toBe(false);
      const unknown = [...first.slice(0, 30).map((r) => ({ ...r, gaps: 7 })), row('m-ghost', 'b-1', 'FULL', 1), ...first.slice(30)];
      await expectCode(s.saveMemberLearning(unknown), 'NOT_FOUND', /m-ghost/);
      expect(await s.getBranchLearning(['b-1', 'b-3'])).toEqual(got);
    });

    it('lists members whose row is missing, from before asOf, or made for another branch or stage', async () => {
      const s = get();
      expect(await s.listStaleMemberLearning(T0, 10)).toEqual(['m-01', 'm-02', 'm-03', 'm-04', 'm-05']);
      await s.saveMemberLearning([
        row('m-01', 'b-1', 'FULL', 1, T0),
        row('m-02', 'b-1', 'PROBATIONARY', 1, T0 - 1),
        row('m-03', 'b-1', 'ACTIVIST', 1, T0),
        row('m-04', 'b-3', 'PROBATIONARY', 1, T0),
        row('m-05', 'b-3', 'APPLICANT', 1, T0 + 1),
      ]);
      // m-02: older than asOf; m-03: saved for b-1 but is in b-2; m-04: saved for another stage.
      expect(await s.listStaleMemberLearning(T0, 10)).toEqual(['m-02', 'm-03', 'm-04']);
      expect(await s.listStaleMemberLearning(T0, 2)).toEqual(['m-02', 'm-03']);
    });
  });
}
