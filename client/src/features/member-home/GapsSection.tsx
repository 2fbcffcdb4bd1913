import { useId, useState } from 'react';
import type { MemberLearningQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { ShowAllButton } from '../../ui/ShowAllButton';

type Gap = MemberLearningQuery['gaps'][number];

/** Learning gaps, most severe first, with their reasons; the first `limit`, and the rest on request. */
export function GapsSection({ gaps, limit = 6 }: { gaps: Gap[]; limit?: number }) {
  const { t, te, pct } = useI18n();
  const [all, setAll] = useState(false);
  const listId = useId();
  return (
    <Section title={t('home.gaps')}>
      {gaps.length === 0 ? (
        <EmptyState>{t('home.gapsEmpty')}</EmptyState>
      ) : (
        <>
          <ul className="list" data-testid="gaps" id={listId}>
            {(all ? gaps : gaps.slice(0, limit)).map((g) => (
              <li key={g.topic.id} data-topic={g.topic.id}>
                <div className="row spread">
                  <strong>{g.topic.name}</strong>
                  <span className="row">
                    <span className="chip">{te('area', g.topic.area)}</span>
                    <span className={`chip ${g.severity >= 0.5 ? 'chip-warn' : ''}`}>{t('home.severity', { p: pct(g.severity) })}</span>
                  </span>
                </div>
                <p className="meta">{t('home.gapMastery', { p: pct(g.mastery) })}</p>
                <ul className="meta" style={{ margin: 0, paddingLeft: '1.1rem' }}>
                  {g.reasons.slice(0, 3).map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p style={{ margin: '.5rem 0 0' }}>
            <ShowAllButton total={gaps.length} limit={limit} expanded={all} onToggle={() => setAll((x) => !x)} controls={listId} />
          </p>
        </>
      )}
    </Section>
  );
}
