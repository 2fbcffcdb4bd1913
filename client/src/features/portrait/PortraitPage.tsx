import { useMemo } from 'react';
import { PipelineTimeline } from '../affairs/PipelineTimeline';
import { useQuery } from 'urql';
import { PortraitBranchAverageDocument, PortraitDocument, PortraitLearningDocument, type PortraitQuery } from '../../gql/graphql';
import { LazyGraphView } from '../../graph-view/LazyGraphView';
import { useI18n } from '../../i18n/useI18n';
import { hrefFor, navigate } from '../../app/routes';
import { AppraisalRecord } from '../appraisal/AppraisalRecord';
import { domainId } from '../../graph-view/elements';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { MasterySection } from '../member-home/MasterySection';
import { GapsSection } from '../member-home/GapsSection';
import { NotAssessedSection } from '../member-home/NotAssessedSection';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { ActivityList } from '../activity/ActivityList';
import { useSession } from '../../app/useSession';
import { TagList } from '../activity/TagList';
import { StagePipeline } from './StagePipeline';
import { buildPortraitElements } from './portrait-elements';
import { Swatch } from '../network/NetworkLegend';
import { KIND_LOOK, STAGE_COLORS } from '../../graph-view/stylesheet';

type Member = PortraitQuery['member'];

/** A member's portrait for the secretary: tags with evidence, mastery profile, timeline, stage, neighbourhood. */
export default function PortraitPage({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortraitDocument, variables: { id: memberId } });
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ member }) => <Portrait member={member} />}
      </QueryState>
    </div>
  );
}

function Portrait({ member }: { member: Member }) {
  const { t, te, date } = useI18n();
  // A member may open their own portrait but not their branch's page: no link that only leads to "no access".
  const canOpenBranch = useSession()?.role !== 'MEMBER';
  const [learning, refetch] = useQuery({ query: PortraitLearningDocument, variables: { id: member.id } });
  // Without the right to read the branch (a member on their own portrait) the average is simply left out.
  const [branchAvg] = useQuery({ query: PortraitBranchAverageDocument, variables: { branchId: member.branch.id } });
  const l = learning.data;
  const average = useMemo(
    () => (branchAvg.data ? new Map(branchAvg.data.branchLearningSummaries[0]?.areas.map((a) => [a.area as string, a.mastery])) : undefined),
    [branchAvg.data],
  );
  const gapTags = useMemo(() => (l?.gaps ?? []).slice(0, 3).map((g) => ({ key: g.topic.id, label: g.topic.name, evidence: g.reasons[0] ?? '' })), [l]);
  const elements = useMemo(
    () =>
      buildPortraitElements({
        member,
        branch: member.branch,
        gapTopics: (l?.gaps ?? []).slice(0, 5).map((g) => g.topic),
        courses: member.recentActivity.studies.map((s) => ({ id: s.course.id, title: s.course.title, topics: s.course.topics.filter((x) => x.weight >= 0.3).map((x) => x.topic) })),
      }),
    [member, l],
  );
  const learningState = learning.error && !l ? <ErrorMessage error={learning.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : !l ? <Loading /> : null;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="meta">{t('portrait.title')}</p>
          <h1 data-testid="portrait-name">{member.name}</h1>
          <p className="sub">
            {te('stage', member.stage)} · {te('kind', member.kind)} · {te('role', member.role)} ·{' '}
            {canOpenBranch ? <a href={hrefFor({ name: 'branch', id: member.branch.id })}>{member.branch.name}</a> : member.branch.name}
          </p>
        </div>
        <div>
          {member.phone ? (
            <p className="meta">
              {t('portrait.phone')}：{member.phone}
            </p>
          ) : null}
          <p className="meta">
            <a href={hrefFor({ name: 'record', memberId: member.id })} data-testid="record-link">
              {t('record.link')}
            </a>
          </p>
        </div>
      </div>
      <Section title={t('portrait.pipeline')}>
        <StagePipeline stage={member.stage} />
        <p className="meta">{t('portrait.since', { date: date(member.stageSince) })}</p>
        <PipelineTimeline memberId={member.id} />
      </Section>
      <AppraisalRecord memberId={member.id} />
      <div className="grid-2">
        <Section title={t('portrait.tags')}>
          <TagList activity={member.recentActivity} gapTags={gapTags} />
        </Section>
        {learningState ?? (
          <MasterySection
            title={t(average ? 'portrait.profile' : 'home.mastery')}
            hint={t(average ? 'portrait.masteryHint' : 'home.masteryHint')}
            areas={l!.mastery.areas}
            branchAverage={average}
          />
        )}
        {l ? <GapsSection gaps={l.gaps} limit={4} /> : null}
        {l ? <NotAssessedSection items={l.mastery.notAssessed} limit={4} /> : null}
        <Section title={t('portrait.timeline')}>
          <ActivityList activity={member.recentActivity} limit={15} emptyText={t('home.activityEmpty')} />
          {member.transfers.length ? (
            <ul className="list" style={{ marginTop: '.5rem' }}>
              {member.transfers.map((x) => (
                <li key={x.id} className="meta">
                  {date(x.at)} · {x.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
        <Section title={t('portrait.neighbourhood')} hint={t('portrait.graphHint')}>
          <LazyGraphView
            elements={elements}
            className="graph-small"
            label={t('portrait.neighbourhood')}
            onNodeDoubleTap={(id) => {
              if (canOpenBranch && id.startsWith('branch:')) navigate({ name: 'branch', id: domainId(id) });
            }}
          />
          <p className="legend" data-testid="portrait-legend">
            <span>
              <Swatch shape="ellipse" color={STAGE_COLORS[member.stage] ?? KIND_LOOK.member.color} testId="portrait-legend-member" />
              {member.name}（{te('stage', member.stage)}）
            </span>
            <span>
              <Swatch shape={KIND_LOOK.branch.shape} color={KIND_LOOK.branch.color} testId="portrait-legend-branch" />
              {t('network.kind.branch')}
            </span>
            <span>
              <Swatch shape={KIND_LOOK.course.shape} color={KIND_LOOK.course.color} testId="portrait-legend-course" />
              {t('portrait.legendCourse')}
            </span>
            <span>
              <Swatch shape={KIND_LOOK.topic.shape} color={KIND_LOOK.topic.color} testId="portrait-legend-topic" />
              {t('portrait.legendTopic')}
            </span>
          </p>
        </Section>
      </div>
    </>
  );
}
