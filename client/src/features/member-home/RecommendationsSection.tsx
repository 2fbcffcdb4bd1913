import type { MemberLearningQuery } from '../../gql/graphql';
import { PathDiagram } from '../../charts/PathDiagram';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { orderPath } from './path-order';
import { StudyButton } from './StudyButton';

type Rec = MemberLearningQuery['recommendations'][number];

/** The next recommended courses, each with its "why" and the graph path drawn. */
export function RecommendationsSection({ memberId, recs, onStudied }: { memberId: string; recs: Rec[]; onStudied: () => void }) {
  const { t, te, minutes } = useI18n();
  return (
    <Section title={t('home.recommend')}>
      {recs.length === 0 ? <EmptyState>{t('home.recommendEmpty')}</EmptyState> : (
        <ol className="list" data-testid="recommendations">
          {recs.map((r) => (
            <li key={r.course.id}>
              <div className="row spread">
                <strong>{r.course.title}</strong>
                <span className="chip chip-red">{te('rec', r.kind)}</span>
              </div>
              <p className="meta">{te('courseKind', r.course.kind)} · {minutes(r.course.minutes)}</p>
              <p><span className="meta">{t('home.why')}：</span>{r.explanation}</p>
              <PathDiagram steps={orderPath(r.path)} label={t('home.path')} />
              <StudyButton memberId={memberId} courseId={r.course.id} minutes={r.course.minutes} onStudied={onStudied} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
