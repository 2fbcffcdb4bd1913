import { useMemo } from 'react';
import { useQuery } from 'urql';
import { DashboardCommitteesDocument, type BranchCompareFragment } from '../../gql/graphql';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { useSession } from '../../app/useSession';
import { QueryState } from '../../ui/QueryState';
import { DashboardView, type DashBranch } from './DashboardView';
import { lastQuarters, shortBranchName } from './dashboard-model';
import { useCommitteeLives } from './useCommitteeLives';
import { ComparisonSection } from '../assessment/ComparisonSection';

const toVars = (qs: ReturnType<typeof lastQuarters>) =>
  Object.fromEntries(
    qs.flatMap((q, i) => [
      [`f${i}`, q.from],
      [`t${i}`, q.to],
    ]),
  ) as { f0: string; t0: string; f1: string; t1: string; f2: string; t2: string; f3: string; t3: string };

const toDash = (b: BranchCompareFragment, committee: string): DashBranch => ({
  id: b.id,
  name: b.name,
  shortName: shortBranchName(b.name, committee),
  committee,
  quarters: [b.q0, b.q1, b.q2, b.q3],
  year: b.year,
});

/**
 * Committee and university dashboards: branches compared over the last four quarters, with early warnings.
 * A university administrator sees every committee and can narrow to one (#/dashboard/<committeeId>).
 */
export default function DashboardPage({ scopeId }: { scopeId: string | null }) {
  const session = useSession();
  const { t } = useI18n();
  const quarters = useMemo(() => lastQuarters(), []);
  const vars = useMemo(() => toVars(quarters), [quarters]);
  const committeeId = scopeId ?? (session?.role === 'COMMITTEE_ADMIN' ? session.committeeId : null);
  const [uni] = useQuery({ query: DashboardCommitteesDocument, pause: !!committeeId });
  const ids = useMemo(() => (committeeId ? [committeeId] : uni.data ? uni.data.university.committees.map((c) => c.id) : null), [committeeId, uni.data]);
  const lives = useCommitteeLives(ids, vars);
  const error = uni.error ?? lives.error ?? undefined;
  return (
    <div className="page">
      {session?.role === 'COMMITTEE_ADMIN' || session?.role === 'UNIVERSITY_ADMIN' ? (
        <p className="row">
          <a className="button button-ghost" href={hrefFor({ name: 'bulkTransfers' })} data-testid="bulk-link">
            {t('bulk.link')}
          </a>
        </p>
      ) : null}
      <QueryState fetching={uni.fetching || lives.fetching} error={error} data={lives.data} retry={lives.retry}>
        {(committees) => {
          const branches = committees.flatMap((c) => c.branches.map((b) => toDash(b, c.name)));
          if (committeeId) {
            return (
              <DashboardView
                title={committees[0]?.name ?? ''}
                quarters={quarters}
                branches={branches}
                back={session?.role === 'UNIVERSITY_ADMIN' ? hrefFor({ name: 'dashboard', id: null }) : undefined}
              />
            );
          }
          return <DashboardView title={uni.data?.university.name ?? ''} quarters={quarters} branches={branches} committees={committees.map((c) => ({ id: c.id, name: c.name }))} />;
        }}
      </QueryState>
      {committeeId || session?.role === 'UNIVERSITY_ADMIN' ? <ComparisonSection committeeId={committeeId} /> : null}
    </div>
  );
}
