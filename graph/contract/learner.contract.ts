/** Learner model rows: mastery upserts, gap replacement, study plans. */
import { describe, expect, it } from 'vitest';
import type { StudyPlan } from '../model';
import type { GetStore } from './index';
import { DAY, expectCode, snapshot, T0 } from './fixtures';

const plan = (id: string, createdAt: number): StudyPlan => ({
  id,
  memberId: 'm-01',
  createdAt,
  minutesPerWeek: 120,
  weeks: 2,
  startsAt: T0,
  items: [
    { courseId: 'k-01', week: 1, order: 1, due: T0 + 7 * DAY, minutes: 20, topicIds: ['constitution.duties'], reason: '补齐"党员义务"短板，含逗号,引号', kind: 'LEARN' },
    { courseId: 'k-03', week: 2, order: 2, due: T0 + 14 * DAY, minutes: 30, topicIds: ['constitution.rights'], reason: '先修已完成', kind: 'REVIEW' },
  ],
});

export function learnerContract(get: GetStore): void {
  describe('learner model', () => {
    it('upserts one mastery row per member and topic', async () => {
      const s = get();
      await s.upsertMastery([
        { memberId: 'm-01', topicId: 'constitution.duties', p: 0.4, updatedAt: T0 },
        { memberId: 'm-01', topicId: 'history.founding', p: 1, updatedAt: T0 },
        { memberId: 'm-02', topicId: 'history.founding', p: 0, updatedAt: T0 },
      ]);
      await s.upsertMastery([{ memberId: 'm-01', topicId: 'constitution.duties', p: 0.65, updatedAt: T0 + DAY }]);
      const map = await s.getMasteryForMembers(['m-02', 'm-01', 'm-03']);
      const m1 = [...(map.get('m-01') ?? [])].sort((a, b) => a.topicId.localeCompare(b.topicId));
      expect(m1).toEqual([
        { memberId: 'm-01', topicId: 'constitution.duties', p: 0.65, updatedAt: T0 + DAY },
        { memberId: 'm-01', topicId: 'history.founding', p: 1, updatedAt: T0 },
      ]);
      expect(map.get('m-02')).toEqual([{ memberId: 'm-02', topicId: 'history.founding', p: 0, updatedAt: T0 }]);
      expect(map.get('m-03') ?? []).toEqual([]);
    });

    it('rejects mastery rows for unknown members or topics and writes none of the batch', async () => {
      const s = get();
      await expectCode(
        s.upsertMastery([
          { memberId: 'm-01', topicId: 'history', p: 0.5, updatedAt: T0 },
          { memberId: 'm-01', topicId: 'nope', p: 0.5, updatedAt: T0 },
        ]),
        'NOT_FOUND',
        /nope/,
      );
      await expectCode(s.upsertMastery([{ memberId: 'ghost', topicId: 'history', p: 0.5, updatedAt: T0 }]), 'NOT_FOUND', /ghost/);
      expect((await s.getMasteryForMembers(['m-01'])).get('m-01') ?? []).toEqual([]);
    });

    it('replaces all gaps of a member, keeping reasons verbatim', async () => {
      const s = get();
      const g1 = { memberId: 'm-01', topicId: 'constitution.duties', severity: 0.9, reasons: ['答错 3 题："党员义务"', '发展对象须掌握, 党章'], updatedAt: T0 };
      const g2 = { memberId: 'm-01', topicId: 'history.founding', severity: 0.4, reasons: [], updatedAt: T0 };
      await s.replaceGaps('m-01', [g1, g2]);
      await s.replaceGaps('m-02', [{ ...g2, memberId: 'm-02' }]);
      let gaps = (await s.getGapsForMembers(['m-01'])).get('m-01') ?? [];
      expect([...gaps].sort((a, b) => b.severity - a.severity)).toEqual([g1, g2]);
      await s.replaceGaps('m-01', [g2]);
      gaps = (await s.getGapsForMembers(['m-01', 'm-02'])).get('m-01') ?? [];
      expect(gaps).toEqual([g2]);
      expect((await s.getGapsForMembers(['m-02'])).get('m-02')).toHaveLength(1);
      await s.replaceGaps('m-01', []);
      expect((await s.getGapsForMembers(['m-01'])).get('m-01') ?? []).toEqual([]);
      await expectCode(s.replaceGaps('ghost', [g1]), 'NOT_FOUND', /ghost/);
      await expectCode(s.replaceGaps('m-02', [{ ...g1, topicId: 'nope' }]), 'NOT_FOUND', /nope/);
      expect((await s.getGapsForMembers(['m-02'])).get('m-02')).toHaveLength(1);
    });

    it('lists the members of branches with their gap topics and their study per course since a time', async () => {
      const s = get();
      const gap = (memberId: string, topicId: string) => ({ memberId, topicId, severity: 0.5, reasons: [], updatedAt: T0 });
      await s.replaceGaps('m-02', [gap('m-02', 'history.founding'), gap('m-02', 'constitution.duties')]);
      await s.replaceGaps('m-04', [gap('m-04', 'history.founding')]);
      const study = (id: string, memberId: string, courseId: string, at: number, progress: number) => ({ id, memberId, courseId, at, seconds: 600, progress });
      await s.recordStudy(study('s-1', 'm-01', 'k-01', T0, 0.5));
      await s.recordStudy(study('s-2', 'm-01', 'k-01', T0 + DAY, 1));
      await s.recordStudy(study('s-3', 'm-01', 'k-02', T0 - DAY, 0.95));
      await s.recordStudy(study('s-4', 'm-04', 'k-02', T0 + 2 * DAY, 0.25));
      await s.recordStudy(study('s-5', 'm-03', 'k-02', T0 + 2 * DAY, 0.25));
      expect(await s.listBranchPeers(['b-3', 'b-1', 'b-1'], T0)).toEqual([
        { memberId: 'm-01', branchId: 'b-1', gapTopicIds: [], studies: [{ courseId: 'k-01', sessions: 2, maxProgress: 1 }] },
        { memberId: 'm-02', branchId: 'b-1', gapTopicIds: ['constitution.duties', 'history.founding'], studies: [] },
        { memberId: 'm-04', branchId: 'b-3', gapTopicIds: ['history.founding'], studies: [{ courseId: 'k-02', sessions: 1, maxProgress: 0.25 }] },
        { memberId: 'm-05', branchId: 'b-3', gapTopicIds: [], studies: [] },
      ]);
      expect((await s.listBranchPeers(['b-1'], T0 - DAY))[0].studies).toEqual([
        { courseId: 'k-01', sessions: 2, maxProgress: 1 },
        { courseId: 'k-02', sessions: 1, maxProgress: 0.95 },
      ]);
      expect(await s.listBranchPeers(['b-404'], T0)).toEqual([]);
      expect(await s.listBranchPeers([], T0)).toEqual([]);
    });

    it('answers a long id list as it answers the same ids a few at a time', async () => {
      const s = get();
      await s.upsertMastery([
        { memberId: 'm-01', topicId: 'history.founding', p: 0.7, updatedAt: T0 },
        { memberId: 'm-03', topicId: 'constitution.duties', p: 0.2, updatedAt: T0 },
      ]);
      await s.replaceGaps('m-03', [{ memberId: 'm-03', topicId: 'history.founding', severity: 0.6, reasons: ['r'], updatedAt: T0 }]);
      await s.recordStudy({ id: 's-long', memberId: 'm-03', courseId: 'k-02', at: T0, seconds: 60, progress: 0.5 });
      // Nine distinct members and branches, with repeats and unknown ids: more than a store reads key by key.
      const members = ['m-05', 'ghost-1', 'm-03', 'm-01', 'ghost-2', 'm-02', 'ghost-3', 'm-04', 'ghost-4', 'm-01'];
      const branches = ['b-3', 'b-404', 'b-1', 'b-405', 'b-2', 'b-406', 'b-407', 'b-408', 'b-409', 'b-1'];
      const one = async <T>(ids: string[], read: (ids: string[]) => Promise<Map<string, T[]>>) =>
        new Map(await Promise.all(ids.map(async (id) => [id, (await read([id])).get(id) ?? []] as const)));
      const byId = <T>(m: Map<string, T[]>) => new Map([...m].map(([k, v]) => [k, v ?? []]));
      expect(byId(await s.getMasteryForMembers(members))).toEqual(await one(members, (ids) => s.getMasteryForMembers(ids)));
      expect(byId(await s.getGapsForMembers(members))).toEqual(await one(members, (ids) => s.getGapsForMembers(ids)));
      expect((await s.getMasteryForMembers(members)).get('m-03')).toEqual([{ memberId: 'm-03', topicId: 'constitution.duties', p: 0.2, updatedAt: T0 }]);
      const few = (await Promise.all(branches.map((b) => s.listBranchPeers([b], T0 - DAY)))).flat();
      const dedup = [...new Map(few.map((p) => [p.memberId, p])).values()].sort((a, b) => a.branchId.localeCompare(b.branchId) || a.memberId.localeCompare(b.memberId));
      const long = await s.listBranchPeers(branches, T0 - DAY);
      expect(long).toEqual(dedup);
      expect(long.find((p) => p.memberId === 'm-03')).toEqual({
        memberId: 'm-03',
        branchId: 'b-2',
        gapTopicIds: ['history.founding'],
        studies: [{ courseId: 'k-02', sessions: 1, maxProgress: 0.5 }],
      });
    });

    it("reads one member's mastery, gaps and newest plan together as the three reads give them", async () => {
      const s = get();
      const separately = async (id: string) => ({
        mastery: (await s.getMasteryForMembers([id])).get(id) ?? [],
        gaps: (await s.getGapsForMembers([id])).get(id) ?? [],
        plan: await s.getStudyPlan(id),
      });
      // Nothing stored yet, and a member that does not exist.
      expect(await s.getLearnerRows('m-01')).toEqual({ mastery: [], gaps: [], plan: null });
      expect(await s.getLearnerRows('ghost')).toEqual({ mastery: [], gaps: [], plan: null });
      await s.upsertMastery([
        { memberId: 'm-01', topicId: 'history.founding', p: 1, updatedAt: T0 },
        { memberId: 'm-01', topicId: 'constitution.duties', p: 0.4, updatedAt: T0 + DAY },
        { memberId: 'm-01', topicId: 'constitution.rights', p: 0.25, updatedAt: T0 },
        { memberId: 'm-02', topicId: 'history.founding', p: 0, updatedAt: T0 },
      ]);
      // Two gaps of the same severity (ordered by topic), reasons with quotes and commas, one without reasons.
      await s.replaceGaps('m-01', [
        { memberId: 'm-01', topicId: 'history.founding', severity: 0.4, reasons: [], updatedAt: T0 },
        { memberId: 'm-01', topicId: 'constitution.rights', severity: 0.7, reasons: ['答错 2 题："党员权利", 含逗号'], updatedAt: T0 },
        { memberId: 'm-01', topicId: 'constitution.duties', severity: 0.7, reasons: ['r1', 'r2'], updatedAt: T0 + DAY },
      ]);
      await s.replaceGaps('m-02', [{ memberId: 'm-02', topicId: 'constitution.duties', severity: 0.1, reasons: ['r'], updatedAt: T0 }]);
      await s.saveStudyPlan(plan('p-1', T0));
      await s.saveStudyPlan(plan('p-2', T0 + DAY));
      await s.saveStudyPlan({ ...plan('p-0', T0 + DAY), memberId: 'm-02', items: [] });
      for (const id of ['m-01', 'm-02', 'm-03', 'ghost']) expect(await s.getLearnerRows(id)).toEqual(await separately(id));
      const rows = await s.getLearnerRows('m-01');
      expect(rows.mastery.map((r) => r.topicId)).toEqual(['constitution.duties', 'constitution.rights', 'history.founding']);
      expect(rows.gaps.map((g) => g.topicId)).toEqual(['constitution.duties', 'constitution.rights', 'history.founding']);
      expect(rows.gaps[1].reasons).toEqual(['答错 2 题："党员权利", 含逗号']);
      expect(rows.plan).toEqual(plan('p-2', T0 + DAY));
    });

    it('saves study plans and returns the newest; a re-save of an id replaces it', async () => {
      const s = get();
      expect(await s.getStudyPlan('m-01')).toBeNull();
      await s.saveStudyPlan(plan('p-1', T0));
      await s.saveStudyPlan(plan('p-2', T0 + DAY));
      expect(await s.getStudyPlan('m-01')).toEqual(plan('p-2', T0 + DAY));
      const revised = { ...plan('p-2', T0 + DAY), weeks: 3, items: [] };
      await s.saveStudyPlan(revised);
      expect(await s.getStudyPlan('m-01')).toEqual(revised);
      expect(await s.getStudyPlan('m-02')).toBeNull();
      const before = await snapshot(s);
      await expectCode(s.saveStudyPlan({ ...plan('p-3', T0), memberId: 'ghost' }), 'NOT_FOUND', /ghost/);
      expect(await snapshot(s)).toEqual(before);
    });

    it("reads many members' newest plans in one call as getStudyPlan gives each", async () => {
      const s = get();
      expect(await s.getStudyPlansForMembers([])).toEqual(new Map());
      await s.saveStudyPlan(plan('p-1', T0));
      await s.saveStudyPlan(plan('p-3', T0 + DAY));
      // Two plans of the same time: the one getStudyPlan gives (the greater id) wins here too.
      await s.saveStudyPlan({ ...plan('p-2', T0 + DAY), items: [] });
      await s.saveStudyPlan({ ...plan('p-0', T0 + 2 * DAY), memberId: 'm-02', weeks: 2 });
      // Few ids, and more than a store looks up one by one (unknown ids and a repeat among them).
      const few = ['m-02', 'm-01', 'm-03'];
      const many = [...few, 'm-01', ...Array.from({ length: 12 }, (_, i) => `ghost-${i}`)];
      for (const ids of [few, many]) {
        const got = await s.getStudyPlansForMembers(ids);
        expect([...got.keys()].sort()).toEqual([...new Set(ids)].sort());
        for (const id of new Set(ids)) expect(got.get(id)).toEqual(await s.getStudyPlan(id));
      }
      expect((await s.getStudyPlansForMembers(few)).get('m-01')?.id).toBe('p-3');
      expect((await s.getStudyPlansForMembers(few)).get('m-03')).toBeNull();
    });
  });
}
