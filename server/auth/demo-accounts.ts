/**
 * People to sign in as on the demo's sign-in page: a few per role, with their branch and committee.
 * Read from the store by role, so it works for any seeded world.
 */
import type { Role } from '../../graph/model';
import type { GraphStore } from '../../graph/store';

export interface DemoAccount {
  memberId: string; name: string; role: Role; stage: import('../../graph/model').MemberStage;
  kind: import('../../graph/model').MemberKind; branchId: string; branchName: string; committeeName: string;
}

/** Roles shown on the sign-in page, most powerful last, and how many people of each. */
const PER_ROLE: [Role, number][] = [['MEMBER', 3], ['COMMITTEE_MEMBER', 1], ['SECRETARY', 2], ['COMMITTEE_ADMIN', 1], ['UNIVERSITY_ADMIN', 1]];

export async function listDemoAccounts(store: GraphStore): Promise<DemoAccount[]> {
  const pages = await Promise.all(PER_ROLE.map(([role, n]) => store.listMembers({ roles: [role] }, n, null)));
  const members = pages.flatMap((p) => p.items);
  const branches = new Map((await store.getBranchesByIds([...new Set(members.map((m) => m.branchId))])).map((b) => [b.id, b]));
  const committees = new Map((await store.listCommittees()).map((c) => [c.id, c]));
  return members.map((m) => {
    const b = branches.get(m.branchId);
    return {
      memberId: m.id, name: m.name, role: m.role, stage: m.stage, kind: m.kind, branchId: m.branchId,
      branchName: b?.name ?? '', committeeName: (b && committees.get(b.committeeId)?.name) ?? '',
    };
  });
}
