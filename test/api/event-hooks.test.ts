/**
 * The learning services plug into recordStudy/recordAnswer through AppDeps.learning.hooks: called
 * once per new event (not on a retry), and a failing hook does not fail the mutation.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../graph/model';
import type { EventHooks } from '../../server/members/activity';
import { useApiWorld } from '../support/api-world';

const seen: AnswerEvent[] = [];
const hooks: EventHooks = {
  onAnswer: async (s, e) => {
    expect(s.viewer.memberId).toBe(e.memberId);
    seen.push(e);
  },
  onStudy: async () => {
    throw new Error('mastery update failed');
  },
};
const errors: unknown[][] = [];
const logger = { debug() {}, info() {}, warn() {}, error: (...a: unknown[]) => void errors.push(a) };
const t = useApiWorld({ deps: { learning: { hooks }, logger } });

describe('event hooks', () => {
  it('run once per new answer, not on a retry', async () => {
    const q = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }';
    const i = { id: 'hook-a1', memberId: 'm-a', questionId: 'q-1', choice: 1, seconds: 12 };
    expect((await t.as('a')(q, { i })).body).toEqual({ data: { recordAnswer: { created: true, correct: true } } });
    expect((await t.as('a')(q, { i })).body).toEqual({ data: { recordAnswer: { created: false, correct: true } } });
    expect(seen.map((e) => [e.id, e.correct])).toEqual([['hook-a1', true]]);
  });

  it('do not fail the mutation when they throw; the failure is logged', async () => {
    const q = 'mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }';
    const r = await t.as('a')(q, { i: { id: 'hook-s1', memberId: 'm-a', courseId: 'course-1', seconds: 30, progress: 0.1 } });
    expect(r.body).toEqual({ data: { recordStudy: { created: true } } });
    expect((await t.store.getMemberHistory('m-a', { limit: 10 })).studies.map((s) => s.id)).toEqual(['hook-s1']);
    expect(errors.map((a) => a.map(String).join(' ')).join('\n')).toContain('event hook onStudy failed');
  });
});
