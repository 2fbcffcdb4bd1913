/**
 * watchWrites on a real Kuzu store: every write through the store object is heard after it answers
 * (with its arguments and result, or that it failed), reads are not, and a listener that stopped
 * listening hears nothing more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph';
import { isReadMethod, watchWrites, type WriteNotice } from '../../server/rules/write-watch';
import { useOrgStore } from '../support/org-store';

const org = useOrgStore({ org: false });
let store: GraphStore;
beforeAll(() => {
  store = org.store;
});

describe('watchWrites', () => {
  it('hears writes after they answer, failed ones too, and not reads', async () => {
    const heard: WriteNotice[] = [];
    const stop = watchWrites(store, (n) => heard.push(n));
    await store.createUniversity({ id: 'u-1', name: '红图大学党委' });
    await store.createCommittee({ id: 'c-1', name: '学院党委', universityId: 'u-1' });
    expect(await store.getUniversity()).toMatchObject({ id: 'u-1' });
    await store.listBranches();
    await expect(store.createBranch({ id: 'b-1', name: '一支部', committeeId: 'ghost' })).rejects.toThrow(/ghost/);
    expect(heard.map((n) => [n.method, n.failed])).toEqual([
      ['createUniversity', false],
      ['createCommittee', false],
      ['createBranch', true],
    ]);
    expect(heard[0].args).toEqual([{ id: 'u-1', name: '红图大学党委' }]);
    expect(heard[0].result).toEqual({ created: true });
    stop();
    await store.createBranch({ id: 'b-1', name: '一支部', committeeId: 'c-1' });
    expect(heard).toHaveLength(3);
  });

  it('tells reads from writes by name', () => {
    for (const n of ['getUniversity', 'listMembers', 'countTalkRecords', 'readBranchFacts', 'health', 'isEmpty', 'close']) expect(isReadMethod(n)).toBe(true);
    for (const n of ['createMeeting', 'addMilestone', 'recordDuesPayment', 'moveMember', 'clear', 'bulkLoad']) expect(isReadMethod(n)).toBe(false);
  });
});
