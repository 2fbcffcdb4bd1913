/**
 * Kuzu rows → domain objects: the shared readers of graph/rows.ts over Kuzu's numbers (plain numbers or
 * bigints), and the RETURN fragments the queries use so every read returns the same flat, aliased columns.
 */
import { rowReaders } from '../rows';

export { groupBy, inIdOrder, jsonList, str, strOrNull } from '../rows';

export const {
  toMember,
  toTag,
  toTopic,
  toCourse,
  toQuestion,
  toMeeting,
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
  num,
} = rowReaders(Number);

/** Columns every member query returns: m = Member, bt = BELONGS_TO, b = Branch, g = optional Group. */
export const MEMBER_COLUMNS = `m.id AS id, m.name AS name, m.kind AS kind, m.stage AS stage, m.role AS role,
  b.id AS branchId, g.id AS groupId, bt.since AS since, m.stageSince AS stageSince, m.phone AS phone,
  m.idNumber AS idNumber, m.createdAt AS createdAt, m.updatedAt AS updatedAt`;

export const COURSE_COLUMNS = `c.id AS id, c.title AS title, c.summary AS summary, c.kind AS kind,
  c.minutes AS minutes, c.createdAt AS createdAt, c.updatedAt AS updatedAt`;

export const QUESTION_COLUMNS = `q.id AS id, q.stem AS stem, q.options AS options, q.answer AS answer,
  q.explanation AS explanation, q.difficulty AS difficulty`;

export const MEETING_COLUMNS = `mt.id AS id, b.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at,
  mt.minutes AS minutes, mt.record AS record`;
