import { useMemo } from 'react';
import { useQuery } from 'urql';
import { CommitteeDashboardDocument, UniversityDashboardDocument, type BranchCompareFragment } from '../../gql/graphql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { QueryState } from '../../ui/QueryState';
import { DashboardView, type DashBranch } from './DashboardView';
import { lastQuarters } from './dashboard-model';

const toVars = (qs: ReturnType<typeof lastQuarters>) => Object.fromEntries(qs.flatMap((q, i) => [[`f${i}`, q.from], [`t${i}`, q.to]])) as
  { f0: string; t0: string; f1: string; t1: string; f2: string; t2: string; f3: string; t3: string };

const toDash = (b: BranchCompareFragment, committee: string): DashBranch => ({ id: b.id, name: b.name, committee, quarters: [b.q0, b.q1, b.q2, b.q3] });

/**
 * Committee and university dashboards: branches compared over the last four quarters, with early warnings.
 * A university administrator sees every committee and can narrow to one (#/dashboard/<committeeId>).
 */
export default function DashboardPage({ scopeId }: { scopeId: string | null }) {
  const session = useSession();
  const quarters = useMemo(() => lastQuarters(), []);
  const vars = useMemo(() => toVars(quarters), [quarters]);
  const committeeId = scopeId ?? (session?.role === 'COMMITTEE_ADMIN' ? session.committeeId : null);
  const [uni, refetchUni] = useQuery({ query: UniversityDashboardDocument, variables: vars, pause: !!committeeId });
  const [com, refetchCom] = useQuery({ query: CommitteeDashboardDocument, variables: { id: committeeId ?? '', ...vars }, pause: !committeeId });
  const q = committeeId ? com : uni;
  const retry = () => (committeeId ? refetchCom : refetchUni)({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <QueryState fetching={q.fetching} error={q.error} data={q.data} retry={retry}>
        {(data) => {
          if ('committee' in data) {
            return <DashboardView title={data.committee.name} quarters={quarters} branches={data.committee.branches.map((b) => toDash(b, data.committee.name))}
              back={session?.role === 'UNIVERSITY_ADMIN' ? hrefFor({ name: 'dashboard', id: null }) : undefined} />;
          }
          const u = data.university;
          return <DashboardView title={u.name} quarters={quarters} committees={u.committees.map((c) => ({ id: c.id, name: c.name }))}
            branches={u.committees.flatMap((c) => c.branches.map((b) => toDash(b, c.name)))} />;
        }}
      </QueryState>
    </div>
  );
}

