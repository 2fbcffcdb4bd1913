/**
 * Rows ↔ domain types. The driver sends every JS number as a Cypher FLOAT, so integer properties (times in
 * epoch ms, minutes, seconds, answer index) go out through `int()`; integers come back as driver Integers
 * and are turned into numbers by `num()`, which refuses values outside JavaScript's safe range.
 */
import neo4j, { type Integer, isInt } from 'neo4j-driver';
import type {
  AnswerEvent, Attendance, Course, Gap, Mastery, Meeting, Member, Question, StudyEvent,
  StudyPlan, Topic, TopicTag, Transfer,
} from '../model';

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
/** A number field of a domain object: a property that was never written (null) reads as 0, as on Kuzu. */
const n0 = (v: unknown): number => (v === null || v === undefined ? 0 : num(v));

/** Plan items are one JSON value; a corrupt value reads as no items rather than failing the read. */
function jsonItems(v: unknown): StudyPlan['items'] {
  try {
    const out: unknown = JSON.parse(str(v) || '[]');
    return Array.isArray(out) ? (out as StudyPlan['items']) : [];
  } catch {
    return [];
  }
}
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

type Row = Record<string, unknown>;

export const toTag = (r: Row): TopicTag => ({
  topicId: str(r.topicId), weight: n0(r.weight), source: r.source as TopicTag['source'], confidence: n0(r.confidence),
});
const tags = (v: unknown): TopicTag[] => (Array.isArray(v) ? (v as Row[]).map(toTag) : []);

/** Tags as parameters (floats stay floats). */
export const tagParams = (ts: TopicTag[]) =>
  ts.map((t) => ({ topicId: t.topicId, weight: t.weight, source: t.source, confidence: t.confidence }));

export const toMember = (r: Row): Member => ({
  id: str(r.id), name: str(r.name), kind: r.kind as Member['kind'], stage: r.stage as Member['stage'],
  role: r.role as Member['role'], branchId: str(r.branchId), groupId: strOrNull(r.groupId),
  since: n0(r.since), stageSince: n0(r.stageSince), phone: strOrNull(r.phone), idNumber: strOrNull(r.idNumber),
  createdAt: n0(r.createdAt), updatedAt: n0(r.updatedAt),
});

export const toTopic = (r: Row): Topic => ({
  id: str(r.id), name: str(r.name), area: r.area as Topic['area'], description: str(r.description),
  parentId: strOrNull(r.parentId), prerequisiteIds: strList(r.prerequisiteIds),
});

export const toCourse = (r: Row): Course => ({
  id: str(r.id), title: str(r.title), summary: str(r.summary), kind: r.kind as Course['kind'], minutes: n0(r.minutes),
  topics: tags(r.topics), createdAt: n0(r.createdAt), updatedAt: n0(r.updatedAt),
});

export const toQuestion = (r: Row): Question => ({
  id: str(r.id), stem: str(r.stem), options: strList(r.options), answer: n0(r.answer),
  explanation: str(r.explanation), difficulty: n0(r.difficulty), topics: tags(r.topics),
});

export const toMeeting = (r: Row): Meeting => ({
  id: str(r.id), branchId: str(r.branchId), kind: r.kind as Meeting['kind'], title: str(r.title), at: n0(r.at),
  minutes: n0(r.minutes), record: str(r.record), topics: tags(r.topics),
});

export const toAttendance = (r: Row): Attendance => ({
  meetingId: str(r.meetingId), memberId: str(r.memberId), status: r.status as Attendance['status'],
});

export const toStudy = (r: Row): StudyEvent => ({
  id: str(r.id), memberId: str(r.memberId), courseId: str(r.courseId), at: n0(r.at), seconds: n0(r.seconds),
  progress: n0(r.progress),
});

export const toAnswer = (r: Row): AnswerEvent => ({
  id: str(r.id), memberId: str(r.memberId), questionId: str(r.questionId), at: n0(r.at), correct: r.correct === true,
  seconds: n0(r.seconds),
});

export const toTransfer = (r: Row): Transfer => ({
  id: str(r.id), memberId: str(r.memberId), kind: r.kind as Transfer['kind'], fromBranchId: strOrNull(r.fromBranchId),
  toBranchId: strOrNull(r.toBranchId), at: n0(r.at), reason: str(r.reason),
});

export const toMastery = (r: Row): Mastery => ({
  memberId: str(r.memberId), topicId: str(r.topicId), p: n0(r.p), updatedAt: n0(r.updatedAt),
});

export const toGap = (r: Row): Gap => ({
  memberId: str(r.memberId), topicId: str(r.topicId), severity: n0(r.severity), reasons: strList(r.reasons),
  updatedAt: n0(r.updatedAt),
});

/** Plan items are one JSON value on the StudyPlan node: they are read and written only as a whole. */
export const toStudyPlan = (r: Row): StudyPlan => ({
  id: str(r.id), memberId: str(r.memberId), createdAt: n0(r.createdAt), minutesPerWeek: n0(r.minutesPerWeek),
  weeks: n0(r.weeks), startsAt: n0(r.startsAt), items: jsonItems(r.items),
});

/**
 * Rows of a by-ids read, in the order the ids were asked for; missing ids are absent and a repeated id
 * is answered once.
 */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const row = byId.get(id);
    if (row && !seen.has(id)) { out.push(row); seen.add(id); }
  }
  return out;
}
