import { useId, useState } from 'react';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ShowAllButton } from '../../ui/ShowAllButton';
import type { AttentionItem, AttentionReason } from './attention';

const LIMIT = 8;

/** The members who need the secretary now, each reason with its evidence (see attention.ts). */
export function AttentionList({ items, periodLabel }: { items: AttentionItem[]; periodLabel: string }) {
  const { t, te, pct } = useI18n();
  const [all, setAll] = useState(false);
  const id = useId();
  const reason = (r: AttentionReason): string => {
    switch (r.kind) {
      case 'attendance':
        return t('attention.attendance', { present: r.present, n: r.meetings, p: pct(r.rate), b: pct(r.branchRate), period: periodLabel });
      case 'noStudy':
        return r.days === null ? t('attention.neverStudied') : t('attention.noStudy', { d: r.days });
      case 'stageGap': {
        const shown = r.areas
          .slice(0, 2)
          .map((a) => t('attention.area', { area: te('area', a.area), m: pct(a.mastery), t: pct(a.target) }))
          .join('；');
        return t('attention.stageGap', { next: te('stage', r.nextStage), areas: shown, n: r.areas.length });
      }
    }
  };
  if (items.length === 0) return <EmptyState>{t('attention.empty')}</EmptyState>;
  const shown = all ? items : items.slice(0, LIMIT);
  return (
    <>
      <p className="meta">{t('attention.count', { n: items.length })}</p>
      <ul className="list attention-list" id={id} data-testid="attention">
        {shown.map((x) => (
          <li key={x.id} data-member={x.id}>
            <a href={hrefFor({ name: 'portrait', id: x.id })}>
              <strong>{x.name}</strong>
            </a>{' '}
            <span className="meta">{te('stage', x.stage)}</span>
            <ul className="attention-reasons">
              {x.reasons.map((r) => (
                <li key={r.kind} data-reason={r.kind}>
                  <span className="chip chip-warn">{t(`attention.kind.${r.kind}`)}</span> {reason(r)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ShowAllButton total={items.length} limit={LIMIT} expanded={all} onToggle={() => setAll((v) => !v)} controls={id} />
    </>
  );
}
