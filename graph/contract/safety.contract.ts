/** Hostile input is data, never query text; rejected writes leave no trace. */
import { describe, expect, it } from 'vitest';
import type { GetStore } from './index';
import { manual, MEMBERS, snapshot, T0 } from './fixtures';

const INJECTION = "x'}) DETACH DELETE n //";
const INJECTION_2 = '"}) MATCH (n) DETACH DELETE n RETURN 1 //';

export function safetyContract(get: GetStore): void {
  describe('safety', () => {
    it('stores a Cypher-injection string verbatim and deletes nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      const m = await s.createMember({ ...MEMBERS[2], id: INJECTION, name: INJECTION_2 });
      expect(m).toMatchObject({ id: INJECTION, name: INJECTION_2 });
      const u = await s.updateMember(INJECTION, { name: INJECTION });
      expect(u.name).toBe(INJECTION);
      await s.createCourse({ id: 'k-inj', title: INJECTION, summary: INJECTION_2, kind: 'ARTICLE', minutes: 1, topics: [manual('history')] });
      expect((await s.getCoursesByIds(['k-inj']))[0].title).toBe(INJECTION);
      expect((await s.listMembers({ nameContains: INJECTION }, 10)).items.map((x) => x.id)).toEqual([INJECTION]);
      expect(await s.keywordSearch('Course', [INJECTION], 5)).toEqual([{ id: 'k-inj', score: 2 }]);
      expect(await s.getMembersByIds([INJECTION_2])).toEqual([]);
      await s.recordStudy({ id: INJECTION, memberId: INJECTION, courseId: 'k-inj', at: T0, seconds: 1, progress: 1 });
      const after = await snapshot(s);
      expect(after.Member).toBe(before.Member + 1);
      expect(after.Course).toBe(before.Course + 1);
      expect(after.Topic).toBe(before.Topic);
      expect((await s.listMembers({}, 100)).totalCount).toBe(MEMBERS.length + 1);
    });

    it('a rejected write in the middle of a batch leaves the store as it was', async () => {
      const s = get();
      const before = await snapshot(s);
      const rejections = [
        s.createMember({ ...MEMBERS[0], id: 'm-new', branchId: 'nope' }),
        s.recordStudy({ id: 'ev-x', memberId: 'm-01', courseId: 'nope', at: T0, seconds: 1, progress: 1 }),
        s.recordAnswer({ id: 'ev-y', memberId: 'nope', questionId: 'q-01', at: T0, correct: true, seconds: 1 }),
        s.upsertMastery([
          { memberId: 'm-01', topicId: 'history', p: 0.1, updatedAt: T0 },
          { memberId: 'nope', topicId: 'history', p: 0.1, updatedAt: T0 },
        ]),
        s.setManualTags('Course', 'k-01', [manual('history'), manual('nope')]),
        s.recordAttendance('nope', [{ memberId: 'm-01', status: 'PRESENT' }]),
        s.moveMember({ id: 'tr-x', memberId: 'm-01', toBranchId: 'nope', at: T0, reason: '' }),
        s.saveStudyPlan({ id: 'p-x', memberId: 'nope', createdAt: T0, minutesPerWeek: 60, weeks: 1, startsAt: T0, items: [] }),
      ];
      // All eight run at once (concurrently on Neo4j): settle them all before asserting, so no
      // rejection is left unobserved while an earlier one is awaited.
      const settled = await Promise.allSettled(rejections);
      expect(settled.map((r) => r.status)).toEqual(rejections.map(() => 'rejected'));
      for (const r of settled) {
        const reason = (r as PromiseRejectedResult).reason as { code?: string; message?: string };
        expect(reason.code).toBe('NOT_FOUND');
        expect(reason.message).toMatch(/nope/);
      }
      expect(await snapshot(s)).toEqual(before);
      expect((await s.getCoursesByIds(['k-01']))[0].topics).toEqual([manual('constitution.duties')]);
    });
  });
}
