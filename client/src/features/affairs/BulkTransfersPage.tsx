import { type FormEvent, useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { BulkStartTransfersDocument, BulkTransferBranchesDocument, BulkTransferCandidatesDocument, type TransferCaseKind } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { fieldErrorOf } from './field-error';
import { LabelledField } from './LabelledField';

const OPEN = new Set(['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED']);
/** A batch id for one submission; a retry of the same list reuses it, so nothing is started twice. */
const newBatchId = () => `grad-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Fields of a row the server may name in a refusal. */
const ROW_FIELDS = ['memberId', 'externalOrg', 'toBranchId'] as const;
const isRowField = (f: string): f is (typeof ROW_FIELDS)[number] => (ROW_FIELDS as readonly string[]).includes(f);

type Outcome = { kind: 'started'; status: string } | { kind: 'refused'; reason: string } | { kind: 'notStarted' };

/** Graduates' transfers (毕业生组织关系转接): pick a branch's student members and start their transfers in one batch. */
export default function BulkTransfersPage() {
  const { t } = useI18n();
  const session = useSession();
  const admin = session?.role === 'COMMITTEE_ADMIN' || session?.role === 'UNIVERSITY_ADMIN';
  const [{ data, fetching, error }, refetch] = useQuery({ query: BulkTransferBranchesDocument, pause: !admin });
  const [branchId, setBranchId] = useState('');
  if (!admin) {
    return (
      <div className="page">
        <h1>{t('bulk.title')}</h1>
        <EmptyState>{t('bulk.onlyAdmins')}</EmptyState>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('bulk.title')}</h1>
          <p className="meta">{t('bulk.hint')}</p>
        </div>
      </div>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ university }) => {
          const committees = university.committees.filter((c) => session?.role === 'UNIVERSITY_ADMIN' || c.id === session?.committeeId);
          const allBranches = university.committees.flatMap((c) => c.branches.map((b) => ({ ...b, committee: c.name })));
          return (
            <>
              <div className="form">
                <LabelledField label={t('bulk.branch')}>
                  <select value={branchId} onChange={(e) => setBranchId(e.target.value)} data-testid="bulk-branch">
                    <option value="">{t('bulk.chooseBranch')}</option>
                    {committees.map((c) => (
                      <optgroup key={c.id} label={c.name}>
                        {c.branches.map((b) => (
                          <option key={b.id} value={b.id}>
                            {b.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </LabelledField>
              </div>
              {branchId ? <BulkForm key={branchId} branchId={branchId} branches={allBranches.filter((b) => b.id !== branchId)} /> : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function BulkForm({ branchId, branches }: { branchId: string; branches: { id: string; name: string; committee: string }[] }) {
  const { t, te } = useI18n();
  const errorId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BulkTransferCandidatesDocument, variables: { branchId }, requestPolicy: 'network-only' });
  const [state, start] = useMutation(BulkStartTransfersDocument);
  const [selected, setSelected] = useState<string[]>([]);
  const [kind, setKind] = useState<TransferCaseKind>('OUT');
  const [destAll, setDestAll] = useState('');
  const [dest, setDest] = useState<Record<string, string>>({});
  const [toBranchId, setToBranchId] = useState('');
  const [reason, setReason] = useState(t('bulk.defaultReason'));
  const [batchId, setBatchId] = useState(newBatchId);
  const [outcome, setOutcome] = useState<Record<string, Outcome> | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const busy = useMemo(() => new Set((data?.branchTransfers ?? []).filter((c) => OPEN.has(c.status)).map((c) => c.memberId)), [data]);
  const members = data?.members.nodes ?? [];
  const selectable = members.filter((m) => !busy.has(m.id));
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  const destOf = (id: string) => dest[id] ?? destAll;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBatchError(null);
    setOutcome(null);
    if (selected.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const rows = selected.map((memberId) => (kind === 'OUT' ? { memberId, externalOrg: destOf(memberId).trim() || null } : { memberId, toBranchId: toBranchId || null }));
    const r = await start({ input: { batchId, kind, reason, rows } });
    if (r.data) {
      setOutcome(Object.fromEntries(r.data.bulkStartTransfers.map((c) => [c.memberId, { kind: 'started', status: c.status } as Outcome])));
      setSelected([]);
      setBatchId(newBatchId());
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const err = fieldErrorOf(r.error);
    const refusedId = err?.row !== null && err?.row !== undefined ? rows[err.row]?.memberId : (/Member "([^"]+)"/.exec(err?.message ?? '')?.[1] ?? null);
    const out: Record<string, Outcome> = {};
    const field = err?.field?.replace(/^rows\[\d+\]\./, '') ?? '';
    const reasonText = err && isRowField(field) ? t('field.error', { field: t(`bulk.field.${field}`), message: err.message }) : (err?.message ?? '');
    for (const id of selected) out[id] = id === refusedId ? { kind: 'refused', reason: reasonText } : { kind: 'notStarted' };
    setOutcome(out);
    setBatchError(refusedId ? null : (err?.message ?? r.error?.message ?? ''));
  };

  const refused = outcome ? Object.entries(outcome).filter(([, o]) => o.kind === 'refused') : [];
  const started = outcome ? Object.entries(outcome).filter(([, o]) => o.kind === 'started') : [];
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;

  return (
    <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
      {() => (
        <form className="form bulk-form" onSubmit={submit} data-testid="bulk-form" noValidate>
          <Section title={t('bulk.members', { n: members.length })}>
            {members.length === 0 ? (
              <EmptyState>{t('bulk.noMembers')}</EmptyState>
            ) : (
              <>
                <label className="bulk-pick">
                  <input
                    type="checkbox"
                    checked={selectable.length > 0 && selectable.every((m) => selected.includes(m.id))}
                    onChange={(e) => setSelected(e.target.checked ? selectable.map((m) => m.id) : [])}
                    data-testid="bulk-all"
                  />
                  {t('bulk.selectAll')}
                </label>
                <ul className="bulk-list" data-testid="bulk-members">
                  {members.map((m) => {
                    const on = selected.includes(m.id);
                    const o = outcome?.[m.id];
                    return (
                      <li key={m.id} data-member={m.id} data-outcome={o?.kind ?? ''}>
                        <label className="bulk-pick">
                          <input type="checkbox" checked={on} disabled={busy.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} data-testid="bulk-pick" />
                          <span>
                            {m.name} <span className="chip chip-muted">{te('stage', m.stage)}</span>
                          </span>
                          {busy.has(m.id) ? <span className="chip chip-muted">{t('bulk.openTransfer')}</span> : null}
                        </label>
                        {on && kind === 'OUT' ? (
                          <LabelledField
                            label={
                              <>
                                {t('bulk.dest')}（{m.name}）
                              </>
                            }
                            invalid={o?.kind === 'refused'}
                            errorId={`${errorId}-${m.id}`}
                          >
                            <input type="text" value={destOf(m.id)} onChange={(e) => setDest({ ...dest, [m.id]: e.target.value })} data-testid="bulk-dest" />
                          </LabelledField>
                        ) : null}
                        {o ? (
                          <p
                            className={o.kind === 'refused' ? 'error' : 'meta'}
                            id={`${errorId}-${m.id}`}
                            data-testid="bulk-outcome"
                            role={o.kind === 'refused' ? 'alert' : undefined}
                          >
                            {o.kind === 'started'
                              ? `${t('bulk.started')} · ${te('transfer', o.status)}`
                              : o.kind === 'refused'
                                ? t('bulk.refused', { reason: o.reason })
                                : t('bulk.notStarted')}
                          </p>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </Section>
          {members.length === 0 ? null : (
            <>
              <LabelledField label={t('bulk.kind')}>
                <select value={kind} onChange={(e) => setKind(e.target.value as TransferCaseKind)} data-testid="bulk-kind">
                  {(['OUT', 'INTERNAL'] as const).map((k) => (
                    <option key={k} value={k}>
                      {te('transferKind', k)}
                    </option>
                  ))}
                </select>
              </LabelledField>
              {kind === 'OUT' ? (
                <LabelledField label={t('bulk.destAll')}>
                  <input type="text" value={destAll} onChange={(e) => setDestAll(e.target.value)} data-testid="bulk-dest-all" />
                </LabelledField>
              ) : (
                <LabelledField label={t('bulk.toBranch')}>
                  <select value={toBranchId} onChange={(e) => setToBranchId(e.target.value)} data-testid="bulk-to-branch">
                    <option value="">{t('bulk.chooseBranch')}</option>
                    {branches.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.committee} · {b.name}
                      </option>
                    ))}
                  </select>
                </LabelledField>
              )}
              <LabelledField label={t('bulk.reason')}>
                <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="bulk-reason" />
              </LabelledField>
              <p className="meta" aria-live="polite">
                {t('bulk.selected', { n: selected.length })}
              </p>
              <button type="submit" className="button" disabled={state.fetching} data-testid="bulk-submit">
                {t('bulk.submit', { n: selected.length })}
              </button>
              {empty ? (
                <p className="error" role="alert">
                  {t('bulk.needRows')}
                </p>
              ) : null}
              {outcome ? (
                <div role="status" data-testid="bulk-result">
                  <h3>{t('bulk.result')}</h3>
                  {started.length > 0 ? (
                    <p>
                      {t('bulk.allStarted', { n: started.length })} <a href={hrefFor({ name: 'affairs', branchId })}>{t('bulk.affairsLink')}</a>
                    </p>
                  ) : (
                    <div className="error">
                      <p>{t('bulk.batchRefused')}</p>
                      {refused.map(([id, o]) => (
                        <p key={id}>
                          {nameOf(id)}：{o.kind === 'refused' ? o.reason : ''}
                        </p>
                      ))}
                      {batchError ? <p>{batchError}</p> : null}
                    </div>
                  )}
                  {refused.length > 0 ? (
                    <button
                      type="button"
                      className="button button-ghost"
                      data-testid="bulk-drop-refused"
                      onClick={() => {
                        const drop = new Set(refused.map(([id]) => id));
                        setSelected((s) => s.filter((x) => !drop.has(x)));
                        setOutcome(null);
                      }}
                    >
                      {t('bulk.dropRefused')}
                    </button>
                  ) : null}
                </div>
              ) : null}
              {state.error && !outcome ? <ErrorMessage error={state.error} /> : null}
            </>
          )}
        </form>
      )}
    </QueryState>
  );
}
