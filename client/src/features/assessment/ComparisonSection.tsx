import { useState } from 'react';
import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { AssessmentComparisonDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { Section } from '../../ui/Section';
import { formatPoints, recentQuarters } from './assessment-model';
import { useQuarterName } from './useQuarterName';

const INDICATORS = ['meetings', 'attendance', 'pipeline', 'dues', 'notices', 'learning'] as const;

/**
 * The cross-branch comparison for the committee and university dashboards: every branch's score for one quarter
 * (the last ended one unless another is chosen), best first, with each indicator and how many items cost points.
 */
export function ComparisonSection({ committeeId }: { committeeId: string | null }) {
  const { t, te, pct } = useI18n();
  const quarterName = useQuarterName();
  const [options] = useState(() => recentQuarters());
  const [quarter, setQuarter] = useState(options[1]);
  const [{ data, fetching, error, operation }, refetch] = useQuery({ query: AssessmentComparisonDocument, variables: { committeeId, quarter } });
  // Another quarter's comparison (or its "none") on screen while the chosen quarter's loads: marked busy, and dimmed.
  const stale = !!operation && operation.variables.quarter !== quarter;
  return (
    <Section
      title={t('assess.compare')}
      hint={t('assess.compareHint')}
      actions={
        <label className="row meta">
          {t('assess.selectQuarter')}
          <select value={quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="assess-quarter">
            {options.map((q, i) => (
              <option key={q} value={q}>
                {quarterName(q)}
                {i === 0 ? t('assess.current') : ''}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ assessmentComparison: rows }) =>
          rows.length === 0 ? (
            <div aria-busy={stale || undefined}>
              <EmptyState>{t('assess.empty')}</EmptyState>
            </div>
          ) : (
            <ScrollRegion label={t('assess.compare')}>
              {/* data-quarter: the quarter of the rows shown (the previous quarter's stay on screen, marked busy, while another loads). */}
              <table data-testid="assess-compare" data-quarter={rows[0].quarter} aria-busy={stale || undefined}>
                <thead>
                  <tr>
                    <th scope="col">{t('assess.rank')}</th>
                    <th scope="col">{t('assess.branch')}</th>
                    <th scope="col">{t('assess.score')}</th>
                    {INDICATORS.map((id) => (
                      <th key={id} scope="col">
                        {te('assess.ind', id)}
                      </th>
                    ))}
                    <th scope="col">{t('assess.shortfalls')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.branchId} data-branch={r.branchId} data-score={r.score ?? ''}>
                      <td className="num">{r.score === null ? '—' : i + 1}</td>
                      <th scope="row">
                        <a href={hrefFor({ name: 'assessment', branchId: r.branchId })}>{r.branchName}</a>
                      </th>
                      <td className="num">
                        <strong>{r.score === null ? t('assess.noScore') : formatPoints(r.score)}</strong>
                      </td>
                      {INDICATORS.map((id) => {
                        const ind = r.indicators.find((x) => x.id === id);
                        return (
                          <td key={id} className="num">
                            {ind && ind.value !== null ? pct(ind.value) : '—'}
                          </td>
                        );
                      })}
                      <td className="num">{r.indicators.reduce((n, x) => n + x.shortfalls.length, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryState>
    </Section>
  );
}
