import type { MemberLearningQuery } from '../../gql/graphql';
import { PathDiagram } from '../../charts/PathDiagram';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { orderPath } from './path-order';
import { StudyButton } from './StudyButton';

type Rec = MemberLearningQuery['recommendations'][number];

const SHOWN = 3;

/**
 * What else fits, beyond the plan: recommended courses that are not already in the study plan (the plan says
 * what to do this week), each with its "why" and the graph path drawn.
 */
export function RecommendationsSection({ memberId, recs, planned, onStudied }: { memberId: string; recs: Rec[]; planned: readonly string[]; onStudied: () => void }) {
  const { t, te, minutes } = useI18n();
  const inPlan = new Set(planned);
  const others = recs.filter((r) => !inPlan.has(r.course.id)).slice(0, SHOWN);
  return (
    <Section title={t('home.recommend')} hint={planned.length ? t('home.recommendBeyondPlan') : undefined}>
      {others.length === 0 ? (
        <EmptyState>{t('home.recommendEmpty')}</EmptyState>
      ) : (
        <ol className="list" data-testid="recommendations">
          {others.map((r) => (
            <li key={r.course.id}>
              <div className="row spread">
                <strong>
                  <a href={hrefFor({ name: 'course', id: r.course.id })}>{r.course.title}</a>
                </strong>
                <span className="chip chip-red">{te('rec', r.kind)}</span>
              </div>
              <p className="meta">
                {te('courseKind', r.course.kind)} · {minutes(r.course.minutes)}
              </p>
              <p>
                <span className="meta">{t('home.why')}：</span>
                {r.explanation}
              </p>
              <PathDiagram steps={orderPath(r.path)} label={t('home.path')} />
              <StudyButton memberId={memberId} courseId={r.course.id} minutes={r.course.minutes} onStudied={onStudied} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
