import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AppraisalResultsDocument,
  AppraisalRoundDocument,
  CloseAppraisalRoundDocument,
  SelfAssessmentsDocument,
  SpentBallotTokensDocument,
  SubmitSelfAssessmentDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { QueryState } from '../../ui/QueryState';
import { BallotForm } from './BallotForm';
import { readReceipts } from './send-ballot';

/** One appraisal round: the ballot and self-assessment for members, turnout, closing and results for the secretary. */
export default function RoundPage({ roundId }: { roundId: string }) {
  const { t, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AppraisalRoundDocument, variables: { id: roundId } });
  const [, close] = useMutation(CloseAppraisalRoundDocument);
  const [receipt, setReceipt] = useState<string | null>(() => readReceipts()[roundId] ?? null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={reload}>
        {({ appraisalRound: r }) => (
          <>
            <h1>{r.title}</h1>
            <p className="meta">
              <span className="chip" data-testid="round-status">
                {t(`appraisal.status.${r.status}`)}
              </span>{' '}
              {r.branch.name} · {t('appraisal.period', { from: date(r.periodFrom), to: date(Date.parse(String(r.periodTo)) - 1) })}
              {' · '}
              {t('appraisal.closesAt')} {date(r.closedAt ?? r.closesAt)}
            </p>
            <p data-testid="round-turnout">{t('appraisal.turnout', r.turnout)}</p>
            <details className="card">
              <summary>{t('appraisal.how')}</summary>
              <p>{t('appraisal.howText')}</p>
              <p>{t('appraisal.floor', { k: r.minBallots })}</p>
            </details>
            {r.status === 'OPEN' && r.myPart.voter && !receipt ? (
              r.myPart.issued ? (
                <p className="meta">{t('appraisal.alreadyIssued')}</p>
              ) : (
                <BallotForm
                  roundId={r.id}
                  publicKey={r.publicKey}
                  people={r.appraisees}
                  onSent={(x) => {
                    setReceipt(x);
                    reload();
                  }}
                />
              )
            ) : null}
            {receipt ? (
              <section className="card" data-testid="receipt">
                <h2>{t('appraisal.receipt')}</h2>
                <code className="receipt">{receipt}</code>
                <p className="meta">{t('appraisal.receiptHint')}</p>
              </section>
            ) : null}
            {r.status === 'OPEN' && r.myPart.appraised ? <SelfAssessmentForm roundId={r.id} /> : null}
            {r.status === 'OPEN' && r.myPart.manager ? (
              <button
                type="button"
                className="button"
                data-testid="round-close"
                onClick={async () => {
                  if (window.confirm(t('appraisal.closeConfirm'))) {
                    await close({ id: r.id });
                    reload();
                  }
                }}
              >
                {t('appraisal.close')}
              </button>
            ) : null}
            {r.status === 'CLOSED' ? (
              <>
                {r.myPart.voter ? <ReceiptCheck roundId={r.id} receipt={receipt} /> : null}
                {r.myPart.manager || r.myPart.appraised ? <Results roundId={r.id} /> : null}
              </>
            ) : (
              <p className="meta">{t('appraisal.resultsAfterClose')}</p>
            )}
            {r.myPart.manager ? <SelfAssessments roundId={r.id} /> : null}
          </>
        )}
      </QueryState>
    </div>
  );
}

function SelfAssessmentForm({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [state, save] = useMutation(SubmitSelfAssessmentDocument);
  const [text, setText] = useState('');
  return (
    <form
      className="card form"
      data-testid="self-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await save({ roundId, text });
      }}
    >
      <h2>{t('appraisal.self')}</h2>
      <p className="meta">{t('appraisal.selfHint')}</p>
      <label>
        {t('appraisal.self')}
        <textarea value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} required />
      </label>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('appraisal.save')}
      </button>
      {state.data ? <span role="status"> {t('appraisal.saved')}</span> : null}
    </form>
  );
}

function ReceiptCheck({ roundId, receipt }: { roundId: string; receipt: string | null }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: SpentBallotTokensDocument, variables: { roundId } });
  if (!data) return null;
  const text = !receipt ? t('appraisal.noReceipt') : data.spentBallotTokens.includes(receipt) ? t('appraisal.counted') : t('appraisal.notCounted');
  return (
    <section className="card" data-testid="receipt-check">
      <h2>{t('appraisal.check')}</h2>
      <p>{text}</p>
    </section>
  );
}

function Results({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: AppraisalResultsDocument, variables: { roundId } });
  return (
    <section className="card" data-testid="results">
      <h2>{t('appraisal.results')}</h2>
      <QueryState fetching={fetching} error={error} data={data}>
        {({ appraisalResults }) => (
          <ul className="plain-list">
            {appraisalResults.map((x) => (
              <li key={x.member.id} data-member={x.member.id}>
                <strong>{x.member.name}</strong>：
                {x.shown && x.counts ? (
                  x.counts.map((c) => `${t(`appraisal.grade.${c.grade}`)} ${c.count}`).join(' · ')
                ) : (
                  <span className="meta" data-testid="too-few">
                    {t('appraisal.tooFew')}
                  </span>
                )}
                {x.comments?.length ? (
                  <p className="meta">
                    {t('appraisal.comments')}：{x.comments.join('；')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function SelfAssessments({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: SelfAssessmentsDocument, variables: { roundId } });
  if (!data?.selfAssessments.length) return null;
  return (
    <section className="card">
      <h2>{t('appraisal.selfAssessments')}</h2>
      <ul className="plain-list">
        {data.selfAssessments.map((a) => (
          <li key={a.member.id}>
            <strong>{a.member.name}</strong>：{a.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
