import { hrefFor } from '../../app/routes';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { heatColor } from '../../charts/heat-scale';
import { meetingRatio, type Quarter } from './dashboard-model';
import type { DashBranch } from './DashboardView';

/** Meetings held vs required per branch and quarter, as a table with a bar in each cell. */
export function TrendTable({ branches, quarters }: { branches: DashBranch[]; quarters: Quarter[] }) {
  const { t, pct } = useI18n();
  return (
    <ScrollRegion label={t('dash.trend')}>
      <table data-testid="trend-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.branchCol')}</th>
            {quarters.map((q) => (
              <th key={q.label} scope="col" className="num">
                {q.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {branches.map((b) => (
            <tr key={b.id}>
              <th scope="row" style={{ fontWeight: 500 }}>
                <a href={hrefFor({ name: 'branch', id: b.id })}>{b.name}</a>
                <div className="meta">{b.committee}</div>
              </th>
              {b.quarters.map((q, i) => {
                const r = meetingRatio(q.kinds);
                return (
                  <td key={quarters[i].label} className="num" style={{ background: r == null ? undefined : heatColor(1 - r) }}>
                    {r == null ? '—' : pct(r)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
