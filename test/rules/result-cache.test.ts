/**
 * The engine reuses an evaluation while its rules, facts and day hold (server/rules/result-cache.ts). On a
 * real Kuzu store with a meeting scheduled for later today, a development-pipeline deadline and a transfer
 * letter's validity ending today, a reusing engine is asked "as of" one instant after another (each change
 * point just before, on and after it, then the next day's boundary) and must give exactly what an engine
 * that keeps nothing gives. It does reuse in between (counted), never for an earlier "as of".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, Milestone, TransferCase } from '../../graph';
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
const cst = (d: string, hm = '10:00') => Date.parse(`${d}T${hm}:00+08:00`);
const AS_OF = cst('2026-06-15', '09:00');
const MEETING_AT = cst('2026-06-15', '14:30');
/** The application a month before, recorded so that the talk's month ends today at 16:00. */
const APPLIED_AT = cst('2026-05-15', '16:00');
const LETTER_UNTIL = cst('2026-06-15', '18:00');
const MIDNIGHT = cst('2026-06-16', '00:00');
const C1: Scope = { kind: 'COMMITTEE', id: 'c-1' };

beforeAll(async () => {
  store = org.store;
  for (const id of ['m-1', 'm-2']) await buildMember(store, { id, branchId: 'b-1' });
  await buildMember(store, { id: 'm-3', branchId: 'b-1', stage: 'APPLICANT' });
  await buildMember(store, { id: 'm-9', branchId: 'b-2' });
  await store.createMeeting({ id: 'mt-later', branchId: 'b-1', kind: 'BRANCH_COMMITTEE', title: '支委会', at: MEETING_AT, minutes: 60, record: '' });
  const app: Milestone = {
    id: 'ms-app',
    memberId: 'm-3',
    step: 'APPLICATION',
    at: APPLIED_AT,
    recordedAt: APPLIED_AT,
    recordedBy: 'm-1',
    evidence: { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null },
  };
  await store.addMilestone(app, null);
  const letter: TransferCase = {
    id: 'tc-1',
    memberId: 'm-2',
    kind: 'OUT',
    status: 'LETTER_ISSUED',
    fromBranchId: 'b-1',
    toBranchId: null,
    externalOrg: '外单位',
    letterNumber: '组转〔2026〕3号',
    validUntil: LETTER_UNTIL,
    duesPaidUntil: '2026-05',
    reason: '毕业',
    batchId: null,
    profileConsentAt: null,
    steps: [],
    createdAt: 0,
    updatedAt: 0,
  };
  await store.createTransferCase(letter);
});

const statusOf = (all: Obligation[], ruleId: string, subjectId: string, label?: string) =>
  all.filter((o) => o.ruleId === ruleId && o.subject.id === subjectId && (label === undefined || o.period?.label === label)).map((o) => o.status);

describe('evaluations reused while their rules, facts and day hold', () => {
  it('give what an engine that keeps nothing gives, at every instant around each change', async () => {
    const reusing = new RulesEngine({ store, factsTtlMs: 3_600_000 });
    const plain = new RulesEngine({ store, factsTtlMs: 0 });
    expect(plain.results).toBeNull();
    const points = [MEETING_AT, APPLIED_AT + 31 * 86_400_000, LETTER_UNTIL, MIDNIGHT].flatMap((t) => [t - 1, t, t + 1]);
    const instants = [AS_OF, AS_OF + 1, AS_OF + 60_000, ...points.sort((a, b) => a - b), MIDNIGHT + 3_600_000];
    const seen: Obligation[][] = [];
    for (const t of instants) {
      const got = await reusing.evaluate(C1, t);
      expect(got, new Date(t).toISOString()).toEqual(await plain.evaluate(C1, t));
      seen.push(got);
    }
    // Reused between the changes, and the changes themselves did happen in that span.
    expect(reusing.results!.stats.hits).toBeGreaterThan(0);
    const first = seen[0];
    const last = seen[seen.length - 1];
    expect(statusOf(first, 'life.branch-committee.minimum', 'b-1', '2026-06')).toEqual(['DUE']);
    expect(statusOf(last, 'life.branch-committee.minimum', 'b-1', '2026-06')).toEqual(['DONE']);
    expect(statusOf(first, 'transfer.receipt.overdue', 'm-2')).toEqual(['DUE']);
    expect(statusOf(last, 'transfer.receipt.overdue', 'm-2')).toEqual(['OVERDUE']);
    expect(statusOf(first, 'pipeline.talk.within-month', 'm-3')).toEqual(['DUE']);
    expect(statusOf(last, 'pipeline.talk.within-month', 'm-3')).toEqual(['OVERDUE']);
  });

  it('are not reused for an earlier "as of", nor after a write to a branch of the scope', async () => {
    const reusing = new RulesEngine({ store, factsTtlMs: 3_600_000 });
    const plain = new RulesEngine({ store, factsTtlMs: 0 });
    const late = await reusing.evaluate(C1, LETTER_UNTIL + 1);
    expect(statusOf(late, 'transfer.receipt.overdue', 'm-2')).toEqual(['OVERDUE']);
    const early = await reusing.evaluate(C1, LETTER_UNTIL - 60_000);
    expect(statusOf(early, 'transfer.receipt.overdue', 'm-2')).toEqual(['DUE']);
    expect(early).toEqual(await plain.evaluate(C1, LETTER_UNTIL - 60_000));
    const hits = reusing.results!.stats.hits;
    await reusing.evaluate(C1, LETTER_UNTIL - 50_000);
    expect(reusing.results!.stats.hits).toBe(hits + 1);
    await store.createMeeting({ id: 'mt-b2', branchId: 'b-2', kind: 'BRANCH_COMMITTEE', title: '支委会', at: cst('2026-06-02'), minutes: 60, record: '' });
    const after = await reusing.evaluate(C1, LETTER_UNTIL - 40_000);
    expect(reusing.results!.stats.hits).toBe(hits + 1);
    expect(statusOf(after, 'life.branch-committee.minimum', 'b-2', '2026-06')).toEqual(['DONE']);
    expect(after).toEqual(await plain.evaluate(C1, LETTER_UNTIL - 40_000));
  });
});

describe('parts of evaluations kept per branch', () => {
  const B2: Scope = { kind: 'BRANCH', id: 'b-2' };
  const T = cst('2026-06-15', '11:00');

  it('after a write to one branch judge that branch alone again, and each part holds only until its own branch changes', async () => {
    const reusing = new RulesEngine({ store, factsTtlMs: 3_600_000 });
    const plain = new RulesEngine({ store, factsTtlMs: 0 });
    const parts = reusing.branchResults!;
    expect(new RulesEngine({ store, maxKeptBranchResults: 0 }).branchResults).toBeNull();
    const same = async (scope: Scope, t: number) => {
      const got = await reusing.evaluate(scope, t);
      expect(got, `${scope.kind} ${new Date(t).toISOString()}`).toEqual(await plain.evaluate(scope, t));
      return got;
    };
    await same(C1, T);
    expect(parts.stats).toEqual({ hits: 0, misses: 2 });
    // The branch's own evaluation takes its part from the committee's.
    await same(B2, T + 1);
    expect(parts.stats).toEqual({ hits: 1, misses: 2 });
    await store.createMeeting({ id: 'mt-b2-parts', branchId: 'b-2', kind: 'PARTY_LECTURE', title: '党课', at: cst('2026-06-03'), minutes: 60, record: '' });
    const after = await same(C1, T + 2);
    expect(parts.stats).toEqual({ hits: 2, misses: 3 });
    expect(statusOf(after, 'life.party-lecture.minimum', 'b-2', '2026-Q2')).toEqual(['DONE']);
    // b-1's meeting later today changes b-1's part only: at its time b-1 is judged again, b-2's part still holds.
    const late = await same(C1, MEETING_AT);
    expect(parts.stats).toEqual({ hits: 3, misses: 4 });
    expect(statusOf(late, 'life.branch-committee.minimum', 'b-1', '2026-06')).toEqual(['DONE']);
    // A member's milestone is a write to the member's branch.
    const m: Milestone = {
      id: 'ms-talk-parts',
      memberId: 'm-3',
      step: 'TALK',
      at: cst('2026-06-10'),
      recordedAt: cst('2026-06-10'),
      recordedBy: 'm-1',
      evidence: { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null },
    };
    expect(statusOf(late, 'pipeline.talk.within-month', 'm-3')).toEqual(['DUE']);
    await store.addMilestone(m, 'ms-app');
    const talked = await same(C1, MEETING_AT + 1);
    expect(parts.stats).toEqual({ hits: 4, misses: 5 });
    expect(statusOf(talked, 'pipeline.talk.within-month', 'm-3')).toEqual([]);
  });

  it('are judged again for every branch when the rules change (an override) and when a branch is added', async () => {
    const reusing = new RulesEngine({ store, factsTtlMs: 3_600_000 });
    const plain = new RulesEngine({ store, factsTtlMs: 0 });
    const parts = reusing.branchResults!;
    const t = MEETING_AT + 60_000;
    expect(await reusing.evaluate(C1, t)).toEqual(await plain.evaluate(C1, t));
    expect(statusOf(await reusing.evaluate(C1, t + 1), 'life.branch-committee.minimum', 'b-1', '2026-06')).toEqual(['DONE']);
    const judged = parts.stats.misses;
    await store.createRuleOverride({
      id: 'life.branch-committee.minimum@2',
      ruleId: 'life.branch-committee.minimum',
      version: 2,
      params: JSON.stringify({ meetingKind: 'BRANCH_COMMITTEE', frequency: 'MONTH', minimum: 2, onlyWithGroups: false }),
      effectiveFrom: '2026-06-01',
      reason: '从严',
      createdBy: 'm-1',
      createdAt: t,
    });
    const stricter = await reusing.evaluate(C1, t + 2);
    expect(stricter).toEqual(await plain.evaluate(C1, t + 2));
    expect(parts.stats.misses).toBe(judged + 2);
    expect(statusOf(stricter, 'life.branch-committee.minimum', 'b-1', '2026-06')).toEqual(['DUE']);
    await store.createBranch({ id: 'b-3', name: '三支部', committeeId: 'c-1' });
    const wider = await reusing.evaluate(C1, t + 3);
    expect(wider).toEqual(await plain.evaluate(C1, t + 3));
    expect(parts.stats.misses).toBe(judged + 3);
    expect(statusOf(wider, 'life.branch-committee.minimum', 'b-3', '2026-06')).toEqual(['DUE']);
  });
});
