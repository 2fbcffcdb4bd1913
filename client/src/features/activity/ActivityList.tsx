import type { ActivityFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { mergeActivity } from './merge-activity';

/** Recent study, answers and attendance as a timeline, newest first. */
export function ActivityList({ activity, limit = 8, emptyText }: { activity: ActivityFieldsFragment; limit?: number; emptyText: string }) {
  const { t, te, ago, date } = useI18n();
  const items = mergeActivity(activity, limit);
  if (items.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ol className="timeline" data-testid="activity">
      {items.map((it) => (
        <li key={`${it.type}:${it.id}`}>
          <div>
            {it.type === 'study' ? (
              t('home.studied', { title: it.title })
            ) : it.type === 'answer' ? (
              <>
                {t('home.answered', { stem: it.stem.length > 28 ? `${it.stem.slice(0, 27)}…` : it.stem })}{' '}
                <span className={`chip ${it.correct ? 'chip-ok' : 'chip-warn'}`}>{t(it.correct ? 'home.correct' : 'home.wrong')}</span>
              </>
            ) : (
              t('home.attended', { kind: te('meeting', it.kind), status: te('attendance', it.status) })
            )}
          </div>
          <time className="meta" dateTime={it.at} title={date(it.at, true)}>
            {ago(it.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
