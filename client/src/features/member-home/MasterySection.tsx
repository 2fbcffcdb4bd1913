import type { MemberLearningQuery } from '../../gql/graphql';
import { MasteryBars } from '../../charts/MasteryBars';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';

type Areas = MemberLearningQuery['mastery']['areas'];

/** Mastery per top-level area against the stage's requirement (and, on a portrait, the branch average). */
export function MasterySection({ areas, title, hint, branchAverage }: { areas: Areas; title?: string; hint?: string; branchAverage?: ReadonlyMap<string, number> }) {
  const { t, te, pct } = useI18n();
  const required = areas.filter((a) => a.requirement);
  return (
    <Section title={title ?? t('home.mastery')} hint={hint ?? t('home.masteryHint')}>
      {areas.length === 0 ? (
        <EmptyState>{t('home.masteryEmpty')}</EmptyState>
      ) : (
        <>
          <MasteryBars
            bars={areas.map((a) => ({ key: a.area, label: te('area', a.area), value: a.mastery, required: a.target, compare: branchAverage?.get(a.area) ?? null }))}
            format={(v) => pct(v)}
            requiredLabel={(p) => t('home.required', { p })}
            compareLabel={t('portrait.branchAvg')}
          />
          {required.length ? (
            <ul className="meta" data-testid="area-requirements" style={{ margin: '.4rem 0 0', paddingLeft: '1.1rem' }}>
              {required.map((a) => (
                <li key={a.area} data-area={a.area}>
                  {t('home.areaNote', { area: te('area', a.area), note: a.requirement ?? '' })}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Section>
  );
}
