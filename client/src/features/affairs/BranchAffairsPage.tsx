import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import {
  ApproveTransferDocument,
  BranchAffairsDocument,
  BranchTransfersDocument,
  CancelTransferDocument,
  ConfirmTransferDocument,
  IssueTransferLetterDocument,
  StartTransferDocument,
  type TransferCaseKind,
  type TransferCaseStatus,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { fieldErrorOf } from './field-error';
import { fenToYuan } from './money';
import { LabelledField } from './LabelledField';

/** A branch's party affairs: the pipeline with what is late, dues totals and whom to remind, transfers with their steps. */
export default function BranchAffairsPage({ branchId }: { branchId: string }) {
  const { t, te } = useI18n();
  const year = new Date().getFullYear();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BranchAffairsDocument, variables: { branchId, year } });
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ branch, branchPipeline, branchDues: d }) => (
          <>
            <h1>
              {t('affairs.branchAffairs')}：{branch.name}
            </h1>
            <section className="card">
              <h2>{t('affairs.pipelineList')}</h2>
              <ul className="todo-list" data-testid="branch-pipeline">
                {branchPipeline.map((p) => {
                  const late = p.obligations.filter((o) => o.status === 'OVERDUE');
                  const next = late[0] ?? p.obligations.find((o) => o.status === 'DUE') ?? p.obligations[0];
                  return (
                    <li key={p.member.id} className="todo-item" data-late={late.length > 0}>
                      <div className="todo-main">
                        <a href={hrefFor({ name: 'pipeline', memberId: p.member.id })}>{p.member.name}</a> <span className="chip">{te('stage', p.member.stage)}</span>
                      </div>
                      {next ? (
                        <div className="meta">
                          {te('obligation', next.status)} · {next.title}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
            <section className="card">
              <h2>{t('affairs.duesTotals', { year })}</h2>
              <p data-testid="dues-totals">
                {t('affairs.duesTotalsLine', {
                  members: d.members,
                  withStandard: d.withStandard,
                  standard: fenToYuan(d.monthlyStandardFen),
                  paid: fenToYuan(d.paidFen),
                  owed: fenToYuan(d.owedFen),
                })}
              </p>
              {d.prompts.length ? <h3>{t('affairs.duesPrompts')}</h3> : null}
              <ul className="todo-list" data-testid="dues-reminders">
                {d.prompts.map((p) => (
                  <li key={p.member.id} className="todo-item">
                    <a href={hrefFor({ name: 'dues', memberId: p.member.id })}>{p.member.name}</a> · {p.prompts[p.prompts.length - 1].title}
                  </li>
                ))}
              </ul>
            </section>
            <Transfers branchId={branchId} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Transfers({ branchId }: { branchId: string }) {
  const { t, te, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BranchTransfersDocument, variables: { branchId } });
  const [approveState, approve] = useMutation(ApproveTransferDocument);
  const [confirmState, confirm] = useMutation(ConfirmTransferDocument);
  const [issueState, issue] = useMutation(IssueTransferLetterDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const admin = session && (session.role === 'COMMITTEE_ADMIN' || session.role === 'UNIVERSITY_ADMIN');
  const failed = approveState.error ?? confirmState.error ?? issueState.error;
  return (
    <section className="card">
      <h2>{t('affairs.transfers')}</h2>
      <QueryState fetching={fetching} error={error} data={data} retry={reload}>
        {({ branchTransfers }) =>
          branchTransfers.length === 0 ? (
            <EmptyState>{t('affairs.noTransfers')}</EmptyState>
          ) : (
            <ul className="todo-list" data-testid="transfers">
              {branchTransfers.map((c) => (
                <li key={c.id} className="todo-item" data-status={c.status} data-overdue={c.receiptOverdue} data-id={c.id}>
                  <div className="todo-main">
                    <strong>{c.memberName}</strong> · {te('transferKind', c.kind)} · <span className="chip">{te('transfer', c.status)}</span>
                    {c.receiptOverdue ? <span className="chip warning">{t('affairs.overdueReceipt')}</span> : null}
                  </div>
                  <div className="meta">
                    {c.fromBranch?.name ?? c.externalOrg ?? ''} → {c.toBranch?.name ?? c.externalOrg ?? ''}
                    {c.letterNumber ? ` · ${c.letterNumber}` : ''}
                    {c.validUntil ? ` · ${date(c.validUntil)}` : ''}
                  </div>
                  <div className="row">
                    {c.status === 'INITIATED' && admin ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="transfer-approve"
                        onClick={async () => {
                          await approve({ id: c.id });
                          reload();
                        }}
                      >
                        {t('affairs.approve')}
                      </button>
                    ) : null}
                    {c.status === 'APPROVED' && c.kind === 'OUT' ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="transfer-issue"
                        onClick={async () => {
                          await issue({ input: { id: c.id, letterNumber: `组转字〔${new Date().getFullYear()}〕${c.id.slice(-4)}号` } });
                          reload();
                        }}
                      >
                        {t('affairs.issueLetter')}
                      </button>
                    ) : null}
                    {(c.status === 'APPROVED' && c.kind === 'INTERNAL' && c.toBranch?.id === branchId) || c.status === 'LETTER_ISSUED' || c.status === 'LETTER_RECEIVED' ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="transfer-confirm"
                        onClick={async () => {
                          await confirm({ id: c.id });
                          reload();
                        }}
                      >
                        {t('affairs.confirm')}
                      </button>
                    ) : null}
                  </div>
                  {OPEN.includes(c.status) ? <CancelTransfer id={c.id} memberName={c.memberName} onDone={reload} /> : null}
                  <TransferLog steps={c.steps} reason={c.reason} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {admin ? (
        <p>
          <a href={hrefFor({ name: 'bulkTransfers' })} data-testid="bulk-link">
            {t('bulk.link')}
          </a>
        </p>
      ) : null}
      {failed ? (
        <p role="alert" className="error">
          {failed.graphQLErrors[0]?.message ?? failed.message}
        </p>
      ) : null}
      <StartTransferForm onDone={reload} />
    </section>
  );
}

const OPEN: TransferCaseStatus[] = ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED'];

/** A case's log: every step with its day and note, the reason it was started first. */
function TransferLog({ steps, reason }: { steps: { status: TransferCaseStatus; at: string; note?: string | null }[]; reason: string }) {
  const { t, te, date } = useI18n();
  return (
    <details className="meta">
      <summary>{t('cancel.log')}</summary>
      <p>{t('cancel.reasonLabel', { reason })}</p>
      <ol className="transfer-log" data-testid="transfer-log">
        {steps.map((st) => (
          <li key={`${st.status}-${st.at}`} data-status={st.status}>
            {date(st.at, true)} · {te('transfer', st.status)}
            {st.note ? ` · ${st.note}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Cancel an open case: the reason first, then a confirmation; the refusal, if any, names the field. */
function CancelTransfer({ id, memberName, onDone }: { id: string; memberName: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [state, cancel] = useMutation(CancelTransferDocument);
  if (!open) {
    return (
      <div className="row">
        <button type="button" className="button button-ghost" data-testid="transfer-cancel" onClick={() => setOpen(true)}>
          {t('cancel.action')}
        </button>
      </div>
    );
  }
  const err = state.error && !state.fetching ? fieldErrorOf(state.error) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const r = await cancel({ id, note: note.trim() });
    if (!r.error) {
      setOpen(false);
      onDone();
    }
  };
  const invalid = missing || err?.root === 'note' ? true : undefined;
  return (
    <form className="form" onSubmit={submit} data-testid="cancel-form" noValidate>
      <p>
        <strong>{t('cancel.ask', { name: memberName })}</strong>
      </p>
      <LabelledField label={t('cancel.reason')} invalid={invalid} errorId={errorId}>
        <textarea rows={2} value={note} placeholder={t('cancel.reasonPlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="cancel-note" required />
      </LabelledField>
      <div className="row">
        <button type="submit" className="button" disabled={state.fetching} data-testid="cancel-confirm">
          {t('cancel.confirm')}
        </button>
        <button type="button" className="button button-ghost" onClick={() => setOpen(false)} data-testid="cancel-back">
          {t('cancel.back')}
        </button>
      </div>
      {missing ? (
        <p className="error" role="alert" id={errorId} data-testid="cancel-error">
          {t('cancel.needReason')}
        </p>
      ) : err ? (
        <div className="error" role="alert" id={errorId} data-testid="cancel-error" data-field={err.field ?? ''}>
          <p>{err.root === 'note' ? t('field.error', { field: t('cancel.reason'), message: err.message }) : err.message}</p>
          <p>{t('field.nothingSaved')}</p>
        </div>
      ) : null}
    </form>
  );
}

function StartTransferForm({ onDone }: { onDone: () => void }) {
  const { t, te } = useI18n();
  const [state, start] = useMutation(StartTransferDocument);
  const [memberId, setMemberId] = useState('');
  const [kind, setKind] = useState<TransferCaseKind>('OUT');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('毕业离校');
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await start({
      input: {
        memberId,
        kind,
        reason,
        toBranchId: kind === 'INTERNAL' ? target : null,
        externalOrg: kind === 'INTERNAL' ? null : target,
      },
    });
    if (!r.error) {
      setDone(true);
      onDone();
    }
  };
  return (
    <form className="form" onSubmit={submit} data-testid="transfer-form">
      <h3>{t('affairs.startTransfer')}</h3>
      <LabelledField label={t('affairs.member')}>
        <input value={memberId} onChange={(e) => setMemberId(e.target.value)} data-testid="transfer-member" required />
      </LabelledField>
      <LabelledField label={t('affairs.kind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as TransferCaseKind)} data-testid="transfer-kind">
          {(['INTERNAL', 'OUT'] as const).map((k) => (
            <option key={k} value={k}>
              {te('transferKind', k)}
            </option>
          ))}
        </select>
      </LabelledField>
      <LabelledField label={kind === 'INTERNAL' ? t('affairs.toBranch') : t('affairs.externalOrg')}>
        <input value={target} onChange={(e) => setTarget(e.target.value)} data-testid="transfer-target" required />
      </LabelledField>
      <LabelledField label={t('affairs.reason')}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('affairs.startTransfer')}
      </button>
      {state.error ? (
        <p role="alert" className="error">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" data-testid="transfer-started">
          {t('affairs.started')}
        </p>
      ) : null}
    </form>
  );
}
