/** Organization tree: University ← Committee ← Branch ← Group, linked by UNDER. */
import type { Branch, Committee, Group, University } from '../model';
import type { WriteResult } from '../store';
import type { KuzuExecutor, Row } from './executor';
import { exists, requireIds } from './guards';
import { byKeys } from './keyed';
import { inIdOrder } from './mapping';

const Q = {
  university: 'MATCH (u:University) RETURN u.id AS id, u.name AS name ORDER BY u.id LIMIT 1',
  committees: 'MATCH (c:Committee)-[:UNDER]->(u:University) RETURN c.id AS id, c.name AS name, u.id AS parent ORDER BY c.id',
  committeesByIds: `MATCH (c:Committee)-[:UNDER]->(u:University) WHERE c.id IN $ids
    RETURN c.id AS id, c.name AS name, u.id AS parent`,
  branches: 'MATCH (b:Branch)-[:UNDER]->(c:Committee) RETURN b.id AS id, b.name AS name, c.id AS parent ORDER BY b.id',
  branchesOf: `MATCH (b:Branch)-[:UNDER]->(c:Committee) WHERE c.id IN $ids
    RETURN b.id AS id, b.name AS name, c.id AS parent ORDER BY b.id`,
  branchesByIds: `MATCH (b:Branch)-[:UNDER]->(c:Committee) WHERE b.id IN $ids
    RETURN b.id AS id, b.name AS name, c.id AS parent`,
  branchById: 'MATCH (b:Branch {id: $id})-[:UNDER]->(c:Committee) RETURN b.id AS id, b.name AS name, c.id AS parent',
  groupsOf: `MATCH (g:\`Group\`)-[:UNDER]->(b:Branch {id: $id}) RETURN g.id AS id, g.name AS name, b.id AS parent ORDER BY g.id`,
  groupsOfBranches: `MATCH (g:\`Group\`)-[:UNDER]->(b:Branch) WHERE b.id IN $ids
    RETURN g.id AS id, g.name AS name, b.id AS parent ORDER BY parent, id`,
  createUniversity: 'CREATE (:University {id: $id, name: $name})',
  createCommittee: 'MATCH (p:University {id: $parent}) CREATE (:Committee {id: $id, name: $name})-[:UNDER]->(p)',
  createBranch: 'MATCH (p:Committee {id: $parent}) CREATE (:Branch {id: $id, name: $name})-[:UNDER]->(p)',
  createGroup: 'MATCH (p:Branch {id: $parent}) CREATE (:`Group` {id: $id, name: $name})-[:UNDER]->(p)',
} as const;

const named = (r: Row) => ({ id: String(r.id), name: String(r.name ?? ''), parent: String(r.parent) });

export class OrgQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  async getUniversity(): Promise<University | null> {
    const rows = await this.ex.read(Q.university);
    return rows.length ? { id: String(rows[0].id), name: String(rows[0].name ?? '') } : null;
  }

  async listCommittees(): Promise<Committee[]> {
    return (await this.ex.read(Q.committees)).map(named).map(({ id, name, parent }) => ({ id, name, universityId: parent }));
  }

  async getCommitteesByIds(ids: string[]): Promise<Committee[]> {
    if (ids.length === 0) return [];
    const rows = (await this.ex.read(Q.committeesByIds, { ids })).map(named);
    return inIdOrder(
      ids,
      rows.map(({ id, name, parent }) => ({ id, name, universityId: parent })),
    );
  }

  async listBranches(committeeIds?: string[]): Promise<Branch[]> {
    if (committeeIds && committeeIds.length === 0) return [];
    const rows = committeeIds ? await this.ex.read(Q.branchesOf, { ids: committeeIds }) : await this.ex.read(Q.branches);
    return rows.map(named).map(({ id, name, parent }) => ({ id, name, committeeId: parent }));
  }

  async getBranchesByIds(ids: string[]): Promise<Branch[]> {
    if (ids.length === 0) return [];
    const rows = (await this.ex.readMany((r) => byKeys(r, ids, { one: Q.branchById, many: Q.branchesByIds }))).map(named);
    return inIdOrder(
      ids,
      rows.map(({ id, name, parent }) => ({ id, name, committeeId: parent })),
    );
  }

  async listGroups(branchId: string): Promise<Group[]> {
    return (await this.ex.read(Q.groupsOf, { id: branchId })).map(named).map(({ id, name, parent }) => ({ id, name, branchId: parent }));
  }

  async listGroupsOfBranches(branchIds: string[]): Promise<Group[]> {
    if (branchIds.length === 0) return [];
    return (await this.ex.read(Q.groupsOfBranches, { ids: branchIds })).map(named).map(({ id, name, parent }) => ({ id, name, branchId: parent }));
  }

  createUniversity(u: University): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if (await exists(tx, 'University', u.id)) return { created: false };
      await tx.run(Q.createUniversity, { id: u.id, name: u.name });
      return { created: true };
    });
  }

  createCommittee(c: Committee): Promise<WriteResult> {
    return this.createChild('Committee', 'University', Q.createCommittee, c.id, c.name, c.universityId);
  }

  createBranch(b: Branch): Promise<WriteResult> {
    return this.createChild('Branch', 'Committee', Q.createBranch, b.id, b.name, b.committeeId);
  }

  createGroup(g: Group): Promise<WriteResult> {
    return this.createChild('Group', 'Branch', Q.createGroup, g.id, g.name, g.branchId);
  }

  private createChild(
    label: 'Committee' | 'Branch' | 'Group',
    parentLabel: 'University' | 'Committee' | 'Branch',
    query: string,
    id: string,
    name: string,
    parent: string,
  ): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if (await exists(tx, label, id)) return { created: false };
      await requireIds(tx, parentLabel, [parent]);
      await tx.run(query, { id, name, parent });
      return { created: true };
    });
  }
}
