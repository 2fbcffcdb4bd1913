/**
 * Maintained learning summaries on Kuzu (graph/learning-summary.ts): a MemberLearning row per member and a
 * BranchLearning row per branch, the branch rows rewritten from their members' rows in the transaction that
 * writes those (Kuzu admits one writer, so no two writers interleave).
 *
 * The rows' number lists (per-area mastery, mastery bands) are stored as text, `"812,0,455"` (schema version
 * 13, ./summary-text.ts): the daily refresh rewrites every member's row, and Kuzu 0.11 checkpoints list columns
 * many times more slowly than text.
 */
import { notFound } from '../errors';
import { sumBranchLearning, type BranchLearning, type MemberLearning } from '../learning-summary';
import type { KuzuExecutor, Row, Runner } from './executor';
import { requireIds } from './guards';
import { keyedWrites } from './keyed';
import { BACKGROUND } from './outbox';
import { toBranchLearning as branchOf, toMemberLearning as memberOf } from './mapping';
import { packCounts, unpackCounts } from './summary-text';

const toMemberLearning = (r: Row): MemberLearning => memberOf({ ...r, areaMilli: unpackCounts(r.areaMilli), bands: unpackCounts(r.bands) });
const toBranchLearning = (r: Row): BranchLearning => branchOf({ ...r, areaMilli: unpackCounts(r.areaMilli), bands: unpackCounts(r.bands) });

/** Schema version 6 (graph/kuzu/schema.ts). */
export const LEARNING_SUMMARY_DDL = [
  `CREATE NODE TABLE IF NOT EXISTS MemberLearning(memberId STRING PRIMARY KEY, branchId STRING, stage STRING, asOf INT64,
     areaMilli INT64[], required INT64, met INT64, bands INT64[], gaps INT64)`,
  `CREATE NODE TABLE IF NOT EXISTS BranchLearning(branchId STRING PRIMARY KEY, asOf INT64, members INT64, areaMilli INT64[],
     required INT64, met INT64, bands INT64[], gaps INT64, membersWithGaps INT64)`,
];

const MEMBER_COLS =
  's.memberId AS memberId, s.branchId AS branchId, s.stage AS stage, s.asOf AS asOf, s.areaMilliText AS areaMilli, s.required AS required, s.met AS met, s.bandsText AS bands, s.gaps AS gaps';

const Q = {
  branchesOf: 'MATCH (s:MemberLearning) WHERE s.memberId IN $ids RETURN DISTINCT s.branchId AS branchId',
  // A member by key and its row's branch, if it has a row: two primary-key lookups in one statement.
  placeOf: 'MATCH (m:Member {id: $id}) OPTIONAL MATCH (s:MemberLearning {memberId: $id}) RETURN m.id AS id, s.branchId AS branchId',
  deleteMembers: 'MATCH (s:MemberLearning) WHERE s.memberId IN $ids DELETE s',
  // Rows are updated in place (MERGE … SET): Kuzu 0.11 can return a stale duplicate when a transaction
  // scans a table after deleting and re-creating a row in it, so nothing here deletes and re-creates.
  upsertMember: `MERGE (s:MemberLearning {memberId: $memberId}) SET s.branchId = $branchId, s.stage = $stage, s.asOf = $asOf,
    s.areaMilliText = $areaMilli, s.required = $required, s.met = $met, s.bandsText = $bands, s.gaps = $gaps`,
  upsertMembers: `UNWIND $rows AS r MERGE (s:MemberLearning {memberId: r.memberId}) SET s.branchId = r.branchId, s.stage = r.stage,
    s.asOf = r.asOf, s.areaMilliText = r.areaMilli, s.required = r.required, s.met = r.met, s.bandsText = r.bands, s.gaps = r.gaps`,
  membersOfBranches: `MATCH (s:MemberLearning) WHERE s.branchId IN $branchIds RETURN ${MEMBER_COLS}`,
  deleteBranches: 'MATCH (b:BranchLearning) WHERE b.branchId IN $branchIds DELETE b',
  upsertBranch: `MERGE (b:BranchLearning {branchId: $branchId}) SET b.asOf = $asOf, b.members = $members, b.areaMilliText = $areaMilli,
    b.required = $required, b.met = $met, b.bandsText = $bands, b.gaps = $gaps, b.membersWithGaps = $membersWithGaps`,
  upsertBranches: `UNWIND $rows AS r MERGE (b:BranchLearning {branchId: r.branchId}) SET b.asOf = r.asOf, b.members = r.members,
    b.areaMilliText = r.areaMilli, b.required = r.required, b.met = r.met, b.bandsText = r.bands, b.gaps = r.gaps, b.membersWithGaps = r.membersWithGaps`,
  branches: `MATCH (b:BranchLearning) WHERE b.branchId IN $branchIds RETURN b.branchId AS branchId, b.asOf AS asOf, b.members AS members,
    b.areaMilliText AS areaMilli, b.required AS required, b.met AS met, b.bandsText AS bands, b.gaps AS gaps, b.membersWithGaps AS membersWithGaps`,
  // The stale listing compares two scans in memory (20,000 rows each at medium scale) rather than joining on a
  // property, which Kuzu may evaluate as a cross product.
  memberPlaces: 'MATCH (m:Member)-[:BELONGS_TO]->(b:Branch) RETURN m.id AS id, m.stage AS stage, b.id AS branchId',
  rowPlaces: 'MATCH (s:MemberLearning) RETURN s.memberId AS memberId, s.branchId AS branchId, s.stage AS stage, s.asOf AS asOf',
} as const;

/** Rows per UNWIND statement (a bounded parameter). */
const UNWIND_ROWS = 500;

/** Upsert rows (their lists packed as text) with one UNWIND statement per UNWIND_ROWS rows. */
async function upsertRows<R extends { areaMilli: number[]; bands: number[] }>(tx: Runner, many: string, one: string, rows: R[], oneByOne = 0): Promise<void> {
  const stored = rows.map((r) => ({ ...r, areaMilli: packCounts(r.areaMilli), bands: packCounts(r.bands) }));
  // Up to `oneByOne` rows go one MERGE each: UNWIND … MERGE joins the list to the whole table (16 member rows
  // among 200,000: 55–85 ms; one MERGE on the key ~1.5 ms). Branch tables are small (one row per branch).
  if (stored.length <= oneByOne) {
    for (const r of stored) await tx.run(one, r);
    return;
  }
  for (let i = 0; i < stored.length; i += UNWIND_ROWS) await tx.run(many, { rows: stored.slice(i, i + UNWIND_ROWS) });
}

/**
 * Replace the rows of `written` members and remove those of `removed` ones, then rewrite the rows of every
 * branch concerned from its members' rows (read before any write of the transaction, merged in memory).
 */
async function applyRows(tx: Runner, written: MemberLearning[], removed: string[], knownBefore?: string[], oneByOne = 0): Promise<void> {
  const ids = [...written.map((r) => r.memberId), ...removed];
  const before = knownBefore ?? (await tx.run(Q.branchesOf, { ids })).map((r) => String(r.branchId));
  const branchIds = [...new Set([...before, ...written.map((r) => r.branchId)])].sort();
  const gone = new Set(ids);
  const kept = (await tx.run(Q.membersOfBranches, { branchIds })).map(toMemberLearning).filter((r) => !gone.has(r.memberId));
  if (removed.length) await tx.run(Q.deleteMembers, { ids: removed });
  await upsertRows(tx, Q.upsertMembers, Q.upsertMember, written, oneByOne);
  const rows = [...kept, ...written];
  const empty: string[] = [];
  const sums: BranchLearning[] = [];
  for (const id of branchIds) {
    const b = sumBranchLearning(
      id,
      rows.filter((r) => r.branchId === id),
    );
    if (b) sums.push(b);
    else empty.push(id);
  }
  await upsertRows(tx, Q.upsertBranches, Q.upsertBranch, sums);
  if (empty.length) await tx.run(Q.deleteBranches, { branchIds: empty });
}

export async function saveMemberLearning(ex: KuzuExecutor, rows: MemberLearning[]): Promise<void> {
  const latest = [...new Map(rows.map((r) => [r.memberId, r])).values()];
  if (!latest.length) return;
  const few = await keyedWrites(ex, 2_500);
  await ex.write(async (tx) => {
    const ids = latest.map((r) => r.memberId);
    if (ids.length > few) {
      await requireIds(tx, 'Member', ids);
      await applyRows(tx, latest, []);
      return;
    }
    // A few members of a large store (keyed.ts): each one's existence and current row's branch with one
    // statement on its keys (the set forms scan the Member and MemberLearning tables: 200,000 rows each at large scale).
    const before: string[] = [];
    for (const id of ids) {
      const place = (await tx.run(Q.placeOf, { id }))[0];
      if (!place) throw notFound('Member', id);
      if (place.branchId !== null && place.branchId !== undefined) before.push(String(place.branchId));
    }
    await applyRows(tx, latest, [], before, few);
  }, BACKGROUND);
}

export async function getBranchLearning(ex: KuzuExecutor, branchIds: string[]): Promise<Map<string, BranchLearning>> {
  if (!branchIds.length) return new Map();
  const rows = await ex.read(Q.branches, { branchIds: [...new Set(branchIds)] });
  return new Map(rows.map((r) => [String(r.branchId), toBranchLearning(r)]));
}

export async function listStaleMemberLearning(ex: KuzuExecutor, asOf: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const [members, rows] = await ex.readMany(async (r) => [await r.run(Q.memberPlaces), await r.run(Q.rowPlaces)]);
  const place = new Map(members.map((m) => [String(m.id), { stage: String(m.stage), branchId: String(m.branchId) }]));
  const orphans = rows.map((r) => String(r.memberId)).filter((id) => !place.has(id));
  if (orphans.length) await ex.write((tx) => applyRows(tx, [], orphans));
  const row = new Map(rows.map((r) => [String(r.memberId), r]));
  const stale = [...place]
    .filter(([id, m]) => {
      const r = row.get(id);
      return !r || Number(r.asOf) < asOf || String(r.branchId) !== m.branchId || String(r.stage) !== m.stage;
    })
    .map(([id]) => id);
  return stale.sort().slice(0, limit);
}
