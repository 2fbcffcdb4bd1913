/** Members: BELONGS_TO {role, since} a Branch, optionally IN_GROUP a Group; moves leave Transfer nodes. */
import { memberScopeKey, withScopesAdded } from '../causal';
import { alreadyExists, notFound, transferIdReused } from '../errors';
import type { Member, Page, Transfer } from '../model';
import type { MemberFilter, MemberPatch, MoveMember, NewMember } from '../store';
import type { Executor, Params, Tx } from './executor';
import { inIdOrder, int, num, toMember, toTransfer } from './mapping';
import { LOCK, Q } from './queries';

type Row = Record<string, unknown>;

/** Filter parameters: an absent filter is null (no restriction); an empty list matches nothing. */
export const memberFilterParams = (f: MemberFilter): Params => ({
  branchIds: f.branchIds ?? null,
  committeeIds: f.committeeIds ?? null,
  stages: f.stages ?? null,
  kinds: f.kinds ?? null,
  roles: f.roles ?? null,
  nameContains: f.nameContains || null,
});

/** A page of `first` items from rows fetched with limit first + 1. */
export function toPage<T extends { id: string }>(rows: T[], first: number, total: number): Page<T> {
  const items = rows.slice(0, Math.max(0, first));
  return { items, totalCount: total, endCursor: items.length ? items[items.length - 1]!.id : null, hasNextPage: rows.length > first };
}

interface MemberCheck {
  currentRows: { branchId: string; stage: string }[];
  branchExists: boolean;
  groupBranch: string[];
}

export class MemberOps {
  constructor(private readonly ex: Executor) {}

  async getMembersByIds(ids: string[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    return this.ex.read((tx) => this.byIds(tx, ids));
  }

  listMembers(filter: MemberFilter, first: number, after?: string | null): Promise<Page<Member>> {
    const params = memberFilterParams(filter);
    return this.ex.read(async (tx) => {
      const rows = await tx.rows(Q.listMembers, { ...params, after: after ?? null, limit: int(Math.max(0, first) + 1) });
      const [count] = await tx.rows<{ total: unknown }>(Q.countMembers, params);
      return toPage(rows.map(toMember), first, count ? num(count.total) : 0);
    });
  }

  async createMember(m: NewMember): Promise<Member> {
    return this.ex.write(async (tx) => {
      const check = await this.check(tx, m.id, m.branchId, m.groupId);
      if (check.currentRows.length) throw alreadyExists('Member', m.id);
      if (!check.branchExists) throw notFound('Branch', m.branchId);
      if (m.groupId) this.requireGroup(check, m.groupId);
      const now = Date.now();
      await tx.write(Q.createMember, {
        id: m.id,
        name: m.name,
        kind: m.kind,
        stage: m.stage,
        role: m.role,
        branchId: m.branchId,
        stageSince: int(m.stageSince ?? now),
        since: int(m.since ?? now),
        phone: m.phone ?? null,
        idNumber: m.idNumber ?? null,
        now: int(now),
      });
      if (m.groupId) await tx.write(Q.setMemberGroup, { id: m.id, groupId: m.groupId });
      return (await this.byIds(tx, [m.id]))[0]!;
    });
  }

  /**
   * A change of a member's own record (role, name, stage, group) or branch, whoever makes it, counts for the
   * member's causal scope too (graph/causal.ts): their next request reads it on any follower.
   */
  private forMember<T>(memberId: string, fn: () => Promise<T>): Promise<T> {
    return withScopesAdded([memberScopeKey(memberId)], fn);
  }

  async updateMember(id: string, patch: MemberPatch): Promise<Member> {
    return this.forMember(id, () => this.patch(id, patch));
  }

  private patch(id: string, patch: MemberPatch): Promise<Member> {
    return this.ex.write(async (tx) => {
      // The member's lock first: a concurrent patch waits, so the stage and group read below are current.
      await tx.rows(LOCK.Member, { id });
      const check = await this.check(tx, id, '', patch.groupId ?? null);
      const cur = check.currentRows[0];
      if (!cur) throw notFound('Member', id);
      const now = Date.now();
      const props: Row = { updatedAt: int(now) };
      for (const k of ['name', 'kind', 'stage', 'role', 'phone', 'idNumber'] as const) {
        if (patch[k] !== undefined) props[k] = patch[k];
      }
      if (patch.stageSince !== undefined) props.stageSince = int(patch.stageSince);
      else if (patch.stage && patch.stage !== cur.stage) props.stageSince = int(now);
      if (patch.groupId !== undefined) {
        if (patch.groupId) this.requireGroup(check, patch.groupId);
        await tx.write(Q.setMemberGroup, { id, groupId: patch.groupId });
      }
      await tx.write(Q.updateMember, { id, props, role: patch.role ?? null });
      return (await this.byIds(tx, [id]))[0]!;
    });
  }

  /** Idempotent by transfer id: a retry returns the recorded transfer; reusing the id elsewhere is a conflict. */
  moveMember(mv: MoveMember): Promise<Transfer> {
    return this.forMember(mv.memberId, () => this.move(mv));
  }

  private move(mv: MoveMember): Promise<Transfer> {
    return this.ex.write(async (tx) => {
      // The member's lock first: two concurrent moves take turns, so the second sees the first's branch
      // (or its transfer, when it is a retry) instead of leaving the member in two branches.
      await tx.rows(LOCK.Member, { id: mv.memberId });
      const [check] = await tx.rows<{ currentBranch: string[]; toExists: boolean; existing: Row[] }>(Q.moveCheck, {
        id: mv.id,
        memberId: mv.memberId,
        toBranchId: mv.toBranchId,
      });
      const prior = check?.existing[0];
      if (prior) {
        const t = toTransfer(prior);
        if (t.memberId === mv.memberId && t.toBranchId === mv.toBranchId) return t;
        throw transferIdReused(mv.id);
      }
      const from = check?.currentBranch[0];
      if (!from) throw notFound('Member', mv.memberId);
      if (!check.toExists) throw notFound('Branch', mv.toBranchId);
      const t: Transfer = {
        id: mv.id,
        memberId: mv.memberId,
        kind: mv.kind ?? 'INTERNAL',
        fromBranchId: from,
        toBranchId: mv.toBranchId,
        at: mv.at,
        reason: mv.reason,
      };
      await tx.write(Q.moveMember, { ...t, at: int(t.at) });
      return t;
    });
  }

  async listTransfers(memberId: string): Promise<Transfer[]> {
    return (await this.ex.read((tx) => tx.rows(Q.listTransfers, { memberId }))).map(toTransfer);
  }

  private async byIds(tx: Tx, ids: string[]): Promise<Member[]> {
    return inIdOrder(ids, (await tx.rows(Q.getMembersByIds, { ids })).map(toMember));
  }

  private async check(tx: Tx, id: string, branchId: string, groupId: string | null): Promise<MemberCheck> {
    const [row] = await tx.rows<MemberCheck>(Q.memberCheck, { id, branchId, groupId });
    return row ?? { currentRows: [], branchExists: false, groupBranch: [] };
  }

  /** The group must exist; that it belongs to the member's branch is a domain rule checked by the member service. */
  private requireGroup(check: MemberCheck, groupId: string): void {
    if (check.groupBranch[0] === undefined) throw notFound('Group', groupId);
  }
}
