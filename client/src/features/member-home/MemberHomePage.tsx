import { useCallback } from 'react';
import { useQuery } from 'urql';
import { MemberHomeDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { ActivityList } from '../activity/ActivityList';
import { PracticeSection } from './PracticeSection';
import { CourseSearch } from './CourseSearch';

/**
 * A member's home, phone first: this week's plan, recommendations with the why and the path, mastery by area
 * against the stage's requirement, gaps, practice questions and recent activity.
 */
export default function MemberHomePage({ memberId }: { memberId: string }) {
  const { t, te } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberHomeDocument, variables: { id: memberId } });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={refresh}>
        {({ member }) => (
          <>
            <div className="page-head">
              <div>
                <h1>{t('home.greeting', { name: member.name })}</h1>
                <p className="sub">{t('home.stageLine', { stage: te('stage', member.stage), branch: member.branch.name })}</p>
              </div>
            </div>
            <div className="grid-2">
              <Section title={t('home.plan')}>
                <EmptyState>{t('state.comingSoon')}</EmptyState>
              </Section>
              <Section title={t('home.recommend')}>
                <EmptyState>{t('state.comingSoon')}</EmptyState>
              </Section>
              <Section title={t('home.mastery')} hint={t('home.masteryHint')}>
                <EmptyState>{t('state.comingSoon')}</EmptyState>
              </Section>
              <Section title={t('home.gaps')}>
                <EmptyState>{t('state.comingSoon')}</EmptyState>
              </Section>
              <PracticeSection memberId={member.id} gapTopicIds={[]}
                recentlyAnswered={member.recentActivity.answers.map((a) => a.question.id)} onAnswered={refresh} />
              <CourseSearch memberId={member.id} onStudied={refresh} />
              <Section title={t('home.activity')}>
                <ActivityList activity={member.recentActivity} emptyText={t('home.activityEmpty')} />
              </Section>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
