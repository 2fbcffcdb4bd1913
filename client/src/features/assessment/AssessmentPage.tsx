import { useState } from 'react';
import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { BranchAssessmentDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { QuarterTrend } from './QuarterTrend';
import { IndicatorCard } from './IndicatorCard';
import { formatPoints } from './assessment-model';
import { useQuarterName } from './useQuarterName';

/**
 * A branch's assessment (考核): the score over the last four quarters, and for the chosen quarter each indicator
 * with how it was counted, the obligations that cost points (citation, points, where to act) and the evidence.
 */
export default function AssessmentPage({ branchId }: { branchId: string }) {
  const { t } = useI18n();
  const quarterName = useQuarterName();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BranchAssessmentDocument, variables: { branchId, first: 4 } });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ branch, branchAssessment: quarters }) => {
          const current = quarters.at(-1)?.quarter ?? null;
          // The last ended quarter is the one to explain by default: the current one is still in progress.
          const fallback = quarters.length > 1 ? quarters[quarters.length - 2] : quarters.at(-1);
          const q = quarters.find((x) => x.quarter === chosen) ?? fallback;
          return (
            <>
              <div className="page-head">
                <div>
                  <p className="meta">{branch.name}</p>
                  <h1>{t('assess.title')}</h1>
                </div>
                <a className="button button-ghost" href={hrefFor({ name: 'branch', id: branch.id })}>
                  {t('assess.back')}
                </a>
              </div>
              <Section title={t('assess.trend')} hint={t('assess.hint')}>
                <QuarterTrend quarters={quarters} current={current} selected={q?.quarter ?? null} onSelect={setChosen} />
              </Section>
              {q ? (
                <Section
                  title={t('assess.detail', { quarter: quarterName(q.quarter) })}
                  actions={
                    <strong className="score" data-testid="assess-score">
                      {q.score === null ? t('assess.noScore') : `${formatPoints(q.score)} ${t('assess.score')}`}
                    </strong>
                  }
                >
                  <ul className="list" data-testid="indicators">
                    {q.indicators.map((ind) => (
                      <IndicatorCard key={ind.id} ind={ind} all={q.indicators} />
                    ))}
                  </ul>
                </Section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
