import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { WorkQueueDocument, type WorkQueueQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { routeForObligation } from './action-route';
import { useSession } from '../../app/useSession';

type Item = WorkQueueQuery['workQueue']['items'][number];

const CHIP: Record<string, string> = { OVERDUE: 'chip chip-warn', DUE: 'chip', UPCOMING: 'chip chip-muted' };

/** The secretary's landing page (待办): every open obligation by due date, each linking to where it is done. */
export default function WorkQueuePage() {
  const { t, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkQueueDocument, requestPolicy: 'cache-and-network' });
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('todo.title')}</h1>
          <p className="meta">{t('todo.hint')}</p>
        </div>
        {session?.branchId ? (
          <div className="row">
            <a className="button button-ghost" href={hrefFor({ name: 'calendar', branchId: session.branchId })} data-testid="calendar-link">
              {t('cal.link')}
            </a>
            <a className="button button-ghost" href={hrefFor({ name: 'assessment', branchId: session.branchId })} data-testid="assessment-link">
              {t('assess.title')}
            </a>
          </div>
        ) : null}
      </div>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ workQueue: q }) => (
          <Section title={t('todo.counts', { overdue: q.overdue, due: q.due, upcoming: q.upcoming })}>
            {q.items.length === 0 ? (
              <EmptyState>{t('todo.empty')}</EmptyState>
            ) : (
              <ul className="todo-list" data-testid="work-queue">
                {q.items.map((o: Item) => (
                  <li key={o.key} className="todo-item" data-status={o.status} data-rule={o.ruleId} data-key={o.key}>
                    <div className="todo-main">
                      <span className={CHIP[o.status] ?? 'chip'}>{t(`todo.status.${o.status}`)}</span> <strong>{o.title}</strong>
                      {o.subject.kind !== 'BRANCH' && o.subject.name ? <span className="meta"> · {o.subject.name}</span> : null}
                    </div>
                    <div className="meta">
                      {o.dueAt ? t('todo.dueAt', { date: date(o.dueAt) }) : null}
                      {' · '}
                      <span data-testid="citation" title={o.citation.note ?? undefined}>
                        {t('todo.basis', { text: o.citation.text })}
                      </span>
                    </div>
                    <a className="button" href={hrefFor(routeForObligation(o))} data-testid="todo-action">
                      {t('todo.go')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
      </QueryState>
    </div>
  );
}
