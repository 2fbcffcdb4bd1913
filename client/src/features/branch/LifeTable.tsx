import { hrefFor } from '../../app/routes';
import type { BranchViewQuery } from '../../gql/graphql';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';

type Life = BranchViewQuery['branch']['life'];

/**
 * 三会一课 and the other kinds, per period: the requirement (at least n per month, quarter or year) with the
 * rule and citation that set it, how many whole periods met it, and each period that fell short with held
 * against required. Partial and current periods are not counted.
 */
export function LifeTable({ life, branchId }: { life: Life; branchId?: string }) {
  const { t, te, pct } = useI18n();
  const kinds = life.kinds.filter((k) => k.applies);
  if (kinds.every((k) => k.held === 0 && k.periods.length === 0)) return <EmptyState>{t('branch.lifeEmpty')}</EmptyState>;
  return (
    <ScrollRegion label={t('branch.life')}>
      <table data-testid="life-table">
        <thead>
          <tr>
            <th scope="col">{t('branch.col.meetingKind')}</th>
            <th scope="col">{t('life.col.rule')}</th>
            <th scope="col" className="num">
              {t('life.col.periods')}
            </th>
            <th scope="col" className="num">
              {t('branch.col.attendance')}
            </th>
            <th scope="col">{t('life.col.short')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const short = k.periods.filter((p) => p.status === 'OVERDUE');
            const met = k.periods.length - short.length;
            return (
              <tr key={k.kind} className={short.length ? 'missing' : undefined} data-missing={short.length} data-kind={k.kind}>
                <th scope="row" style={{ fontWeight: 500 }}>
                  {te('meeting', k.kind)}
                </th>
                <td>
                  <span data-testid="life-requirement">{t(`life.per.${k.frequency}`, { n: k.perPeriod })}</span>
                  <div className="meta" title={k.rule.citation.note ?? undefined} data-testid="life-citation">
                    {t('life.basis', { text: k.rule.citation.text })}
                  </div>
                </td>
                <td className="num" data-testid="life-periods">
                  {k.periods.length ? t('life.periodsMet', { met, total: k.periods.length }) : <span className="meta">{t('life.noPeriod')}</span>}
                </td>
                <td className="num">{k.attendanceRate == null ? '—' : pct(k.attendanceRate)}</td>
                <td data-testid="life-short">
                  {short.length ? (
                    <>
                      <span className="chip chip-warn">{t('branch.missing', { n: short.length })}</span>{' '}
                      <span className="meta">{short.map((p) => t('life.shortPeriod', { label: p.label, held: p.held, required: p.required })).join('；')}</span>
                    </>
                  ) : k.periods.length ? (
                    <span className="chip chip-ok">✓</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {life.attendanceRate != null ? <p className="meta">{t('branch.attendanceRate', { p: pct(life.attendanceRate) })}</p> : null}
      {branchId ? (
        <p>
          <a href={hrefFor({ name: 'meetings', branchId })} data-testid="meetings-link">
            {t('life.meetingsLink')}
          </a>{' '}
          ·{' '}
          <a href={hrefFor({ name: 'affairs', branchId })} data-testid="affairs-link">
            {t('affairs.branchAffairs')}
          </a>
        </p>
      ) : null}
    </ScrollRegion>
  );
}
