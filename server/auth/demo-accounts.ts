/**
 * People to sign in as on the demo's sign-in page. The generator's well-known accounts
 * (DEMO_ACCOUNTS: a university admin, a committee admin, a secretary and a member with clear
 * gaps) come first, with their descriptions; then a few more per role read from the store, so any
 * seeded world (or a test fixture without those ids) still offers every role.
 */
import type { Member, MemberKind, MemberStage, Role } from '../../graph';
import type { GraphStore } from '../../graph';
import { DEMO_ACCOUNTS } from '../../seeds/generator/demo-accounts';

export interface DemoAccount {
  memberId: string;
  name: string;
  role: Role;
  stage: MemberStage;
  kind: MemberKind;
  branchId: string;
  branchName: string;
  committeeName: string;
  /** What the account is good for in the demo (zh-CN); null for accounts found by role. */
  description: string | null;
}

/** Roles shown on the sign-in page, and how many people of each at most. */
const PER_ROLE: [Role, number][] = [
  ['MEMBER', 3],
  ['COMMITTEE_MEMBER', 1],
  ['SECRETARY', 2],
  ['COMMITTEE_ADMIN', 1],
  ['UNIVERSITY_ADMIN', 1],
];

export async function listDemoAccounts(store: GraphStore): Promise<DemoAccount[]> {
  const known = await store.getMembersByIds(DEMO_ACCOUNTS.map((a) => a.id));
  const descriptions = new Map(DEMO_ACCOUNTS.map((a) => [a.id, a.description]));
  const pages = await Promise.all(PER_ROLE.map(([role, n]) => store.listMembers({ roles: [role] }, n, null)));
  const chosen = new Map<string, Member>(known.map((m) => [m.id, m]));
  PER_ROLE.forEach(([role, n], i) => {
    const have = [...chosen.values()].filter((m) => m.role === role).length;
    for (const m of pages[i].items.filter((x) => !chosen.has(x.id)).slice(0, Math.max(0, n - have))) chosen.set(m.id, m);
  });
  const rank = (r: Role) => PER_ROLE.findIndex(([x]) => x === r);
  const members = [...chosen.values()].sort((a, b) => rank(a.role) - rank(b.role) || Number(!descriptions.has(a.id)) - Number(!descriptions.has(b.id)) || (a.id < b.id ? -1 : 1));
  if (members.length === 0) return [];
  const branches = new Map((await store.getBranchesByIds([...new Set(members.map((m) => m.branchId))])).map((b) => [b.id, b]));
  const committees = new Map((await store.listCommittees()).map((c) => [c.id, c]));
  return members.map((m) => {
    const b = branches.get(m.branchId);
    return {
      memberId: m.id,
      name: m.name,
      role: m.role,
      stage: m.stage,
      kind: m.kind,
      branchId: m.branchId,
      branchName: b?.name ?? '',
      committeeName: (b && committees.get(b.committeeId)?.name) ?? '',
      description: descriptions.get(m.id) ?? null,
    };
  });
}
