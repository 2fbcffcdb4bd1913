/**
 * Members: BELONGS_TO {role, since} a Branch, optionally IN_GROUP {leftAt} a Group (leftAt set: left, not
 * deleted); moves leave Transfer nodes.
 */
import { alreadyExists, notFound, transferIdReused } from '../errors';
import type { Member, Page, Transfer } from '../model';
import type { MemberFilter, MemberPatch, MoveMember, NewMember } from '../store';
import type { KuzuExecutor, Params, Row, Runner } from './executor';
import { exists, requireIds } from './guards';
import { KEYED_LOOKUPS_MAX } from './keyed';
import { inIdOrder, MEMBER_COLUMNS, toMember, toTransfer } from './mapping';

const FILTER = `(NOT $useBranches OR b.id IN $branchIds) AND (NOT $useCommittees OR c.id IN $committeeIds)
  AND (NOT $useStages OR m.stage IN $stages) AND (NOT $useKinds OR m.kind IN $kinds)
  AND (NOT $useRoles OR m.role IN $roles) AND ($name = '' OR m.name CONTAINS $name)`;
const TRANSFER_COLUMNS = `t.id AS id, t.memberId AS memberId, t.kind AS kind, t.fromBranchId AS fromBranchId,
  t.toBranchId AS toBranchId, t.at AS at, t.reason AS reason`;

const Q = {
  byIds: `MATCH (m:Member)-[bt:BELONGS_TO]->(b:Branch) WHERE m.id IN $ids
    OPTIONAL MATCH (m)-[ig:IN_GROUP]->(g:\`Group\`) WHERE ig.leftAt IS NULL RETURN ${MEMBER_COLUMNS}`,
  // One member by key, in two lookups: with the OPTIONAL MATCH in the same statement Kuzu 0.11 joins
  // against the whole IN_GROUP and Group tables.
  byId: `MATCH (m:Member {id: $id})-[bt:BELONGS_TO]->(b:Branch) RETURN ${MEMBER_COLUMNS.replace('g.id AS groupId', "'' AS groupId")}`,
  groupOf: 'MATCH (:Member {id: $id})-[ig:IN_GROUP]->(g:`Group`) WHERE ig.leftAt IS NULL RETURN g.id AS groupId',
  page: `MATCH (m:Member)-[bt:BELONGS_TO]->(b:Branch)-[:UNDER]->(c:Committee) WHERE m.id > $after AND ${FILTER}
    OPTIONAL MATCH (m)-[ig:IN_GROUP]->(g:\`Group\`) WHERE ig.leftAt IS NULL RETURN ${MEMBER_COLUMNS} ORDER BY m.id LIMIT $limit`,
  count: `MATCH (m:Member)-[bt:BELONGS_TO]->(b:Branch)-[:UNDER]->(c:Committee) WHERE ${FILTER} RETURN count(m) AS n`,
  create: `MATCH (b:Branch {id: $branchId})
    CREATE (m:Member {id: $id, name: $name, kind: $kind, stage: $stage, role: $role, stageSince: $stageSince,
      phone: $phone, idNumber: $idNumber, createdAt: $now, updatedAt: $now})-[:BELONGS_TO {role: $role, since: $since}]->(b)`,
  update: `MATCH (m:Member {id: $id})-[bt:BELONGS_TO]->(:Branch)
    SET m.name = $name, m.kind = $kind, m.stage = $stage, m.role = $role, m.stageSince = $stageSince,
      m.phone = $phone, m.idNumber = $idNumber, m.updatedAt = $now, bt.role = $role`,
  // Leaving a group stamps the edge (leftAt), never deletes it: see graph/kuzu/README.md (deleting edges).
  dropGroup: 'MATCH (m:Member {id: $id})-[r:IN_GROUP]->(:`Group`) WHERE r.leftAt IS NULL SET r.leftAt = $at',
  setGroup: 'MATCH (m:Member {id: $id}), (g:`Group` {id: $groupId}) MERGE (m)-[r:IN_GROUP]->(g) SET r.leftAt = NULL',
  dropBelongs: 'MATCH (m:Member {id: $id})-[r:BELONGS_TO]->(:Branch) DELETE r',
  belong: `MATCH (m:Member {id: $id}), (b:Branch {id: $branchId})
    CREATE (m)-[:BELONGS_TO {role: $role, since: $since}]->(b) SET m.updatedAt = $since`,
  transferById: `MATCH (t:Transfer {id: $id}) RETURN ${TRANSFER_COLUMNS}`,
  createTransfer: `MATCH (m:Member {id: $memberId})
    CREATE (m)-[:TRANSFERRED]->(:Transfer {id: $id, memberId: $memberId, kind: $kind, fromBranchId: $fromBranchId,
      toBranchId: $toBranchId, at: $at, reason: $reason})`,
  transfersOf: `MATCH (:Member {id: $id})-[:TRANSFERRED]->(t:Transfer) RETURN ${TRANSFER_COLUMNS} ORDER BY t.at, t.id`,
} as const;

/** Parameters of FILTER; lists are never empty (the binding cannot take empty lists), flags say which apply. */
export function memberFilterParams(f: MemberFilter): Params {
  const list = (xs: string[] | undefined) => (xs?.length ? xs : ['']);
  return {
    useBranches: f.branchIds !== undefined,
    branchIds: list(f.branchIds),
    useCommittees: f.committeeIds !== undefined,
    committeeIds: list(f.committeeIds),
    useStages: f.stages !== undefined,
    stages: list(f.stages),
    useKinds: f.kinds !== undefined,
    kinds: list(f.kinds),
    useRoles: f.roles !== undefined,
    roles: list(f.roles),
    name: f.nameContains ?? '',
  };
}

export class MemberQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  /**
   * `tx`: read inside that write transaction (one connection, lookups in turn). Without it the two lookups
   * of a member run at once on two pooled read connections, so a lone member (the viewer of a request) costs
   * one lookup's wait instead of two.
   */
  async getMembersByIds(ids: string[], tx?: Runner): Promise<Member[]> {
    if (ids.length === 0) return [];
    const r: Runner = tx ?? { run: (q, p) => this.ex.read(q, p) };
    const distinct = [...new Set(ids)];
    if (distinct.length > KEYED_LOOKUPS_MAX) return inIdOrder(ids, (await r.run(Q.byIds, { ids: distinct })).map(toMember));
    const found: Member[] = [];
    for (const id of distinct) {
      let row: Row | undefined;
      let group: Row | undefined;
      if (tx) {
        [row] = await r.run(Q.byId, { id });
        if (row) [group] = await r.run(Q.groupOf, { id });
      } else [[row], [group]] = await Promise.all([r.run(Q.byId, { id }), r.run(Q.groupOf, { id })]);
      if (!row) continue;
      found.push(toMember({ ...row, groupId: group?.groupId ?? null }));
    }
    return inIdOrder(ids, found);
  }

  async listMembers(filter: MemberFilter, first: number, after?: string | null): Promise<Page<Member>> {
    const params = memberFilterParams(filter);
    return this.ex.readMany(async (r) => {
      const rows = await r.run(Q.page, { ...params, after: after ?? '', limit: Math.max(0, first) + 1 });
      const total = await r.run(Q.count, params);
      const items = rows.slice(0, Math.max(0, first)).map(toMember);
      return {
        items,
        totalCount: Number(total[0]?.n ?? 0),
        endCursor: items.length ? items[items.length - 1].id : null,
        hasNextPage: rows.length > first,
      };
    });
  }

  async createMember(m: NewMember): Promise<Member> {
    await this.ex.write(async (tx) => {
      if (await exists(tx, 'Member', m.id)) throw alreadyExists('Member', m.id);
      await requireIds(tx, 'Branch', [m.branchId]);
      if (m.groupId) await requireIds(tx, 'Group', [m.groupId]);
      const now = Date.now();
      await tx.run(Q.create, {
        id: m.id,
        name: m.name,
        kind: m.kind,
        stage: m.stage,
        role: m.role,
        branchId: m.branchId,
        stageSince: m.stageSince ?? now,
        since: m.since ?? now,
        phone: m.phone,
        idNumber: m.idNumber,
        now,
      });
      if (m.groupId) await tx.run(Q.setGroup, { id: m.id, groupId: m.groupId });
    });
    return (await this.getMembersByIds([m.id]))[0];
  }

  async updateMember(id: string, patch: MemberPatch): Promise<Member> {
    await this.ex.write(async (tx) => {
      const [cur] = await this.getMembersByIds([id], tx);
      if (!cur) throw notFound('Member', id);
      const next = { ...cur, ...patch };
      const now = Date.now();
      const stageSince = patch.stageSince ?? (patch.stage && patch.stage !== cur.stage ? now : cur.stageSince);
      if (patch.groupId !== undefined && patch.groupId !== cur.groupId) {
        if (patch.groupId) await requireIds(tx, 'Group', [patch.groupId]);
        await tx.run(Q.dropGroup, { id, at: now });
        if (patch.groupId) await tx.run(Q.setGroup, { id, groupId: patch.groupId });
      }
      await tx.run(Q.update, {
        id,
        name: next.name,
        kind: next.kind,
        stage: next.stage,
        role: next.role,
        stageSince,
        phone: next.phone,
        idNumber: next.idNumber,
        now,
      });
    });
    return (await this.getMembersByIds([id]))[0];
  }

  /** Idempotent by transfer id: a retry returns the recorded transfer; reusing the id elsewhere is a conflict. */
  async moveMember(mv: MoveMember): Promise<Transfer> {
    return this.ex.write(async (tx) => {
      const prior = await tx.run(Q.transferById, { id: mv.id });
      if (prior.length) {
        const t = toTransfer(prior[0]);
        if (t.memberId === mv.memberId && t.toBranchId === mv.toBranchId) return t;
        throw transferIdReused(mv.id);
      }
      const [cur] = await this.getMembersByIds([mv.memberId], tx);
      if (!cur) throw notFound('Member', mv.memberId);
      await requireIds(tx, 'Branch', [mv.toBranchId]);
      const t: Transfer = {
        id: mv.id,
        memberId: mv.memberId,
        kind: mv.kind ?? 'INTERNAL',
        fromBranchId: cur.branchId,
        toBranchId: mv.toBranchId,
        at: mv.at,
        reason: mv.reason,
      };
      await tx.run(Q.dropGroup, { id: mv.memberId, at: mv.at });
      await tx.run(Q.dropBelongs, { id: mv.memberId });
      await tx.run(Q.belong, { id: mv.memberId, branchId: mv.toBranchId, role: cur.role, since: mv.at });
      await tx.run(Q.createTransfer, { ...t });
      return t;
    });
  }

  async listTransfers(memberId: string): Promise<Transfer[]> {
    return (await this.ex.read(Q.transfersOf, { id: memberId })).map(toTransfer);
  }
}
