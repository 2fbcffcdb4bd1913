import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { MemberDuesDocument, RecordDuesPaymentDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useSession } from '../../app/useSession';
import { Citation } from './Citation';
import { DuesStandardForm } from './DuesStandardForm';
import { fenToYuan, yuanToFen } from './money';
import { LabelledField } from './LabelledField';

/** A member's dues: standard, arrears with the prompts the rules raise, payments, and the payment form. */
export default function MemberDuesPage({ memberId }: { memberId: string }) {
  const { t, te, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberDuesDocument, variables: { memberId } });
  const session = useSession();
  // The branch's secretary and the administrators above it set standards; the API checks the scope.
  const manager = session?.role === 'SECRETARY' || session?.role === 'COMMITTEE_ADMIN' || session?.role === 'UNIVERSITY_ADMIN';
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ memberDues: d }) => (
          <>
            <h1>
              {t('affairs.dues')}：{d.member.name}
            </h1>
            <section className="card">
              <h2>{t('affairs.standard')}</h2>
              <ul className="todo-list" data-testid="dues-standards">
                {d.standards.map((s) => (
                  <li key={s.year} className="todo-item">
                    <div className="todo-main">
                      {s.year} · {te('duesCategory', s.category)} · {t('affairs.perMonth', { amount: fenToYuan(s.monthlyFen) })}
                    </div>
                    <div className="meta">
                      {t('affairs.base')}：{s.baseFen !== null && s.baseFen !== undefined ? fenToYuan(s.baseFen) : (s.baseMasked ?? '—')} · {s.ruleId}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card">
              <h2>{t('affairs.arrears')}</h2>
              <p data-testid="dues-arrears">
                {d.arrears.unpaidMonths.length === 0
                  ? t('affairs.noArrears')
                  : t('affairs.arrearsLine', { n: d.arrears.unpaidMonths.length, amount: fenToYuan(d.arrears.owedFen), until: d.arrears.paidUntil ?? '—' })}
              </p>
              {d.prompts.map((p) => (
                <p key={p.ruleId} className="warning" data-testid="dues-prompt" data-rule={p.ruleId}>
                  {p.title} <Citation c={p.citation} />
                </p>
              ))}
            </section>
            <section className="card">
              <h2>{t('affairs.payments')}</h2>
              {d.payments.length === 0 ? (
                <EmptyState>{t('affairs.noArrears')}</EmptyState>
              ) : (
                <ul className="todo-list" data-testid="dues-payments">
                  {d.payments.map((p) => (
                    <li key={p.id} className="todo-item">
                      {p.months.join('、')} · {fenToYuan(p.amountFen)} 元 · {date(p.paidAt)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {manager ? <DuesStandardForm memberId={memberId} onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
            <PayForm
              memberId={memberId}
              suggested={d.arrears.unpaidMonths.slice(0, 3)}
              monthly={d.standards[d.standards.length - 1]?.monthlyFen ?? 0}
              onDone={() => refetch({ requestPolicy: 'network-only' })}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

function PayForm({ memberId, suggested, monthly, onDone }: { memberId: string; suggested: string[]; monthly: number; onDone: () => void }) {
  const { t } = useI18n();
  const [state, pay] = useMutation(RecordDuesPaymentDocument);
  const [months, setMonths] = useState(suggested.join(','));
  const [amount, setAmount] = useState(fenToYuan(monthly * suggested.length));
  // One id per attempt: a retry of the same submission reuses it, so it is recorded once.
  const [paymentId, setPaymentId] = useState(() => `pay-${crypto.randomUUID()}`);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amountFen = yuanToFen(amount);
    if (amountFen === null) return;
    const r = await pay({ input: { id: paymentId, memberId, months: months.split(/[,，\s]+/).filter(Boolean), amountFen } });
    if (!r.error) {
      setDone(true);
      setPaymentId(`pay-${crypto.randomUUID()}`);
      onDone();
    }
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="dues-form">
      <h2>{t('affairs.pay')}</h2>
      <LabelledField label={t('affairs.months')}>
        <input value={months} onChange={(e) => setMonths(e.target.value)} data-testid="dues-months" required />
      </LabelledField>
      <LabelledField label={t('affairs.amount')}>
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="dues-amount" required />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('affairs.pay')}
      </button>
      {state.error ? (
        <p role="alert" className="error">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" data-testid="dues-paid">
          {t('affairs.paid')}
        </p>
      ) : null}
    </form>
  );
}
