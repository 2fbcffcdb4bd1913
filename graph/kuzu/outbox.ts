/**
 * The learning outbox on Kuzu (graph/event-batch.ts): an Outbox node per stored event still to apply
 * (written with the event, batch-events.ts), removed by `completeOutbox` in the same transaction that
 * writes the mastery rows (./mastery-state.ts) and gaps it produced. OutboxTally counts, per member, the
 * entries consumed: an exact tally of applied updates that survives restarts. The table holds only pending entries,
 * so listing it stays a scan of a few rows however long the server has run.
 */
import { notFound, outboxEntryApplied } from '../errors';
import type { OutboxCompletion, OutboxEntry } from '../event-batch';
import type { Gap } from '../model';
import type { KuzuExecutor, Runner } from './executor';
import { existingIds } from './guards';
import { KEYED_WRITES_MAX, keyedWrites } from './keyed';
import { writeMastery } from './mastery-state';
import { traceCount, tracing } from './write-trace';

/** Idempotent DDL, run by migrate() on every start (no schema version of its own). */
export const OUTBOX_DDL = [
  `CREATE NODE TABLE IF NOT EXISTS Outbox(key STRING PRIMARY KEY, kind STRING, eventId STRING, memberId STRING, at INT64)`,
  'CREATE NODE TABLE IF NOT EXISTS OutboxTally(memberId STRING PRIMARY KEY, applied INT64)',
];

// The completion's statements are bounded by the keys it touches (keyed.ts): up to `keyedWrites(ex, 600)`
// members (a completion has 8 by default; 0 at demo scale, 32 from 19,200 members) each member's rows are
// read, updated and created from one primary-key lookup of the member; the set forms below scan the Member
// table (and, with `MATCH (a {id: r.x}), (b {id: r.y})`, the cross product of the Member and Topic tables:
// 14 million tuples at 200,000 members) and remain for longer lists and small stores. The Outbox table holds only
// pending entries, so `consume` scans them once (a few hundred rows when the worker keeps up; thousands behind
// many members' answers, ~5–10 ms), deleting the completion's entries and returning which it found.
// UNWIND … MERGE on a key is not a lookup either (16 tallies among 200,000: 130–200 ms; a MERGE each ~1 ms).
const Q = {
  list: `MATCH (o:Outbox) RETURN o.key AS key, o.kind AS kind, o.eventId AS eventId, o.memberId AS memberId, o.at AS at
    ORDER BY o.at, o.key LIMIT $limit`,
  consume: 'MATCH (o:Outbox) WHERE o.key IN $keys WITH o, o.key AS key DELETE o RETURN key',
  // A gap that ends is cleared (reasons NULL), never deleted: see writeGaps.
  clearGaps: 'MATCH (m:Member)-[r:HAS_GAP]->(:Topic) WHERE m.id IN $ids AND r.reasons IS NOT NULL SET r.reasons = NULL',
  clearGapsOf: 'MATCH (m:Member {id: $memberId})-[r:HAS_GAP]->(:Topic) WHERE r.reasons IS NOT NULL SET r.reasons = NULL',
  addGaps: `UNWIND $rows AS r MATCH (m:Member {id: r.memberId}), (t:Topic {id: r.topicId})
    MERGE (m)-[g:HAS_GAP]->(t) SET g.severity = CAST(r.severity AS DOUBLE), g.reasons = r.reasons, g.updatedAt = r.updatedAt`,
  addGapsOf: `MATCH (m:Member {id: $memberId}) UNWIND $rows AS r MATCH (t:Topic {id: r.topicId})
    MERGE (m)-[g:HAS_GAP]->(t) SET g.severity = CAST(r.severity AS DOUBLE), g.reasons = r.reasons, g.updatedAt = r.updatedAt`,
  // All members of a completion in one statement (a statement per member was half of its round trips).
  tally: `UNWIND $rows AS r MERGE (t:OutboxTally {memberId: r.memberId}) ON CREATE SET t.applied = r.n ON MATCH SET t.applied = t.applied + r.n`,
  tallyOf: 'MERGE (t:OutboxTally {memberId: $memberId}) ON CREATE SET t.applied = $n ON MATCH SET t.applied = t.applied + $n',
  // Topics are a curriculum-sized table (72 rows at every scale loaded): one scan beats a lookup each.
  topics: 'MATCH (n:Topic) WHERE n.id IN $ids RETURN n.id AS id',
  tallies: 'MATCH (t:OutboxTally) RETURN t.memberId AS memberId, t.applied AS applied',
  talliesOf: 'MATCH (t:OutboxTally) WHERE t.memberId IN $ids RETURN t.memberId AS memberId, t.applied AS applied',
} as const;

export async function listOutbox(ex: KuzuExecutor, limit: number): Promise<OutboxEntry[]> {
  if (limit <= 0) return [];
  const rows = await ex.read(Q.list, { limit });
  return rows.map((r) => ({
    key: String(r.key),
    kind: r.kind as OutboxEntry['kind'],
    eventId: String(r.eventId),
    memberId: String(r.memberId),
    at: Number(r.at),
  }));
}

export async function completeOutbox(ex: KuzuExecutor, c: OutboxCompletion): Promise<number> {
  const keys = [...new Set(c.entries.map((e) => e.key))];
  if (keys.length === 0 && c.mastery.length === 0 && c.gaps.size === 0) return 0;
  const perMember = await keyedWrites(ex, 600);
  const applied = await ex.write(async (tx) => {
    if (keys.length) {
      // Consumed first: an entry already consumed (another pass, another process) fails the whole
      // transaction before any row is written, and the rollback restores the entries it did delete.
      const present = new Set((await tx.run(Q.consume, { keys })).map((r) => String(r.key)));
      const gone = keys.find((k) => !present.has(k));
      if (gone !== undefined) throw outboxEntryApplied(gone);
    }
    const members = [...new Set([...c.mastery.map((r) => r.memberId), ...c.gaps.keys()])];
    const topics = [...new Set([...c.mastery.map((r) => r.topicId), ...[...c.gaps.values()].flat().map((g) => g.topicId)])];
    if (members.length || topics.length) await requireEndpoints(tx, members, topics, perMember);
    if (c.mastery.length) await writeMastery(tx, c.mastery, perMember);
    if (c.gaps.size) await writeGaps(tx, c.gaps, perMember);
    if (keys.length) {
      const counts = new Map<string, number>();
      const byKey = new Map(c.entries.map((e) => [e.key, e.memberId]));
      for (const k of keys) counts.set(byKey.get(k)!, (counts.get(byKey.get(k)!) ?? 0) + 1);
      if (counts.size <= perMember) for (const [memberId, n] of counts) await tx.run(Q.tallyOf, { memberId, n });
      else await tx.run(Q.tally, { rows: [...counts].map(([memberId, n]) => ({ memberId, n })) });
    }
    return keys.length;
  }, BACKGROUND);
  if (tracing) traceCount('outbox entries applied', applied);
  return applied;
}

/** Throw NOT_FOUND naming the first member, then the first topic, that does not exist. */
async function requireEndpoints(tx: Runner, members: string[], topics: string[], perMember: number): Promise<void> {
  const found = await existingIds(tx, 'Member', members, perMember);
  const member = members.find((id) => !found.has(id));
  if (member !== undefined) throw notFound('Member', member);
  const has = new Set(topics.length ? (await tx.run(Q.topics, { ids: topics })).map((r) => String(r.id)) : []);
  const topic = topics.find((id) => !has.has(id));
  if (topic !== undefined) throw notFound('Topic', topic);
}

/** Outbox and summary writes: no request waits for them, so queued request writes go first (mutex.ts). */
export const BACKGROUND = { background: true } as const;

/** A DOUBLE for an UNWIND row: as text, cast back in the statement (see Q); String() round-trips exactly. */
export const dbl = (x: number): string => String(x);

/** Run a `$memberId` + `$rows` statement once per member of `rows` (in first-seen order), its rows without the member id. */
async function ofEachMember(tx: Runner, query: string, rows: ({ memberId: string } & Record<string, string | number | boolean>)[]): Promise<void> {
  const byMember = new Map<string, Record<string, string | number | boolean>[]>();
  for (const { memberId, ...rest } of rows) {
    const list = byMember.get(memberId);
    if (list) list.push(rest);
    else byMember.set(memberId, [rest]);
  }
  for (const [memberId, list] of byMember) {
    for (let i = 0; i < list.length; i += UNWIND_ROWS) await tx.run(query, { memberId, rows: list.slice(i, i + UNWIND_ROWS) });
  }
}

/**
 * Rows per UNWIND statement. The binding converts a list parameter on the event loop, and the cost
 * per row grows with the list (measured, loaded machine: 200 rows ~0.1 ms a row and ~20 ms of
 * blocked event loop; 3,200 rows 0.4 ms a row and 250 ms blocked), so long lists go in slices.
 */
export const UNWIND_ROWS = 250;

/** Run an UNWIND $rows statement over `rows` in slices; returns the sum of its `n` column, if any. */
export async function unwound(tx: Runner, query: string, rows: Record<string, string | number | boolean>[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += UNWIND_ROWS) n += Number((await tx.run(query, { rows: rows.slice(i, i + UNWIND_ROWS) }))[0]?.n ?? 0);
  return n;
}

/**
 * Replace every gap of each listed member (one row per topic), inside the caller's transaction: per
 * member by its key up to `oneByOne` members, else with statements over all of them.
 *
 * A member's HAS_GAP edges are never deleted: the member's gaps are cleared (reasons set to NULL; every read
 * of HAS_GAP skips those) and the current ones written over them, one edge per member and topic at most.
 * Kuzu 0.11 (its last release) loses edges when a checkpoint follows deletes that left a region of a rel
 * table empty (the edges of 1,024 neighbouring members: the last gaps there resolved): a forward-only
 * table loses every edge of the node group, one stored both ways loses its backward lists (found by a
 * probe and by ./forward-rels.test.ts). Updates in place do not.
 */
export async function writeGaps(tx: Runner, gaps: ReadonlyMap<string, Gap[]>, oneByOne = KEYED_WRITES_MAX): Promise<void> {
  const perMember = gaps.size <= oneByOne;
  if (perMember) for (const memberId of gaps.keys()) await tx.run(Q.clearGapsOf, { memberId });
  else await tx.run(Q.clearGaps, { ids: [...gaps.keys()] });
  const rows = [...gaps].flatMap(([memberId, list]) =>
    [...new Map(list.map((g) => [g.topicId, g])).values()].map((g) => ({
      memberId,
      topicId: g.topicId,
      severity: dbl(g.severity),
      reasons: JSON.stringify(g.reasons),
      updatedAt: g.updatedAt,
    })),
  );
  if (perMember) await ofEachMember(tx, Q.addGapsOf, rows);
  else await unwound(tx, Q.addGaps, rows);
}

export async function outboxAppliedCounts(ex: KuzuExecutor, memberIds?: string[]): Promise<Map<string, number>> {
  if (memberIds && memberIds.length === 0) return new Map();
  const rows = memberIds ? await ex.read(Q.talliesOf, { ids: [...new Set(memberIds)] }) : await ex.read(Q.tallies);
  return new Map(rows.map((r) => [String(r.memberId), Number(r.applied)]));
}
