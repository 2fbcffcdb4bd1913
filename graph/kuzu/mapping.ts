/**
 * Kuzu rows → domain objects. Queries return flat, aliased columns (see the RETURN fragments
 * exported here) so mapping is a plain field copy plus JSON decoding of list-valued strings.
 */
import type {
  AnswerEvent, Course, Member, Meeting, Question, StudyEvent, StudyPlan, Topic, TopicTag, Transfer,
} from '../model';
import type { Row } from './executor';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Parse a JSON list stored as a string; a corrupt value reads as empty rather than failing the read. */
export function jsonList<T>(v: unknown): T[] {
  if (typeof v !== 'string' || v === '') return [];
  try {
    const out = JSON.parse(v);
    return Array.isArray(out) ? out : [];
  } catch {
    return [];
  }
}

/** Columns every member query returns: m = Member, bt = BELONGS_TO, b = Branch, g = optional Group. */
export const MEMBER_COLUMNS = `m.id AS id, m.name AS name, m.kind AS kind, m.stage AS stage, m.role AS role,
  b.id AS branchId, g.id AS groupId, bt.since AS since, m.stageSince AS stageSince, m.phone AS phone,
  m.idNumber AS idNumber, m.createdAt AS createdAt, m.updatedAt AS updatedAt`;

export const toMember = (r: Row): Member => ({
  id: str(r.id), name: str(r.name), kind: str(r.kind) as Member['kind'], stage: str(r.stage) as Member['stage'],
  role: str(r.role) as Member['role'], branchId: str(r.branchId), groupId: strOrNull(r.groupId),
  since: num(r.since), stageSince: num(r.stageSince), phone: strOrNull(r.phone), idNumber: strOrNull(r.idNumber),
  createdAt: num(r.createdAt), updatedAt: num(r.updatedAt),
});

export const toTag = (r: Row): TopicTag => ({
  topicId: str(r.topicId), weight: num(r.weight), source: str(r.source) as TopicTag['source'], confidence: num(r.confidence),
});

export const toTopic = (r: Row): Topic => ({
  id: str(r.id), name: str(r.name), area: str(r.area) as Topic['area'], description: str(r.description),
  parentId: strOrNull(r.parentId),
  prerequisiteIds: ((r.prerequisiteIds as string[] | null) ?? []).filter((x) => x !== null).sort(),
});

export const COURSE_COLUMNS = `c.id AS id, c.title AS title, c.summary AS summary, c.kind AS kind,
  c.minutes AS minutes, c.createdAt AS createdAt, c.updatedAt AS updatedAt`;

export const toCourse = (r: Row, topics: TopicTag[]): Course => ({
  id: str(r.id), title: str(r.title), summary: str(r.summary), kind: str(r.kind) as Course['kind'],
  minutes: num(r.minutes), topics, createdAt: num(r.createdAt), updatedAt: num(r.updatedAt),
});

export const QUESTION_COLUMNS = `q.id AS id, q.stem AS stem, q.options AS options, q.answer AS answer,
  q.explanation AS explanation, q.difficulty AS difficulty`;

export const toQuestion = (r: Row, topics: TopicTag[]): Question => ({
  id: str(r.id), stem: str(r.stem), options: jsonList<string>(r.options), answer: num(r.answer),
  explanation: str(r.explanation), difficulty: num(r.difficulty), topics,
});

export const MEETING_COLUMNS = `mt.id AS id, b.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at,
  mt.minutes AS minutes, mt.record AS record`;

export const toMeeting = (r: Row, topics: TopicTag[]): Meeting => ({
  id: str(r.id), branchId: str(r.branchId), kind: str(r.kind) as Meeting['kind'], title: str(r.title),
  at: num(r.at), minutes: num(r.minutes), record: str(r.record), topics,
});

export const toTransfer = (r: Row): Transfer => ({
  id: str(r.id), memberId: str(r.memberId), kind: str(r.kind) as Transfer['kind'],
  fromBranchId: strOrNull(r.fromBranchId), toBranchId: strOrNull(r.toBranchId), at: num(r.at), reason: str(r.reason),
});

export const toStudy = (r: Row): StudyEvent => ({
  id: str(r.id), memberId: str(r.memberId), courseId: str(r.courseId), at: num(r.at), seconds: num(r.seconds),
  progress: num(r.progress),
});

export const toAnswer = (r: Row): AnswerEvent => ({
  id: str(r.id), memberId: str(r.memberId), questionId: str(r.questionId), at: num(r.at),
  correct: r.correct === true, seconds: num(r.seconds),
});

export const toPlan = (r: Row): StudyPlan => ({
  id: str(r.id), memberId: str(r.memberId), createdAt: num(r.createdAt), minutesPerWeek: num(r.minutesPerWeek),
  weeks: num(r.weeks), startsAt: num(r.startsAt), items: jsonList(r.items),
});

/** Order `items` as `ids` asked, dropping ids that were not found (batch-read convention). */
export function inIdOrder<T extends { id: string }>(ids: string[], items: T[]): T[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const x = byId.get(id);
    if (x && !seen.has(id)) { out.push(x); seen.add(id); }
  }
  return out;
}

/** Group rows into a map keyed by `key(row)`, preserving row order within a group. */
export function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
