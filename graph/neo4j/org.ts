/** Organization tree: University ← Committee ← Branch ← Group, linked by UNDER. */
import { notFound } from '../errors';
import type { Branch, Committee, Group, University } from '../model';
import type { WriteResult } from '../store';
import type { Executor } from './executor';
import { inIdOrder } from './mapping';
import { Q } from './queries';

type Named = { id: string; name: string };
const CHILD = {
  Committee: { parent: 'University', check: Q.committeeCheck, create: Q.createCommittee },
  Branch: { parent: 'Committee', check: Q.branchCheck, create: Q.createBranch },
  Group: { parent: 'Branch', check: Q.groupCheck, create: Q.createGroup },
} as const;

export class OrgOps {
  constructor(private readonly ex: Executor) {}

  async getUniversity(): Promise<University | null> {
    const [u] = await this.ex.read((tx) => tx.rows<University>(Q.getUniversity));
    return u ?? null;
  }

  /** True when no University node exists yet. */
  async isEmpty(): Promise<boolean> {
    const [row] = await this.ex.read((tx) => tx.rows<{ noUniversity: boolean }>(Q.isEmpty));
    return row?.noUniversity ?? true;
  }

  listCommittees(): Promise<Committee[]> {
    return this.ex.read((tx) => tx.rows<Committee>(Q.listCommittees));
  }

  async getCommitteesByIds(ids: string[]): Promise<Committee[]> {
    if (ids.length === 0) return [];
    return inIdOrder(ids, await this.ex.read((tx) => tx.rows<Committee>(Q.getCommitteesByIds, { ids })));
  }

  async listBranches(committeeIds?: string[]): Promise<Branch[]> {
    if (committeeIds && committeeIds.length === 0) return [];
    return this.ex.read((tx) => tx.rows<Branch>(Q.listBranches, { committeeIds: committeeIds ?? null }));
  }

  async getBranchesByIds(ids: string[]): Promise<Branch[]> {
    if (ids.length === 0) return [];
    return inIdOrder(ids, await this.ex.read((tx) => tx.rows<Branch>(Q.getBranchesByIds, { ids })));
  }

  listGroups(branchId: string): Promise<Group[]> {
    return this.ex.read((tx) => tx.rows<Group>(Q.listGroups, { branchId }));
  }

  async listGroupsOfBranches(branchIds: string[]): Promise<Group[]> {
    if (branchIds.length === 0) return [];
    return this.ex.read((tx) => tx.rows<Group>(Q.listGroupsOfBranches, { branchIds }));
  }

  /** Idempotent by id: an existing university is left as it is. */
  async createUniversity(u: University): Promise<WriteResult> {
    const { nodesCreated } = await this.ex.write((tx) => tx.write(Q.createUniversity, { id: u.id, name: u.name }));
    return { created: nodesCreated > 0 };
  }

  createCommittee(c: Committee): Promise<WriteResult> {
    return this.createChild('Committee', c, c.universityId);
  }
  createBranch(b: Branch): Promise<WriteResult> {
    return this.createChild('Branch', b, b.committeeId);
  }
  createGroup(g: Group): Promise<WriteResult> {
    return this.createChild('Group', g, g.branchId);
  }

  /** Idempotent by id (an existing node is left as it is); an unknown parent is NOT_FOUND. */
  private createChild(label: keyof typeof CHILD, node: Named, parentId: string): Promise<WriteResult> {
    const spec = CHILD[label];
    return this.ex.write(async (tx) => {
      const [check] = await tx.rows<{ parentExists: boolean; existingParents: string[] }>(spec.check, { id: node.id, parentId });
      if (check && check.existingParents.length > 0) return { created: false };
      if (!check?.parentExists) throw notFound(spec.parent, parentId);
      const { nodesCreated } = await tx.write(spec.create, { id: node.id, name: node.name, parentId });
      return { created: nodesCreated > 0 };
    });
  }
}
