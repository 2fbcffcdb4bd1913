import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { BranchMeetingsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';

type Span = 'month' | 'quarter' | 'year';

/** Start and end (local calendar, China time on the server) of the month, quarter or year containing now. */
function spanOf(span: Span, offset: number): { from: string; to: string; label: string } {
  const now = new Date();
  const y = now.getFullYear();
  const step = span === 'month' ? 1 : span === 'quarter' ? 3 : 12;
  const m0 = span === 'year' ? 0 : Math.floor(now.getMonth() / step) * step;
  const from = new Date(y, m0 - offset * step, 1);
  const to = new Date(from.getFullYear(), from.getMonth() + step, 1);
  const label =
    span === 'year'
      ? `${from.getFullYear()}`
      : span === 'quarter'
        ? `${from.getFullYear()}-Q${Math.floor(from.getMonth() / 3) + 1}`
        : `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}`;
  return { from: from.toISOString(), to: to.toISOString(), label };
}

/** A branch's meetings by period (month, quarter or year), each opening its minutes and attendance. */
export default function MeetingsPage({ branchId }: { branchId: string }) {
  const { t, te, date } = useI18n();
  const [span, setSpan] = useState<Span>('quarter');
  const [offset, setOffset] = useState(0);
  const range = useMemo(() => spanOf(span, offset), [span, offset]);
  const [{ data, fetching, error, operation }, refetch] = useQuery({ query: BranchMeetingsDocument, variables: { branchId, from: range.from, to: range.to } });
  // Another period's meetings (or its "none") on screen while the chosen period's load: marked busy, and dimmed.
  const stale = !!operation && (operation.variables.from !== range.from || operation.variables.to !== range.to);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('meetings.list')}</h1>
        <a className="button" href={hrefFor({ name: 'meetingNew', branchId, kind: null, period: null })}>
          {t('meetings.new')}
        </a>
      </div>
      <div className="row">
        <select
          value={span}
          onChange={(e) => {
            setSpan(e.target.value as Span);
            setOffset(0);
          }}
          aria-label={t('meetings.span')}
          data-testid="meetings-span"
        >
          {(['month', 'quarter', 'year'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`meetings.span.${s}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button-ghost" onClick={() => setOffset((o) => o + 1)}>
          {t('meetings.prev')}
        </button>
        <strong data-testid="meetings-period" data-from={range.from} data-to={range.to}>
          {range.label}
        </strong>
        <button type="button" className="button button-ghost" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - 1))}>
          {t('meetings.next')}
        </button>
      </div>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ meetings }) =>
          meetings.length === 0 ? (
            <div data-testid="meetings-none" data-from={operation?.variables.from} data-to={operation?.variables.to} aria-busy={stale || undefined}>
              <EmptyState>{t('meetings.none')}</EmptyState>
            </div>
          ) : (
            // data-from/data-to: the period these meetings were asked for (the previous period's list stays on screen
            // while another period's loads, so it can differ from the period chosen above).
            <ul className="todo-list" data-testid="meetings-list" data-from={operation?.variables.from} data-to={operation?.variables.to} aria-busy={stale || undefined}>
              {meetings.map((m) => (
                <li key={m.id} className="todo-item">
                  <div className="todo-main">
                    <span className="chip">{te('meeting', m.kind)}</span> <a href={hrefFor({ name: 'meeting', id: m.id })}>{m.title}</a>
                  </div>
                  <div className="meta">
                    {date(m.at, true)} · {t('meetings.attended', { n: m.attendance.filter((a) => a.status === 'PRESENT').length, total: m.attendance.length })}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
