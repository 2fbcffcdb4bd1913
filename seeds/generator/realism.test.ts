import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEETING_KINDS, type MeetingKind } from '../../graph';
import { DEMO_ACCOUNTS } from './demo-accounts';
import type { GenerateResult } from './generate';
import { isValidIdNumber } from './identity';
import { requiredPeriods } from './meeting-periods';
import { REFERENCE_DATE, WINDOW_START } from './scales';
import { generateTestWorld, readRows, type Row } from './test-world';

let world: GenerateResult;
const t: Record<string, Row[]> = {};
beforeAll(async () => {
  world = await generateTestWorld(11);
  for (const f of ['Member', 'Branch', 'Meeting', 'HELD', 'BELONGS_TO', 'ATTENDED', 'STUDIED', 'ANSWERED', 'TESTS', 'UNDER_BRANCH_COMMITTEE', 'Committee']) {
    t[f] = readRows(world.dir, `${f}.csv`);
  }
  t.mastery = readRows(world.dir, 'truth/mastery.csv');
  t.truthMembers = readRows(world.dir, 'truth/members.csv');
  t.missed = readRows(world.dir, 'truth/missed-meetings.csv');
});

const share = (rows: Row[], pred: (r: Row) => boolean) => rows.filter(pred).length / rows.length;

describe('generated world realism', () => {
  it('has the documented demo accounts in their offices', () => {
    const byId = new Map(t.Member.map((m) => [m.id, m]));
    for (const a of DEMO_ACCOUNTS) {
      expect(byId.get(a.id), a.id).toMatchObject({ name: a.name, role: a.role, kind: a.kind, stage: a.stage });
    }
    const branchOf = new Map(t.BELONGS_TO.map((r) => [r.from, r.to]));
    expect([branchOf.get('m-3'), branchOf.get('m-4')]).toEqual(['b-1', 'b-1']);
    expect(t.Committee[0]).toEqual({ id: 'cm-1', name: '计算机学院党委' });
    expect(t.Branch[0]).toEqual({ id: 'b-1', name: '计算机学院本科生第一党支部' });
    expect(t.STUDIED.filter((s) => s.from === 'm-4').length).toBeGreaterThanOrEqual(40);
  });

  it('gives every branch 1 secretary and 2–4 committee members, every committee an admin, and one university admin', () => {
    const byId = new Map(t.Member.map((m) => [m.id, m]));
    const committeeOf = new Map(t.UNDER_BRANCH_COMMITTEE.map((r) => [r.from, r.to]));
    const roles = new Map<string, string[]>();
    const admins = new Set<string>();
    for (const r of t.BELONGS_TO) {
      expect(r.role).toBe(byId.get(r.from)!.role);
      roles.set(r.to, [...(roles.get(r.to) ?? []), r.role]);
      if (r.role === 'COMMITTEE_ADMIN') admins.add(committeeOf.get(r.to)!);
    }
    for (const [branch, rs] of roles) {
      expect(rs.filter((x) => x === 'SECRETARY').length, branch).toBe(1);
      expect(rs.filter((x) => x === 'COMMITTEE_MEMBER').length, branch).toBeGreaterThanOrEqual(2);
      expect(rs.filter((x) => x === 'COMMITTEE_MEMBER').length, branch).toBeLessThanOrEqual(4);
    }
    expect(admins.size).toBe(t.Committee.length);
    expect(t.Member.filter((m) => m.role === 'UNIVERSITY_ADMIN').map((m) => m.id)).toEqual(['m-1']);
    for (const m of t.Member.filter((x) => x.role !== 'MEMBER')) expect(m.stage, m.id).toBe('FULL');
  });

  it('has a plausible mix of kinds and stages', () => {
    const students = t.Member.filter((m) => m.kind === 'STUDENT');
    const teachers = t.Member.filter((m) => m.kind === 'TEACHER');
    expect(students.length / t.Member.length).toBeGreaterThan(0.4);
    expect(teachers.length / t.Member.length).toBeGreaterThan(0.1);
    expect(t.Member.some((m) => m.kind === 'RETIRED')).toBe(true);
    expect(share(students, (m) => m.stage !== 'FULL')).toBeGreaterThan(0.5);
    expect(share(teachers, (m) => m.stage === 'FULL')).toBeGreaterThan(0.75);
    for (const stage of ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL']) {
      expect(
        students.some((m) => m.stage === stage),
        stage,
      ).toBe(true);
    }
  });

  it('writes well-formed synthetic phone and ID numbers', () => {
    const withPhone = t.Member.filter((m) => m.phone);
    expect(withPhone.length / t.Member.length).toBeGreaterThan(0.9);
    for (const m of withPhone) expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(withPhone.map((m) => m.phone)).size).toBe(withPhone.length);
    for (const m of t.Member.filter((x) => x.idNumber)) expect(isValidIdNumber(m.idNumber), m.idNumber).toBe(true);
  });

  it('lets weak branches miss required meetings and no other branch', () => {
    const meetings = new Map(t.Meeting.map((m) => [m.id, m]));
    const times = new Map<string, number[]>(); // `${branch}|${kind}` → meeting times
    for (const h of t.HELD) {
      const m = meetings.get(h.to)!;
      expect(Number(m.at)).toBeGreaterThanOrEqual(WINDOW_START);
      expect(Number(m.at)).toBeLessThan(REFERENCE_DATE);
      const key = `${h.from}|${m.kind}`;
      times.set(key, [...(times.get(key) ?? []), Number(m.at)]);
    }
    const missing = (branch: string, kind: string) =>
      requiredPeriods(kind as MeetingKind).filter((p) => !(times.get(`${branch}|${kind}`) ?? []).some((at) => at >= p.start && at < p.end)).length;
    // The generator holds every kind but group meetings (per group) and democratic reviews (not simulated).
    const branchKinds = MEETING_KINDS.filter((k) => k !== 'GROUP_MEETING' && k !== 'DEMOCRATIC_REVIEW');
    const short = t.Branch.filter((b) => branchKinds.some((k) => missing(b.id, k) > 0)).map((b) => b.id);
    const weak = [...new Set(t.truthMembers.filter((m) => m.weakBranch === 'true').map((m) => t.BELONGS_TO.find((r) => r.from === m.memberId)!.to))];
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThan(t.Branch.length / 2);
    for (const b of short) expect(weak, b).toContain(b);
    expect(new Set(t.missed.map((r) => r.branchId))).toEqual(new Set(weak));
    const attendance = (ids: Set<string>) =>
      share(
        t.ATTENDED.filter((a) => ids.has(t.HELD.find((h) => h.to === a.to)!.from)),
        (a) => a.status === 'PRESENT',
      );
    const weakSet = new Set(weak);
    expect(attendance(weakSet)).toBeLessThan(attendance(new Set(t.Branch.map((b) => b.id).filter((b) => !weakSet.has(b)))));
  });

  it('emits unique event ids and strictly increasing times per member inside the year', () => {
    const events = [...t.STUDIED, ...t.ANSWERED];
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(t.STUDIED.every((s) => s.id.startsWith('s-')) && t.ANSWERED.every((a) => a.id.startsWith('a-'))).toBe(true);
    for (const file of [t.STUDIED, t.ANSWERED]) {
      const last = new Map<string, number>();
      for (const e of file) {
        const at = Number(e.at);
        expect(at).toBeGreaterThan(last.get(e.from) ?? WINDOW_START - 1);
        expect(at).toBeLessThan(REFERENCE_DATE);
        last.set(e.from, at);
      }
    }
    // Studies and answers of one member never share an instant either.
    expect(new Set(events.map((e) => `${e.from}@${e.at}`)).size).toBe(events.length);
    expect(share(t.truthMembers, (m) => m.plannedStudies === '0' && m.plannedAnswers === '0')).toBeGreaterThan(0.03);
  });

  it('draws answers from the hidden mastery: accuracy is higher where truth mastery is high', () => {
    const p = new Map(t.mastery.map((r) => [`${r.memberId}|${r.topicId}`, Number(r.p)]));
    const topicOf = new Map(t.TESTS.map((r) => [r.from, r.to]));
    const bucket = { high: [0, 0], low: [0, 0] };
    for (const a of t.ANSWERED) {
      const m = p.get(`${a.from}|${topicOf.get(a.to)}`)!;
      const b = m > 0.7 ? bucket.high : m < 0.35 ? bucket.low : null;
      if (b) {
        b[0] += a.correct === 'true' ? 1 : 0;
        b[1]++;
      }
    }
    expect(bucket.high[1]).toBeGreaterThan(100);
    expect(bucket.low[1]).toBeGreaterThan(100);
    expect(bucket.high[0] / bucket.high[1]).toBeGreaterThan(bucket.low[0] / bucket.low[1] + 0.25);
  });

  it('gives m-4 clear gaps: low truth mastery and mostly wrong answers on admission topics', () => {
    const m4 = t.mastery.filter((r) => r.memberId === 'm-4');
    const mean = (pre: string) => {
      const xs = m4.filter((r) => r.topicId.startsWith(pre)).map((r) => Number(r.p));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('admission.')).toBeLessThan(0.3);
    expect(mean('history.')).toBeGreaterThan(mean('admission.') + 0.3);
    const gapAnswers = t.ANSWERED.filter((a) => a.from === 'm-4' && a.to.startsWith('q-admission'));
    expect(gapAnswers.length).toBeGreaterThan(10);
    expect(share(gapAnswers, (a) => a.correct === 'true')).toBeLessThan(0.5);
    const params = JSON.parse(readFileSync(path.join(world.dir, 'truth/params.json'), 'utf8'));
    expect(params).toMatchObject({ version: 'hidden-v1', referenceDate: REFERENCE_DATE, forms: { pCorrect: expect.any(String) } });
  });
});
