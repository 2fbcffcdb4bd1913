/**
 * The account list administrators work from: the members whose accounts the viewer administers
 * (a committee administrator: the committee's branches; a university administrator: everyone),
 * each with their account, if any. Scope and the role rule are those of account-admin.ts.
 */
import type { Account, Member, Page } from '../../graph';
import { ROLES } from '../../graph';
import { forbidden } from '../errors';
import { getMember, listMembers } from '../members/member-service';
import { optionalText, requirePageSize } from '../validate';
import { ADMIN_ROLES } from './account-admin';
import { canManageBranch, canReadMember } from './scope';
import type { Session } from './session';

/** A member in an administrator's account list: their (masked) record and account, if any. */
export interface AccountListItem {
  member: Member;
  account: Account | null;
  /** False when the member's role outranks the viewer's: the list shows them, the actions refuse. */
  manageable: boolean;
}

/**
 * A page of members with their accounts, ordered by member id. `search` is a login name (exact,
 * case-insensitive: that one member, when in scope) or else part of a name. Member reads are
 * audited as READ_MEMBER, account reads as READ_ACCOUNT.
 */
export async function listAccountsInScope(s: Session, search: string | null, first: number, after: string | null): Promise<Page<AccountListItem>> {
  if (!ADMIN_ROLES.includes(s.viewer.role)) throw forbidden('Only committee or university administrators manage accounts');
  requirePageSize(first);
  const q = optionalText('search', search, 64);
  let members: Page<Member> = { items: [], totalCount: 0, endCursor: null, hasNextPage: false };
  const byLogin = q ? await s.store.findAccountByLogin(q.toLowerCase()) : null;
  if (byLogin) {
    // Someone outside the viewer's scope answers like an unknown login name: an empty page.
    const [raw] = await s.store.getMembersByIds([byLogin.memberId]);
    if (raw && canReadMember(s.viewer, raw) && canManageBranch(s.viewer, raw.branchId) && (after === null || after < raw.id)) {
      members = { items: [await getMember(s, raw.id)], totalCount: 1, endCursor: raw.id, hasNextPage: false };
    }
  } else {
    members = await listMembers(s, q ? { nameContains: q } : {}, first, after);
  }
  const accounts = await Promise.all(members.items.map((m) => s.store.getAccount(m.id)));
  const rank = ROLES.indexOf(s.viewer.role);
  return {
    ...members,
    items: members.items.map((member, i) => {
      const account = accounts[i] ?? null;
      if (account) s.audit.note('READ_ACCOUNT', 'Account', member.id);
      return { member, account, manageable: ROLES.indexOf(member.role) <= rank };
    }),
  };
}
