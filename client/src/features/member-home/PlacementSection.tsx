import { useState } from 'react';
import { useQuery } from 'urql';
import { PlacementStepDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { Section } from '../../ui/Section';
import { PracticeCard } from './PracticeCard';

/**
 * The adaptive placement quiz (摸底测评) for a member with little evidence: start, answer the question the
 * server finds most informative (recorded like any answer), go on until the server says done (at most
 * 20 questions). `onAnswered` refreshes the page, so gaps and "not yet assessed" follow each answer.
 */
export function PlacementSection({ memberId, onAnswered }: { memberId: string; onAnswered: () => void }) {
  const { t } = useI18n();
  const [started, setStarted] = useState(false);
  const [asked, setAsked] = useState<string[]>([]);
  const [step] = useQuery({ query: PlacementStepDocument, variables: { id: memberId, asked }, pause: !started, requestPolicy: 'network-only' });
  const s = step.data?.placementStep;
  return (
    <Section title={t('placement.title')}>
      <div data-testid="placement">
        {!started ? (
          <>
            <p className="meta">{t('placement.intro')}</p>
            <button type="button" className="button" data-testid="placement-start" onClick={() => setStarted(true)}>
              {t('placement.start')}
            </button>
          </>
        ) : step.error ? (
          <ErrorMessage error={step.error} />
        ) : !s || step.fetching ? (
          <Loading />
        ) : s.done ? (
          <p role="status" data-testid="placement-done">
            {t('placement.done', { n: s.asked })}
          </p>
        ) : (
          <>
            <p className="meta" data-testid="placement-progress">
              {t('placement.progress', { i: s.asked + 1, n: s.budget })}
            </p>
            {s.question ? <PracticeCard memberId={memberId} question={s.question} onAnswered={onAnswered} onNext={() => setAsked((a) => [...a, s.question!.id])} /> : null}
          </>
        )}
      </div>
    </Section>
  );
}
