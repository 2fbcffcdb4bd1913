/**
 * Read-your-writes when a request's scope is re-keyed to its member, and for credentials read before the
 * member is known (graph/causal.ts, graph/neo4j/executor.ts, graph/neo4j/accounts.ts). Bookmarks here are
 * the strings a server would hand back; nothing reaches a server (the driver connects on first use only,
 * and the account reads run against a recorder of which scope and which route each read took).
 */
import type { BookmarkManager } from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREDENTIALS_SCOPE,
  currentCausalScope,
  OUTBOX_SCOPE,
  openCausalScope,
  PROCESS_SCOPE,
  runInCausalScope,
  withCausalScope,
  withCausalScopes,
  withCredentialScope,
} from '../causal';
import { AccountOps } from './accounts';
import { recordEventBatch } from './batch-events';
import { MemberOps } from './members';
import { completeOutbox, listOutbox } from './outbox';
import { Executor, ScopeBookmarkTable, type Tx } from './executor';

const open: Executor[] = [];
afterEach(async () => {
  for (const ex of open.splice(0)) await ex.close();
});

function executor(): { manager: () => BookmarkManager; table: () => ScopeBookmarkTable; close: () => Promise<void> } {
  const ex = new Executor({ uri: 'neo4j://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j' });
  open.push(ex);
  // biome-ignore lint/complexity/useLiteralKeys: element access reaches the executor's private manager choice and table
  return { manager: () => ex['bookmarkManager'](), table: () => ex['scopeBookmarks'], close: () => ex.close() };
}

const held = async (m: BookmarkManager) => new Set(await m.getBookmarks());
/** What the driver does when a transaction commits: the bookmarks it started from give way to the new one. */
async function commit(m: BookmarkManager, bookmark: string): Promise<void> {
  await m.updateBookmarks(await m.getBookmarks(), [bookmark]);
}

/** An executor that runs nothing and records the scope each transaction would run in. */
function recorder() {
  const calls: { kind: 'read' | 'write'; keys: string[]; readsAfter?: readonly string[] }[] = [];
  const note = (kind: 'read' | 'write') => {
    const s = currentCausalScope();
    calls.push({ kind, keys: s ? [...(s.keys ?? [s.key])] : [], ...(s?.readsAfter ? { readsAfter: s.readsAfter } : {}) });
  };
  const ex = {
    async read() {
      note('read');
      return [];
    },
    async write() {
      note('write');
      return [];
    },
  } as unknown as Executor;
  return { ex, calls };
}

describe('a request scope re-keyed to its member', () => {
  it('keeps the writes made before the re-key visible to the rest of the request and to the member\u2019s other devices', async () => {
    const { manager } = executor();
    const phone = openCausalScope('request:phone-1');
    await runInCausalScope(phone, async () => {
      await commit(manager(), 'bm:before-verified'); // a write before the credentials verified
      const inFlight = manager(); // a transaction that started under the old key and commits after the re-key
      phone.rekey('member:m-1');
      expect(currentCausalScope()?.key).toBe('member:m-1');
      expect(await held(manager())).toEqual(new Set(['bm:before-verified']));
      await inFlight.updateBookmarks(['bm:before-verified'], ['bm:late']);
      expect(await held(manager())).toEqual(new Set(['bm:late']));
      await commit(manager(), 'bm:phone-write');
    });
    // The same member's next request, from the laptop (other credentials, same member key once verified).
    const laptop = openCausalScope('request:laptop-1');
    const seen = await runInCausalScope(laptop, async () => {
      expect(await held(manager())).toEqual(new Set()); // before verification: nothing of the member's
      laptop.rekey('member:m-1');
      return held(manager());
    });
    expect(seen).toEqual(new Set(['bm:phone-write']));
    // Another member waits for none of it, and the old request key holds nothing any more.
    expect(await withCausalScope('member:m-2', () => held(manager()))).toEqual(new Set());
    expect(await withCausalScope('request:phone-1', () => held(manager()))).toEqual(new Set());
  });

  it('a batch written for a re-keyed request reaches the member', async () => {
    const { manager } = executor();
    const req = openCausalScope('request:r');
    runInCausalScope(req, () => req.rekey('member:m-1'));
    // A group commit captures the caller's key when the write is queued: the member's, after the re-key.
    const keys = runInCausalScope(req, () => [currentCausalScope()!.key]);
    await withCausalScopes([...keys, 'member:m-9'], () => commit(manager(), 'bm:batch'));
    expect(await withCausalScope('member:m-1', () => held(manager()))).toEqual(new Set(['bm:batch']));
  });

  it('drops the bookmarks of a request that ended without a known caller, and keeps a member\u2019s', async () => {
    const { manager, table } = executor();
    const anonymous = openCausalScope('request:anon');
    await runInCausalScope(anonymous, () => commit(manager(), 'bm:anon'));
    const signedIn = openCausalScope('request:signed-in');
    await runInCausalScope(signedIn, async () => {
      await commit(manager(), 'bm:pre');
      signedIn.rekey('member:m-1');
    });
    expect(table().size).toBe(2); // request:anon and member:m-1
    anonymous.release();
    signedIn.release();
    expect(table().size).toBe(1);
    expect(await withCausalScope('member:m-1', () => held(manager()))).toEqual(new Set(['bm:pre']));
  });

  it('a closed executor no longer hears re-keys', async () => {
    const { manager, table, close } = executor();
    const req = openCausalScope('request:late');
    await runInCausalScope(req, () => commit(manager(), 'bm:x'));
    await close();
    req.rekey('member:m-1');
    expect(table().of('request:late').now()).toEqual(['bm:x']); // not moved
    expect(table().of('member:m-1').now()).toEqual([]);
  });

  it('keeps the member and credential bookmarks bounded, never dropping the process\u2019s or the credentials\u2019', async () => {
    const table = new ScopeBookmarkTable(2);
    await commit(table.of(CREDENTIALS_SCOPE), 'bm:cred');
    await commit(table.of(PROCESS_SCOPE), 'bm:proc');
    await commit(table.of('member:a'), 'bm:a');
    table.of('member:b');
    table.of('member:a'); // a used again: b is now the least recently used
    table.of('member:c');
    expect(table.size).toBe(2);
    expect(await held(table.of('member:a'))).toEqual(new Set(['bm:a']));
    expect(await held(table.of(CREDENTIALS_SCOPE))).toEqual(new Set(['bm:cred']));
    expect(await held(table.of(PROCESS_SCOPE))).toEqual(new Set(['bm:proc']));
  });
});

describe('credentials read before the member is known', () => {
  it('the first request carrying a credential just issued reads after the write that issued it', async () => {
    const { manager } = executor();
    // Sign-in: a request without credentials writes the new session.
    await withCausalScope('request:sign-in', () => withCredentialScope('write', () => commit(manager(), 'bm:session')));
    // The next request, with the new cookie, reads its session before it knows the member.
    const next = openCausalScope('request:next');
    await runInCausalScope(next, async () => {
      const read = withCredentialScope('read', manager);
      expect(await held(read)).toEqual(new Set(['bm:session']));
      await commit(read, 'bm:read'); // a read's bookmark goes to the request, not to every credential reader
      expect(await withCausalScope(CREDENTIALS_SCOPE, () => held(manager()))).toEqual(new Set(['bm:session']));
      next.rekey('member:m-1');
      expect(await held(manager())).toEqual(new Set(['bm:read']));
    });
    // Outside any request (the persisted-operations gate may verify before execution starts): after them too.
    expect(await held(withCredentialScope('read', manager))).toEqual(new Set(['bm:session']));
    // The signing-in request reads its own write, and a member's unrelated reads do not wait for credentials.
    expect(await withCausalScope('request:sign-in', () => held(manager()))).toEqual(new Set(['bm:session']));
    expect(await withCausalScope('member:m-2', () => held(manager()))).toEqual(new Set());
  });

  it('a revocation made in a member\u2019s scope holds for the next read of that credential in any request', async () => {
    const { manager } = executor();
    await withCausalScope('member:m-1', () => withCredentialScope('write', () => commit(manager(), 'bm:revoked')));
    expect(await withCausalScope('request:other-device', () => held(withCredentialScope('read', manager)))).toEqual(new Set(['bm:revoked']));
    expect(await withCausalScope('member:m-1', () => held(manager()))).toEqual(new Set(['bm:revoked']));
  });

  it('a session or token not found after this process\u2019s credential writes is read again on the leader; one found is not', async () => {
    const calls: { route: 'follower' | 'leader'; key?: string; readsAfter?: readonly string[] }[] = [];
    const stored = new Map<string, Record<string, unknown>>();
    const onLeader = new Map<string, Record<string, unknown>>();
    const tx = (rows: Map<string, Record<string, unknown>>): Tx => ({
      rows: async <T>(_q: string, p: Record<string, unknown> = {}) => (rows.has(String(p.id)) ? [rows.get(String(p.id)) as T] : []),
      write: async () => ({ nodesCreated: 0, relationshipsCreated: 0 }),
    });
    const scopeNow = () => ({ key: currentCausalScope()?.key, readsAfter: currentCausalScope()?.readsAfter });
    const ex = {
      read(work: (t: Tx) => Promise<unknown>) {
        calls.push({ route: 'follower', ...scopeNow() });
        return work(tx(stored));
      },
      readOnLeader(work: (t: Tx) => Promise<unknown>) {
        calls.push({ route: 'leader', ...scopeNow() });
        return work(tx(onLeader));
      },
    } as unknown as Executor;
    const ops = new AccountOps(ex);
    const token = { id: 't-1', memberId: 'm-1', name: 'n', secretHash: 'h', scope: 'READ', introspect: false, createdAt: 1, expiresAt: 2, revokedAt: 0, lastUsedAt: 0 };
    // Issued by another app process: not yet on this follower, on the leader.
    onLeader.set('t-1', token);
    const got = await withCausalScope('request:x', () => ops.getAccessToken('t-1'));
    expect(got).toMatchObject({ id: 't-1', memberId: 'm-1' });
    expect(calls).toEqual([
      { route: 'follower', key: 'request:x', readsAfter: [CREDENTIALS_SCOPE] },
      { route: 'leader', key: 'request:x', readsAfter: [CREDENTIALS_SCOPE] },
    ]);
    calls.length = 0;
    stored.set('t-1', token);
    expect(await withCausalScope('request:y', () => ops.getAccessToken('t-1'))).toMatchObject({ id: 't-1' });
    expect(calls.map((c) => c.route)).toEqual(['follower']);
    calls.length = 0;
    expect(await ops.getAuthSession('nowhere')).toBeNull();
    expect(calls).toEqual([
      { route: 'follower', key: PROCESS_SCOPE, readsAfter: [CREDENTIALS_SCOPE] },
      { route: 'leader', key: PROCESS_SCOPE, readsAfter: [CREDENTIALS_SCOPE] },
    ]);
  });
});

describe('the outbox on a cluster', () => {
  it('event batches count for the outbox, the worker reads after them, and a consumption counts for the members it writes for', async () => {
    const { ex, calls } = recorder();
    const answer = { kind: 'ANSWER' as const, event: { id: 'e1', memberId: 'm-1', questionId: 'q', at: 1, correct: true, seconds: 3 } };
    await withCausalScopes(['member:m-1', 'member:m-2'], () => recordEventBatch(ex, [answer as never], []));
    await withCausalScope(OUTBOX_SCOPE, async () => {
      await listOutbox(ex, 10);
      await completeOutbox(ex, {
        entries: [{ key: 'k1', kind: 'ANSWER', eventId: 'e1', memberId: 'm-1', at: 1 }],
        mastery: [{ memberId: 'm-3', topicId: 't', p: 0.5, updatedAt: 1 }],
        gaps: new Map(),
      });
    });
    // Called from a request (not the worker): the outbox is read after the outbox's writes all the same.
    await withCausalScope('member:m-9', () => listOutbox(ex, 10));
    expect(calls).toEqual([
      { kind: 'write', keys: ['member:m-1', 'member:m-2', OUTBOX_SCOPE] },
      { kind: 'read', keys: [OUTBOX_SCOPE] },
      { kind: 'write', keys: [OUTBOX_SCOPE, 'member:m-1', 'member:m-3'] },
      { kind: 'read', keys: ['member:m-9'], readsAfter: [OUTBOX_SCOPE] },
    ]);
  });
});

describe('writes about another member', () => {
  it('a change of a member\u2019s record, branch, account or credentials made by someone else counts for that member too', async () => {
    const { ex, calls } = recorder();
    const members = new MemberOps(ex);
    const accounts = new AccountOps(ex);
    await withCausalScope('member:admin', async () => {
      await members.updateMember('m-1', { role: 'MEMBER' });
      await members.moveMember({ id: 'tr-1', memberId: 'm-1', toBranchId: 'b-2', at: 1, reason: 'r' });
      await accounts.revokeAccessTokens('m-1', 1);
    });
    expect(calls).toEqual([
      { kind: 'write', keys: ['member:admin', 'member:m-1'] },
      { kind: 'write', keys: ['member:admin', 'member:m-1'] },
      { kind: 'write', keys: ['member:admin', CREDENTIALS_SCOPE, 'member:m-1'] },
    ]);
  });
});
