/**
 * Learning events (STUDIED, ANSWERED) and member histories. Idempotent by event id: a uniqueness
 * constraint on the relationship's `id` backs an index seek that tells, inside the write transaction,
 * whether the id is new, a retry (same endpoints → no-op) or a reuse (other endpoints → CONFLICT).
 * The write itself is a MERGE on the id between the two endpoints, so a concurrent retry creates nothing
 * twice; `created` comes from the server's counters.
 */
import { eventIdReused, notFound } from '../errors';
import type { AnswerEvent, MemberHistory, StudyEvent } from '../model';
import type { WriteResult } from '../store';
import type { Executor, Params } from './executor';
import { int, intOrNull, num, toAnswer, toStudy } from './mapping';
import { Q } from './queries';

type Row = Record<string, unknown>;
interface EventSpec {
  id: string;
  memberId: string;
  toId: string;
  toLabel: 'Course' | 'Question';
  check: string;
  write: string;
}

function recordEvent(ex: Executor, spec: EventSpec, props: Params): Promise<WriteResult> {
  return ex.write(async (tx) => {
    const key = { id: spec.id, memberId: spec.memberId, toId: spec.toId };
    const [check] = await tx.rows<{ fromExists: boolean; toExists: boolean; existing: string[][] }>(spec.check, key);
    const prior = check?.existing[0];
    if (prior) {
      if (prior[0] === spec.memberId && prior[1] === spec.toId) return { created: false };
      throw eventIdReused(spec.id, spec.toLabel);
    }
    if (!check?.fromExists) throw notFound('Member', spec.memberId);
    if (!check.toExists) throw notFound(spec.toLabel, spec.toId);
    const { relationshipsCreated } = await tx.write(spec.write, { ...key, ...props });
    return { created: relationshipsCreated > 0 };
  });
}

export function recordStudy(ex: Executor, e: StudyEvent): Promise<WriteResult> {
  return recordEvent(
    ex,
    { id: e.id, memberId: e.memberId, toId: e.courseId, toLabel: 'Course', check: Q.studyCheck, write: Q.recordStudy },
    { at: int(e.at), seconds: int(e.seconds), progress: e.progress },
  );
}

export function recordAnswer(ex: Executor, e: AnswerEvent): Promise<WriteResult> {
  return recordEvent(
    ex,
    { id: e.id, memberId: e.memberId, toId: e.questionId, toLabel: 'Question', check: Q.answerCheck, write: Q.recordAnswer },
    { at: int(e.at), correct: e.correct, seconds: int(e.seconds) },
  );
}

const emptyHistory = (): MemberHistory => ({ studies: [], answers: [], attendance: [] });

const toHistory = (r: Row): MemberHistory => ({
  studies: (r.studies as Row[]).map(toStudy),
  answers: (r.answers as Row[]).map(toAnswer),
  attendance: (r.attendance as Row[]).map((a) => ({
    meetingId: String(a.meetingId),
    memberId: String(a.memberId),
    status: a.status as MemberHistory['attendance'][number]['status'],
    at: num(a.at),
    kind: a.kind as MemberHistory['attendance'][number]['kind'],
  })),
});

/** Histories keyed by every asked id (unknown members get empty lists); one read for all of them. */
export async function getHistoriesForMembers(ex: Executor, memberIds: string[], opts: { limit: number; since?: number }): Promise<Map<string, MemberHistory>> {
  const out = new Map<string, MemberHistory>(memberIds.map((id) => [id, emptyHistory()]));
  if (memberIds.length === 0 || opts.limit <= 0) return out;
  const rows = await ex.read((tx) =>
    tx.rows(Q.memberHistories, {
      memberIds: [...new Set(memberIds)],
      since: intOrNull(opts.since),
      limit: int(opts.limit),
    }),
  );
  for (const r of rows) out.set(String(r.memberId), toHistory(r));
  return out;
}

export async function getMemberHistory(ex: Executor, memberId: string, opts: { limit: number; since?: number; attendance?: boolean }): Promise<MemberHistory> {
  const h = (await getHistoriesForMembers(ex, [memberId], opts)).get(memberId) ?? emptyHistory();
  // One statement reads all three lists here; without attendance it is only left out of the answer.
  return opts.attendance === false ? { ...h, attendance: [] } : h;
}

/** Study events per course, most studied first. */
export async function countStudiesByCourse(ex: Executor, opts: { branchIds?: string[]; since?: number }): Promise<Map<string, number>> {
  if (opts.branchIds && opts.branchIds.length === 0) return new Map();
  const rows = await ex.read((tx) =>
    tx.rows(Q.countStudiesByCourse, {
      branchIds: opts.branchIds ?? null,
      since: intOrNull(opts.since),
    }),
  );
  const counts = rows.map((r) => [String(r.courseId), num(r.studies)] as [string, number]);
  return new Map(counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
