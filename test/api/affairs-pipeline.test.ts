/**
 * The development pipeline over HTTP: every out-of-order and too-early step is refused with the rule
 * and its citation and writes nothing; the steps in order build a timeline; the public-notice step
 * publishes a 公示 whose period counts Chinese working days; scope is enforced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { codes, useApiWorld } from '../support/api-world';
import { dataCounts } from '../support/data-counts';

const NOW = Date.parse('2026-06-01T04:00:00Z');
const t = useApiWorld({ deps: { now: () => NOW } });

const STEP = `mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) {
  milestones { step at people } obligations { ruleId status dueAt } notices { id periodWorkingDays periodEndsAt } } }`;
const cst = (d: string) => new Date(`${d}T10:00:00+08:00`).toISOString();
const step = (stepName: string, day: string, extra: Record<string, unknown> = {}) => ({ memberId: 'm-p', step: stepName, at: cst(day), ...extra });

beforeAll(async () => {
  await buildMember(t.store, { id: 'm-p', name: '陈申请', branchId: 'b-1', stage: 'APPLICANT' });
});

async function counts() {
  const ms = (await t.store.listMilestones(['m-p'])).get('m-p')!;
  return { milestones: ms.length, health: await dataCounts(t.store) };
}

/**
 * Expect a refusal citing `ruleId` with `code`, and nothing written: in Chinese by default (the rule's
 * title and document cited) and in English when asked (`msg`), with the same reason code either way.
 */
async function refused(input: Record<string, unknown>, code: string, ruleId: string, msg: RegExp) {
  const before = await counts();
  const r = await t.as('sec')(STEP, { i: input });
  expect(codes(r)).toEqual([code]);
  const e = r.body.errors[0];
  expect(e.extensions.ruleId).toBe(ruleId);
  expect(e.extensions.citation.document).toMatch(/细则|章程/);
  expect(e.extensions.reason.code).toMatch(/^STEP_/);
  expect(e.message).toContain(ruleId);
  expect(e.message).toContain(`依据：`);
  expect(e.message).toContain(e.extensions.citation.document);
  const en = await t.server.gql(STEP, { i: input }, await t.server.tokenFor(t.world.people.sec.id), { 'accept-language': 'en' });
  expect(codes(en)).toEqual([code]);
  expect(en.body.errors[0].extensions.reason).toEqual(e.extensions.reason);
  expect(en.body.errors[0].message).toContain(ruleId);
  expect(en.body.errors[0].message).toMatch(msg);
  expect(await counts()).toEqual(before);
  return e;
}

async function ok(input: Record<string, unknown>) {
  const r = await t.as('sec')(STEP, { i: input });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.recordPipelineStep;
}

describe('recordPipelineStep refuses what the rules forbid, writing nothing', () => {
  it('walks the pipeline in order, refusing each out-of-order and too-early step', async () => {
    await refused(step('TALK', '2024-03-10'), 'BAD_USER_INPUT', 'pipeline.talk.within-month', /out of order: record APPLICATION first/);
    await ok(step('APPLICATION', '2024-03-01'));
    await refused(step('APPLICATION', '2024-03-02'), 'CONFLICT', 'pipeline.application', /already recorded/);
    await refused(step('ACTIVIST', '2024-04-01', { people: ['m-cm', 'm-b'] }), 'BAD_USER_INPUT', 'pipeline.activist.sponsors', /record TALK first/);
    await refused(step('TALK', '2024-02-20'), 'BAD_USER_INPUT', 'pipeline.talk.within-month', /too early: not before 2024-03-01/);
    await ok(step('TALK', '2024-03-20'));
    await refused(step('ACTIVIST', '2024-04-01'), 'BAD_USER_INPUT', 'pipeline.activist.sponsors', /1–2 sponsors/);
    await ok(step('ACTIVIST', '2024-04-01', { people: ['m-cm', 'm-b'], documentRef: '支委会决议 2024-07' }));
    const early = await refused(step('CANDIDATE', '2025-03-31'), 'BAD_USER_INPUT', 'pipeline.candidate.min-wait', /too early: not before 2025-04-01/);
    expect(early.extensions.citation).toEqual(expect.objectContaining({ document: '中国共产党发展党员工作细则', article: '第十三条', confirmed: true }));
    expect(early.extensions.field).toBe('at');
    await ok(step('REVIEW', '2024-10-01'));
    await ok(step('CANDIDATE', '2025-04-01'));
    await refused(step('REVIEW', '2025-05-01'), 'BAD_USER_INPUT', 'pipeline.review.half-yearly', /CANDIDATE is already recorded/);
    await refused(step('TRAINING', '2025-05-10', { trainingDays: 2, trainingHours: 16 }), 'BAD_USER_INPUT', 'pipeline.training.minimum', /at least 3 days or 24 class hours/);
    await ok(step('TRAINING', '2025-05-10', { trainingHours: 24 }));
    await refused(step('PRE_REVIEW', '2025-09-20'), 'BAD_USER_INPUT', 'pipeline.pre-review', /record POLITICAL_REVIEW first/);
    await ok(step('POLITICAL_REVIEW', '2025-06-01'));
    await ok(step('PRE_REVIEW', '2025-09-20'));
    // 2025-09-29 Mon, 09-30 Tue, (10-01..10-08 National Day), 10-09 Thu, 10-10 Fri, 10-11 Sat (adjusted working day)
    const notice = await ok(step('PUBLIC_NOTICE', '2025-09-29'));
    expect(notice.notices).toEqual([{ id: expect.any(String), periodWorkingDays: 5, periodEndsAt: '2025-10-11T16:00:00.000Z' }]);
    await refused(step('BRANCH_VOTE', '2025-10-11'), 'BAD_USER_INPUT', 'pipeline.branch-vote', /public notice runs until 2025-10-11/);
    await ok(step('BRANCH_VOTE', '2025-10-13'));
    await refused(step('FULL_MEMBERSHIP', '2026-05-01'), 'BAD_USER_INPUT', 'pipeline.probation.one-year', /record COMMITTEE_APPROVAL first/);
    await ok(step('COMMITTEE_APPROVAL', '2025-11-01'));
    const e = await refused(step('FULL_MEMBERSHIP', '2026-05-01'), 'BAD_USER_INPUT', 'pipeline.probation.one-year', /not before 2026-10-13/);
    expect(e.extensions.citation).toEqual(expect.objectContaining({ document: '中国共产党章程', article: '第七条' }));
  });

  it('names a bad field and writes nothing (future date, unknown member, unknown step)', async () => {
    const before = await counts();
    expect(codes(await t.as('sec')(STEP, { i: step('COMMITTEE_APPROVAL', '2027-01-01') }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.as('sec')(STEP, { i: { ...step('REVIEW', '2025-01-01'), memberId: 'ghost' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('sec')(STEP, { i: step('NOPE', '2025-01-01') }))).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);
  });

  it('keeps the steps out of others’ hands: members, other branches', async () => {
    const before = await counts();
    // The member may not read a branch mate (NOT_FOUND, as for one who does not exist); the branch
    // committee member may read but not record (FORBIDDEN).
    expect(codes(await t.as('a')(STEP, { i: step('REVIEW', '2026-01-01') }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('cm')(STEP, { i: step('REVIEW', '2026-01-01') }))).toEqual(['FORBIDDEN']);
    await buildMember(t.store, { id: 'm-q', branchId: 'b-3', stage: 'APPLICANT' });
    expect(codes(await t.as('sec')(STEP, { i: { ...step('APPLICATION', '2026-01-01'), memberId: 'm-q' } }))).toEqual(['NOT_FOUND']);
    expect(await counts()).toEqual({ ...before, health: { ...before.health, Member: before.health.Member + 1, BELONGS_TO: before.health.BELONGS_TO + 1 } });
  });
});

describe('pipeline reads', () => {
  const READ = '{ pipeline(memberId: "m-p") { member { name stage } milestones { step } obligations { ruleId status dueAt } } }';

  it('shows the timeline and what is due next to the secretary and the person', async () => {
    const r = await t.as('sec')(READ);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data.pipeline;
    expect(p.member).toEqual({ name: '陈申请', stage: 'PROBATIONARY' });
    expect(p.milestones.map((m: { step: string }) => m.step)).toEqual([
      'APPLICATION',
      'TALK',
      'ACTIVIST',
      'REVIEW',
      'CANDIDATE',
      'TRAINING',
      'POLITICAL_REVIEW',
      'PRE_REVIEW',
      'PUBLIC_NOTICE',
      'BRANCH_VOTE',
      'COMMITTEE_APPROVAL',
    ]);
    expect(p.obligations).toContainEqual({ ruleId: 'pipeline.probation.one-year', status: 'UPCOMING', dueAt: '2026-10-13T02:00:00.000Z' });
    expect((await t.as(null)(READ)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await t.as('c')(READ))).toEqual(['NOT_FOUND']);
  });

  it('lists the branch’s pipeline with late steps first', async () => {
    await buildMember(t.store, { id: 'm-late', name: '迟谈话', branchId: 'b-1', stage: 'APPLICANT' });
    await ok({ memberId: 'm-late', step: 'APPLICATION', at: cst('2026-03-01') });
    const r = await t.as('sec')('{ branchPipeline(branchId: "b-1") { member { id } obligations { ruleId status } } }');
    const late = r.body.data.branchPipeline.find((x: { member: { id: string } }) => x.member.id === 'm-late');
    expect(late.obligations).toEqual([{ ruleId: 'pipeline.talk.within-month', status: 'OVERDUE' }]);
    expect(codes(await t.as('d')('{ branchPipeline(branchId: "b-1") { member { id } } }'))).toEqual(['FORBIDDEN']);
  });

  it('publishes the 公示 to the branch’s members', async () => {
    const r = await t.as('b')('{ myNotices { read notice { kind title subjectMemberId } } }');
    expect(r.body.data.myNotices).toContainEqual({ read: false, notice: { kind: 'PIPELINE', title: '发展对象公示：陈申请', subjectMemberId: 'm-p' } });
  });
});
