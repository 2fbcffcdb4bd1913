import { useMemo } from 'react';
import type { LifeSummaryFragment } from '../../gql/graphql';
import { GroupedBars } from '../../charts/GroupedBars';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { meetingRatio, meetingWarnings, type Quarter } from './dashboard-model';
import { periodDates } from '../branch/periods';
import { TrendTable } from './TrendTable';
import { useBranchLearning } from './useBranchLearning';

export interface DashBranch {
  id: string;
  name: string;
  /** The name without the committee's prefix, for chart labels. */
  shortName: string;
  committee: string;
  quarters: LifeSummaryFragment[];
  /** The four quarters as one period (the branch page's "last four quarters"). */
  year: LifeSummaryFragment;
}

/** Charts, trend and warnings for a set of branches. */
export function DashboardView({
  title,
  branches,
  quarters,
  committees,
  back,
}: {
  title: string;
  branches: DashBranch[];
  quarters: Quarter[];
  committees?: { id: string; name: string }[];
  back?: string;
}) {
  const { t, te, pct } = useI18n();
  const { summaries: learning, pending: learningPending } = useBranchLearning(useMemo(() => branches.map((b) => b.id), [branches]));
  const groups = useMemo(
    () =>
      branches.map((b) => {
        return {
          // One committee: its branches by their short names; the whole university: full names, which say the college.
          key: b.id,
          label: committees ? b.name : b.shortName,
          href: hrefFor({ name: 'branch', id: b.id }),
          values: {
            // Over the four quarters as one period, exactly as the branch page computes its "last four quarters".
            meetings: meetingRatio(b.year.kinds),
            attendance: b.year.attendanceRate ?? null,
            completion: learning.get(b.id)?.completion ?? null,
            mastery: learning.get(b.id)?.mastery ?? null,
          },
        };
      }),
    [branches, learning, committees],
  );
  const masteryWarnings = useMemo(() => lowLearning(branches, learning), [branches, learning]);
  const warnings = useMemo(() => meetingWarnings(branches.map((b) => ({ id: b.id, name: b.name, kinds: b.quarters.at(-1)?.kinds ?? [] }))), [branches]);
  if (branches.length === 0) return <EmptyState>{t('dash.empty')}</EmptyState>;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="meta">{t('dash.title')}</p>
          <h1>{title}</h1>
        </div>
        {back ? <a href={back}>← {t('dash.title')}</a> : null}
      </div>
      {committees ? (
        <nav className="toolbar" aria-label={t('dash.title')}>
          {committees.map((c) => (
            <a key={c.id} className="chip" href={hrefFor({ name: 'dashboard', id: c.id })}>
              {c.name}
            </a>
          ))}
        </nav>
      ) : null}
      <Section title={t('dash.warnings')}>
        {warnings.length === 0 && masteryWarnings.length === 0 ? (
          <EmptyState>{t('dash.warningsEmpty')}</EmptyState>
        ) : (
          <ul className="list" data-testid="warnings">
            {warnings.slice(0, 12).map((w) => (
              <li key={`${w.branchId}:${w.kind}`}>
                <a href={hrefFor({ name: 'branch', id: w.branchId })}>{t('dash.warnMeetings', { branch: w.branchName, kind: te('meeting', w.kind), n: w.short })}</a>
                <span className="meta"> · {quarters.at(-1)?.label}</span>
              </li>
            ))}
            {warnings.length > 12 ? <li className="meta">… +{warnings.length - 12}</li> : null}
            {masteryWarnings.map((w) => (
              <li key={`m:${w.id}`}>
                <a href={hrefFor({ name: 'branch', id: w.id })}>{t('dash.warnMastery', { branch: w.name, p: pct(w.completion) })}</a>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('dash.compare')} hint={`${quarters[0].label} – ${quarters.at(-1)!.label} · ${periodDates({ from: quarters[0].from, to: quarters.at(-1)!.to })}`}>
        <GroupedBars
          groups={groups}
          format={(v) => pct(v)}
          label={t('dash.compare')}
          series={[
            { key: 'meetings', label: t('dash.meetings'), color: '#c62828' },
            { key: 'attendance', label: t('branch.col.attendance'), color: '#1e88e5' },
            { key: 'completion', label: t('dash.completion'), color: '#2e7d32' },
            { key: 'mastery', label: t('dash.mastery'), color: '#8e24aa' },
          ]}
        />
        {learningPending > 0 ? (
          <p className="meta row" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('dash.learningLoading')}
          </p>
        ) : null}
        <p className="meta">{t('figure.def', { name: t('dash.meetings'), def: t('figure.meetingsOf') })}</p>
        <p className="meta">{t('figure.def', { name: t('branch.col.attendance'), def: t('figure.attendanceOf') })}</p>
        <p className="meta">{t('dash.completionHint')}</p>
      </Section>
      <Section title={t('dash.trend')} hint={t('dash.trendHint')}>
        <TrendTable branches={branches} quarters={quarters} />
      </Section>
    </>
  );
}

/** Branches whose completion of stage targets is well below the others' (under half the median). */
function lowLearning(branches: DashBranch[], learning: ReadonlyMap<string, { completion: number | null }>) {
  const known = branches
    .map((b) => ({ id: b.id, name: b.name, completion: learning.get(b.id)?.completion }))
    .filter((x): x is { id: string; name: string; completion: number } => x.completion != null);
  if (known.length < 2) return [];
  const sorted = known.map((x) => x.completion).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return known.filter((x) => x.completion < median / 2).sort((a, b) => a.completion - b.completion);
}
