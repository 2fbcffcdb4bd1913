import type { BranchGapReportQuery } from '../../gql/graphql';
import { heatColor, heatTextColor } from '../../charts/heat-scale';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';

type Report = BranchGapReportQuery['branchGaps'];

/**
 * Members × areas, each cell coloured by the member's most severe gap in the area (scaled to the branch's
 * worst cell) and showing how many gaps it holds. A real table, so it reads well with a screen reader.
 */
export function GapHeatmap({ report }: { report: Report }) {
  const { t, te, pct } = useI18n();
  const rows = report.rows.filter((r) => r.cells.some((c) => c.gapCount > 0));
  if (rows.length === 0) return <EmptyState>{t('branch.heatmapEmpty')}</EmptyState>;
  const max = Math.max(...rows.flatMap((r) => r.cells.map((c) => c.severity)));
  const sorted = [...rows].sort((a, b) => sum(b.cells) - sum(a.cells));
  return (
    <div className="table-wrap">
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('branch.col.name')}</th>
            {report.areas.map((a) => <th key={a} scope="col" className="area">{te('area', a)}</th>)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.member.id}>
              <th scope="row" style={{ fontWeight: 500 }}><a href={hrefFor({ name: 'portrait', id: r.member.id })}>{r.member.name}</a></th>
              {r.cells.map((c) => (
                <td key={c.area} className="cell" style={{ background: heatColor(c.severity, max), color: heatTextColor(c.severity, max) }}
                  title={`${r.member.name} · ${te('area', c.area)} · ${t('home.severity', { p: pct(c.severity) })} · ${t('home.gapMastery', { p: pct(c.mastery) })}`}>
                  {c.gapCount || ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const sum = (cells: { severity: number }[]) => cells.reduce((s, c) => s + c.severity, 0);
