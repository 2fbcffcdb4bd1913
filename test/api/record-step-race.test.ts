/**
 * A member's record (党员档案) saved and a pipeline step recorded for the same member at the same moment, over
 * real HTTP. Each side is checked against the other and written only while the other side is still as it
 * was read, so when the two disagree exactly one passes: afterwards every record agrees with its steps,
 * and the loser got CONFLICT naming its field with nothing of it written. When they agree, both pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Milestone, MemberRecord } from '../../graph';
import { buildMember } from '../support/builders';
import { useApiWorld } from '../support/api-world';
import type { GqlResponse } from '../support/api-server';

const NOW = Date.parse('2026-06-20T04:00:00Z');
const t = useApiWorld({ deps: { now: () => NOW } });
const PAIRS = 24;
const AGREEING = 6;
const cst = (day: string) => new Date(`${day}T02:00:00Z`).toISOString();
const EDIT = 'mutation($i: UpdateMemberRecordInput!) { updateMemberRecord(input: $i) { version appliedAt } }';
const STEP = 'mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) { milestones { id } } }';
const READ = 'query($m: ID!) { memberRecord(memberId: $m) { appliedAt fromPipeline { field } conflicts { field } } }';

const ids = Array.from({ length: PAIRS }, (_, i) => `m-race-${String(i).padStart(2, '0')}`);
/** The day the step names; a disagreeing record names the next day. */
const stepDay = (i: number) => `2025-03-${String(1 + (i % 20)).padStart(2, '0')}`;
const recordDay = (i: number) => (i < AGREEING ? stepDay(i) : `2025-04-${String(1 + (i % 20)).padStart(2, '0')}`);

beforeAll(async () => {
  for (const id of ids) await buildMember(t.store, { id, name: `申请人${id.slice(-2)}`, branchId: 'b-1', stage: 'APPLICANT' });
});

const errorOf = (r: GqlResponse) => (r.body.errors ?? [])[0] as { message: string; extensions: Record<string, unknown> } | undefined;

describe('a record save and a pipeline step for the same member at the same moment', () => {
  it('never both pass when they disagree; the loser is CONFLICT naming its field and wrote nothing', async () => {
    const sec = t.as('sec');
    // Every save and every step starts together: 2 × PAIRS requests in flight at once.
    const results = await Promise.all(
      ids.map(async (memberId, i) => {
        const [save, step] = await Promise.all([
          sec(EDIT, { i: { memberId, expectVersion: 0, appliedAt: cst(recordDay(i)) } }),
          sec(STEP, { i: { id: `ms-race-${i}`, memberId, step: 'APPLICATION', at: cst(stepDay(i)) } }),
        ]);
        return { memberId, i, save, step };
      }),
    );
    const [records, milestones] = await Promise.all([t.store.getMemberRecords(ids), t.store.listMilestones(ids)]);
    const recordOf = new Map<string, MemberRecord>(records.map((r) => [r.memberId, r]));
    let recordWins = 0;
    let stepWins = 0;
    for (const { memberId, i, save, step } of results) {
      const saved = recordOf.get(memberId);
      const steps: Milestone[] = milestones.get(memberId) ?? [];
      const saveErr = errorOf(save);
      const stepErr = errorOf(step);
      if (i < AGREEING) {
        // Same day on both sides: both pass, in either order.
        expect(saveErr, memberId).toBeUndefined();
        expect(stepErr, memberId).toBeUndefined();
        expect(steps.map((m) => m.id)).toEqual([`ms-race-${i}`]);
        expect(saved?.version).toBe(1);
        continue;
      }
      // Exactly one of the two passed.
      expect([saveErr, stepErr].filter(Boolean), memberId).toHaveLength(1);
      if (stepErr) {
        recordWins++;
        expect(stepErr.extensions).toMatchObject({ code: 'CONFLICT', field: 'at', recordField: 'appliedAt', step: 'APPLICATION' });
        expect(stepErr.message).toMatch(/appliedAt/);
        // Nothing of the step: no milestone; the record is the winner's.
        expect(steps).toEqual([]);
        expect(saved).toMatchObject({ version: 1, appliedAt: Date.parse(cst(recordDay(i))) });
      } else {
        stepWins++;
        expect(saveErr?.extensions).toMatchObject({ code: 'CONFLICT', field: 'appliedAt', step: 'APPLICATION' });
        expect(saveErr?.message).toMatch(/appliedAt/);
        // Nothing of the save: no record; the step is the winner's.
        expect(saved).toBeUndefined();
        expect(steps.map((m) => [m.id, m.at])).toEqual([[`ms-race-${i}`, Date.parse(cst(stepDay(i)))]]);
      }
    }
    expect(recordWins + stepWins).toBe(PAIRS - AGREEING);
    // Afterwards every member's record agrees with their steps, as the API reads it.
    const views = await Promise.all(ids.map((m) => sec(READ, { m })));
    for (const [k, v] of views.entries()) {
      expect(v.body.errors, ids[k]).toBeUndefined();
      expect(v.body.data.memberRecord.conflicts, ids[k]).toEqual([]);
    }
  });
});
