/**
 * Learning events (STUDIED, ANSWERED) and member histories.
 *
 * Each event is one ledger row (EventKey, reached from the member by LOGGED) and one edge without an id, written
 * by one statement; histories read the ledger (./event-ledger.ts says why).
 *
 * Idempotency by event id. Kuzu relationship tables have no primary key and no property index, so
 * "has this event id been written?" cannot be asked of STUDIED/ANSWERED without scanning the whole
 * rel table. Every event therefore also writes a row to the EventKey node table, whose primary key
 * (`S:<id>` / `A:<id>`) is hash-indexed and which records the endpoints, so a reuse with other
 * endpoints is told apart from a retry. MERGE on the rel pattern alone would only see the one
 * (member, course) pair and so could not detect a conflicting reuse.
 * Measured at medium scale (1,000,057 ANSWERED edges): EventKey lookup 0.7 ms, the same question
 * asked of ANSWERED.id 108 ms (and growing with the table). The price is one extra node per event:
 * bulkLoad fills the ledger with one more COPY per event file (see bulk.ts for the figures).
 *
 * Histories are a primary-key lookup of the Member plus a scan of its adjacency list, newest first.
 * The time bound sits behind `WITH`: written as `WHERE e.at >= $since` in the MATCH, Kuzu 0.11
 * pushes it into a scan of the whole rel table (90 ms per member at medium scale instead of 3.7 ms).
 */
import { eventIdReused, notFound } from '../errors';
import type { AnswerEvent, MeetingKind, MemberHistory, StudyEvent } from '../model';
import type { WriteResult } from '../store';
import type { KuzuExecutor, Runner } from './executor';
import { requireIds } from './guards';
import { EVENT_ID } from './event-ledger';
import { groupBy, toAnswer, toStudy } from './mapping';

// A member's studies and answers are read from the ledger (./event-ledger.ts): the edges carry no id.
const STUDY_COLS = `${EVENT_ID('k')} AS id, m.id AS memberId, k.targetId AS courseId, k.at AS at, k.seconds AS seconds, k.progress AS progress`;
const ANSWER_COLS = `${EVENT_ID('k')} AS id, m.id AS memberId, k.targetId AS questionId, k.at AS at, k.correct AS correct, k.seconds AS seconds`;
const ATTEND_COLS = 'mt.id AS meetingId, m.id AS memberId, r.status AS status, mt.at AS at, mt.kind AS kind';

const Q = {
  key: 'MATCH (k:EventKey {key: $key}) RETURN k.memberId AS memberId, k.targetId AS targetId',
  study: `MATCH (m:Member {id: $memberId}), (c:Course {id: $targetId})
    CREATE (k:EventKey {key: $key, memberId: $memberId, targetId: $targetId, at: $at, seconds: $seconds, progress: $progress})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (m)-[:STUDIED {at: $at, seconds: $seconds, progress: $progress}]->(c) RETURN count(*) AS n`,
  answer: `MATCH (m:Member {id: $memberId}), (q:Question {id: $targetId})
    CREATE (k:EventKey {key: $key, memberId: $memberId, targetId: $targetId, at: $at, correct: $correct, seconds: $seconds})
    CREATE (m)-[:LOGGED]->(k)
    CREATE (m)-[:ANSWERED {at: $at, correct: $correct, seconds: $seconds}]->(q) RETURN count(*) AS n`,
  studies: `MATCH (m:Member {id: $id})-[:LOGGED]->(k:EventKey) WITH m, k WHERE k.at >= $since AND starts_with(k.key, 'S:')
    RETURN ${STUDY_COLS} ORDER BY at DESC, id DESC LIMIT $limit`,
  answers: `MATCH (m:Member {id: $id})-[:LOGGED]->(k:EventKey) WITH m, k WHERE k.at >= $since AND starts_with(k.key, 'A:')
    RETURN ${ANSWER_COLS} ORDER BY at DESC, id DESC LIMIT $limit`,
  attendance: `MATCH (m:Member {id: $id})-[r:ATTENDED]->(mt:Meeting) WHERE mt.at >= $since
    RETURN ${ATTEND_COLS} ORDER BY mt.at DESC, mt.id DESC LIMIT $limit`,
  studiesOf: `MATCH (m:Member)-[:LOGGED]->(k:EventKey) WHERE m.id IN $ids WITH m, k WHERE k.at >= $since AND starts_with(k.key, 'S:')
    RETURN ${STUDY_COLS} ORDER BY at DESC, id DESC`,
  answersOf: `MATCH (m:Member)-[:LOGGED]->(k:EventKey) WHERE m.id IN $ids WITH m, k WHERE k.at >= $since AND starts_with(k.key, 'A:')
    RETURN ${ANSWER_COLS} ORDER BY at DESC, id DESC`,
  attendanceOf: `MATCH (m:Member)-[r:ATTENDED]->(mt:Meeting) WHERE m.id IN $ids AND mt.at >= $since
    RETURN ${ATTEND_COLS} ORDER BY mt.at DESC, mt.id DESC`,
  countByCourse: `MATCH (m:Member)-[s:STUDIED]->(c:Course) WHERE s.at >= $since
    RETURN c.id AS id, count(s) AS n`,
  countByCourseIn: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[s:STUDIED]->(c:Course) WHERE b.id IN $branchIds AND s.at >= $since
    RETURN c.id AS id, count(s) AS n`,
} as const;

const EARLIEST = Number.MIN_SAFE_INTEGER;

type EventSpec = { key: string; id: string; memberId: string; targetId: string; targetLabel: 'Course' | 'Question' };

/** Shared write path: ledger check, endpoint check, then one statement that writes ledger row and edge. */
async function recordEvent(ex: KuzuExecutor, spec: EventSpec, query: string, props: Record<string, number | boolean>): Promise<WriteResult> {
  return ex.write(async (tx) => {
    const prior = await tx.run(Q.key, { key: spec.key });
    if (prior.length) {
      if (prior[0].memberId === spec.memberId && prior[0].targetId === spec.targetId) return { created: false };
      throw eventIdReused(spec.id, spec.targetLabel);
    }
    const rows = await tx.run(query, { key: spec.key, memberId: spec.memberId, targetId: spec.targetId, ...props });
    if (Number(rows[0]?.n ?? 0) === 0) {
      await requireIds(tx, 'Member', [spec.memberId]);
      throw notFound(spec.targetLabel, spec.targetId);
    }
    return { created: true };
  });
}

export function recordStudy(ex: KuzuExecutor, e: StudyEvent): Promise<WriteResult> {
  return recordEvent(ex, { key: `S:${e.id}`, id: e.id, memberId: e.memberId, targetId: e.courseId, targetLabel: 'Course' }, Q.study, {
    at: e.at,
    seconds: e.seconds,
    progress: e.progress,
  });
}

export function recordAnswer(ex: KuzuExecutor, e: AnswerEvent): Promise<WriteResult> {
  return recordEvent(ex, { key: `A:${e.id}`, id: e.id, memberId: e.memberId, targetId: e.questionId, targetLabel: 'Question' }, Q.answer, {
    at: e.at,
    correct: e.correct,
    seconds: e.seconds,
  });
}

const toAttendance = (r: Record<string, unknown>) => ({
  meetingId: String(r.meetingId),
  memberId: String(r.memberId),
  status: r.status as MemberHistory['attendance'][number]['status'],
  at: Number(r.at),
  kind: r.kind as MeetingKind,
});

export async function getMemberHistory(ex: KuzuExecutor, memberId: string, opts: { limit: number; since?: number; attendance?: boolean }): Promise<MemberHistory> {
  const empty: MemberHistory = { studies: [], answers: [], attendance: [] };
  if (opts.limit <= 0) return empty;
  const p = { id: memberId, since: opts.since ?? EARLIEST, limit: opts.limit };
  return ex.readMany(async (r) => ({
    studies: (await r.run(Q.studies, p)).map(toStudy),
    answers: (await r.run(Q.answers, p)).map(toAnswer),
    attendance: opts.attendance === false ? [] : (await r.run(Q.attendance, p)).map(toAttendance),
  }));
}

export async function getHistoriesForMembers(ex: KuzuExecutor, memberIds: string[], opts: { limit: number; since?: number }): Promise<Map<string, MemberHistory>> {
  const out = new Map<string, MemberHistory>(memberIds.map((id) => [id, { studies: [], answers: [], attendance: [] }]));
  if (memberIds.length === 0 || opts.limit <= 0) return out;
  const p = { ids: [...new Set(memberIds)], since: opts.since ?? EARLIEST };
  const cap = <T>(xs: T[]) => xs.slice(0, opts.limit);
  await ex.readMany(async (r: Runner) => {
    const studies = groupBy((await r.run(Q.studiesOf, p)).map(toStudy), (x) => x.memberId);
    const answers = groupBy((await r.run(Q.answersOf, p)).map(toAnswer), (x) => x.memberId);
    const attendance = groupBy((await r.run(Q.attendanceOf, p)).map(toAttendance), (x) => x.memberId);
    for (const [id, h] of out) {
      h.studies = cap(studies.get(id) ?? []);
      h.answers = cap(answers.get(id) ?? []);
      h.attendance = cap(attendance.get(id) ?? []);
    }
  });
  return out;
}

export async function countStudiesByCourse(ex: KuzuExecutor, opts: { branchIds?: string[]; since?: number }): Promise<Map<string, number>> {
  if (opts.branchIds && opts.branchIds.length === 0) return new Map();
  const since = opts.since ?? EARLIEST;
  const rows = opts.branchIds ? await ex.read(Q.countByCourseIn, { branchIds: opts.branchIds, since }) : await ex.read(Q.countByCourse, { since });
  return new Map(rows.sort((a, b) => Number(b.n) - Number(a.n) || String(a.id).localeCompare(String(b.id))).map((r) => [String(r.id), Number(r.n)]));
}
