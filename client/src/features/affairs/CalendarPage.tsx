import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { CalendarFeedTokensDocument, CreateCalendarTokenDocument, ObligationCalendarDocument, type ObligationCalendarQuery, RevokeCalendarTokenDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { routeForObligation } from '../work-queue/action-route';
import { LabelledField } from './LabelledField';

type Week = ObligationCalendarQuery['obligationCalendar'][number];

const WEEKS = 6;
const WEEK_MS = 7 * 86_400_000;
const CHIP: Record<string, string> = { OVERDUE: 'chip chip-warn', DUE: 'chip', UPCOMING: 'chip chip-muted', DONE: 'chip chip-ok' };
/** A day as China counts it (the calendar's weeks and due days are China's), whatever the browser's time zone. */
function chinaDate(locale: string, at: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(at));
}

/** The name a calendar token is created with, so the page recognises its own tokens among the person's others. */
export const CALENDAR_TOKEN_NAMES = ['日历订阅', 'Calendar feed'];

/** A branch's obligations week by week, with the rule each comes from, and the viewer's personal .ics link. */
export default function CalendarPage({ branchId }: { branchId: string }) {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ObligationCalendarDocument,
    variables: { branchId, from, weeks: WEEKS },
    requestPolicy: 'cache-and-network',
  });
  const shift = (weeks: Week[], by: number) => setFrom(new Date(new Date(weeks[0].start).getTime() + by * WEEK_MS).toISOString());
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ branch, obligationCalendar: weeks }) => (
          <>
            <div className="page-head">
              <div>
                <p className="meta">{branch.name}</p>
                <h1>{t('cal.title')}</h1>
                <p className="meta">{t('cal.hint')}</p>
              </div>
              <div className="row">
                <a className="button button-ghost" href={hrefFor({ name: 'branch', id: branchId })}>
                  {branch.name}
                </a>
                <a className="button button-ghost" href={hrefFor({ name: 'rules' })} data-testid="rules-link">
                  {t('cal.rulesLink')}
                </a>
              </div>
            </div>
            <nav className="row" aria-label={t('cal.range', { from: weeks[0] ? chinaDate(locale, weeks[0].start) : '', weeks: weeks.length })}>
              <button type="button" className="button button-ghost" onClick={() => shift(weeks, -WEEKS)} data-testid="cal-prev">
                {t('cal.prev')}
              </button>
              {from ? (
                <button type="button" className="button button-ghost" onClick={() => setFrom(null)} data-testid="cal-today">
                  {t('cal.today')}
                </button>
              ) : null}
              <button type="button" className="button button-ghost" onClick={() => shift(weeks, WEEKS)} data-testid="cal-next">
                {t('cal.next')}
              </button>
            </nav>
            <ol className="calendar-weeks" data-testid="calendar">
              {weeks.map((w) => (
                <CalendarWeek key={w.label} week={w} />
              ))}
            </ol>
          </>
        )}
      </QueryState>
      <FeedLink />
    </div>
  );
}

function CalendarWeek({ week }: { week: Week }) {
  const { t, locale } = useI18n();
  const now = Date.now();
  const current = new Date(week.start).getTime() <= now && now < new Date(week.end).getTime();
  return (
    <li className="card" data-week={week.label} data-current={current}>
      <h2>
        {t('cal.week', { date: chinaDate(locale, week.start) })}
        {current ? <span className="chip"> {t('cal.thisWeek')}</span> : null}
      </h2>
      {week.items.length === 0 ? (
        <p className="meta">{t('cal.empty')}</p>
      ) : (
        <ul className="todo-list">
          {week.items.map((o) => (
            <li key={o.key} className="todo-item" data-key={o.key} data-status={o.status} data-rule={o.ruleId}>
              <div className="todo-main">
                <span className={CHIP[o.status] ?? 'chip'}>{t(`todo.status.${o.status}`)}</span> <strong>{o.title}</strong>
                {o.subject.kind !== 'BRANCH' && o.subject.name ? <span className="meta"> · {o.subject.name}</span> : null}
              </div>
              <div className="meta">
                {o.dueAt ? t('cal.dueAt', { date: chinaDate(locale, o.dueAt) }) : null}
                {' · '}
                <span data-testid="citation" title={o.citation.note ?? undefined}>
                  {t('todo.basis', { text: o.citation.text })}
                </span>
              </div>
              {o.status !== 'DONE' ? (
                <a className="button button-ghost" href={hrefFor(routeForObligation(o))}>
                  {t('todo.go')}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The viewer's personal calendar link: a read-only access token shown once, listed while active, revocable. */
function FeedLink() {
  const { t, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CalendarFeedTokensDocument, requestPolicy: 'network-only' });
  const [created, create] = useMutation(CreateCalendarTokenDocument);
  const [revoked, revoke] = useMutation(RevokeCalendarTokenDocument);
  const [url, setUrl] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const now = Date.now();
  const active = data?.myAccount.accessTokens.filter((k) => CALENDAR_TOKEN_NAMES.includes(k.name) && !k.revoked && new Date(k.expiresAt).getTime() > now) ?? [];
  const revokeAll = async () => {
    for (const k of active) {
      const r = await revoke({ id: k.id });
      if (r.error) return false;
    }
    return true;
  };
  const make = async (replace: boolean) => {
    setGone(false);
    if (replace && !(await revokeAll())) return reload();
    const r = await create({ input: { name: t('cal.feedTokenName'), scope: 'READ', days: data?.myAccount.tokenMaxDays ?? 90 } });
    if (r.data) setUrl(`${window.location.origin}/calendar/${encodeURIComponent(r.data.createAccessToken.token)}.ics`);
    reload();
  };
  const failed = created.error ?? revoked.error;
  return (
    <Section title={t('cal.feed')} className="calendar-feed">
      <p className="hint">{t('cal.feedHint')}</p>
      <p className="hint">{t('cal.feedKey')}</p>
      <QueryState fetching={fetching} error={error} data={data} retry={reload}>
        {() => (
          <div data-testid="feed" data-active={active.length > 0}>
            {url ? (
              <div className="form">
                <LabelledField label={t('cal.feedUrl')}>
                  <input readOnly value={url} data-testid="feed-url" onFocus={(e) => e.currentTarget.select()} />
                </LabelledField>
                <p className="meta">{t('cal.feedCopyHint')}</p>
              </div>
            ) : null}
            {active.length > 0 ? (
              <>
                <p data-testid="feed-active">{t('cal.feedActive', { date: date(active[0].createdAt), expires: date(active[0].expiresAt) })}</p>
                {active[0].lastUsedAt ? <p className="meta">{t('cal.feedLastUsed', { date: date(active[0].lastUsedAt, true) })}</p> : null}
                <div className="row">
                  <button
                    type="button"
                    className="button button-ghost"
                    data-testid="feed-revoke"
                    disabled={revoked.fetching}
                    onClick={async () => {
                      if (await revokeAll()) {
                        setUrl(null);
                        setGone(true);
                      }
                      reload();
                    }}
                  >
                    {t('cal.feedRevoke')}
                  </button>
                  {url ? null : (
                    <button type="button" className="button button-ghost" data-testid="feed-renew" disabled={created.fetching} onClick={() => void make(true)}>
                      {t('cal.feedRenew')}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <EmptyState
                action={
                  <button type="button" className="button" data-testid="feed-create" disabled={created.fetching} onClick={() => void make(false)}>
                    {t('cal.feedCreate')}
                  </button>
                }
              >
                {gone ? (
                  <span role="status" data-testid="feed-revoked">
                    {t('cal.feedRevoked')}
                  </span>
                ) : (
                  t('cal.feedNone')
                )}
              </EmptyState>
            )}
            {failed ? <ErrorMessage error={failed} /> : null}
          </div>
        )}
      </QueryState>
    </Section>
  );
}
