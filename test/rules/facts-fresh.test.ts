/**
 * The engine keeps the facts of branches between evaluations (server/rules/facts.ts). On a real Kuzu
 * store, one long-lived engine evaluates, a write of each kind goes through the store, and the next
 * evaluation must show the write: it equals, obligation for obligation, the evaluation of an engine
 * that reads every fact again, and the obligation the write concerns changed as it should; so do the
 * kept engine's committee and university evaluations, which judge again only the branches written to.
 * Without writes, the second evaluation reads nothing from the store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, Milestone, TalkRecord, TransferCase } from '../../graph';
import { RulesEngine, type Scope } from '../../server/rules/engine';
import type { Obligation } from '../../server/rules/types';
import { buildMember } from '../support/builders';
import { useOrgStore } from '../support/org-store';

const org = useOrgStore({
  branches: [
    ['b-1', '一支部'],
    ['b-2', '二支部'],
  ],
});
let store: GraphStore;
let kept: RulesEngine;
const cst = (d: string) => Date.parse(`${d}T10:00:00+08:00`);
const AS_OF = cst('2026-06-15');
const B1: Scope = { kind: 'BRANCH', id: 'b-1' };
const C1: Scope = { kind: 'COMMITTEE', id: 'c-1' };
const U1: Scope = { kind: 'UNIVERSITY', id: 'u-1' };
let seq = 0;

beforeAll(async () => {
  store = org.store;
  for (const id of ['m-1', 'm-2', 'm-3']) await buildMember(store, { id, branchId: 'b-1' });
  await buildMember(store, { id: 'm-9', branchId: 'b-2' });
  kept = new RulesEngine({ store, factsTtlMs: 3_600_000 });
});

/**
 * The kept engine's evaluation of `scope`, after checking that it, and the kept engine's evaluations of
 * the committee and the university (made of kept per-branch parts where their branch did not change),
 * equal those of an engine that reads every fact again and keeps nothing.
 */
async function evaluate(scope: Scope): Promise<Obligation[]> {
  const fresh = new RulesEngine({ store, factsTtlMs: 0 });
  const got = await kept.evaluate(scope, AS_OF);
  expect(got).toEqual(await fresh.evaluate(scope, AS_OF));
  for (const wider of [C1, U1]) expect(await kept.evaluate(wider, AS_OF), wider.kind).toEqual(await fresh.evaluate(wider, AS_OF));
  return got;
}

const find = (all: Obligation[], ruleId: string, subjectId: string, label?: string) =>
  all.filter((o) => o.ruleId === ruleId && o.subject.id === subjectId && (label === undefined || o.period?.label === label));

const milestone = (memberId: string, step: Milestone['step'], at: number): Milestone => ({
  id: `ms-${++seq}`,
  memberId,
  step,
  at,
  recordedAt: at,
  recordedBy: 'x',
  evidence: { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null },
});

describe('facts kept between evaluations', () => {
  it('are served from memory while nothing is written', async () => {
    await evaluate(C1);
    const before = { ...kept.facts.stats };
    await kept.evaluate(C1, AS_OF);
    await kept.evaluate(B1, AS_OF);
    expect(kept.facts.stats.batches).toBe(before.batches);
    expect(kept.facts.stats.hits).toBe(before.hits + 3);
  });

  it('show a meeting from the evaluation after it was recorded, and only that branch is read again', async () => {
    expect(find(await evaluate(C1), 'life.branch-assembly.minimum', 'b-1', '2026-Q1')[0].status).toBe('OVERDUE');
    const reads = kept.facts.stats.reads;
    await store.createMeeting({ id: 'mt-q1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '党员大会', at: cst('2026-02-20'), minutes: 60, record: '' });
    const parts = { ...kept.branchResults!.stats };
    const after = await kept.evaluate(C1, AS_OF);
    expect(kept.facts.stats.reads).toBe(reads + 1);
    // b-1 alone is judged again; b-2's part is kept.
    expect(kept.branchResults!.stats).toEqual({ hits: parts.hits + 1, misses: parts.misses + 1 });
    const [o] = find(after, 'life.branch-assembly.minimum', 'b-1', '2026-Q1');
    expect(o.status).toBe('DONE');
    expect(o.evidence.map((e) => e.id)).toEqual(['mt-q1']);
    expect(after).toEqual(await new RulesEngine({ store, factsTtlMs: 0 }).evaluate(C1, AS_OF));
  });

  it('show a new party group (group meetings become required)', async () => {
    expect(find(await evaluate(B1), 'life.group-meeting.minimum', 'b-1')).toEqual([]);
    await store.createGroup({ id: 'g-1', name: '第一党小组', branchId: 'b-1' });
    expect(find(await evaluate(B1), 'life.group-meeting.minimum', 'b-1').length).toBeGreaterThan(0);
  });

  it('show a new member, a changed stage and a talk record (yearly talks)', async () => {
    const talked = async () => find(await evaluate(B1), 'talk.yearly', 'b-1', '2026')[0].detail;
    expect(await talked()).toEqual({ members: 3, talked: 0 });
    await buildMember(store, { id: 'm-4', branchId: 'b-1' });
    expect(await talked()).toEqual({ members: 4, talked: 0 });
    await store.updateMember('m-4', { stage: 'ACTIVIST' });
    expect(await talked()).toEqual({ members: 3, talked: 0 });
    const talk: TalkRecord = {
      id: 'tk-1',
      subjectId: 'm-1',
      branchId: 'b-1',
      kind: 'YEARLY',
      at: cst('2026-03-01'),
      participantIds: ['m-1', 'm-2'],
      summary: '谈话',
      followUp: '',
      forCommittee: false,
      createdBy: 'm-2',
      createdAt: cst('2026-03-01'),
    };
    await store.createTalkRecord(talk);
    expect(await talked()).toEqual({ members: 3, talked: 1 });
  });

  it('show a pipeline milestone (the talk becomes due, then done)', async () => {
    expect(find(await evaluate(B1), 'pipeline.talk.within-month', 'm-4')).toEqual([]);
    const app = milestone('m-4', 'APPLICATION', cst('2026-06-01'));
    await store.addMilestone(app, null);
    expect(find(await evaluate(B1), 'pipeline.talk.within-month', 'm-4').map((o) => o.status)).toEqual(['DUE']);
    await store.addMilestone(milestone('m-4', 'TALK', cst('2026-06-10')), app.id);
    expect(find(await evaluate(B1), 'pipeline.talk.within-month', 'm-4')).toEqual([]);
  });

  it('show a dues standard and a payment (arrears warning raised, then cleared)', async () => {
    expect(find(await evaluate(B1), 'dues.arrears.warn', 'm-1')).toEqual([]);
    await store.setDuesStandard({
      memberId: 'm-1',
      year: 2026,
      category: 'STUDENT',
      baseFen: null,
      computedFen: 20,
      monthlyFen: 20,
      ruleId: 'dues.fixed-minimum',
      ruleVersion: 1,
      recordedAt: 0,
      recordedBy: 'x',
    });
    expect(find(await evaluate(B1), 'dues.arrears.warn', 'm-1').map((o) => o.detail?.consecutiveUnpaid)).toEqual([5]);
    await store.recordDuesPayment({ id: 'pay-1', memberId: 'm-1', months: ['2026-03', '2026-04', '2026-05'], amountFen: 60, paidAt: AS_OF, recordedBy: 'x' });
    expect(find(await evaluate(B1), 'dues.arrears.warn', 'm-1')).toEqual([]);
  });

  it('show a transfer letter going out and its receipt coming back', async () => {
    const letter: TransferCase = {
      id: 'tc-1',
      memberId: 'm-2',
      kind: 'OUT',
      status: 'LETTER_ISSUED',
      fromBranchId: 'b-1',
      toBranchId: null,
      externalOrg: '外单位',
      letterNumber: '组转〔2025〕7号',
      validUntil: cst('2026-06-30'),
      duesPaidUntil: '2026-05',
      reason: '毕业',
      batchId: null,
      profileConsentAt: null,
      steps: [],
      createdAt: 0,
      updatedAt: 0,
    };
    expect(find(await evaluate(B1), 'transfer.receipt.overdue', 'm-2')).toEqual([]);
    await store.createTransferCase(letter);
    expect(find(await evaluate(B1), 'transfer.receipt.overdue', 'm-2').map((o) => o.status)).toEqual(['DUE']);
    await store.advanceTransferCase('tc-1', 'LETTER_ISSUED', { status: 'LETTER_RECEIVED', step: { at: AS_OF, by: 'x', note: null } });
    expect(find(await evaluate(B1), 'transfer.receipt.overdue', 'm-2')).toEqual([]);
  });

  it('show a member moved to another branch under both branches', async () => {
    await store.setDuesStandard({
      memberId: 'm-3',
      year: 2026,
      category: 'STUDENT',
      baseFen: null,
      computedFen: 20,
      monthlyFen: 20,
      ruleId: 'dues.fixed-minimum',
      ruleVersion: 1,
      recordedAt: 0,
      recordedBy: 'x',
    });
    const before = await evaluate(C1);
    expect(find(before, 'dues.arrears.warn', 'm-3').map((o) => o.subject.branchId)).toEqual(['b-1']);
    await evaluate({ kind: 'BRANCH', id: 'b-2' });
    await store.moveMember({ id: 'mv-1', memberId: 'm-3', toBranchId: 'b-2', at: AS_OF - 1, reason: '调整' });
    expect(find(await evaluate(B1), 'dues.arrears.warn', 'm-3')).toEqual([]);
    expect(find(await evaluate({ kind: 'BRANCH', id: 'b-2' }), 'dues.arrears.warn', 'm-3').map((o) => o.subject.branchId)).toEqual(['b-2']);
  });

  it('show a write made while an evaluation is reading', async () => {
    await store.createMeeting({ id: 'mt-x', branchId: 'b-2', kind: 'BRANCH_COMMITTEE', title: '支委会', at: cst('2026-01-05'), minutes: 60, record: '' });
    const reading = kept.evaluate(C1, AS_OF);
    await store.createMeeting({ id: 'mt-y', branchId: 'b-2', kind: 'BRANCH_COMMITTEE', title: '支委会', at: cst('2026-01-06'), minutes: 60, record: '' });
    await reading;
    const [o] = find(await evaluate(C1), 'life.branch-committee.minimum', 'b-2', '2026-01');
    expect(o.evidence.map((e) => e.id)).toEqual(['mt-x', 'mt-y']);
  });

  it('are all dropped by a write the engine does not know (here clearing the store)', async () => {
    expect((await kept.evaluate(C1, AS_OF)).length).toBeGreaterThan(0);
    await store.clear();
    expect(await kept.evaluate(C1, AS_OF)).toEqual([]);
  });
});
