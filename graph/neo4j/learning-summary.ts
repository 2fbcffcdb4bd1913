/**
 * Maintained learning summaries on Neo4j (graph/learning-summary.ts): a MemberLearning node per member and
 * a BranchLearning node per branch (`id` = the member's / branch's id, unique by constraint).
 *
 * Concurrency: writers run concurrently. A save first SETs `lockedAt` on each affected branch node in id
 * order (MERGE under the uniqueness constraint, then a write lock held to the end of the transaction), and
 * only then reads the branch's member rows and writes the member rows and the sums. A second
 * writer of the same branch waits for that lock, and once it holds it reads the first writer's committed
 * member rows, so the last writer's sums include every committed row: a branch row never misses a
 * concurrent member update. Branches are locked in sorted order, so two saves cannot deadlock on them.
 */
import { sumBranchLearning, type BranchLearning, type MemberLearning } from '../learning-summary';
import type { Executor, Tx } from './executor';
import { requireIds } from './guards';
import { int, toBranchLearning, toMemberLearning } from './mapping';

export const LEARNING_Q = {
  branchesOf: `MATCH (s:MemberLearning) WHERE s.id IN $ids
RETURN DISTINCT s.branchId AS branchId`,
  upsertMembers: `UNWIND $rows AS row
MERGE (s:MemberLearning {id: row.memberId})
SET s.branchId = row.branchId, s.stage = row.stage, s.asOf = row.asOf, s.areaMilli = row.areaMilli,
  s.required = row.required, s.met = row.met, s.bands = row.bands, s.gaps = row.gaps`,
  deleteMembers: `MATCH (s:MemberLearning) WHERE s.id IN $ids
DELETE s`,
  lockBranches: `UNWIND $branchIds AS bid
MERGE (b:BranchLearning {id: bid})
SET b.lockedAt = $now`,
  membersOfBranches: `MATCH (s:MemberLearning) WHERE s.branchId IN $branchIds
RETURN s.id AS memberId, s.branchId AS branchId, s.stage AS stage, s.asOf AS asOf, s.areaMilli AS areaMilli,
  s.required AS required, s.met AS met, s.bands AS bands, s.gaps AS gaps`,
  writeBranches: `UNWIND $rows AS row
MATCH (b:BranchLearning {id: row.branchId})
SET b.asOf = row.asOf, b.members = row.members, b.areaMilli = row.areaMilli, b.required = row.required, b.met = row.met,
  b.bands = row.bands, b.gaps = row.gaps, b.membersWithGaps = row.membersWithGaps`,
  dropEmptyBranches: `MATCH (b:BranchLearning) WHERE b.id IN $branchIds AND b.members IS NULL
DELETE b`,
  clearBranches: `MATCH (b:BranchLearning) WHERE b.id IN $branchIds
SET b.members = null`,
  branches: `MATCH (b:BranchLearning) WHERE b.id IN $branchIds AND b.members IS NOT NULL
RETURN b.id AS branchId, b.asOf AS asOf, b.members AS members, b.areaMilli AS areaMilli, b.required AS required,
  b.met AS met, b.bands AS bands, b.gaps AS gaps, b.membersWithGaps AS membersWithGaps`,
  stale: `MATCH (m:Member)-[:BELONGS_TO]->(b:Branch)
OPTIONAL MATCH (s:MemberLearning {id: m.id})
WITH m, b, s WHERE s IS NULL OR s.asOf < $asOf OR s.branchId <> b.id OR s.stage <> m.stage
RETURN m.id AS id ORDER BY id LIMIT $limit`,
  orphans: `MATCH (s:MemberLearning) WHERE NOT EXISTS { MATCH (:Member {id: s.id}) }
RETURN s.id AS memberId LIMIT $limit`,
} as const;

const memberParam = (r: MemberLearning) => ({
  memberId: r.memberId,
  branchId: r.branchId,
  stage: r.stage,
  asOf: int(r.asOf),
  areaMilli: r.areaMilli.map(int),
  required: int(r.required),
  met: int(r.met),
  bands: r.bands.map(int),
  gaps: int(r.gaps),
});

/**
 * Replace the rows of `written` members and remove those of `removed` ones, and rewrite every branch
 * concerned: lock the branch rows (sorted), read their members' rows, then write members and sums.
 */
async function applyRows(tx: Tx, written: MemberLearning[], removed: string[]): Promise<void> {
  const ids = [...written.map((r) => r.memberId), ...removed];
  const before = (await tx.rows<{ branchId: string }>(LEARNING_Q.branchesOf, { ids })).map((r) => String(r.branchId));
  const branchIds = [...new Set([...before, ...written.map((r) => r.branchId)])].sort();
  await tx.write(LEARNING_Q.lockBranches, { branchIds, now: int(Date.now()) });
  const gone = new Set(ids);
  const kept = (await tx.rows(LEARNING_Q.membersOfBranches, { branchIds })).map(toMemberLearning).filter((r) => !gone.has(r.memberId));
  if (removed.length) await tx.write(LEARNING_Q.deleteMembers, { ids: removed });
  if (written.length) await tx.write(LEARNING_Q.upsertMembers, { rows: written.map(memberParam) });
  const all = [...kept, ...written];
  const sums = branchIds
    .map((id) =>
      sumBranchLearning(
        id,
        all.filter((r) => r.branchId === id),
      ),
    )
    .filter((x): x is BranchLearning => x !== null);
  await tx.write(LEARNING_Q.clearBranches, { branchIds });
  if (sums.length) {
    await tx.write(LEARNING_Q.writeBranches, {
      rows: sums.map((x) => ({
        branchId: x.branchId,
        asOf: int(x.asOf),
        members: int(x.members),
        areaMilli: x.areaMilli.map(int),
        required: int(x.required),
        met: int(x.met),
        bands: x.bands.map(int),
        gaps: int(x.gaps),
        membersWithGaps: int(x.membersWithGaps),
      })),
    });
  }
  await tx.write(LEARNING_Q.dropEmptyBranches, { branchIds });
}

export async function saveMemberLearning(ex: Executor, rows: MemberLearning[]): Promise<void> {
  const latest = [...new Map(rows.map((r) => [r.memberId, r])).values()].sort((a, b) => a.memberId.localeCompare(b.memberId));
  if (!latest.length) return;
  await ex.write(async (tx) => {
    await requireIds(
      tx,
      'Member',
      latest.map((r) => r.memberId),
    );
    await applyRows(tx, latest, []);
  });
}

export async function getBranchLearning(ex: Executor, branchIds: string[]): Promise<Map<string, BranchLearning>> {
  if (!branchIds.length) return new Map();
  const rows = await ex.read((tx) => tx.rows(LEARNING_Q.branches, { branchIds: [...new Set(branchIds)] }));
  return new Map(rows.map((r) => [String(r.branchId), toBranchLearning(r)]));
}

export async function listStaleMemberLearning(ex: Executor, asOf: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const orphans = (await ex.read((tx) => tx.rows<{ memberId: string }>(LEARNING_Q.orphans, { limit: int(10_000) }))).map((r) => String(r.memberId));
  if (orphans.length) await ex.write((tx) => applyRows(tx, [], orphans));
  const rows = await ex.read((tx) => tx.rows<{ id: string }>(LEARNING_Q.stale, { asOf: int(asOf), limit: int(limit) }));
  return rows.map((r) => String(r.id));
}
