/**
 * The query cost limit and the structured reasons, over real HTTP on a real Kuzu store with the default
 * limit: a member's page asking for reasonDetails / explanationDetails (code, parameters, text) on every list
 * at once passes, because a structured reason is decoded from the row its parent already read; a query that
 * asks for many long lists is still refused (BAD_USER_INPUT, limit "cost"), and nothing runs.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { useLearningWorld } from './learning-world';

const h = useLearningWorld();
const R = 'code params { name kind value } text';

describe('cost of structured reasons', () => {
  it("lets a member read every list's structured reasons in one query", async () => {
    const q = `query($id: ID!) {
      gaps(memberId: $id) { topic { id name } reasons reasonDetails { ${R} } }
      mastery(memberId: $id) { notAssessed { topic { id name } reasons reasonDetails { ${R} } } }
      recommendations(memberId: $id, first: 10) { course { id title } explanation explanationDetails { ${R} } }
      practiceQuestions(memberId: $id, first: 5) { question { id stem } reason reasonDetails { ${R} } }
      studyPlan(memberId: $id) { items { course { id } reason reasonDetails { ${R} } } }
    }`;
    const r = await h.as('m-e')(q, { id: 'm-e' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.mastery.notAssessed.length).toBeGreaterThan(0);
    expect(r.body.data.mastery.notAssessed[0].reasonDetails[0].code).toMatch(/^[A-Z_]+$/);
  });

  it('still refuses a query asking for many long lists', async () => {
    const q = `{ branch(id: "b-1") { members(first: 100) { nodes { id name gaps { topic { id name description area } severity reasons reasonDetails { ${R} } } } } } }`;
    const r = await h.as('m-sec')(q);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].extensions.limit).toBe('cost');
    expect(r.body.data ?? null).toBeNull();
  });
});
