/**
 * Every data statement the Neo4j adapter sends, named by what it does. All are static text built once at
 * module load from the closed lists in ./labels; call sites pass parameters only. test/neo4j-lint.test.ts
 * lints each one with Neo4j's own Cypher linter. Schema statements live in ./ddl, bulk ones in ./bulk-queries.
 * (One file on purpose: it is the catalogue the linter enumerates.)
 */
import { GRAPH_SCHEMA, NODE_LABELS, REL_TYPES, TAG_RELS, VECTOR_INDEXES, type NodeLabel, type TaggedKind } from './labels';
import type { EmbeddableKind } from '../model';

// ---- shared fragments (static) ----
const MEMBER_COLUMNS = `m.id AS id, m.name AS name, m.kind AS kind, m.stage AS stage, m.role AS role,
       br.id AS branchId, head(COLLECT { MATCH (m)-[:IN_GROUP]->(g:Group) RETURN g.id ORDER BY g.id }) AS groupId,
       b.since AS since, m.stageSince AS stageSince, m.phone AS phone, m.idNumber AS idNumber,
       m.createdAt AS createdAt, m.updatedAt AS updatedAt`;

const MEMBER_FILTER = `($branchIds IS NULL OR br.id IN $branchIds)
  AND ($committeeIds IS NULL OR EXISTS { MATCH (br)-[:UNDER]->(co:Committee) WHERE co.id IN $committeeIds })
  AND ($stages IS NULL OR m.stage IN $stages)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($roles IS NULL OR m.role IN $roles)
  AND ($nameContains IS NULL OR m.name CONTAINS $nameContains)`;

const tagsOf = (v: string, rel: string) =>
  `COLLECT { MATCH (${v})-[r:${rel}]->(t:Topic)
    RETURN {topicId: t.id, weight: r.weight, source: r.source, confidence: r.confidence} AS tag ORDER BY r.weight DESC, t.id } AS topics`;

const COURSE_COLUMNS = `c.id AS id, c.title AS title, c.summary AS summary, c.kind AS kind, c.minutes AS minutes,
       ${tagsOf('c', 'COVERS')}, c.createdAt AS createdAt, c.updatedAt AS updatedAt`;

const COURSE_FILTER = `($topicIds IS NULL OR EXISTS { MATCH (c)-[:COVERS]->(t:Topic) WHERE t.id IN $topicIds })
  AND ($areas IS NULL OR EXISTS { MATCH (c)-[:COVERS]->(t:Topic) WHERE t.area IN $areas })
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($titleContains IS NULL OR c.title CONTAINS $titleContains)`;

const QUESTION_COLUMNS = `q.id AS id, q.stem AS stem, q.options AS options, q.answer AS answer,
       q.explanation AS explanation, q.difficulty AS difficulty, ${tagsOf('q', 'TESTS')}`;

const QUESTION_FILTER = `($topicIds IS NULL OR EXISTS { MATCH (q)-[:TESTS]->(t:Topic) WHERE t.id IN $topicIds })
  AND ($areas IS NULL OR EXISTS { MATCH (q)-[:TESTS]->(t:Topic) WHERE t.area IN $areas })`;

const MEETING_COLUMNS = `mt.id AS id, br.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at,
       mt.minutes AS minutes, mt.record AS record, ${tagsOf('mt', 'DISCUSSED')}`;

/** Relationships and nodes deleted per inner transaction of clear (see CLEAR_Q). */
export const CLEAR_BATCH = 10_000;

/**
 * clear(): per label, first the relationships that start at its nodes, then its nodes, each in inner
 * transactions of CLEAR_BATCH rows (`CALL … IN TRANSACTIONS`, auto-commit only). Batching by
 * relationships bounds a transaction's memory whatever the degree of a node: 10,000 relationships are a
 * few MB, where 10,000 members with their ~790,000 relationships at medium scale were not. Only nodes
 * with Hongtu's labels are touched (a test suite's marker nodes and other data in the database stay).
 */
export const CLEAR_Q = {
  /** Only labels that start a relationship (GRAPH_SCHEMA); together they cover every relationship. */
  rels: Object.fromEntries(
    [...new Set(GRAPH_SCHEMA.map((t) => t.from))].map((l) => [
      l,
      `MATCH (:${l})-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF ${CLEAR_BATCH} ROWS`,
    ]),
  ) as Partial<Record<NodeLabel, string>>,
  nodes: Object.fromEntries(
    NODE_LABELS.map((l) => [
      l,
      `MATCH (n:${l})
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${CLEAR_BATCH} ROWS`,
    ]),
  ) as Record<NodeLabel, string>,
};

/** Nodes per inner transaction when vectors are dropped (a 512-dimension vector is ~4 kB of transaction state). */
export const VECTOR_DROP_BATCH = 2_000;

/** Data statements, by name. */
export const Q = {
  // ---- lifecycle ----
  isEmpty: `RETURN NOT EXISTS { MATCH (:University) } AS noUniversity`,
  /** Nodes per label and relationships per type (from the count store): what a rejected write must not move. */
  counts: `RETURN ${[...NODE_LABELS.map((l) => `COUNT { MATCH (:${l}) } AS \`${l}\``), ...REL_TYPES.map((t) => `COUNT { MATCH ()-[:${t}]->() } AS \`${t}\``)].join(',\n       ')}`,

  // ---- organization ----
  getUniversity: `MATCH (u:University) RETURN u.id AS id, u.name AS name ORDER BY u.id LIMIT 1`,
  listCommittees: `MATCH (c:Committee)-[:UNDER]->(u:University)
RETURN c.id AS id, c.name AS name, u.id AS universityId ORDER BY c.id`,
  getCommitteesByIds: `UNWIND $ids AS x MATCH (c:Committee {id: x})-[:UNDER]->(u:University)
RETURN c.id AS id, c.name AS name, u.id AS universityId`,
  listBranches: `MATCH (b:Branch)-[:UNDER]->(c:Committee)
WHERE $committeeIds IS NULL OR c.id IN $committeeIds
RETURN b.id AS id, b.name AS name, c.id AS committeeId ORDER BY b.id`,
  getBranchesByIds: `UNWIND $ids AS x MATCH (b:Branch {id: x})-[:UNDER]->(c:Committee)
RETURN b.id AS id, b.name AS name, c.id AS committeeId`,
  listGroups: `MATCH (g:Group)-[:UNDER]->(b:Branch {id: $branchId})
RETURN g.id AS id, g.name AS name, b.id AS branchId ORDER BY g.id`,
  listGroupsOfBranches: `MATCH (g:Group)-[:UNDER]->(b:Branch)
WHERE b.id IN $branchIds
RETURN g.id AS id, g.name AS name, b.id AS branchId ORDER BY branchId, id`,
  createUniversity: `MERGE (u:University {id: $id}) ON CREATE SET u.name = $name`,
  /** Parent exists? Which parent does a node with this id already hang under? */
  committeeCheck: `RETURN EXISTS { MATCH (:University {id: $parentId}) } AS parentExists,
       COLLECT { MATCH (n:Committee {id: $id})-[:UNDER]->(p:University) RETURN p.id } AS existingParents`,
  branchCheck: `RETURN EXISTS { MATCH (:Committee {id: $parentId}) } AS parentExists,
       COLLECT { MATCH (n:Branch {id: $id})-[:UNDER]->(p:Committee) RETURN p.id } AS existingParents`,
  groupCheck: `RETURN EXISTS { MATCH (:Branch {id: $parentId}) } AS parentExists,
       COLLECT { MATCH (n:Group {id: $id})-[:UNDER]->(p:Branch) RETURN p.id } AS existingParents`,
  createCommittee: `MATCH (p:University {id: $parentId})
MERGE (n:Committee {id: $id}) ON CREATE SET n.name = $name
WITH n, p WHERE NOT EXISTS { MATCH (n)-[:UNDER]->(:University) }
MERGE (n)-[:UNDER]->(p)`,
  createBranch: `MATCH (p:Committee {id: $parentId})
MERGE (n:Branch {id: $id}) ON CREATE SET n.name = $name
WITH n, p WHERE NOT EXISTS { MATCH (n)-[:UNDER]->(:Committee) }
MERGE (n)-[:UNDER]->(p)`,
  createGroup: `MATCH (p:Branch {id: $parentId})
MERGE (n:Group {id: $id}) ON CREATE SET n.name = $name
WITH n, p WHERE NOT EXISTS { MATCH (n)-[:UNDER]->(:Branch) }
MERGE (n)-[:UNDER]->(p)`,

  // ---- members ----
  getMembersByIds: `UNWIND $ids AS x MATCH (m:Member {id: x})-[b:BELONGS_TO]->(br:Branch)
RETURN ${MEMBER_COLUMNS}`,
  countMembers: `MATCH (m:Member)-[b:BELONGS_TO]->(br:Branch)
WHERE ${MEMBER_FILTER}
RETURN count(m) AS total`,
  listMembers: `MATCH (m:Member)-[b:BELONGS_TO]->(br:Branch)
WHERE ${MEMBER_FILTER}
  AND ($after IS NULL OR m.id > $after)
WITH m, b, br ORDER BY m.id LIMIT $limit
RETURN ${MEMBER_COLUMNS}
ORDER BY id`,
  /** Everything a member write must know before it writes: the member, its branch, the group's branch. */
  memberCheck: `RETURN COLLECT { MATCH (m:Member {id: $id})-[:BELONGS_TO]->(b:Branch) RETURN {branchId: b.id, stage: m.stage} AS cur } AS currentRows,
       EXISTS { MATCH (:Branch {id: $branchId}) } AS branchExists,
       COLLECT { MATCH (g:Group {id: $groupId})-[:UNDER]->(gb:Branch) RETURN gb.id } AS groupBranch`,
  createMember: `MATCH (br:Branch {id: $branchId})
CREATE (m:Member {id: $id, name: $name, kind: $kind, stage: $stage, role: $role, stageSince: $stageSince,
                  phone: $phone, idNumber: $idNumber, createdAt: $now, updatedAt: $now})
CREATE (m)-[:BELONGS_TO {role: $role, since: $since}]->(br)`,
  /** Replaces the member's group; a null $groupId just leaves the group. */
  setMemberGroup: `MATCH (m:Member {id: $id})
OPTIONAL MATCH (m)-[old:IN_GROUP]->(:Group)
DELETE old
WITH DISTINCT m
MATCH (g:Group {id: $groupId})
CREATE (m)-[:IN_GROUP]->(g)`,
  /** $props holds only the patched fields (null clears one); the role is mirrored on BELONGS_TO. */
  updateMember: `MATCH (m:Member {id: $id})-[b:BELONGS_TO]->(:Branch)
SET m += $props, b.role = coalesce($role, b.role)`,
  moveCheck: `RETURN COLLECT { MATCH (:Member {id: $memberId})-[:BELONGS_TO]->(b:Branch) RETURN b.id } AS currentBranch,
       EXISTS { MATCH (:Branch {id: $toBranchId}) } AS toExists,
       COLLECT { MATCH (t:Transfer {id: $id})
                 RETURN t {.id, .memberId, .kind, .fromBranchId, .toBranchId, .at, .reason} AS transfer } AS existing`,
  moveMember: `MATCH (m:Member {id: $memberId})-[old:BELONGS_TO]->(src:Branch)
MATCH (dest:Branch {id: $toBranchId})
CREATE (m)-[:BELONGS_TO {role: old.role, since: $at}]->(dest)
CREATE (m)-[:TRANSFERRED]->(:Transfer {id: $id, memberId: $memberId, kind: $kind, fromBranchId: src.id,
                                        toBranchId: $toBranchId, at: $at, reason: $reason})
SET m.updatedAt = $at
DELETE old
WITH m
OPTIONAL MATCH (m)-[ig:IN_GROUP]->(:Group)
DELETE ig`,
  listTransfers: `MATCH (:Member {id: $memberId})-[:TRANSFERRED]->(t:Transfer)
RETURN t.id AS id, t.memberId AS memberId, t.kind AS kind, t.fromBranchId AS fromBranchId,
       t.toBranchId AS toBranchId, t.at AS at, t.reason AS reason
ORDER BY at, id`,

  // ---- curriculum ----
  listTopics: `MATCH (t:Topic)
RETURN t.id AS id, t.name AS name, t.area AS area, t.description AS description,
       head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(p:Topic) RETURN p.id ORDER BY p.id }) AS parentId,
       COLLECT { MATCH (pre:Topic)-[:PREREQUISITE_OF]->(t) RETURN pre.id ORDER BY pre.id } AS prerequisiteIds
ORDER BY id`,
  /** Sets a topic's fields and drops its parent and prerequisite links; `linkTopic` adds the new ones. */
  upsertTopic: `MERGE (t:Topic {id: $id})
SET t.name = $name, t.area = $area, t.description = $description
WITH t
OPTIONAL MATCH (t)-[s:SUBTOPIC_OF]->(:Topic)
DELETE s
WITH DISTINCT t
OPTIONAL MATCH (:Topic)-[p:PREREQUISITE_OF]->(t)
DELETE p`,
  linkTopicParent: `MATCH (t:Topic {id: $id}) MATCH (p:Topic {id: $parentId}) MERGE (t)-[:SUBTOPIC_OF]->(p)`,
  linkTopicPrerequisites: `MATCH (t:Topic {id: $id})
UNWIND $prerequisiteIds AS pid
MATCH (pre:Topic {id: pid})
MERGE (pre)-[:PREREQUISITE_OF]->(t)`,
  getCoursesByIds: `UNWIND $ids AS x MATCH (c:Course {id: x}) RETURN ${COURSE_COLUMNS}`,
  countCourses: `MATCH (c:Course) WHERE ${COURSE_FILTER} RETURN count(c) AS total`,
  listCourses: `MATCH (c:Course)
WHERE ${COURSE_FILTER}
  AND ($after IS NULL OR c.id > $after)
WITH c ORDER BY c.id LIMIT $limit
RETURN ${COURSE_COLUMNS}
ORDER BY id`,
  createCourse: `CREATE (c:Course {id: $id, title: $title, summary: $summary, kind: $kind, minutes: $minutes,
                  createdAt: $now, updatedAt: $now})`,
  /** $props holds only the patched fields. */
  updateCourse: `MATCH (c:Course {id: $id}) SET c += $props, c.updatedAt = $now`,
  getQuestionsByIds: `UNWIND $ids AS x MATCH (q:Question {id: x}) RETURN ${QUESTION_COLUMNS}`,
  countQuestions: `MATCH (q:Question) WHERE ${QUESTION_FILTER} RETURN count(q) AS total`,
  listQuestions: `MATCH (q:Question)
WHERE ${QUESTION_FILTER}
  AND ($after IS NULL OR q.id > $after)
WITH q ORDER BY q.id LIMIT $limit
RETURN ${QUESTION_COLUMNS}
ORDER BY id`,
  upsertQuestion: `MERGE (q:Question {id: $id})
SET q.stem = $stem, q.options = $options, q.answer = $answer, q.explanation = $explanation,
    q.difficulty = $difficulty`,

  // ---- organizational life ----
  meetingCheck: `RETURN EXISTS { MATCH (:Branch {id: $branchId}) } AS branchExists,
       COLLECT { MATCH (b:Branch)-[:HELD]->(:Meeting {id: $id}) RETURN b.id } AS existingBranch`,
  createMeeting: `MATCH (br:Branch {id: $branchId})
MERGE (mt:Meeting {id: $id})
  ON CREATE SET mt.kind = $kind, mt.title = $title, mt.at = $at, mt.minutes = $minutes, mt.record = $record,
    mt.present = 0, mt.excused = 0, mt.absent = 0
WITH br, mt WHERE NOT EXISTS { MATCH (:Branch)-[:HELD]->(mt) }
MERGE (br)-[:HELD]->(mt)`,
  getMeetingsByIds: `UNWIND $ids AS x MATCH (br:Branch)-[:HELD]->(mt:Meeting {id: x}) RETURN ${MEETING_COLUMNS}`,
  listMeetings: `MATCH (br:Branch)-[:HELD]->(mt:Meeting)
WHERE br.id IN $branchIds AND mt.at >= $fromTime AND mt.at < $toTime AND ($kinds IS NULL OR mt.kind IN $kinds)
RETURN ${MEETING_COLUMNS}
ORDER BY at, id`,
  /**
   * The meeting's write lock, taken first by every attendance write: concurrent writers of one meeting then
   * run one after the other, so each recount sees the rows committed before it (and MERGE makes no twin).
   */
  lockMeeting: `MATCH (mt:Meeting {id: $meetingId})
SET mt.attendanceLock = coalesce(mt.attendanceLock, 0) + 1
RETURN mt.id AS id`,
  recordAttendance: `MATCH (mt:Meeting {id: $meetingId})
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MERGE (m)-[a:ATTENDED]->(mt)
SET a.status = row.status`,
  /** The meeting's attendance counts from its rows (after writing them, under lockMeeting). */
  recountAttendance: `MATCH (mt:Meeting {id: $meetingId})
SET mt.present = COUNT { (:Member)-[:ATTENDED {status: 'PRESENT'}]->(mt) },
    mt.excused = COUNT { (:Member)-[:ATTENDED {status: 'EXCUSED'}]->(mt) },
    mt.absent = COUNT { (:Member)-[:ATTENDED {status: 'ABSENT'}]->(mt) }`,
  /** A page of meetings without counts (stored before counts were kept, or bulk-loaded) gets them. */
  fillAttendanceCounts: `MATCH (mt:Meeting) WHERE mt.present IS NULL
WITH mt LIMIT $limit
SET mt.present = COUNT { (:Member)-[:ATTENDED {status: 'PRESENT'}]->(mt) },
    mt.excused = COUNT { (:Member)-[:ATTENDED {status: 'EXCUSED'}]->(mt) },
    mt.absent = COUNT { (:Member)-[:ATTENDED {status: 'ABSENT'}]->(mt) }
RETURN count(mt) AS filled`,
  /** The counts kept on each meeting; no attendance row is read. */
  listMeetingTallies: `MATCH (br:Branch)-[:HELD]->(mt:Meeting)
WHERE br.id IN $branchIds AND mt.at >= $fromTime AND mt.at < $toTime
RETURN mt.id AS id, br.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at,
       coalesce(mt.present, 0) AS present, coalesce(mt.excused, 0) AS excused, coalesce(mt.absent, 0) AS absent
ORDER BY at, id`,
  listAttendance: `UNWIND range(0, size($meetingIds) - 1) AS i
MATCH (m:Member)-[a:ATTENDED]->(mt:Meeting {id: $meetingIds[i]})
RETURN mt.id AS meetingId, m.id AS memberId, a.status AS status
ORDER BY i, memberId`,

  // ---- learning events ----
  /** Do both endpoints exist, and where does an event with this id already point? */
  studyCheck: `RETURN EXISTS { MATCH (:Member {id: $memberId}) } AS fromExists,
       EXISTS { MATCH (:Course {id: $toId}) } AS toExists,
       COLLECT { MATCH (a:Member)-[:STUDIED {id: $id}]->(o:Course) RETURN [a.id, o.id] AS endpoints } AS existing`,
  answerCheck: `RETURN EXISTS { MATCH (:Member {id: $memberId}) } AS fromExists,
       EXISTS { MATCH (:Question {id: $toId}) } AS toExists,
       COLLECT { MATCH (a:Member)-[:ANSWERED {id: $id}]->(o:Question) RETURN [a.id, o.id] AS endpoints } AS existing`,
  recordStudy: `MATCH (m:Member {id: $memberId})
MATCH (c:Course {id: $toId})
MERGE (m)-[s:STUDIED {id: $id}]->(c)
  ON CREATE SET s.at = $at, s.seconds = $seconds, s.progress = $progress`,
  recordAnswer: `MATCH (m:Member {id: $memberId})
MATCH (q:Question {id: $toId})
MERGE (m)-[a:ANSWERED {id: $id}]->(q)
  ON CREATE SET a.at = $at, a.correct = $correct, a.seconds = $seconds`,
  /** Each list newest first and capped at $limit, optionally since $since: one read per member. */
  memberHistories: `UNWIND $memberIds AS mid
MATCH (m:Member {id: mid})
RETURN m.id AS memberId,
  COLLECT { MATCH (m)-[s:STUDIED]->(c:Course) WHERE $since IS NULL OR s.at >= $since
            WITH s, c ORDER BY s.at DESC, s.id DESC LIMIT $limit
            RETURN {id: s.id, memberId: m.id, courseId: c.id, at: s.at, seconds: s.seconds, progress: s.progress} AS study } AS studies,
  COLLECT { MATCH (m)-[a:ANSWERED]->(q:Question) WHERE $since IS NULL OR a.at >= $since
            WITH a, q ORDER BY a.at DESC, a.id DESC LIMIT $limit
            RETURN {id: a.id, memberId: m.id, questionId: q.id, at: a.at, correct: a.correct, seconds: a.seconds} AS answer } AS answers,
  COLLECT { MATCH (m)-[att:ATTENDED]->(mt:Meeting) WHERE $since IS NULL OR mt.at >= $since
            WITH att, mt ORDER BY mt.at DESC, mt.id DESC LIMIT $limit
            RETURN {meetingId: mt.id, memberId: m.id, status: att.status, at: mt.at, kind: mt.kind} AS attended } AS attendance`,
  countStudiesByCourse: `MATCH (m:Member)-[s:STUDIED]->(c:Course)
WHERE ($since IS NULL OR s.at >= $since)
  AND ($branchIds IS NULL OR EXISTS { MATCH (m)-[:BELONGS_TO]->(b:Branch) WHERE b.id IN $branchIds })
RETURN c.id AS courseId, count(s) AS studies`,

  // ---- learner model ----
  getMastery: `UNWIND $memberIds AS mid
MATCH (m:Member {id: mid})-[r:MASTERY]->(t:Topic)
RETURN m.id AS memberId, t.id AS topicId, r.p AS p, r.updatedAt AS updatedAt
ORDER BY memberId, topicId`,
  upsertMastery: `UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (t:Topic {id: row.topicId})
MERGE (m)-[r:MASTERY]->(t)
SET r.p = row.p, r.updatedAt = row.updatedAt`,
  getGaps: `UNWIND $memberIds AS mid
MATCH (m:Member {id: mid})-[g:HAS_GAP]->(t:Topic)
RETURN m.id AS memberId, t.id AS topicId, g.severity AS severity, g.reasons AS reasons, g.updatedAt AS updatedAt
ORDER BY memberId, severity DESC, topicId`,
  /** Members of the branches with their gap topics and their study per course since $since. */
  listBranchPeers: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)
WHERE b.id IN $branchIds
RETURN b.id AS branchId, m.id AS memberId,
  COLLECT { MATCH (m)-[:HAS_GAP]->(t:Topic) RETURN t.id } AS gapTopicIds,
  COLLECT { MATCH (m)-[s:STUDIED]->(c:Course) WHERE s.at >= $since
            WITH c, count(s) AS sessions, max(s.progress) AS maxProgress
            RETURN {courseId: c.id, sessions: sessions, maxProgress: maxProgress} } AS studies
ORDER BY branchId, memberId`,
  replaceGaps: `MATCH (m:Member {id: $memberId})
OPTIONAL MATCH (m)-[old:HAS_GAP]->(:Topic)
DELETE old
WITH DISTINCT m
UNWIND $gaps AS gap
MATCH (t:Topic {id: gap.topicId})
MERGE (m)-[g:HAS_GAP]->(t)
SET g.severity = gap.severity, g.reasons = gap.reasons, g.updatedAt = gap.updatedAt`,
  dropStudyPlan: `MATCH (p:StudyPlan {id: $id}) DETACH DELETE p`,
  saveStudyPlan: `MATCH (m:Member {id: $memberId})
CREATE (m)-[:HAS_PLAN]->(:StudyPlan {id: $id, memberId: $memberId, createdAt: $createdAt,
  minutesPerWeek: $minutesPerWeek, weeks: $weeks, startsAt: $startsAt, items: $items})`,
  getStudyPlans: `UNWIND $memberIds AS mid
MATCH (:Member {id: mid})-[:HAS_PLAN]->(p:StudyPlan)
WITH mid, p ORDER BY p.createdAt DESC, p.id DESC
WITH mid, collect(p)[0] AS p
RETURN p.id AS id, p.memberId AS memberId, p.createdAt AS createdAt, p.minutesPerWeek AS minutesPerWeek,
       p.weeks AS weeks, p.startsAt AS startsAt, p.items AS items`,
  getStudyPlan: `MATCH (:Member {id: $memberId})-[:HAS_PLAN]->(p:StudyPlan)
RETURN p.id AS id, p.memberId AS memberId, p.createdAt AS createdAt, p.minutesPerWeek AS minutesPerWeek,
       p.weeks AS weeks, p.startsAt AS startsAt, p.items AS items
ORDER BY createdAt DESC, id DESC LIMIT 1`,

  // ---- search ----
  /** $indexName comes from VECTOR_INDEXES; Neo4j's cosine score is (1 + cos) / 2. */
  vectorSearch: `CALL db.index.vector.queryNodes($indexName, $k, $vector) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id`,
  keywordSearchCourse: `MATCH (c:Course)
WITH c, reduce(s = 0, term IN $terms |
       s + CASE WHEN toLower(c.title) CONTAINS toLower(term) THEN 2 ELSE 0 END
         + CASE WHEN toLower(c.summary) CONTAINS toLower(term) THEN 1 ELSE 0 END) AS score
WHERE score > 0
RETURN c.id AS id, score
ORDER BY score DESC, id LIMIT $k`,
  keywordSearchTopic: `MATCH (t:Topic)
WITH t, reduce(s = 0, term IN $terms |
       s + CASE WHEN toLower(t.name) CONTAINS toLower(term) THEN 2 ELSE 0 END
         + CASE WHEN toLower(t.description) CONTAINS toLower(term) THEN 1 ELSE 0 END) AS score
WHERE score > 0
RETURN t.id AS id, score
ORDER BY score DESC, id LIMIT $k`,

  // ---- rules catalogue overrides ----
  listRuleOverrides: `MATCH (o:RuleOverride)
RETURN o.id AS id, o.ruleId AS ruleId, o.version AS version, o.params AS params, o.effectiveFrom AS effectiveFrom,
       o.reason AS reason, o.createdBy AS createdBy, o.createdAt AS createdAt
ORDER BY ruleId, version`,
  createRuleOverride: `MERGE (o:RuleOverride {id: $id})
  ON CREATE SET o.ruleId = $ruleId, o.version = $version, o.params = $params, o.effectiveFrom = $effectiveFrom,
                o.reason = $reason, o.createdBy = $createdBy, o.createdAt = $createdAt`,
  ruleOverrideById: `MATCH (o:RuleOverride {id: $id})
RETURN o.id AS id, o.ruleId AS ruleId, o.version AS version, o.params AS params, o.effectiveFrom AS effectiveFrom,
       o.reason AS reason, o.createdBy AS createdBy, o.createdAt AS createdAt`,
} as const;

/**
 * Take the write lock of one node before a write that reads and then writes around it (Neo4j runs
 * transactions concurrently at read-committed isolation, so a check made without the lock can be
 * stale by the time the write lands). SET takes the node's exclusive lock until the transaction ends;
 * a concurrent writer of the same node waits and then reads what the first one committed. Returns the
 * id, or no row when the node does not exist.
 */
export const LOCK = Object.fromEntries(
  (['Member', 'Course', 'Question', 'Meeting'] as const).map((l) => [l, `MATCH (n:${l} {id: $id}) SET n.writeSeq = coalesce(n.writeSeq, 0) + 1 RETURN n.id AS id`]),
) as Record<'Member' | 'Course' | 'Question' | 'Meeting', string>;

/** Which of $ids have no node of one label (a write checks this before it writes anything). */
export const MISSING: Record<NodeLabel, string> = Object.fromEntries(
  NODE_LABELS.map((l) => [l, `UNWIND $ids AS x WITH DISTINCT x WHERE NOT EXISTS { MATCH (:${l} {id: x}) } RETURN collect(x) AS missing`]),
) as Record<NodeLabel, string>;

function tagStatements(label: TaggedKind, rel: string) {
  return {
    /** Drops every tag of the item (the item itself is being rewritten). */
    deleteAll: `MATCH (:${label} {id: $id})-[r:${rel}]->(:Topic) DELETE r`,
    /** Drops the item's tags of one source (MANUAL or AUTO). */
    deleteBySource: `MATCH (:${label} {id: $id})-[r:${rel}]->(:Topic) WHERE r.source = $source DELETE r`,
    /** Drops AUTO tags on topics about to be tagged MANUAL (a manual tag replaces an automatic one). */
    deleteAutoFor: `MATCH (:${label} {id: $id})-[r:${rel}]->(t:Topic) WHERE r.source = 'AUTO' AND t.id IN $topicIds DELETE r`,
    /** Adds tags, skipping topics the item is already tagged with (so AUTO never shadows MANUAL). */
    create: `MATCH (n:${label} {id: $id})
UNWIND $tags AS tag
MATCH (t:Topic {id: tag.topicId})
WITH n, t, tag WHERE NOT EXISTS { MATCH (n)-[:${rel}]->(t) }
CREATE (n)-[:${rel} {weight: tag.weight, source: tag.source, confidence: tag.confidence}]->(t)`,
  };
}

/** Tag statements per tagged kind. */
export const TAG_Q = {
  Course: tagStatements('Course', TAG_RELS.Course),
  Question: tagStatements('Question', TAG_RELS.Question),
  Meeting: tagStatements('Meeting', TAG_RELS.Meeting),
} as const;

function embeddingStatements(label: EmbeddableKind) {
  return {
    meta: `MATCH (n:${label}) RETURN n.id AS id, n.embedderId AS embedderId, n.contentHash AS contentHash ORDER BY id`,
    set: `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
SET n.embedding = row.vector, n.embedderId = row.embedderId, n.contentHash = row.contentHash`,
    get: `UNWIND $ids AS x
MATCH (n:${label} {id: x}) WHERE n.embedding IS NOT NULL
RETURN n.id AS id, n.embedding AS vector, n.embedderId AS embedderId, n.contentHash AS contentHash`,
    /** How many nodes of the kind carry a vector, and of which dimension (null when none). */
    stats: `MATCH (n:${label}) WHERE n.embedding IS NOT NULL
RETURN count(n) AS vectors, min(size(n.embedding)) AS dimensions`,
    /**
     * Vectors of another dimension are dropped when an embedder of a new dimension takes over: every
     * vector of the kind may go, so in inner transactions (auto-commit only; idempotent, so retried).
     */
    dropOtherDimensions: `MATCH (n:${label}) WHERE n.embedding IS NOT NULL AND size(n.embedding) <> $dimensions
CALL (n) { REMOVE n.embedding, n.embedderId, n.contentHash } IN TRANSACTIONS OF ${VECTOR_DROP_BATCH} ROWS`,
    /** Exact cosine scan for when the kind has vectors but no index yet; same [0, 1] scale as the index. */
    scan: `MATCH (n:${label}) WHERE n.embedding IS NOT NULL
RETURN n.id AS id, vector.similarity.cosine(n.embedding, $vector) AS score
ORDER BY score DESC, id LIMIT $k`,
    embedders: `MATCH (n:${label}) WHERE n.embedderId IS NOT NULL RETURN DISTINCT n.embedderId AS embedderId ORDER BY embedderId`,
  };
}

/** Embedding statements per embeddable kind. */
export const EMBED_Q = {
  Topic: embeddingStatements('Topic'),
  Course: embeddingStatements('Course'),
  Question: embeddingStatements('Question'),
} as const;

export { VECTOR_INDEXES };
