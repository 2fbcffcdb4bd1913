/**
 * The development pipeline (发展党员): record a dated step with its evidence after the rules in force
 * on that date allow it (refusals cite the rule; nothing is written), and read a person's timeline
 * with what is due next and what is late.
 */
import { randomUUID } from 'node:crypto';
import { PIPELINE_STEPS, type Milestone, type MilestoneEvidence, type Notice, type PipelineStep } from '../../graph';
import type { Member, MemberStage } from '../../graph';
import { assertCanManageMember, assertCanReadBranch, assertCanReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, notFound } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import { againWhenOtherSideChanged, checkStepAgainstRecord } from '../members/record-pipeline';
import { checkStep, pipelineObligations } from '../rules/evaluators/pipeline-step';
import type { Obligation } from '../rules/types';
import { optionalId, optionalText, requireInt, requireOneOf, requirePast } from '../validate';
import { type AffairsDeps, rulesOf } from './affairs-deps';
import { dateOf, workingDaysEnd } from './china-time';
import { pipelineRulesAt } from './rule-source';

export interface RecordStepInput {
  id?: string | null;
  memberId: string;
  step: string;
  at: number;
  meetingId?: string | null;
  documentRef?: string | null;
  people?: string[] | null;
  trainingDays?: number | null;
  trainingHours?: number | null;
  note?: string | null;
}

/** The stage a person reaches with a step. */
const STAGE_AFTER: Partial<Record<PipelineStep, MemberStage>> = {
  ACTIVIST: 'ACTIVIST',
  CANDIDATE: 'CANDIDATE',
  BRANCH_VOTE: 'PROBATIONARY',
  FULL_MEMBERSHIP: 'FULL',
};

/** Id of the public notice a PUBLIC_NOTICE step opens. */
export const noticeIdOf = (milestoneId: string) => `notice-${milestoneId}`;

export interface PipelineView {
  member: Member;
  milestones: Milestone[];
  obligations: Obligation[];
  notices: Notice[];
}

/**
 * Record one step. Returns the person's pipeline after it. The step is written only if the member's record
 * is still the version it was checked against; a record saved in between gets the step checked again.
 */
export async function recordPipelineStep(s: Session, deps: AffairsDeps, input: RecordStepInput): Promise<PipelineView> {
  return againWhenOtherSideChanged('RECORD', () => recordCheckedStep(s, deps, input));
}

async function recordCheckedStep(s: Session, deps: AffairsDeps, input: RecordStepInput): Promise<PipelineView> {
  const step = requireOneOf('step', input.step, PIPELINE_STEPS);
  const at = requirePast('at', input.at, s.now());
  const evidence: MilestoneEvidence = {
    meetingId: optionalId('meetingId', input.meetingId),
    documentRef: optionalText('documentRef', input.documentRef, 200),
    people: [...new Set(input.people ?? [])],
    trainingDays: input.trainingDays == null ? null : requireInt('trainingDays', input.trainingDays, 0, 365),
    trainingHours: input.trainingHours == null ? null : requireInt('trainingHours', input.trainingHours, 0, 2000),
    note: optionalText('note', input.note, 1000),
  };
  if (evidence.people.length > 20) throw badInput('people', 'At most 20 people per step');
  const member = await loadMemberRaw(s, input.memberId);
  assertCanManageMember(s.viewer, member);
  if (evidence.meetingId) {
    const [mt] = await s.store.getMeetingsByIds([evidence.meetingId]);
    if (!mt || mt.branchId !== member.branchId) throw notFound('Meeting', evidence.meetingId);
  }
  if (evidence.people.length) {
    const found = new Set((await s.store.getMembersByIds(evidence.people)).map((m) => m.id));
    const missing = evidence.people.find((id) => !found.has(id));
    if (missing) throw notFound('Member', missing);
  }
  const done = (await s.store.listMilestones([member.id])).get(member.id) ?? [];
  const id = optionalId('id', input.id) ?? `ms-${randomUUID()}`;
  const retry = done.find((m) => m.id === id);
  const stored = (await s.store.getMemberRecords([member.id]))[0];
  if (!retry) {
    checkStep(await pipelineRulesAt(rulesOf(deps, s), at), done, { step, at, evidence, noticeEnds: await noticeEnds(s, done) });
    // The member's record (党员档案) and the steps give one date per stage: a step that disagrees is refused.
    checkStepAgainstRecord(stored, done, step, at, evidence);
  }
  // A retry keeps the first recording's time and author; the store answers CONFLICT if the content differs.
  const m: Milestone = {
    id,
    memberId: member.id,
    step,
    at,
    recordedAt: retry?.recordedAt ?? s.now(),
    recordedBy: retry?.recordedBy ?? s.viewer.memberId,
    evidence,
  };
  await s.store.addMilestone(m, done.length ? done[done.length - 1].id : null, { recordVersion: stored?.version ?? 0 });
  const rule = (await pipelineRulesAt(rulesOf(deps, s), at)).get(step);
  if (step === 'PUBLIC_NOTICE' && rule?.params.noticeWorkingDays) {
    const days = rule.params.noticeWorkingDays;
    await s.store.createNotice({
      id: noticeIdOf(m.id),
      kind: 'PIPELINE',
      audience: 'BRANCH',
      audienceId: member.branchId,
      title: `发展对象公示：${member.name}`,
      body: `经支部委员会研究并报上级党委预审，拟将${member.name}同志作为发展对象提交支部大会讨论。公示期${days}个工作日，自${dateOf(at)}起。如有意见，请向支部或上级党委反映。`,
      publishedAt: at,
      publishedBy: s.viewer.memberId,
      periodWorkingDays: days,
      periodEndsAt: workingDaysEnd(at, days),
      subjectMemberId: member.id,
    });
  }
  const stage = STAGE_AFTER[step];
  if (stage && member.stage !== stage) {
    // The stage is reached on the step's day, which may be before it is recorded.
    const updated = await s.store.updateMember(member.id, { stage, stageSince: at });
    s.loaders.member.clear(member.id).prime(member.id, updated);
  }
  return readPipeline(s, deps, member.id, s.now());
}

async function noticeEnds(s: Session, done: Milestone[]): Promise<Map<PipelineStep, number>> {
  const ids = done.filter((m) => m.step === 'PUBLIC_NOTICE').map((m) => noticeIdOf(m.id));
  const out = new Map<PipelineStep, number>();
  for (const n of await s.store.getNoticesByIds(ids)) if (n.periodEndsAt !== null) out.set('PUBLIC_NOTICE', n.periodEndsAt);
  return out;
}

/** A person's milestones, the notices their steps opened, and the obligations as of `asOf`. */
export async function readPipeline(s: Session, deps: AffairsDeps, memberId: string, asOf: number): Promise<PipelineView> {
  const member = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, member);
  s.audit.note('READ_HISTORY', 'Member', member.id);
  const done = (await s.store.listMilestones([member.id])).get(member.id) ?? [];
  const obligations =
    member.stage === 'FULL' && !done.length ? [] : pipelineObligations(await pipelineRulesAt(rulesOf(deps, s), asOf), done, asOf, { id: member.id, name: member.name });
  const notices = await s.store.getNoticesByIds(done.filter((m) => m.step === 'PUBLIC_NOTICE').map((m) => noticeIdOf(m.id)));
  return { member, milestones: done, obligations, notices };
}

/** Everyone of a branch in the pipeline (not yet full members, or with a recorded step), with their obligations. */
export async function branchPipeline(s: Session, deps: AffairsDeps, branchId: string, asOf: number): Promise<PipelineView[]> {
  assertCanReadBranch(s.viewer, branchId);
  const page = await s.store.listMembers({ branchIds: [branchId], stages: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY'] }, 500);
  const ids = page.items.map((m) => m.id);
  const all = await s.store.listMilestones(ids);
  const rules = await pipelineRulesAt(rulesOf(deps, s), asOf);
  return page.items.map((member) => {
    s.loaders.member.prime(member.id, member);
    s.audit.note('READ_HISTORY', 'Member', member.id);
    const done = all.get(member.id) ?? [];
    return { member, milestones: done, obligations: pipelineObligations(rules, done, asOf, { id: member.id, name: member.name }), notices: [] };
  });
}
