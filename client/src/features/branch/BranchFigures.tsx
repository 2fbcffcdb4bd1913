import { useI18n } from '../../i18n/useI18n';
import { meetingRatio, type KindCount } from '../dashboard/dashboard-model';
import { periodDates, type Period } from './periods';

/**
 * The branch's headline figures for the chosen period, each saying what it is a share of and over which
 * dates; computed as the dashboard computes them, so both screens agree for the same period.
 */
/** The share of the branch's answers in the period that the integrity checks discounted (Branch.answerIntegrity). */
export interface AnswerIntegrityFigure {
  answers: number;
  discountedAnswers: number;
  discountedShare: number;
  reasons: readonly { code: string; answers: number; label: string }[];
}

export function BranchFigures({
  period,
  counted,
  kinds,
  attendanceRate,
  integrity,
}: {
  period: Period;
  /**
   * The period the figures were counted for (the query's from/to): while another period's figures load, the
   * previous period's stay on screen, so this can differ from `period` for a moment.
   */
  counted?: { from: string; to: string };
  kinds: readonly KindCount[];
  attendanceRate: number | null | undefined;
  integrity?: AnswerIntegrityFigure | null;
}) {
  const { t, pct } = useI18n();
  const meetings = meetingRatio(kinds);
  // Another period's figures while the chosen one's load: marked busy (and dimmed), never shown as the chosen period's.
  const stale = !!counted && (counted.from !== period.from || counted.to !== period.to);
  return (
    <dl
      className="figures"
      data-testid="branch-figures"
      data-from={period.from}
      data-to={period.to}
      data-counted-from={counted?.from}
      data-counted-to={counted?.to}
      aria-busy={stale || undefined}
    >
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
      {integrity ? (
        <div data-testid="figure-discounted-block">
          <dt>{t('figure.discounted')}</dt>
          <dd data-testid="figure-discounted">{integrity.answers ? pct(integrity.discountedShare) : '—'}</dd>
          <dd className="meta" data-testid="figure-discounted-of">
            {t('figure.discountedOf', { answers: integrity.answers, discounted: integrity.discountedAnswers })}
          </dd>
          {integrity.reasons.length ? (
            <dd className="meta">
              <ul data-testid="figure-discounted-reasons">
                {integrity.reasons.map((r) => (
                  <li key={r.code} data-code={r.code} data-answers={r.answers}>
                    {t('figure.discountedReason', { label: r.label, n: r.answers })}
                  </li>
                ))}
              </ul>
            </dd>
          ) : null}
        </div>
      ) : null}
      <div>
        <dt>{t('branch.period')}</dt>
        <dd>{period.label}</dd>
        <dd className="meta">{periodDates(period)}</dd>
      </div>
    </dl>
  );
}
