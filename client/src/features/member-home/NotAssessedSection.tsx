import { useId, useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../ui/Section';
import { ShowAllButton } from '../../ui/ShowAllButton';

export interface NotAssessedItem {
  target: number;
  reasons: string[];
  topic: { id: string; name: string; area: string };
}

/**
 * Required topics not yet assessed (尚未评估): below target but without the evidence a gap needs. Shown
 * apart from gaps, never coloured as one; `action` is where the member can get assessed (the placement quiz).
 */
export function NotAssessedSection({ items, limit = 6, action }: { items: NotAssessedItem[]; limit?: number; action?: React.ReactNode }) {
  const { t, te, pct } = useI18n();
  const [all, setAll] = useState(false);
  const listId = useId();
  if (items.length === 0) return null;
  return (
    <Section title={t('home.notAssessed')}>
      <p className="meta">{t('home.notAssessedHint', { n: items.length })}</p>
      {action}
      <ul className="list" data-testid="not-assessed" data-count={items.length} id={listId}>
        {(all ? items : items.slice(0, limit)).map((x) => (
          <li key={x.topic.id} data-topic={x.topic.id}>
            <div className="row spread">
              <strong>{x.topic.name}</strong>
              <span className="row">
                <span className="chip">{te('area', x.topic.area)}</span>
                <span className="chip">{t('home.notAssessedTarget', { p: pct(x.target) })}</span>
              </span>
            </div>
            <ul className="meta" style={{ margin: 0, paddingLeft: '1.1rem' }}>
              {x.reasons.slice(-2).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p style={{ margin: '.5rem 0 0' }}>
        <ShowAllButton total={items.length} limit={limit} expanded={all} onToggle={() => setAll((v) => !v)} controls={listId} />
      </p>
    </Section>
  );
}
