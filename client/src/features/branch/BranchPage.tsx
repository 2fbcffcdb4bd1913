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
import { meetingWarnings } from '../dashboard/dashboard-model';
import { AttentionList } from './AttentionList';
import { needsAttention } from './attention';
import { BranchFigures } from './BranchFigures';
import { LifeTable } from './LifeTable';
import { MembersTable } from './MembersTable';
import { toMemberRows } from './member-rows';
import { PERIOD_KEYS, periodRange, type PeriodKey } from './periods';

/**
 * A branch for its secretary: who needs attention first (with the evidence), the period's figures and the
 * dashboard's warnings, organizational life, gap heatmap, next party-lecture topic, and the members by stage.
 */
export default function BranchPage({ branchId }: { branchId: string }) {
  const { t, te } = useI18n();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('lastQuarter');
  const period = useMemo(() => periodRange(periodKey), [periodKey]);
  const warnPeriod = useMemo(() => periodRange('lastQuarter'), []);
  const [{ data, fetching, error, operation }, refetch] = useQuery({
    query: BranchViewDocument,
    variables: { id: branchId, from: period.from, to: period.to, warnFrom: warnPeriod.from, warnTo: warnPeriod.to },
  });
  const [gaps, refetchGaps] = useQuery({ query: BranchGapReportDocument, variables: { id: branchId } });
  const rows = useMemo(() => (data ? toMemberRows(data.branch.members.nodes, gaps.data?.branchGaps.rows) : []), [data, gaps.data]);
  const attention = useMemo(() => (data ? needsAttention(data.branch.members.nodes, data.branch.life.attendanceRate ?? null, gaps.data?.branchGaps.rows) : []), [data, gaps.data]);
  const gapState = gaps.error && !gaps.data ? <ErrorMessage error={gaps.error} onRetry={() => refetchGaps({ requestPolicy: 'network-only' })} /> : !gaps.data ? <Loading /> : null;
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ branch }) => {
          const warnings = meetingWarnings([{ id: branch.id, name: branch.name, kinds: branch.lastQuarter.kinds }]);
          const stages = [
            ['APPLICANT', branch.applicants],
            ['ACTIVIST', branch.activists],
            ['CANDIDATE', branch.candidates],
            ['PROBATIONARY', branch.probationary],
            ['FULL', branch.full],
          ] as const;
          return (
            <>
              <div className="page-head">
                <div>
                  <p className="meta">{branch.committee.name}</p>
                  <h1>{branch.name}</h1>
                </div>
                <div className="row">
                  <a className="button button-ghost" href={hrefFor({ name: 'assessment', branchId: branch.id })} data-testid="assessment-link">
                    {t('assess.link')}
                  </a>
                  <a className="button button-ghost" href={hrefFor({ name: 'calendar', branchId: branch.id })} data-testid="calendar-link">
                    {t('cal.link')}
                  </a>
                  <a className="button button-ghost" href={hrefFor({ name: 'network', root: `branch:${branch.id}` })}>
                    {t('nav.network')}
                  </a>
                </div>
              </div>
              <Section title={t('attention.title')} hint={t('attention.hint')}>
                <AttentionList items={attention} periodLabel={period.label} />
              </Section>
              <Section
                title={t('branch.figures')}
                actions={
                  <label className="row meta">
                    {t('branch.period')}
                    <select value={periodKey} onChange={(e) => setPeriodKey(e.target.value as PeriodKey)} data-testid="period">
                      {PERIOD_KEYS.map((p) => (
                        <option key={p} value={p}>
                          {t(`period.${p}`, { label: periodRange(p).label })}
                        </option>
                      ))}
                    </select>
                  </label>
                }
              >
                <BranchFigures
                  period={period}
                  counted={operation?.variables}
                  kinds={branch.life.kinds}
                  attendanceRate={branch.life.attendanceRate}
                  integrity={branch.answerIntegrity}
                />
                {warnings.length ? (
                  <ul className="list" data-testid="branch-warnings" aria-label={t('dash.warnings')}>
                    {warnings.map((w) => (
                      <li key={w.kind}>
                        <span className="chip chip-warn">{t('dash.warnings')}</span> {t('dash.warnMeetings', { branch: warnPeriod.label, kind: te('meeting', w.kind), n: w.short })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Section>
              <Section title={t('branch.life')} hint={`${period.label}`}>
                <LifeTable life={branch.life} branchId={branch.id} />
              </Section>
              <div className="grid-2">
                <Section title={t('branch.suggest')}>{gapState ?? <LectureSuggestion suggestion={gaps.data!.branchGaps.suggestedLecture ?? null} />}</Section>
                <Section title={t('branch.heatmap')} hint={t('branch.heatmapHint')}>
                  {gapState ?? <GapHeatmap report={gaps.data!.branchGaps} />}
                </Section>
              </div>
              <Section title={t('branch.members')}>
                <p className="meta" data-testid="stage-counts">
                  {t('branch.stageTotal', { n: branch.members.totalCount })}
                  {stages.map(([s, c]) => (
                    <span key={s} data-stage={s}>
                      {' '}
                      · {te('stage', s)} {c.totalCount}
                    </span>
                  ))}
                </p>
                <MembersTable rows={rows} />
              </Section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
