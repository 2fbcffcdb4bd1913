/**
 * Small-group disclosure in recommendation explanations. "与你学习短板相近的 N 位支部同志中，有 k 位学完了
 * 这门课程" tells a plain member (who may read only themself) about other members' learning gaps and
 * study records. With N = 1 it points at one person of their own, often small, branch. Aggregates
 * about other people are shown only over groups of at least MIN_GROUP members.
 *
 * Owner: the learning engineer (server/learning/recommend/rank-courses.ts `explain`, similar-members.ts).
 */
import { describe, expect, it } from 'vitest';
import { useLearningWorld } from '../api/learning-world';

const h = useLearningWorld();
const MIN_GROUP = 3;
const RECS = 'query($id: ID!) { recommendations(memberId: $id, first: 5) { course { id } explanation } }';

describe('recommendation explanations', () => {
  it(`cite what similar branch members did only over groups of ${MIN_GROUP} or more`, async () => {
    // m-f (a fresh activist of b-1, like m-g) has gaps and completes the course recommended to m-g.
    await h.as('m-f')('{ gaps(memberId: "m-f") { severity } }');
    const before = (await h.as('m-g')(RECS, { id: 'm-g' })).body.data.recommendations;
    const done = await h.as('m-f')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', {
      i: { memberId: 'm-f', courseId: before[1].course.id, seconds: 1200, progress: 1 },
    });
    expect(done.body.data.recordStudy.created).toBe(true);
    const after = (await h.as('m-g')(RECS, { id: 'm-g' })).body.data.recommendations as { explanation: string }[];
    expect(after.length).toBeGreaterThan(0);
    const groups = after.flatMap((r) => [...r.explanation.matchAll(/相近的 (\d+) 位支部同志/g)].map((m) => Number(m[1])));
    expect(groups.filter((n) => n < MIN_GROUP)).toEqual([]);
  });
});
