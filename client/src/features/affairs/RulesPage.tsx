import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { chinaDay } from '../../app/china-time';
import { useSession } from '../../app/useSession';
import { OverrideRuleDocument, type RuleFieldsFragment, RuleHistoryDocument, RulesCatalogueDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { fieldErrorOf } from './field-error';
import { LabelledField } from './LabelledField';

/** Pretty JSON of a rule's parameters (the API sends them as one line). */
function pretty(params: string): string {
  try {
    return JSON.stringify(JSON.parse(params), null, 1);
  } catch {
    return params;
  }
}

/**
 * The rules catalogue: every rule that creates a duty or deadline with its citation, parameters and the days it
 * is in force; its versions with who changed it and why; and, for university administrators, a form to change
 * parameters from a day on.
 */
export default function RulesPage({ canOverride }: { canOverride: boolean }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RulesCatalogueDocument, requestPolicy: 'cache-and-network' });
  const [filter, setFilter] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('rules.title')}</h1>
          <p className="meta">{t('rules.hint')}</p>
          {canOverride ? null : <p className="meta">{t('rules.onlyUniversity')}</p>}
        </div>
      </div>
      <QueryState fetching={fetching} error={error} data={data} retry={reload}>
        {({ rules }) => {
          const q = filter.trim().toLowerCase();
          const shown = q ? rules.filter((r) => `${r.id} ${r.title} ${r.citation.text}`.toLowerCase().includes(q)) : rules;
          return (
            <>
              <div className="form">
                <LabelledField label={t('rules.filter')}>
                  <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="rules-filter" />
                </LabelledField>
                <p className="meta">{t('rules.count', { n: shown.length })}</p>
              </div>
              <ul className="todo-list" data-testid="rules">
                {shown.map((r) => (
                  <RuleCard key={r.id} rule={r} canOverride={canOverride} onChanged={reload} />
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function RuleCard({ rule: r, canOverride, onChanged }: { rule: RuleFieldsFragment; canOverride: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  // Bumped by a saved override, so the version list is read again.
  const [stamp, setStamp] = useState(0);
  return (
    <li className="todo-item card" data-rule={r.id} data-version={r.version}>
      <div className="todo-main">
        <strong>{r.title}</strong> <span className="chip chip-muted">{t('rules.version', { v: r.version })}</span>
      </div>
      <div className="meta">
        <code>{r.id}</code> · {r.effectiveTo ? t('rules.fromTo', { from: r.effectiveFrom, to: r.effectiveTo }) : t('rules.from', { from: r.effectiveFrom })}
      </div>
      <div className="meta" data-testid="citation">
        {t('todo.basis', { text: r.citation.text })}
        {r.citation.note ? ` — ${r.citation.note}` : ''}
      </div>
      <pre className="rule-params" data-testid="rule-params">
        {pretty(r.params)}
      </pre>
      <div className="row">
        <button type="button" className="button button-ghost" aria-expanded={history} onClick={() => setHistory(!history)} data-testid="rule-history-toggle">
          {history ? t('rules.hideHistory') : t('rules.history')}
        </button>
        {canOverride ? (
          <button type="button" className="button button-ghost" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="rule-override-toggle">
            {t('rules.overrideForm')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <OverrideForm
          rule={r}
          onSaved={() => {
            setHistory(true);
            setStamp((n) => n + 1);
            onChanged();
          }}
        />
      ) : null}
      {history ? <RuleHistory key={stamp} id={r.id} /> : null}
    </li>
  );
}

function RuleHistory({ id }: { id: string }) {
  const { t, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RuleHistoryDocument, variables: { id }, requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ ruleHistory }) =>
        ruleHistory.length === 0 ? (
          <EmptyState>{t('rules.catalogueEntry')}</EmptyState>
        ) : (
          <ol className="transfer-log" data-testid="rule-history">
            {ruleHistory.map((v, i) => {
              // A version is in force until its own end, or until the next version starts.
              const to = v.rule.effectiveTo ?? ruleHistory[i + 1]?.rule.effectiveFrom ?? null;
              return (
                <li key={v.rule.version} data-version={v.rule.version} data-override={v.isOverride}>
                  <strong>{t('rules.version', { v: v.rule.version })}</strong> ·{' '}
                  {to ? t('rules.fromTo', { from: v.rule.effectiveFrom, to }) : t('rules.from', { from: v.rule.effectiveFrom })} ·{' '}
                  {v.isOverride ? t('rules.override', { reason: v.reason ?? '' }) : t('rules.catalogueEntry')}
                  {v.isOverride && v.createdAt ? (
                    <span className="meta">
                      {' '}
                      (
                      {t('rules.overrideBy', { by: v.createdBy === session?.memberId ? t('rules.you') : t('rules.admin', { id: v.createdBy ?? '' }), at: date(v.createdAt, true) })}
                      )
                    </span>
                  ) : null}
                  <pre className="rule-params">{pretty(v.rule.params)}</pre>
                </li>
              );
            })}
          </ol>
        )
      }
    </QueryState>
  );
}

function OverrideForm({ rule, onSaved }: { rule: RuleFieldsFragment; onSaved: () => void }) {
  const { t } = useI18n();
  const errorId = useId();
  const [state, save] = useMutation(OverrideRuleDocument);
  const [params, setParams] = useState(() => JSON.stringify(JSON.parse(rule.params)));
  const [from, setFrom] = useState(() => chinaDay(Date.now()));
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<{ v: number; from: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const r = await save({ input: { ruleId: rule.id, params, effectiveFrom: from, reason } });
    if (r.data) {
      setSaved({ v: r.data.overrideRule.version, from: r.data.overrideRule.effectiveFrom });
      onSaved();
    }
  };
  const err = state.error && !state.fetching ? fieldErrorOf(state.error) : null;
  const root = err?.root ?? null;
  // A parameter the evaluator refuses is named by itself (e.g. `minimum`) or as `params.minimum`.
  const on = (field: 'params' | 'effectiveFrom' | 'reason') =>
    root === field || (field === 'params' && root !== null && !['effectiveFrom', 'reason', 'ruleId'].includes(root)) ? true : undefined;
  const label = (() => {
    if (!err?.field) return null;
    if (err.root === 'effectiveFrom' || err.root === 'reason') return t(`rules.field.${err.root}`);
    const sub = err.field.replace(/^params\.?/, '');
    return sub ? `${t('rules.field.params')} ${sub}` : t('rules.field.params');
  })();
  return (
    <form className="form" onSubmit={submit} data-testid="override-form" noValidate>
      <p className="meta">{t('rules.overrideHint')}</p>
      <LabelledField label={t('rules.paramsField')} invalid={on('params')} errorId={errorId}>
        <textarea rows={3} value={params} onChange={(e) => setParams(e.target.value)} data-testid="override-params" spellCheck={false} />
      </LabelledField>
      <LabelledField label={t('rules.effectiveFrom')} invalid={on('effectiveFrom')} errorId={errorId}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="override-from" required />
      </LabelledField>
      <LabelledField label={t('rules.reason')} invalid={on('reason')} errorId={errorId}>
        <textarea rows={2} value={reason} placeholder={t('rules.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" required />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching} data-testid="override-submit">
        {t('rules.submit')}
      </button>
      {err ? (
        <div className="error" role="alert" id={errorId} data-testid="override-error" data-field={err.field ?? ''}>
          <p>{label ? t('field.error', { field: label, message: err.message }) : err.message}</p>
          <p>{t('field.nothingSaved')}</p>
        </div>
      ) : null}
      {saved ? (
        <p role="status" data-testid="override-saved">
          {t('rules.saved', saved)}
        </p>
      ) : null}
    </form>
  );
}
