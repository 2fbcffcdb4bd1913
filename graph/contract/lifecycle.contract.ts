/** init, health, clear/isEmpty, and the audit log. */
import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../model';
import type { GetStore } from './index';
import { T0 } from './fixtures';

const access = (id: string, at: number, viewerId: string, targetId: string): AccessRecord => ({ id, at, viewerId, action: 'member.view', targetKind: 'Member', targetId });

export function lifecycleContract(get: GetStore): void {
  describe('lifecycle', () => {
    it('init is idempotent and keeps the data', async () => {
      const s = get();
      await s.init();
      await s.init();
      expect((await s.getMembersByIds(['m-01'])).map((m) => m.id)).toEqual(['m-01']);
    });

    it('health reports the backend, counts and no problems on a sound store', async () => {
      const s = get();
      const h = await s.health();
      expect(h.ok).toBe(true);
      expect(h.problems).toEqual([]);
      expect(h.backend).toBe(s.backend);
      expect(h.counts.Member).toBe(5);
      expect(h.counts.Course).toBe(3);
    });

    it('clear empties the store; isEmpty follows the university', async () => {
      const s = get();
      expect(await s.isEmpty()).toBe(false);
      await s.clear();
      expect(await s.isEmpty()).toBe(true);
      expect(await s.getUniversity()).toBeNull();
      expect(await s.getMembersByIds(['m-01'])).toEqual([]);
      expect(await s.listTopics()).toEqual([]);
      await s.createUniversity({ id: 'u-2', name: '新大学' });
      expect(await s.isEmpty()).toBe(false);
    });

    it('appends access records idempotently and lists them newest first with filters', async () => {
      const s = get();
      await s.appendAccess([access('ac-1', T0, 'm-02', 'm-01'), access('ac-2', T0 + 2, 'm-02', 'm-03'), access('ac-3', T0 + 1, 'm-04', 'm-01')]);
      await s.appendAccess([access('ac-1', T0, 'm-02', 'm-01')]);
      expect((await s.listAccess({ limit: 10 })).map((a) => a.id)).toEqual(['ac-2', 'ac-3', 'ac-1']);
      expect(await s.listAccess({ viewerId: 'm-02', limit: 10 })).toEqual([access('ac-2', T0 + 2, 'm-02', 'm-03'), access('ac-1', T0, 'm-02', 'm-01')]);
      expect((await s.listAccess({ targetId: 'm-01', limit: 1 })).map((a) => a.id)).toEqual(['ac-3']);
      expect((await s.listAccess({ viewerId: 'm-04', targetId: 'm-01', limit: 5 })).map((a) => a.id)).toEqual(['ac-3']);
      await s.appendAccess([]);
    });
  });
}
