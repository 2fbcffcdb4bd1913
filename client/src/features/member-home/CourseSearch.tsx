import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { SearchLearningDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StudyButton } from './StudyButton';

/** Hybrid search over courses and topics (the API's `search`); courses can be marked as studied. */
export function CourseSearch({ memberId, onStudied }: { memberId: string; onStudied: () => void }) {
  const { t, te } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, fetching, error }, retry] = useQuery({ query: SearchLearningDocument, variables: { query }, pause: !query });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(text.trim().slice(0, 200));
  };
  return (
    <Section title={t('home.search')} hint={t('home.searchHint')}>
      <form className="toolbar" role="search" onSubmit={submit}>
        <label className="sr-only" htmlFor="course-search">
          {t('home.search')}
        </label>
        <input id="course-search" value={text} onChange={(e) => setText(e.target.value)} style={{ flex: 1, minWidth: 0 }} />
        <button className="button button-small" type="submit" disabled={!text.trim()}>
          {t('home.searchGo')}
        </button>
      </form>
      {query ? (
        <QueryState fetching={fetching} error={error} data={data} retry={() => retry({ requestPolicy: 'network-only' })}>
          {({ search }) =>
            search.length === 0 ? (
              <EmptyState>{t('home.searchEmpty')}</EmptyState>
            ) : (
              <ul className="list" style={{ marginTop: '.5rem' }} data-testid="search-results">
                {search.map((r) => (
                  <li key={`${r.kind}:${r.id}`} className="row spread">
                    <span>
                      <span className="chip">{te('home.kind', r.kind)}</span> {r.title}
                    </span>
                    {r.kind === 'COURSE' ? <StudyButton memberId={memberId} courseId={r.id} onStudied={onStudied} /> : null}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      ) : null}
    </Section>
  );
}
