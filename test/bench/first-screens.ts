/**
 * Each role's first screens as the client loads them: the same GraphQL documents (client/src/gql), the same
 * variables and the same request pattern (what the page sends at once in parallel, what waits for an earlier
 * answer, the dashboard's per-branch learning requests four at a time in the old path), against a real
 * server over HTTP. `loadScreen` returns the wall time until the screen's last answer arrived.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  BranchGapReportDocument,
  BranchLearningSummariesDocument,
  BranchViewDocument,
  CommitteeDashboardDocument,
  DashboardCommitteesDocument,
  MemberHomeDocument,
  MemberLearningDocument,
  PortraitBranchAverageDocument,
  PortraitDocument,
  PortraitLearningDocument,
  PracticeForMemberDocument,
  WorkQueueDocument,
} from '../../client/src/gql/graphql';
import { periodRange } from '../../client/src/features/branch/periods';
import { lastQuarters } from '../../client/src/features/dashboard/dashboard-model';

export type Role = 'MEMBER' | 'SECRETARY' | 'COMMITTEE_ADMIN' | 'UNIVERSITY_ADMIN';
export const ROLES: readonly Role[] = ['MEMBER', 'SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'];
/** The screens each role opens first (its landing page, then the next one it uses most). */
export const SCREENS: Readonly<Record<Role, readonly string[]>> = {
  MEMBER: ['home', 'portrait'],
  SECRETARY: ['todo', 'branch'],
  COMMITTEE_ADMIN: ['dashboard'],
  UNIVERSITY_ADMIN: ['dashboard'],
};

export interface Account {
  memberId: string;
  role: Role;
  branchId: string;
  committeeName: string;
  token: string;
}

type Doc = TypedDocumentNode<unknown, Record<string, unknown>> | string;
const text = (d: Doc) => (typeof d === 'string' ? d : print(d));

/** One GraphQL request; throws on errors so a broken screen never counts as fast. */
export async function gql<T>(url: string, doc: Doc, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: text(doc), variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

/** The demo account of each role, signed in (demo login). */
export async function signInAll(url: string): Promise<Map<Role, Account>> {
  const { demoAccounts } = await gql<{ demoAccounts: { memberId: string; role: Role; branchId: string; committeeName: string; description: string | null }[] }>(
    url,
    '{ demoAccounts { memberId role branchId committeeName description } }',
  );
  const out = new Map<Role, Account>();
  for (const role of ROLES) {
    const a = demoAccounts.find((x) => x.role === role && !x.description) ?? demoAccounts.find((x) => x.role === role);
    if (!a) throw new Error(`no demo account with role ${role}`);
    const { login } = await gql<{ login: { token: string } }>(url, 'mutation($id: ID!) { login(memberId: $id) { token } }', { id: a.memberId });
    out.set(role, { ...a, token: login.token });
  }
  return out;
}

/** Run `f` over `items`, `parallel` at a time (the client's worker pool). */
async function pool<T>(items: readonly T[], parallel: number, f: (x: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await f(x);
    }),
  );
}

/** How the dashboard gets its learning columns: per-branch gap reports (old) or the maintained summaries. */
export type LearningPath = 'reports' | 'summaries';

/** The dashboard's request per branch before the maintained summaries (the whole gap report, summed in the browser). */
const OLD_BRANCH_LEARNING = 'query BranchLearningSummary($id: ID!) { branchGaps(branchId: $id) { rows { cells { mastery target } } } }';

async function dashboard(url: string, a: Account, committeeIds: string[], path: LearningPath): Promise<number> {
  const qs = lastQuarters();
  const vars = Object.fromEntries(
    qs.flatMap((q, i) => [
      [`f${i}`, q.from],
      [`t${i}`, q.to],
    ]),
  );
  const committees = await Promise.all(
    committeeIds.map((id) => gql<{ committee: { branches: { id: string }[] } }>(url, CommitteeDashboardDocument as Doc, { id, ...vars }, a.token)),
  );
  const branchIds = committees.flatMap((c) => c.committee.branches.map((b) => b.id));
  if (path === 'reports') await pool(branchIds, 4, (id) => gql(url, OLD_BRANCH_LEARNING, { id }, a.token));
  else await gql(url, BranchLearningSummariesDocument as Doc, { ids: branchIds }, a.token);
  return branchIds.length;
}

/** Load one screen's data as the client does; returns milliseconds until its last answer. */
export async function loadScreen(url: string, a: Account, screen: string, path: LearningPath = 'summaries'): Promise<number> {
  const t0 = performance.now();
  const t = a.token;
  switch (screen) {
    case 'home':
      await Promise.all([
        gql(url, MemberHomeDocument as Doc, { id: a.memberId }, t),
        gql(url, MemberLearningDocument as Doc, { id: a.memberId }, t),
        gql(url, PracticeForMemberDocument as Doc, { id: a.memberId, first: 10 }, t),
      ]);
      break;
    case 'portrait': {
      const p = await gql<{ member: { id: string; branch: { id: string } } }>(url, PortraitDocument as Doc, { id: a.memberId }, t);
      await Promise.all([
        gql(url, PortraitLearningDocument as Doc, { id: p.member.id }, t),
        // A member may not read their branch's report: the page leaves the average out (an error is expected).
        gql(url, PortraitBranchAverageDocument as Doc, { branchId: p.member.branch.id }, t).catch(() => undefined),
      ]);
      break;
    }
    case 'todo':
      await gql(url, WorkQueueDocument as Doc, {}, t);
      break;
    case 'branch': {
      const p = periodRange('lastQuarter');
      await Promise.all([
        gql(url, BranchViewDocument as Doc, { id: a.branchId, from: p.from, to: p.to, warnFrom: p.from, warnTo: p.to }, t),
        gql(url, BranchGapReportDocument as Doc, { id: a.branchId }, t),
      ]);
      break;
    }
    case 'dashboard': {
      if (a.role === 'COMMITTEE_ADMIN') {
        const { university } = await gql<{ university: { committees: { id: string; name: string }[] } }>(url, DashboardCommitteesDocument as Doc, {}, t).catch(() => ({
          university: { committees: [] as { id: string; name: string }[] },
        }));
        const id = university.committees.find((c) => c.name === a.committeeName)?.id ?? (await committeeOf(url, a));
        await dashboard(url, a, [id], path);
      } else {
        const { university } = await gql<{ university: { committees: { id: string }[] } }>(url, DashboardCommitteesDocument as Doc, {}, t);
        await dashboard(
          url,
          a,
          university.committees.map((c) => c.id),
          path,
        );
      }
      break;
    }
    default:
      throw new Error(`unknown screen ${screen}`);
  }
  return performance.now() - t0;
}

/** The committee a committee administrator manages (the client has it in the session). */
async function committeeOf(url: string, a: Account): Promise<string> {
  const r = await gql<{ member: { branch: { committee: { id: string } } } }>(
    url,
    'query($id: ID!) { member(id: $id) { branch { committee { id } } } }',
    { id: a.memberId },
    a.token,
  );
  return r.member.branch.committee.id;
}
