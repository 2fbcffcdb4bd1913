/**
 * The members of every branch: kind and stage mixes by branch type, offices (1 secretary and 2–4
 * committee members per branch, a committee admin per committee, one university admin), dates
 * that fit the admission pipeline, synthetic contact data, and the hidden traits (ability,
 * activity, attendance propensity) the simulation uses.
 */
import type { Area, MemberKind, MemberStage, Role } from '../../graph';
import { DEMO_ACCOUNTS, DEMO_LEARNER } from './demo-accounts';
import { HIDDEN_PARAMS } from './hidden-model';
import { makeIdNumber, makePhone } from './identity';
import { type Gender, makeName } from './names';
import type { BranchType, OrgTree } from './organization';
import type { Rng } from './rng';
import { DAY_MS, PLATFORM_LAUNCH, REFERENCE_DATE } from './scales';
import { memberDates } from './member-dates';

export interface MemberRec {
  id: string;
  name: string;
  gender: Gender;
  kind: MemberKind;
  stage: MemberStage;
  role: Role;
  branch: number;
  group: number;
  birth: number;
  since: number;
  stageSince: number;
  createdAt: number;
  updatedAt: number;
  phone: string | null;
  idNumber: string | null;
  /** Hidden traits. */
  ability: number;
  activity: number;
  attendance: number;
  demo?: { areaShift: Partial<Record<Area, number>>; focusAreas: Area[]; gapQuizShare: number; studies: number; answers: number };
}

const STAGE_MIX: Record<BranchType, Record<MemberStage, number>> = {
  UNDERGRAD: { APPLICANT: 0.3, ACTIVIST: 0.3, CANDIDATE: 0.12, PROBATIONARY: 0.13, FULL: 0.15 },
  GRADUATE: { APPLICANT: 0.12, ACTIVIST: 0.18, CANDIDATE: 0.1, PROBATIONARY: 0.15, FULL: 0.45 },
  TEACHER: { APPLICANT: 0.03, ACTIVIST: 0.04, CANDIDATE: 0.03, PROBATIONARY: 0.05, FULL: 0.85 },
  RETIRED: { APPLICANT: 0, ACTIVIST: 0, CANDIDATE: 0, PROBATIONARY: 0, FULL: 1 },
};
const TEACHER_BRANCH_KINDS: Record<MemberKind, number> = { TEACHER: 0.72, STAFF: 0.22, RETIRED: 0.06, STUDENT: 0 };

interface Slot {
  kind: MemberKind;
  stage: MemberStage;
  role: Role;
  special?: (typeof DEMO_ACCOUNTS)[number];
}

function plainSlot(type: BranchType, rng: Rng): Slot {
  const kind: MemberKind = type === 'TEACHER' ? rng.weightedKey(TEACHER_BRANCH_KINDS) : type === 'RETIRED' ? 'RETIRED' : 'STUDENT';
  const stage = kind === 'RETIRED' ? 'FULL' : rng.weightedKey(STAGE_MIX[type]);
  return { kind, stage, role: 'MEMBER' };
}

/** Offices first (secretary, committee members), then the demo people, then ordinary members. */
function branchSlots(org: OrgTree, bi: number, rng: Rng): Slot[] {
  const b = org.branches[bi];
  const student = b.type === 'UNDERGRAD' || b.type === 'GRADUATE';
  const officeKind = (): MemberKind => (b.type === 'RETIRED' ? 'RETIRED' : student ? 'STUDENT' : rng.chance(0.8) ? 'TEACHER' : 'STAFF');
  const slots: Slot[] = [{ kind: student && rng.chance(0.5) ? 'STAFF' : officeKind(), stage: 'FULL', role: 'SECRETARY' }];
  const nCommittee = rng.int(2, 4);
  for (let k = 0; k < nCommittee; k++) slots.push({ kind: officeKind(), stage: 'FULL', role: 'COMMITTEE_MEMBER' });
  const cm = org.committees[b.committee];
  const firstTeacher = cm.branches.find((i) => org.branches[i].type === 'TEACHER');
  const demo = (id: string) => DEMO_ACCOUNTS.find((a) => a.id === id)!;
  const special = (a: (typeof DEMO_ACCOUNTS)[number]): Slot => ({ kind: a.kind, stage: a.stage, role: a.role, special: a });
  if (bi === 0) {
    slots[0] = special(demo('m-3'));
    slots.push(special(demo('m-4')));
  }
  if (b.committee === 0 && bi === firstTeacher) slots.push(special(demo('m-1')), special(demo('m-2')));
  else if (bi === firstTeacher) slots.push({ kind: rng.chance(0.5) ? 'TEACHER' : 'STAFF', stage: 'FULL', role: 'COMMITTEE_ADMIN' });
  while (slots.length < b.size) slots.push(plainSlot(b.type, rng));
  return slots;
}

/** Create every member; ids m-1..m-4 are the demo accounts, the rest follow in branch order. */
export function buildMembers(org: OrgTree, rng: Rng): MemberRec[] {
  const members: MemberRec[] = [];
  const taken = new Set<string>(DEMO_ACCOUNTS.map((a) => a.name));
  const ids = new Set<string>();
  let nextId = DEMO_ACCOUNTS.length + 1;
  for (const b of org.branches) {
    const slots = branchSlots(org, b.idx, rng);
    for (const s of slots) {
      const index = members.length;
      const gender: Gender = s.special ? (s.special.id === 'm-2' ? 'F' : 'M') : rng.chance(s.kind === 'TEACHER' ? 0.55 : 0.5) ? 'M' : 'F';
      let name = s.special?.name ?? makeName(rng, gender);
      while (!s.special && taken.has(name)) name = makeName(rng, gender);
      const dates = memberDates(rng, s.kind, s.stage, b.type, s.special?.id);
      const createdAt = Math.min(REFERENCE_DATE - DAY_MS, Math.max(PLATFORM_LAUNCH, dates.since) + rng.int(0, 20) * DAY_MS);
      let idNumber: string | null = makeIdNumber(rng, dates.birth, gender);
      while (ids.has(idNumber)) idNumber = makeIdNumber(rng, dates.birth, gender);
      ids.add(idNumber);
      const m: MemberRec = {
        id: s.special?.id ?? `m-${nextId++}`,
        name,
        gender,
        kind: s.kind,
        stage: s.stage,
        role: s.role,
        branch: b.idx,
        group: -1,
        ...dates,
        createdAt,
        updatedAt: Math.min(REFERENCE_DATE - 3_600_000, Math.max(createdAt, dates.stageSince) + rng.int(0, 60) * DAY_MS),
        phone: makePhone(rng, index),
        idNumber,
        ability: rng.normal(),
        activity: 0,
        attendance: rng.normal(),
      };
      if (!s.special && rng.chance(0.03)) m.phone = null;
      if (!s.special && rng.chance(0.02)) m.idNumber = null;
      m.activity = activityOf(m, rng);
      if (m.id === DEMO_LEARNER.id) {
        m.ability = DEMO_LEARNER.ability;
        m.demo = { ...DEMO_LEARNER };
      }
      b.members.push(index);
      members.push(m);
    }
    if (b.groups.length) {
      rng.shuffle([...b.members]).forEach((mi, k) => {
        const gi = b.groups[k % b.groups.length];
        members[mi].group = gi;
        org.groups[gi].members.push(mi);
      });
      for (const gi of b.groups) org.groups[gi].members.sort((x, y) => x - y);
    }
  }
  return members;
}

/** Relative activity (expected share of study/answer events); 0 for inactive members. */
function activityOf(m: MemberRec, rng: Rng): number {
  const beh = HIDDEN_PARAMS.behaviour;
  if (m.role === 'MEMBER' && rng.chance(beh.inactiveShare[m.kind])) return 0;
  const office = m.role === 'MEMBER' ? 1 : 1.5;
  return rng.logNormal(0, beh.activitySigma) * beh.stageActivity[m.stage] * office;
}
