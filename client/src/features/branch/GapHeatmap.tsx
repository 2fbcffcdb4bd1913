import { useId, useState } from 'react';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { BranchGapReportQuery } from '../../gql/graphql';
import { heatColor, heatTextColor } from '../../charts/heat-scale';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ShowAllButton } from '../../ui/ShowAllButton';

type Report = BranchGapReportQuery['branchGaps'];

/** Rows shown before "show all": the members with the most urgent gaps, enough to plan a lecture around. */
const FIRST_ROWS = 12;

/**
 * Members × areas, each cell coloured by the member's most severe gap in the area (scaled to the branch's
 * worst cell) and showing how many gaps it holds; topics not yet assessed are counted apart ("?n", never
 * coloured as a gap). A real table, so it reads well with a screen reader; a legend says what the
 * numbers and colours mean.
 */
export function GapHeatmap({ report }: { report: Report }) {
  const { t, te, pct } = useI18n();
  const [all, setAll] = useState(false);
  const tableId = useId();
  const rows = report.rows.filter((r) => r.cells.some((c) => c.gapCount > 0 || c.notAssessedCount > 0));
  if (rows.length === 0) return <EmptyState>{t('branch.heatmapEmpty')}</EmptyState>;
  const max = Math.max(0.01, ...rows.flatMap((r) => r.cells.map((c) => c.severity)));
  const open = report.rows.filter((r) => r.cells.some((c) => c.notAssessedCount > 0)).length;
  const sorted = [...rows].sort((a, b) => sum(b.cells) - sum(a.cells));
  return (
    <>
      <div className="legend heat-legend" aria-hidden="true">
        <span>
          <i style={{ background: heatColor(0, max), border: '1px solid var(--line)' }} />
          {t('branch.heatmapNone')}
        </span>
        <span className="heat-ramp">
          {t('branch.heatmapMild')}
          {[0.2, 0.45, 0.7, 1].map((f) => (
            <i key={f} style={{ background: heatColor(f * max, max) }} />
          ))}
          {t('branch.heatmapSevere')}
        </span>
        <span>{t('branch.heatmapOpen')}</span>
      </div>
      <p className="meta" data-testid="heatmap-open">
        {t('branch.heatmapOpenCount', { n: open, total: report.rows.length })}
      </p>
      <ScrollRegion label={t('branch.heatmap')}>
        <table className="heatmap" data-testid="heatmap" id={tableId}>
          <thead>
            <tr>
              <th scope="col">{t('branch.col.name')}</th>
              {report.areas.map((a) => (
                <th key={a} scope="col" className="area">
                  {te('area', a)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(all ? sorted : sorted.slice(0, FIRST_ROWS)).map((r) => (
              <tr key={r.member.id}>
                <th scope="row" style={{ fontWeight: 500 }}>
                  <a href={hrefFor({ name: 'portrait', id: r.member.id })}>{r.member.name}</a>
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.area}
                    className="cell"
                    style={{ background: heatColor(c.severity, max), color: heatTextColor(c.severity, max) }}
                    title={`${r.member.name} · ${te('area', c.area)} · ${t('home.severity', { p: pct(c.severity) })} · ${t('home.gapMastery', { p: pct(c.mastery) })}${c.notAssessedCount ? ` · ${t('branch.cellOpen', { n: c.notAssessedCount })}` : ''}`}
                  >
                    {c.gapCount || ''}
                    {c.notAssessedCount ? (
                      <span className="open-count" role="img" aria-label={t('branch.cellOpen', { n: c.notAssessedCount })}>
                        ?{c.notAssessedCount}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p style={{ margin: '.5rem 0 0' }}>
        <ShowAllButton total={sorted.length} limit={FIRST_ROWS} expanded={all} onToggle={() => setAll((x) => !x)} controls={tableId} />
      </p>
    </>
  );
}

const sum = (cells: { severity: number }[]) => cells.reduce((s, c) => s + c.severity, 0);
