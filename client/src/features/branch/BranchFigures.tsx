import { useI18n } from '../../i18n/useI18n';
import { meetingRatio, type KindCount } from '../dashboard/dashboard-model';
import { periodDates, type Period } from './periods';

/**
 * The branch's headline figures for the chosen period, each saying what it is a share of and over which
 * dates; computed as the dashboard computes them, so both screens agree for the same period.
 */
export function BranchFigures({ period, kinds, attendanceRate }: { period: Period; kinds: readonly KindCount[]; attendanceRate: number | null | undefined }) {
  const { t, pct } = useI18n();
  const meetings = meetingRatio(kinds);
  return (
    <dl className="figures" data-testid="branch-figures" data-from={period.from} data-to={period.to}>
      <div>
        <dt>{t('dash.meetings')}</dt>
        <dd data-testid="figure-meetings">{meetings == null ? '—' : pct(meetings)}</dd>
        <dd className="meta">{t('figure.meetingsOf')}</dd>
      </div>
      <div>
        <dt>{t('branch.col.attendance')}</dt>
        <dd data-testid="figure-attendance">{attendanceRate == null ? '—' : pct(attendanceRate)}</dd>
        <dd className="meta">{t('figure.attendanceOf')}</dd>
      </div>
      <div>
        <dt>{t('branch.period')}</dt>
        <dd>{period.label}</dd>
        <dd className="meta">{periodDates(period)}</dd>
      </div>
    </dl>
  );
}
