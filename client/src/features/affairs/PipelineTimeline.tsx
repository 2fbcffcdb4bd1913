import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { PipelineDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';

/** The person's recorded pipeline steps as a compact timeline, with what is late, linking to the full page. */
export function PipelineTimeline({ memberId }: { memberId: string }) {
  const { t, te, date } = useI18n();
  const [{ data }] = useQuery({ query: PipelineDocument, variables: { memberId } });
  if (!data || data.pipeline.milestones.length === 0) return null;
  const late = data.pipeline.obligations.filter((o) => o.status === 'OVERDUE');
  return (
    <>
      <ol className="timeline" data-testid="portrait-pipeline-timeline">
        {data.pipeline.milestones.map((m) => (
          <li key={m.id} data-step={m.step}>
            {date(m.at)} {te('step', m.step)}
          </li>
        ))}
      </ol>
      {late.map((o) => (
        <p key={o.ruleId} className="warning">
          {te('obligation', o.status)}：{o.title}
        </p>
      ))}
      <p>
        <a href={hrefFor({ name: 'pipeline', memberId })} data-testid="pipeline-link">
          {t('affairs.pipeline')}
        </a>{' '}
        · <a href={hrefFor({ name: 'dues', memberId })}>{t('affairs.dues')}</a>
      </p>
    </>
  );
}
