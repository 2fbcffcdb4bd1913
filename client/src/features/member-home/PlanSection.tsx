import { useMutation } from 'urql';
import { MakeStudyPlanDocument, type PlanFieldsFragment } from '../../gql/graphql';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Section } from '../../ui/Section';
import { currentWeek, weekItems } from './plan-week';
import { StudyButton } from './StudyButton';

const DEFAULT_MINUTES = 120;
const DEFAULT_WEEKS = 4;

/** This week's plan with progress; a member without a plan can generate one. */
export function PlanSection({ memberId, plan, onChanged }: { memberId: string; plan: PlanFieldsFragment | null; onChanged: () => void }) {
  const { t, te, date, minutes, pct } = useI18n();
  const [made, make] = useMutation(MakeStudyPlanDocument);
  const generate = async () => {
    const r = await make({ id: memberId, minutesPerWeek: plan?.minutesPerWeek ?? DEFAULT_MINUTES, weeks: plan?.weeks ?? DEFAULT_WEEKS });
    if (r.data) onChanged();
  };
  const button = (label: string) => (
    <button type="button" className="button button-small" onClick={generate} disabled={made.fetching} data-testid="make-plan">
      {label}
    </button>
  );
  if (!plan || plan.items.length === 0) {
    return (
      <Section title={t('home.plan')}>
        <EmptyState action={button(t('home.makePlan'))}>{t('home.planEmpty')}</EmptyState>
        {made.error ? <ErrorMessage error={made.error} /> : null}
      </Section>
    );
  }
  const week = currentWeek(plan.startsAt, plan.weeks);
  const { list, done, minutes: total } = weekItems(plan.items, week);
  return (
    <Section title={t('home.plan')} actions={<span className="meta">{t('home.planWeek', { week, weeks: plan.weeks })}</span>}>
      <p className="meta" data-testid="plan-progress">
        {t('home.planProgress', { done, total: list.length, minutes: minutes(total) })}
      </p>
      <div
        className="progress"
        data-testid="plan-week-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={list.length}
        aria-valuenow={done}
        aria-label={t('home.planWeekBar')}
      >
        <span style={{ width: `${list.length ? (100 * done) / list.length : 0}%` }} />
      </div>
      <p className="meta" data-testid="plan-overall">
        {t('home.planOverall', { p: pct(plan.progress), weeks: plan.weeks })}
      </p>
      <ol className="list" style={{ marginTop: '.6rem' }} data-testid="plan-items">
        {list.map((item) => (
          <li key={`${item.course.id}:${item.order}`} className={`plan-item ${item.completed ? 'done' : ''}`}>
            <span aria-hidden="true" className={`chip ${item.kind === 'REVIEW' ? 'chip-warn' : 'chip-red'}`}>
              {t(item.kind === 'REVIEW' ? 'home.review' : 'home.learn')}
            </span>
            <div>
              <div className="plan-title">
                <a href={hrefFor({ name: 'course', id: item.course.id })}>{item.course.title}</a>
              </div>
              <p className="meta">
                {te('courseKind', item.course.kind)} · {minutes(item.minutes)} · {t('home.due', { date: date(item.due) })}
              </p>
              <p className="meta clamp-2" title={item.reason}>
                {item.reason}
              </p>
              {item.completed ? (
                <span className="chip chip-ok">✓ {t('home.done')}</span>
              ) : (
                <StudyButton memberId={memberId} courseId={item.course.id} minutes={item.minutes} onStudied={onChanged} />
              )}
            </div>
          </li>
        ))}
      </ol>
      <p style={{ marginTop: '.5rem' }}>{button(t('home.replan'))}</p>
      {made.error ? <ErrorMessage error={made.error} /> : null}
    </Section>
  );
}
