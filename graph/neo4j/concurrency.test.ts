/**
 * What the Neo4j adapter does about concurrent transactions and bounded memory, checked without a
 * server (none runs where this suite runs): which driver errors are retried, the backoff, that
 * statements which may touch a whole label are sent as auto-commit `CALL … IN TRANSACTIONS` with retry,
 * and that read-then-write operations take the node's write lock before they read. Recording fakes
 * stand in for the executor and only record what would be sent; a real Neo4j 5.26 run of the contract
 * suite (`npm run test:neo4j`) is what shows the statements behave as intended.
 */
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors';
import { CATALOG } from './catalog';
import { setEmbeddings } from './embeddings';
import { type Executor, isRetryable, retryDelayMs, type Tx } from './executor';
import { LearnerOps } from './learner';
import { LifeOps } from './life';
import { MemberOps } from './members';
import { CLEAR_Q, EMBED_Q, LOCK, Q, VECTOR_DROP_BATCH } from './queries';
import { clearAll, ensureVectorIndex } from './schema';
import { replaceAutoTags, setManualTags } from './tags';

const driverError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('retryable driver errors', () => {
  it('retries deadlocks, lock timeouts, lost connections and leader switches', () => {
    for (const code of [
      'Neo.TransientError.Transaction.DeadlockDetected',
      'Neo.TransientError.Transaction.LockAcquisitionTimeout',
      'Neo.TransientError.General.DatabaseUnavailable',
      'ServiceUnavailable',
      'SessionExpired',
    ]) {
      expect(isRetryable(driverError(code)), code).toBe(true);
    }
  });

  it('never retries memory limits, stopped transactions, constraint violations, refused statements or our own errors', () => {
    for (const code of [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'Neo.TransientError.General.TransactionMemoryLimit',
      'Neo.TransientError.Transaction.Terminated',
      'Neo.TransientError.Transaction.LockClientStopped',
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      'Neo.ClientError.Statement.SyntaxError',
      'Neo.DatabaseError.General.UnknownError',
    ]) {
      expect(isRetryable(driverError(code)), code).toBe(false);
    }
    expect(isRetryable(new StoreError('CONFLICT', 'taken'))).toBe(false);
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
  });

  it('backs off from 200 ms, doubling to 3.2 s, with ±20 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((a) => retryDelayMs(a, () => 0.5))).toEqual([200, 400, 800, 1600, 3200, 3200, 3200]);
    expect(retryDelayMs(0, () => 0)).toBe(160);
    expect(retryDelayMs(0, () => 1)).toBe(240);
  });
});

/** An executor that records what it would send; reads answer from `answer`. */
function recorder(answer: (query: string) => Record<string, unknown>[] = () => [], counters = { nodesCreated: 0, relationshipsCreated: 0 }) {
  const sent: { how: string; query: string; name: string; opts?: unknown }[] = [];
  const name = (q: string) => [...CATALOG].find(([, text]) => text === q)?.[0] ?? '?';
  const tx: Tx = {
    rows: async <T>(query: string) => {
      sent.push({ how: 'tx', query, name: name(query) });
      return answer(query) as T[];
    },
    write: async (query: string) => {
      sent.push({ how: 'tx', query, name: name(query) });
      return counters;
    },
  };
  const ex = {
    read: async <T>(work: (t: Tx) => Promise<T>) => work(tx),
    write: async <T>(work: (t: Tx) => Promise<T>) => work(tx),
    schema: async (query: string) => {
      sent.push({ how: 'schema', query, name: name(query) });
      return [];
    },
    autoCommit: async (query: string, _params?: unknown, opts?: unknown) => {
      sent.push({ how: 'autoCommit', query, name: name(query), opts });
      return { nodesDeleted: 0, relationshipsDeleted: 0, nodesCreated: 0, relationshipsCreated: 0 };
    },
  };
  return { ex: ex as unknown as Executor, sent };
}

describe('bounded, retried bulk statements', () => {
  it('clear sends every delete as an auto-commit statement in inner transactions, retried on transient errors', async () => {
    const { ex, sent } = recorder();
    await clearAll(ex);
    const deletes = sent.filter((s) => s.how === 'autoCommit');
    expect(deletes.map((s) => s.query)).toEqual([...Object.values(CLEAR_Q.rels), ...Object.values(CLEAR_Q.nodes)]);
    for (const d of deletes) expect(d.opts).toEqual({ retry: true });
  });

  it('drops vectors of another dimension in inner transactions outside any managed transaction', async () => {
    for (const q of Object.values(EMBED_Q)) expect(q.dropOtherDimensions).toMatch(new RegExp(`IN TRANSACTIONS OF ${VECTOR_DROP_BATCH} ROWS$`));
    const { ex, sent } = recorder((q) => (q.includes('SHOW INDEXES') ? [] : []));
    await ensureVectorIndex(ex, 'Topic', 8);
    expect(sent.filter((s) => s.query === EMBED_Q.Topic.dropOtherDimensions)).toEqual([
      { how: 'autoCommit', query: EMBED_Q.Topic.dropOtherDimensions, name: 'EMBED_Q.Topic.dropOtherDimensions', opts: { retry: true } },
    ]);
    const second = recorder((q) => (q.startsWith('UNWIND $ids AS x WITH DISTINCT x') ? [{ missing: [] }] : []));
    await setEmbeddings(second.ex, 'Topic', [{ id: 't-1', vector: [0.1, 0.2], embedderId: 'e', contentHash: 'h' }]);
    const drop = second.sent.filter((s) => s.query === EMBED_Q.Topic.dropOtherDimensions);
    expect(drop.map((s) => s.how)).toEqual(['autoCommit']);
    expect(second.sent.findIndex((s) => s.query === EMBED_Q.Topic.dropOtherDimensions)).toBeLessThan(second.sent.findIndex((s) => s.query === EMBED_Q.Topic.set));
  });

  it('keeps every IN TRANSACTIONS statement in the catalogue (so the linter checks it)', () => {
    const batched = [...CATALOG].filter(([, q]) => /IN TRANSACTIONS/.test(q)).map(([name]) => name);
    expect(batched).toContain('EMBED_Q.Question.dropOtherDimensions');
    expect(batched).toContain('CLEAR_Q.nodes.Member');
  });
});

describe('read-then-write takes the write lock first', () => {
  const member = { currentRows: [{ branchId: 'b-1', stage: 'FULL' }], branchExists: true, groupBranch: [] };

  it('a member update and a move lock the member before reading it', async () => {
    const { ex, sent } = recorder((q) =>
      q === LOCK.Member ? [{ id: 'm-1' }] : q === Q.memberCheck ? [member] : q === Q.moveCheck ? [{ currentBranch: ['b-1'], toExists: true, existing: [] }] : [],
    );
    const ops = new MemberOps(ex);
    await ops.updateMember('m-1', { name: 'x' }).catch(() => undefined); // the final read-back finds no row in the fake
    expect(sent.map((s) => s.name).slice(0, 2)).toEqual(['LOCK.Member', 'Q.memberCheck']);
    sent.length = 0;
    await ops.moveMember({ id: 'tr-1', memberId: 'm-1', toBranchId: 'b-2', at: 1, reason: '' });
    expect(sent.map((s) => s.name)).toEqual(['LOCK.Member', 'Q.moveCheck', 'Q.moveMember']);
  });

  it('replacing gaps and saving a study plan lock the member first', async () => {
    const { ex, sent } = recorder((q) => (q === LOCK.Member ? [{ id: 'm-1' }] : q.startsWith('UNWIND $ids AS x WITH DISTINCT x') ? [{ missing: [] }] : []));
    const learner = new LearnerOps(ex);
    await learner.replaceGaps('m-1', []);
    expect(sent.map((s) => s.name)).toEqual(['LOCK.Member', 'MISSING.Member', 'Q.replaceGaps']);
    sent.length = 0;
    await learner.saveStudyPlan({ id: 'p-1', memberId: 'm-1', createdAt: 1, minutesPerWeek: 60, weeks: 1, startsAt: 1, items: [] });
    expect(sent.map((s) => s.name)).toEqual(['LOCK.Member', 'MISSING.Member', 'Q.dropStudyPlan', 'Q.saveStudyPlan']);
  });

  it('tag writes lock the tagged item before deleting and re-creating its tags', async () => {
    for (const write of [replaceAutoTags, setManualTags]) {
      const { ex, sent } = recorder((q) => (q === LOCK.Course ? [{ id: 'k-1' }] : q.startsWith('UNWIND $ids AS x WITH DISTINCT x') ? [{ missing: [] }] : []));
      await write(ex, 'Course', 'k-1', [{ topicId: 't-1', weight: 1, source: 'MANUAL', confidence: 1 }]);
      expect(sent[0]!.name).toBe('LOCK.Course');
      expect(sent.map((s) => s.name)).toContain('TAG_Q.Course.create');
    }
  });

  it('a meeting id created concurrently by another branch is a CONFLICT, by the same branch a replay; neither links or tags anything', async () => {
    for (const [holder, outcome] of [
      ['b-2', 'CONFLICT'],
      ['b-1', 'replay'],
    ] as const) {
      let checks = 0;
      const { ex, sent } = recorder((q) => {
        if (q !== Q.meetingCheck) return q.startsWith('UNWIND $ids AS x WITH DISTINCT x') ? [{ missing: [] }] : [];
        // First check: not there yet. Second check, after MERGE waited for the other writer: there.
        return [{ branchExists: true, existingBranch: checks++ === 0 ? [] : [holder] }];
      });
      const life = new LifeOps(ex);
      const result = await life.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: 't', at: 1, minutes: 60, record: '' }).then(
        (r) => (r.created ? 'created' : 'replay'),
        (e: StoreError) => e.code,
      );
      expect(result).toBe(outcome);
      expect(sent.map((s) => s.name)).toEqual(['Q.meetingCheck', 'Q.createMeeting', 'Q.meetingCheck']);
    }
    expect(Q.createMeeting).toMatch(/WHERE NOT EXISTS \{ MATCH \(:Branch\)-\[:HELD\]->\(mt\) \}\nMERGE \(br\)-\[:HELD\]->\(mt\)$/);
    for (const q of [Q.createCommittee, Q.createBranch, Q.createGroup]) expect(q).toMatch(/WHERE NOT EXISTS \{ MATCH \(n\)-\[:UNDER\]->/);
  });
});
