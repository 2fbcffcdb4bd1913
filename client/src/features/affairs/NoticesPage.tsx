import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../app/useSession';
import { MarkNoticeReadDocument, MyNoticesDocument, NoticeStatsDocument, PublishNoticeDocument, type NoticeAudience } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { LabelledField } from './LabelledField';

/** The viewer's notices, unread first; publishers also publish and see who has read. */
export default function NoticesPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyNoticesDocument });
  const [, markRead] = useMutation(MarkNoticeReadDocument);
  const publisher = session && ['SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'].includes(session.role);
  return (
    <div className="page">
      <h1>{t('affairs.notices')}</h1>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ myNotices }) =>
          myNotices.length === 0 ? (
            <EmptyState>{t('affairs.noNotices')}</EmptyState>
          ) : (
            <ul className="todo-list" data-testid="notices">
              {myNotices.map(({ notice: n, read }) => (
                <li key={n.id} className="todo-item" data-read={read} data-id={n.id}>
                  <div className="todo-main">
                    {read ? null : <span className="chip">{t('affairs.unread')}</span>} <strong>{n.title}</strong>
                  </div>
                  <p>{n.body}</p>
                  <div className="meta">
                    {date(n.publishedAt)}
                    {n.periodEndsAt ? ` · ${t('affairs.periodEnds', { date: date(new Date(Date.parse(String(n.periodEndsAt)) - 1).toISOString()) })}` : ''}
                  </div>
                  {read ? null : (
                    <button
                      type="button"
                      className="button button-ghost"
                      data-testid="notice-read"
                      onClick={async () => {
                        await markRead({ id: n.id });
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('affairs.markRead')}
                    </button>
                  )}
                  {publisher ? <Stats id={n.id} /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {publisher && session ? <PublishForm branchId={session.branchId ?? ''} onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
    </div>
  );
}

/** Read counts for a notice the viewer may publish to; nothing for others' audiences. */
function Stats({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: NoticeStatsDocument, variables: { id } });
  if (!data) return null;
  const s = data.noticeStats;
  return (
    <details className="meta" data-testid="notice-stats">
      <summary>
        {t('affairs.stats')}：{t('affairs.statsLine', { read: s.readCount, total: s.audienceSize })}
      </summary>
      {s.unread.length ? t('affairs.unreadBy', { names: s.unread.map((m) => m.name).join('、') }) : null}
    </details>
  );
}

function PublishForm({ branchId, onDone }: { branchId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [state, publish] = useMutation(PublishNoticeDocument);
  const [audience, setAudience] = useState<NoticeAudience>('BRANCH');
  const [audienceId, setAudienceId] = useState(branchId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [days, setDays] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await publish({ input: { audience, audienceId, title, body, periodWorkingDays: days ? Number(days) : null } });
    if (!r.error) {
      setDone(true);
      setTitle('');
      setBody('');
      onDone();
    }
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="notice-form">
      <h2>{t('affairs.publish')}</h2>
      <LabelledField label={t('affairs.audience')}>
        <select value={audience} onChange={(e) => setAudience(e.target.value as NoticeAudience)}>
          {(['BRANCH', 'COMMITTEE', 'UNIVERSITY'] as const).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </LabelledField>
      <LabelledField label={t('affairs.audienceId')}>
        <input value={audienceId} onChange={(e) => setAudienceId(e.target.value)} required />
      </LabelledField>
      <LabelledField label={t('affairs.title')}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="notice-title" required />
      </LabelledField>
      <LabelledField label={t('affairs.body')}>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} data-testid="notice-body" required />
      </LabelledField>
      <LabelledField label={t('affairs.periodDays')}>
        <input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} data-testid="notice-days" />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('affairs.publish')}
      </button>
      {state.error ? (
        <p role="alert" className="error">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" data-testid="notice-published">
          {t('affairs.published')}
        </p>
      ) : null}
    </form>
  );
}
