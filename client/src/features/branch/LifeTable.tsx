import type { BranchViewQuery } from '../../gql/graphql';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';

type Life = BranchViewQuery['branch']['life'];

/** 三会一课 and the other kinds: held vs the minimum, attendance, and missing periods highlighted. */
export function LifeTable({ life }: { life: Life }) {
  const { t, te, pct } = useI18n();
  const kinds = life.kinds.filter((k) => k.applies);
  if (kinds.every((k) => k.held === 0 && k.required === 0)) return <EmptyState>{t('branch.lifeEmpty')}</EmptyState>;
  return (
    <ScrollRegion label={t('branch.life')}>
      <table data-testid="life-table">
        <thead>
          <tr>
            <th scope="col">{t('branch.col.meetingKind')}</th>
            <th scope="col" className="num">{t('branch.col.held')}</th>
            <th scope="col" className="num">{t('branch.col.attendance')}</th>
            <th scope="col">{t('branch.col.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const short = k.missing.length > 0;
            return (
              <tr key={k.kind} className={short ? 'missing' : undefined} data-missing={short ? k.missing.length : 0}>
                <th scope="row" style={{ fontWeight: 500 }}>{te('meeting', k.kind)}</th>
                <td className="num">{t('branch.held', { held: k.held, min: k.required })}</td>
                <td className="num">{k.attendanceRate == null ? '—' : pct(k.attendanceRate)}</td>
                <td>{short ? <><span className="chip chip-warn">{t('branch.missing', { n: k.missing.length })}</span> <span className="meta">{k.missing.map((p) => p.label).join('、')}</span></> : <span className="chip chip-ok">✓</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {life.attendanceRate != null ? <p className="meta">{t('branch.attendanceRate', { p: pct(life.attendanceRate) })}</p> : null}
    </ScrollRegion>
  );
}
