import { hrefFor } from '../../app/routes';
import type { AssessmentObligationFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { routeForObligation } from '../work-queue/action-route';
import { formatPoints, pointsLost, pointsPerObligation } from './assessment-model';
import type { QuarterScore } from './useQuarterName';

type Indicator = QuarterScore['indicators'][number];

/** One indicator: value and weight, the points it cost, each obligation that cost points with what to do, and the evidence. */
export function IndicatorCard({ ind, all }: { ind: Indicator; all: Indicator[] }) {
  const { t, te, pct, date } = useI18n();
  const lost = pointsLost(ind, all);
  const each = pointsPerObligation(ind, all);
  const how = ind.noData ? te('assess.noData', ind.id) : t(ind.id === 'attendance' ? 'assess.attendanceCounted' : 'assess.counted', { total: ind.total, met: ind.met });
  return (
    <li className="indicator" data-indicator={ind.id} data-lost={lost}>
      <div className="todo-main">
        <strong>{te('assess.ind', ind.id)}</strong>
        <span className="meta"> · {t('assess.weight', { w: ind.weight })}</span>
        {ind.value !== null ? <span className="chip"> {pct(ind.value)}</span> : <span className="chip chip-muted">{t('assess.noScore')}</span>}
        {lost > 0.0001 ? (
          <span className="chip chip-warn" data-testid="indicator-lost">
            {t('assess.lost', { p: formatPoints(lost) })}
          </span>
        ) : null}
      </div>
      <p className="meta">{how}</p>
      {ind.shortfalls.length ? (
        <>
          <h3>
            {t('assess.costs', { n: ind.shortfalls.length })} <span className="meta">{t('assess.lostEach', { p: formatPoints(each) })}</span>
          </h3>
          <ul className="todo-list" data-testid="shortfalls">
            {ind.shortfalls.map((o) => (
              <li key={o.key} className="todo-item" data-rule={o.ruleId} data-key={o.key}>
                <div className="todo-main">
                  <strong>{o.title}</strong>
                  {o.period ? <span className="meta"> · {o.period.label}</span> : null}
                  {o.subject.kind === 'MEMBER' && o.subject.name ? <span className="meta"> · {o.subject.name}</span> : null}
                </div>
                <div className="meta">
                  {o.dueAt ? `${t('todo.dueAt', { date: date(o.dueAt) })} · ` : null}
                  <span data-testid="citation" title={o.citation.note ?? undefined}>
                    {t('todo.basis', { text: o.citation.text })}
                  </span>
                </div>
                <a className="button" href={hrefFor(routeForObligation(o))} data-testid="shortfall-action">
                  {t('assess.fix')}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ind.counted.length || ind.evidence.length ? (
        <details>
          <summary>{t('assess.evidence')}</summary>
          <ul className="list evidence" data-testid="evidence">
            {ind.counted.map((o) => (
              <Counted key={o.key} o={o} />
            ))}
            {ind.evidence.map((e) => (
              <li key={e.id}>
                <a href={hrefFor({ name: 'meeting', id: e.id })}>{e.label ?? e.id}</a>
                {e.at ? <span className="meta"> · {date(e.at)}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function Counted({ o }: { o: AssessmentObligationFragment }) {
  const { t, te, date } = useI18n();
  return (
    <li data-status={o.status}>
      <span className={o.status === 'DONE' ? 'chip chip-ok' : 'chip chip-warn'}>{te('obligation', o.status)}</span> {o.title}
      {o.period ? <span className="meta"> · {o.period.label}</span> : null}
      {o.subject.kind === 'MEMBER' && o.subject.name ? <span className="meta"> · {o.subject.name}</span> : null}
      {o.evidence.length ? (
        <span className="meta">
          {' '}
          —{' '}
          {o.evidence.map((e, i) => (
            <span key={`${e.kind}:${e.id}`}>
              {i ? '、' : ''}
              {e.kind === 'Meeting' ? <a href={hrefFor({ name: 'meeting', id: e.id })}>{e.label ?? e.id}</a> : (e.label ?? e.id)}
              {e.at ? ` (${date(e.at)})` : ''}
            </span>
          ))}
        </span>
      ) : (
        <span className="meta"> {t('assess.noEvidence')}</span>
      )}
    </li>
  );
}
