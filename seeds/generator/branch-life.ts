/**
 * Everything that happens in one branch during the simulated year: its meetings (with topics and
 * attendance) and each member's learning history, plus the branch's share of the hidden truth.
 */
import type { BulkWriter } from './bulk-writer';
import type { CsvSink } from './bulk-writer';
import type { CurriculumIndex } from './curriculum-index';
import type { EventCounts } from './event-counts';
import { type AttendedMeeting, type LearningSink, simulateMember } from './learning';
import { buildBranchMeetings } from './meetings';
import type { BranchRec, OrgTree } from './organization';
import type { MemberRec } from './people';
import type { Rng } from './rng';

export interface BranchLifeInput {
  out: BulkWriter;
  truth: { mastery: CsvSink; members: CsvSink; missed: CsvSink };
  org: OrgTree;
  members: MemberRec[];
  b: BranchRec;
  ci: CurriculumIndex;
  counts: EventCounts;
  /** Running id counters shared across branches (ids are `mt-N`, `s-N`, `a-N`). */
  ids: { meeting: number; study: number; answer: number };
  rng: Rng;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function writeBranchLife(x: BranchLifeInput): void {
  const { out, truth, org, members, b, ci, counts, ids, rng } = x;
  const { meetings, missed } = buildBranchMeetings(org, b, members, ci, rng.fork('meetings'));
  for (const miss of missed) truth.missed.row([b.id, miss.kind, miss.period, miss.group >= 0 ? org.groups[miss.group].id : null]);
  const attended = new Map<number, AttendedMeeting[]>();
  for (const mt of meetings) {
    const id = `mt-${++ids.meeting}`;
    out.row('Meeting', [id, mt.kind, mt.title, mt.at, mt.minutes, mt.record]);
    out.row('HELD', [b.id, id]);
    for (const t of mt.topics) out.row('DISCUSSED', [id, ci.skills[t.skill].id, t.weight, 'MANUAL', 1]);
    for (const a of mt.attendance) {
      out.row('ATTENDED', [members[a.member].id, id, a.status]);
      if (a.status !== 'PRESENT') continue;
      if (!attended.has(a.member)) attended.set(a.member, []);
      attended.get(a.member)!.push({ at: mt.at, minutes: mt.minutes, topics: mt.topics });
    }
  }
  const sink: LearningSink = {
    study: (m, courseId, at, seconds, progress) => out.row('STUDIED', [m.id, courseId, `s-${++ids.study}`, at, seconds, progress]),
    answer: (m, questionId, at, correct, seconds) => out.row('ANSWERED', [m.id, questionId, `a-${++ids.answer}`, at, correct, seconds]),
  };
  const learnRng = rng.fork('learning');
  for (const mi of b.members) {
    const m = members[mi];
    const mastery = simulateMember(m, { studies: counts.studies[mi], answers: counts.answers[mi] }, attended.get(mi) ?? [], ci, learnRng, sink);
    mastery.forEach((p, k) => {
      truth.mastery.row([m.id, ci.skills[k].id, p.toFixed(4)]);
    });
    truth.members.row([m.id, round3(m.ability), round3(m.activity), counts.studies[mi], counts.answers[mi], b.weak]);
  }
}
