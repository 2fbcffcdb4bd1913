import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { PracticeForMemberDocument, type PracticeForMemberQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { PracticeCard } from './PracticeCard';

type Item = PracticeForMemberQuery['practiceQuestions'][number];

/**
 * Practice questions on the member's gap topics (the API's practiceQuestions). The question on screen is
 * pinned while its feedback shows, because answering refreshes gaps and with them the question list.
 */
export function PracticeSection({ memberId, onAnswered }: { memberId: string; onAnswered: () => void }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PracticeForMemberDocument, variables: { id: memberId, first: 10 } });
  const [pinned, setPinned] = useState<Item | null>(null);
  const [seen, setSeen] = useState<string[]>([]);
  const pool = useMemo(() => (data?.practiceQuestions ?? []).filter((q) => !seen.includes(q.question.id)), [data, seen]);
  const item = pinned ?? pool[0] ?? null;
  const next = () => {
    if (item) setSeen((s) => [...s, item.question.id]);
    setPinned(null);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Section title={t('home.practice')} hint={t('home.practiceHint')}>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {() =>
          item ? (
            <PracticeCard
              memberId={memberId}
              question={item.question}
              reason={item.reason}
              onAnswered={() => {
                setPinned(item);
                onAnswered();
              }}
              onNext={next}
            />
          ) : (
            <EmptyState>{t('home.practiceEmpty')}</EmptyState>
          )
        }
      </QueryState>
    </Section>
  );
}
