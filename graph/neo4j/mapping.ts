/**
 * Rows ↔ domain types. The driver sends every JS number as a Cypher FLOAT, so integer properties (times in
 * epoch ms, minutes, seconds, answer index) go out through `int()`; integers come back as driver Integers
 * and are turned into numbers by `num()`, which refuses values outside JavaScript's safe range. The row
 * readers are graph/rows.ts's, over `num()`.
 */
import neo4j, { type Integer, isInt } from 'neo4j-driver';
import type { Attendance, Course, Meeting, Question, TopicTag } from '../model';
import { rowReaders, str, type Row } from '../rows';

/** A JS number as a Cypher INTEGER (rounded; times and counts are whole numbers). */
export function int(n: number): Integer {
  const r = Math.round(n);
  if (!Number.isSafeInteger(r)) throw new RangeError(`${n} is not a safe integer`);
  return neo4j.int(r);
}

/** `int` for optional values: null/undefined stay null. */
export const intOrNull = (n: number | null | undefined): Integer | null => (n === null || n === undefined ? null : int(n));

/** A Cypher number (Integer or float) as a JS number; throws rather than silently losing precision. */
export function num(v: unknown): number {
  if (isInt(v)) {
    if (!(v as Integer).inSafeRange()) throw new RangeError(`Integer ${v.toString()} is outside the safe range`);
    return (v as Integer).toNumber();
  }
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${v} is outside the safe range`);
    return Number(v);
  }
  throw new TypeError(`Expected a number, got ${v === null ? 'null' : typeof v}`);
}

export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

const readers = rowReaders(num);
export const {
  toMember,
  toTag,
  toTopic,
  toTransfer,
  toStudy,
  toAnswer,
  toMastery,
  toGap,
  toStudyPlan,
  toAccount,
  toSession,
  toToken,
  toAuditEntry,
  toRuleOverride,
  toMemberLearning,
  toBranchLearning,
} = readers;
export { inIdOrder } from '../rows';

/** Tags as parameters (floats stay floats). */
export const tagParams = (ts: TopicTag[]) => ts.map((t) => ({ topicId: t.topicId, weight: t.weight, source: t.source, confidence: t.confidence }));

/** Items with tags: the queries collect an item's tags into a `topics` column. */
export const toCourse = (r: Row): Course => readers.toCourse(r, readers.toTags(r.topics));
export const toQuestion = (r: Row): Question => readers.toQuestion(r, readers.toTags(r.topics));
export const toMeeting = (r: Row): Meeting => readers.toMeeting(r, readers.toTags(r.topics));

export const toAttendance = (r: Row): Attendance => ({
  meetingId: str(r.meetingId),
  memberId: str(r.memberId),
  status: r.status as Attendance['status'],
});
