import type { MemberLearningQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../ui/Section';

type Discounted = MemberLearningQuery['mastery']['discounted'];

/**
 * The member's own answers and study sessions that count less in their mastery, each with why (the
 * server lists them for the member only; for anyone else the list is empty and nothing is shown).
 */
export function DiscountedSection({ items }: { items: Discounted }) {
  const { t, pct, date } = useI18n();
  if (items.length === 0) return null;
  return (
    <Section title={t('integrity.title')}>
      <p className="meta">{t('integrity.hint')}</p>
      <ul className="list" data-testid="discounted" data-count={items.length}>
        {items.map((x) => (
          <li key={x.eventId} data-event={x.eventId}>
            <div className="row spread">
              <strong>
                {t(x.kind === 'ANSWER' ? 'integrity.answer' : 'integrity.study')} · {date(x.at, true)}
              </strong>
              <span className="chip chip-warn">{t('integrity.notCounted', { p: pct(x.discount) })}</span>
            </div>
            <ul className="meta" style={{ margin: 0, paddingLeft: '1.1rem' }}>
              {x.reasons.map((r) => (
                <li key={r.code} data-code={r.code}>
                  {r.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
