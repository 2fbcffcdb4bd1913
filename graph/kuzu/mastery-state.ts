/**
 * Mastery on Kuzu: one MasteryState node per member (schema version 9), its rows as three aligned lists
 * (topic ids, p, updatedAt; written in topic order). The learner model moves every topic of a member
 * with each answer (its features are member-wide: recency, averages), so the outbox rewrote a member's
 * whole set of rows per answer. As MASTERY edges that was one edge update per subtopic (about 70): under
 * exam load with many different members answering, half of the outbox's writer time. As one node it is
 * one lookup and one SET per member. The store interface is unchanged: readers get the same rows, in
 * topic order, and `upsertMastery` still replaces only the rows it names. Neo4j keeps MASTERY relationships
 * (graph/neo4j/queries.ts), where a relationship MERGE is an index lookup.
 */
import type { ExclusiveRunner, Row, Runner } from './executor';
import { KEYED_WRITES_MAX } from './keyed';
import { toMastery } from './mapping';

export const MASTERY_STATE_DDL = 'CREATE NODE TABLE IF NOT EXISTS MasteryState(memberId STRING PRIMARY KEY, topics STRING[], ps DOUBLE[], ats INT64[])';

/** Rows out of a member's lists (Kuzu lists are 1-based), as the MASTERY reads returned them. */
const ROWS = 'UNWIND range(1, size(s.topics)) AS i';
export const MASTERY_READS = {
  many: `MATCH (s:MasteryState) WHERE s.memberId IN $ids ${ROWS}
    RETURN s.memberId AS memberId, s.topics[i] AS topicId, s.ps[i] AS p, s.ats[i] AS updatedAt ORDER BY topicId`,
  one: `MATCH (s:MasteryState {memberId: $id}) ${ROWS}
    RETURN s.memberId AS memberId, s.topics[i] AS topicId, s.ps[i] AS p, s.ats[i] AS updatedAt ORDER BY topicId`,
  /** The mastery part of learner.ts's `learnerRows` union (kind M: id = topic, p, at = updatedAt). */
  learnerPart: `MATCH (s:MasteryState {memberId: $id}) ${ROWS}
      RETURN 'M' AS kind, s.topics[i] AS id, s.ps[i] AS p, s.ats[i] AS at, '' AS text, 0 AS minutesPerWeek, 0 AS weeks, 0 AS startsAt`,
} as const;

// DOUBLE lists travel as text and are cast back: the binding types a list by its first element, so a
// whole number before a fraction (p: 1, then 0.4) would arrive as an INT64 list.
const W = {
  stateOf: 'MATCH (s:MasteryState {memberId: $id}) RETURN s.memberId AS memberId, s.topics AS topics, s.ps AS ps, s.ats AS ats',
  states: 'MATCH (s:MasteryState) WHERE s.memberId IN $ids RETURN s.memberId AS memberId, s.topics AS topics, s.ps AS ps, s.ats AS ats',
  setOf: 'MATCH (s:MasteryState {memberId: $memberId}) SET s.topics = $topics, s.ps = CAST($ps AS DOUBLE[]), s.ats = $ats',
  addOf: 'CREATE (:MasteryState {memberId: $memberId, topics: $topics, ps: CAST($ps AS DOUBLE[]), ats: $ats})',
  // Over many members (a recompute of everyone): the MasteryState scan is shared by the list.
  set: `UNWIND $rows AS r MATCH (s:MasteryState) WHERE s.memberId = r.memberId
    SET s.topics = r.topics, s.ps = CAST(r.ps AS DOUBLE[]), s.ats = r.ats`,
  add: 'UNWIND $rows AS r CREATE (:MasteryState {memberId: r.memberId, topics: r.topics, ps: CAST(r.ps AS DOUBLE[]), ats: r.ats})',
} as const;

type MasteryRow = { memberId: string; topicId: string; p: number; updatedAt: number };
type Packed = { memberId: string; topics: string[]; ps: string[]; ats: number[] };

/** Strings by code point (UTF-8 byte order), as Kuzu's ORDER BY compares them. */
export const byCodePoint = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Members per statement of the set forms (the binding converts a list parameter on the event loop). */
const SET_ROWS = 100;

/**
 * Upsert mastery rows (the last row per member and topic wins; a member's other topics keep theirs)
 * inside the caller's transaction. Each member's stored lists are read, merged with its rows and
 * written back: up to `oneByOne` members one lookup and one SET (or CREATE) each, beyond that
 * statements over all of them.
 */
export async function writeMastery(tx: Runner, rows: MasteryRow[], oneByOne: number = KEYED_WRITES_MAX): Promise<void> {
  const byMember = new Map<string, Map<string, MasteryRow>>();
  for (const r of rows) {
    const m = byMember.get(r.memberId) ?? new Map<string, MasteryRow>();
    m.set(r.topicId, r);
    byMember.set(r.memberId, m);
  }
  if (byMember.size === 0) return;
  const ids = [...byMember.keys()];
  const perMember = ids.length <= oneByOne;
  const stored: Row[] = [];
  if (perMember) for (const id of ids) stored.push(...(await tx.run(W.stateOf, { id })));
  else stored.push(...(await tx.run(W.states, { ids })));
  const before = new Map(stored.map((s) => [String(s.memberId), s]));
  const set: Packed[] = [];
  const add: Packed[] = [];
  for (const [memberId, mine] of byMember) {
    const s = before.get(memberId);
    const merged = new Map<string, { p: number; at: number }>();
    if (s) {
      const topics = s.topics as string[];
      const ps = s.ps as number[];
      const ats = s.ats as number[];
      for (let i = 0; i < topics.length; i++) merged.set(topics[i], { p: Number(ps[i]), at: Number(ats[i]) });
    }
    for (const r of mine.values()) merged.set(r.topicId, { p: r.p, at: r.updatedAt });
    const topics = [...merged.keys()].sort(byCodePoint);
    (s ? set : add).push({ memberId, topics, ps: topics.map((t) => String(merged.get(t)!.p)), ats: topics.map((t) => merged.get(t)!.at) });
  }
  if (perMember) {
    for (const x of set) await tx.run(W.setOf, x);
    for (const x of add) await tx.run(W.addOf, x);
    return;
  }
  for (let i = 0; i < set.length; i += SET_ROWS) await tx.run(W.set, { rows: set.slice(i, i + SET_ROWS) });
  for (let i = 0; i < add.length; i += SET_ROWS) await tx.run(W.add, { rows: add.slice(i, i + SET_ROWS) });
}

/** Members per page of migration 9 (their edges read, their nodes created, then the next page). */
const MIGRATE_PAGE = 1000;

/**
 * Version 9: MASTERY edges become MasteryState nodes, one per member, a page of members at a time (memory
 * stays bounded at any scale). Safe to run again after a failure part way: a partial copy is cleared first.
 * (Not COPY from a query with `list_transform`: Kuzu 0.11 mixes the lists of different rows there.)
 */
export async function v9MasteryState(r: ExclusiveRunner): Promise<void> {
  await r.raw(MASTERY_STATE_DDL);
  const tables = await r.raw('CALL SHOW_TABLES() RETURN name');
  if (!tables.some((t) => t.name === 'MASTERY')) return;
  await r.raw('MATCH (s:MasteryState) DELETE s');
  const ids = (await r.raw('MATCH (m:Member)-[:MASTERY]->(:Topic) RETURN DISTINCT m.id AS id')).map((x) => String(x.id)).sort();
  for (let i = 0; i < ids.length; i += MIGRATE_PAGE) {
    const rows = await r.run('MATCH (m:Member)-[e:MASTERY]->(t:Topic) WHERE m.id IN $ids RETURN m.id AS memberId, t.id AS topicId, e.p AS p, e.updatedAt AS updatedAt', {
      ids: ids.slice(i, i + MIGRATE_PAGE),
    });
    // The page's members have no node yet: each is created with its rows, as any first write creates it.
    await writeMastery(r, rows.map(toMastery), 0);
  }
  await r.raw('DROP TABLE MASTERY');
}
