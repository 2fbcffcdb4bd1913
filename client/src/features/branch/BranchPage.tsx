import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { BranchGapReportDocument, BranchViewDocument } from '../../gql/graphql';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { GapHeatmap } from './GapHeatmap';
import { LectureSuggestion } from './LectureSuggestion';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { LifeTable } from './LifeTable';
import { MembersTable } from './MembersTable';
import { toMemberRows } from './member-rows';
import { periodRange, type PeriodKey } from './periods';

/** A branch for its secretary: members, organizational life, gap heatmap, next party-lecture topic. */
export default function BranchPage({ branchId }: { branchId: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<PeriodKey>('half');
  const range = useMemo(() => periodRange(period), [period]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: BranchViewDocument, variables: { id: branchId, ...range } });
  const [gaps, refetchGaps] = useQuery({ query: BranchGapReportDocument, variables: { id: branchId } });
  const rows = useMemo(() => (data ? toMemberRows(data.branch.members.nodes, gaps.data?.branchGaps.rows) : []), [data, gaps.data]);
  const gapState = gaps.error && !gaps.data ? <ErrorMessage error={gaps.error} onRetry={() => refetchGaps({ requestPolicy: 'network-only' })} /> : !gaps.data ? <Loading /> : null;
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ branch }) => (
          <>
            <div className="page-head">
              <div>
                <p className="meta">{branch.committee.name}</p>
                <h1>{branch.name}</h1>
              </div>
              <a className="button button-ghost" href={hrefFor({ name: 'network', root: `branch:${branch.id}` })}>{t('nav.network')}</a>
            </div>
            <Section title={t('branch.life')} actions={
              <label className="row meta">{t('branch.period')}
                <select value={period} onChange={(e) => setPeriod(e.target.value as PeriodKey)} data-testid="period">
                  {(['quarter', 'half', 'year'] as const).map((p) => <option key={p} value={p}>{t(`branch.${p}`)}</option>)}
                </select>
              </label>
            }>
              <LifeTable life={branch.life} />
            </Section>
            <div className="grid-2">
              <Section title={t('branch.suggest')}>
                {gapState ?? <LectureSuggestion suggestion={gaps.data!.branchGaps.suggestedLecture ?? null} />}
              </Section>
              <Section title={t('branch.heatmap')} hint={t('branch.heatmapHint')}>
                {gapState ?? <GapHeatmap report={gaps.data!.branchGaps} />}
              </Section>
            </div>
            <Section title={t('branch.members')}>
              <MembersTable rows={rows} />
            </Section>
          </>
        )}
      </QueryState>
    </div>
  );
}
