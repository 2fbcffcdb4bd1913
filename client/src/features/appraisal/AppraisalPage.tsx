import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor, navigate } from '../../app/routes';
import { AppraisalRoundsDocument, OpenAppraisalRoundDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';

/** The appraisal rounds of a branch the viewer takes part in; its secretary also opens rounds here. */
export default function AppraisalPage({ branchId, canOpen }: { branchId: string; canOpen: boolean }) {
  const { t, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AppraisalRoundsDocument, variables: { branchId } });
  return (
    <div className="page">
      <h1>{t('appraisal.title')}</h1>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ appraisalRounds }) =>
          appraisalRounds.length === 0 ? (
            <EmptyState>{t('appraisal.none')}</EmptyState>
          ) : (
            <ul className="todo-list" data-testid="rounds">
              {appraisalRounds.map((r) => (
                <li key={r.id} className="todo-item">
                  <a href={hrefFor({ name: 'appraisalRound', id: r.id })}>
                    <strong>{r.title}</strong>
                  </a>{' '}
                  <span className="chip">{t(`appraisal.status.${r.status}`)}</span>
                  <div className="meta">
                    {t('appraisal.closesAt')} {date(r.closedAt ?? r.closesAt)} · {t('appraisal.turnout', r.turnout)}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {canOpen ? <OpenRoundForm branchId={branchId} /> : null}
    </div>
  );
}

function OpenRoundForm({ branchId }: { branchId: string }) {
  const { t } = useI18n();
  const [state, open] = useMutation(OpenAppraisalRoundDocument);
  const year = new Date().getFullYear();
  const [title, setTitle] = useState(`${year}年度民主评议党员`);
  const [closes, setCloses] = useState(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  const [k, setK] = useState('5');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await open({
      input: {
        branchId,
        title,
        minBallots: Number(k),
        periodFrom: `${year}-01-01T00:00:00+08:00`,
        periodTo: `${year + 1}-01-01T00:00:00+08:00`,
        closesAt: `${closes}T23:59:00+08:00`,
      },
    });
    if (r.data) navigate({ name: 'appraisalRound', id: r.data.openAppraisalRound.id });
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="round-form">
      <h2>{t('appraisal.open')}</h2>
      <label>
        {t('appraisal.roundTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={100} />
      </label>
      <label>
        {t('appraisal.closesAt')}
        <input type="date" value={closes} onChange={(e) => setCloses(e.target.value)} required />
      </label>
      <label>
        {t('appraisal.minBallots')}
        <input type="number" min={5} max={100} value={k} onChange={(e) => setK(e.target.value)} required />
      </label>
      {state.error ? (
        <p className="error" role="alert">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={state.fetching}>
        {t('appraisal.open')}
      </button>
    </form>
  );
}
