import { useI18n } from '../../i18n/useI18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { formatPoints } from './assessment-model';
import { type QuarterScore, useQuarterName } from './useQuarterName';

/** The score per quarter, oldest first, as a table with a bar per row; each quarter can be opened. */
export function QuarterTrend({
  quarters,
  current,
  selected,
  onSelect,
}: {
  quarters: QuarterScore[];
  current: string | null;
  selected: string | null;
  onSelect: (q: string) => void;
}) {
  const { t } = useI18n();
  const quarterName = useQuarterName();
  return (
    <ScrollRegion label={t('assess.trend')}>
      <table data-testid="assess-trend">
        <thead>
          <tr>
            <th scope="col">{t('assess.selectQuarter')}</th>
            <th scope="col">{t('assess.score')}</th>
            <th scope="col">
              <span className="sr-only">{t('assess.score')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.quarter} data-quarter={q.quarter} data-score={q.score ?? ''} aria-current={q.quarter === selected ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="link-like trend-button" onClick={() => onSelect(q.quarter)} aria-pressed={q.quarter === selected}>
                  {quarterName(q.quarter)}
                  {q.quarter === current ? t('assess.current') : ''}
                </button>
              </th>
              <td className="num">{q.score === null ? t('assess.noScore') : formatPoints(q.score)}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className="score-bar" style={{ width: `${Math.max(0, Math.min(100, q.score ?? 0))}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
