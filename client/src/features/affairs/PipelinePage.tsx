import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { PipelineDocument, RecordPipelineStepDocument, type PipelineStep } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Citation } from './Citation';
import { chinaDay, eventTime } from '../../app/china-time';
import { LabelledField } from './LabelledField';

const STEPS: PipelineStep[] = [
  'APPLICATION',
  'TALK',
  'ACTIVIST',
  'REVIEW',
  'CANDIDATE',
  'POLITICAL_REVIEW',
  'TRAINING',
  'PRE_REVIEW',
  'PUBLIC_NOTICE',
  'BRANCH_VOTE',
  'COMMITTEE_APPROVAL',
  'FULL_MEMBERSHIP',
];

/** A person's development pipeline as a timeline, what is due with its citation, and (for managers) the step form. */
export default function PipelinePage({ memberId }: { memberId: string }) {
  const { t, te, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PipelineDocument, variables: { memberId } });
  const manages = session && ['SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'].includes(session.role);
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ pipeline }) => (
          <>
            <div className="page-head">
              <h1>
                {t('affairs.pipeline')}：{pipeline.member.name}
              </h1>
              <span className="chip">{te('stage', pipeline.member.stage)}</span>
            </div>
            <section className="card">
              <h2>{t('affairs.timeline')}</h2>
              {pipeline.milestones.length === 0 ? (
                <EmptyState>{t('affairs.noMilestones')}</EmptyState>
              ) : (
                <ol className="todo-list" data-testid="pipeline-timeline">
                  {pipeline.milestones.map((m) => (
                    <li key={m.id} className="todo-item" data-step={m.step}>
                      <div className="todo-main">
                        <strong>{te('step', m.step)}</strong> · {date(m.at)}
                      </div>
                      <div className="meta">
                        {[m.documentRef, m.people.length ? m.people.join('、') : null, m.trainingHours ? `${m.trainingHours}学时` : null, m.note].filter(Boolean).join(' · ')}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
              {pipeline.notices.map((n) => (
                <p key={n.id} className="meta">
                  {n.title} · {n.periodEndsAt ? t('affairs.periodEnds', { date: date(n.periodEndsAt) }) : ''}
                </p>
              ))}
            </section>
            <section className="card">
              <h2>{t('affairs.obligations')}</h2>
              {pipeline.obligations.length === 0 ? (
                <EmptyState>{t('affairs.noObligations')}</EmptyState>
              ) : (
                <ul className="todo-list" data-testid="pipeline-obligations">
                  {pipeline.obligations.map((o) => (
                    <li key={o.ruleId + o.title} className="todo-item" data-rule={o.ruleId} data-status={o.status}>
                      <div className="todo-main">
                        <span className="chip">{te('obligation', o.status)}</span> {o.title}
                      </div>
                      <div className="meta">
                        {o.dueAt ? t('affairs.dueAt', { date: date(o.dueAt) }) : ''} <Citation c={o.citation} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {manages ? <StepForm memberId={memberId} onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
            <p>
              <a href={hrefFor({ name: 'dues', memberId })}>{t('affairs.dues')}</a> · <a href={hrefFor({ name: 'record', memberId })}>{t('record.link')}</a> ·{' '}
              <a href={hrefFor({ name: 'portrait', id: memberId })}>{pipeline.member.name}</a>
            </p>
          </>
        )}
      </QueryState>
    </div>
  );
}

function StepForm({ memberId, onDone }: { memberId: string; onDone: () => void }) {
  const { t, te } = useI18n();
  const [state, record] = useMutation(RecordPipelineStepDocument);
  const [step, setStep] = useState<PipelineStep>('TALK');
  // Days are China's (UTC+8): the default is today there, not in UTC.
  const [day, setDay] = useState(() => chinaDay(Date.now()));
  const [documentRef, setDocumentRef] = useState('');
  const [people, setPeople] = useState('');
  const [hours, setHours] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const r = await record({
      input: {
        memberId,
        step,
        at: eventTime(day, 10, Date.now()),
        documentRef: documentRef || null,
        people: people.split(/[,，\s]+/).filter(Boolean),
        trainingHours: hours ? Number(hours) : null,
      },
    });
    if (!r.error) {
      setDone(true);
      onDone();
    }
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="pipeline-form">
      <h2>{t('affairs.recordStep')}</h2>
      <LabelledField label={t('affairs.step')}>
        <select value={step} onChange={(e) => setStep(e.target.value as PipelineStep)} data-testid="pipeline-step">
          {STEPS.map((s) => (
            <option key={s} value={s}>
              {te('step', s)}
            </option>
          ))}
        </select>
      </LabelledField>
      <LabelledField label={t('affairs.date')}>
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} data-testid="pipeline-date" required />
      </LabelledField>
      <LabelledField label={t('affairs.documentRef')}>
        <input value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} />
      </LabelledField>
      <LabelledField label={t('affairs.people')}>
        <input value={people} onChange={(e) => setPeople(e.target.value)} data-testid="pipeline-people" />
      </LabelledField>
      <LabelledField label={t('affairs.trainingHours')}>
        <input inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('affairs.save')}
      </button>
      {state.error ? (
        <p role="alert" className="error" data-testid="pipeline-error">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" data-testid="pipeline-saved">
          {t('affairs.saved')}
        </p>
      ) : null}
    </form>
  );
}
