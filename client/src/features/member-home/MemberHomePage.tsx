import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { MemberHomeDocument, MemberLearningDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { ActivityList } from '../activity/ActivityList';
import { CourseSearch } from './CourseSearch';
import { GapsSection } from './GapsSection';
import { NotAssessedSection } from './NotAssessedSection';
import { PlacementSection } from './PlacementSection';
import { MasterySection } from './MasterySection';
import { DiscountedSection } from './DiscountedSection';
import { PlanSection } from './PlanSection';
import { PracticeSection } from './PracticeSection';
import { RecommendationsSection } from './RecommendationsSection';

/**
 * A member's home, phone first: this week's plan, recommendations with the why and the path, mastery by area
 * against the stage's requirement, gaps, topics not yet assessed, practice questions, search and recent
 * activity, and the placement quiz while several required topics are not yet assessed. Answering or studying
 * refreshes everything that depends on it.
 */
const PLACEMENT_FROM = 3;
export default function MemberHomePage({ memberId }: { memberId: string }) {
  const { t, te } = useI18n();
  const [home, refetchHome] = useQuery({ query: MemberHomeDocument, variables: { id: memberId } });
  const [learning, refetchLearning] = useQuery({ query: MemberLearningDocument, variables: { id: memberId } });
  const refresh = useCallback(() => {
    refetchHome({ requestPolicy: 'network-only' });
    refetchLearning({ requestPolicy: 'network-only' });
  }, [refetchHome, refetchLearning]);
  const l = learning.data;
  // Offered while several required topics are not yet assessed; kept once started.
  const [placement, setPlacement] = useState(false);
  return (
    <div className="page">
      <QueryState fetching={home.fetching} error={home.error} data={home.data} retry={refresh}>
        {({ member }) => (
          <>
            <div className="page-head">
              <div>
                <h1>{t('home.greeting', { name: member.name })}</h1>
                <p className="sub">{t('home.stageLine', { stage: te('stage', member.stage), branch: member.branch.name })}</p>
              </div>
              <p className="meta">
                <a href={hrefFor({ name: 'record', memberId: member.id })} data-testid="my-record">
                  {t('record.link')}
                </a>
                {' · '}
                <a href={hrefFor({ name: 'profiles', memberId: member.id })} data-testid="my-profiles">
                  {t('profiles.link')}
                </a>
              </p>
            </div>
            {learning.error && !l ? <ErrorMessage error={learning.error} onRetry={refresh} /> : null}
            {!l && learning.fetching ? <Loading /> : null}
            <div className="grid-2">
              {l && (placement || l.mastery.notAssessed.length >= PLACEMENT_FROM) ? (
                <PlacementSection
                  memberId={member.id}
                  onAnswered={() => {
                    setPlacement(true);
                    refresh();
                  }}
                />
              ) : null}
              {l ? <PlanSection memberId={member.id} plan={l.studyPlan} onChanged={refresh} /> : null}
              {l ? <RecommendationsSection memberId={member.id} recs={l.recommendations} planned={l.studyPlan?.items.map((i) => i.course.id) ?? []} onStudied={refresh} /> : null}
              <PracticeSection memberId={member.id} onAnswered={refresh} />
              {l ? <GapsSection gaps={l.gaps} /> : null}
              {l ? <NotAssessedSection items={l.mastery.notAssessed} /> : null}
              {l ? <MasterySection areas={l.mastery.areas} /> : null}
              {l ? <DiscountedSection items={l.mastery.discounted} /> : null}
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
