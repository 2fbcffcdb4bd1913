/**
 * A group commit carries the writes of several requests in one transaction: it must run in the joined causal
 * scope of those requests (so on a Neo4j cluster each of them reads its own write next), not in the scope of
 * whichever request's timer started the batch. The store here is a recorder of one pure fact (the scope a
 * call ran in); the Neo4j side of joined scopes is tested in graph/neo4j/causal.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type AccessRecord, type BatchEvent, type BatchOutcome, currentCausalScope, withCausalScope } from '../../graph';
import { GroupCommit } from './group-commit';

const answer = (id: string) => ({ id, memberId: 'm-1', questionId: 'q-1', at: 1, correct: true, seconds: 5 });
const scopeNow = () => {
  const s = currentCausalScope();
  return s ? [...(s.keys ?? [s.key])] : [];
};

describe('group commit and causal scopes', () => {
  it('writes a batch in the joined scope of its callers, and a retried row in its own', async () => {
    const seen: string[][] = [];
    let failBatch = false;
    const store = {
      async recordEventBatch(rows: BatchEvent[], access: AccessRecord[]): Promise<BatchOutcome[]> {
        seen.push(scopeNow());
        if (failBatch && rows.length + access.length > 1) throw new Error('the transaction failed as a whole');
        return rows.map(() => ({ status: 'created' as const }));
      },
      async appendAccess(): Promise<void> {
        seen.push(scopeNow());
      },
    };
    const gc = new GroupCommit(store);
    await Promise.all([
      withCausalScope('caller:a', () => gc.recordAnswer(answer('e1'))),
      withCausalScope('caller:b', () => gc.recordAnswer(answer('e2'))),
      gc.recordAnswer(answer('e3')), // outside any request
    ]);
    expect(seen).toEqual([['caller:a', 'caller:b']]);

    seen.length = 0;
    failBatch = true;
    await Promise.all([withCausalScope('caller:a', () => gc.recordAnswer(answer('e4'))), withCausalScope('caller:b', () => gc.recordAnswer(answer('e5')))]);
    expect(seen).toEqual([['caller:a', 'caller:b'], ['caller:a'], ['caller:b']]);

    seen.length = 0;
    await gc.recordAnswer(answer('e6'));
    expect(seen).toEqual([[]]);
    await gc.close();
  });
});
