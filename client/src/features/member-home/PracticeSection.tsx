import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { PracticeQuestionsDocument, type PracticeQuestionsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { PracticeCard } from './PracticeCard';

type Question = PracticeQuestionsQuery['questions']['nodes'][number];

/**
 * Practice questions on the member's gap topics (any topic while no gaps are known), skipping the ones
 * answered recently. Answering calls `onAnswered` so the page refreshes what depends on answers.
 */
export function PracticeSection({ memberId, gapTopicIds, recentlyAnswered, onAnswered }: {
  memberId: string; gapTopicIds: string[]; recentlyAnswered: string[]; onAnswered: () => void;
}) {
  const { t } = useI18n();
  const filter = gapTopicIds.length ? { topicIds: gapTopicIds.slice(0, 20) } : null;
  const [{ data, fetching, error }, retry] = useQuery({ query: PracticeQuestionsDocument, variables: { filter, first: 30 } });
  // The question on screen is pinned: refreshing after an answer must not swap it under the feedback.
  const [pinned, setPinned] = useState<Question | null>(null);
  const [seen, setSeen] = useState<string[]>([]);
  const pool = useMemo(() => {
    const answered = new Set([...recentlyAnswered, ...seen]);
    const all = data?.questions.nodes ?? [];
    const fresh = all.filter((q) => !answered.has(q.id));
    return fresh.length ? fresh : all;
  }, [data, recentlyAnswered, seen]);
  const question = pinned ?? pool[0] ?? null;
  const next = () => {
    if (question) setSeen((s) => [...s, question.id]);
    setPinned(null);
  };
  return (
    <Section title={t('home.practice')} hint={t('home.practiceHint')}>
      <QueryState fetching={fetching} error={error} data={data} retry={() => retry({ requestPolicy: 'network-only' })}>
        {() => question
          ? <PracticeCard memberId={memberId} question={question} onAnswered={() => { setPinned(question); onAnswered(); }} onNext={next} />
          : <EmptyState>{t('home.practiceEmpty')}</EmptyState>}
      </QueryState>
    </Section>
  );
}
