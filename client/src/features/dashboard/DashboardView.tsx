import { useMemo } from 'react';
import type { LifeSummaryFragment } from '../../gql/graphql';
import { GroupedBars } from '../../charts/GroupedBars';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { meetingRatio, meetingWarnings, sumKinds, type Quarter } from './dashboard-model';
import { TrendTable } from './TrendTable';

export interface DashBranch {
  id: string; name: string;
  /** The name without the committee's prefix, for chart labels. */
  shortName: string;
  committee: string; quarters: LifeSummaryFragment[];
}

/** Charts, trend and warnings for a set of branches. */
export function DashboardView({ title, branches, quarters, committees, back }: {
  title: string; branches: DashBranch[]; quarters: Quarter[]; committees?: { id: string; name: string }[]; back?: string;
}) {
  const { t, te, pct } = useI18n();
  const groups = useMemo(() => branches.map((b) => {
    const year = sumKinds(b.quarters.map((q) => q.kinds));
    const rates = b.quarters.map((q) => q.attendanceRate).filter((x): x is number => x != null);
    return {
      key: b.id, label: b.shortName, href: hrefFor({ name: 'branch', id: b.id }),
      values: { meetings: meetingRatio(year), attendance: rates.length ? rates.reduce((a, c) => a + c, 0) / rates.length : null },
    };
  }), [branches]);
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
          {committees.map((c) => <a key={c.id} className="chip" href={hrefFor({ name: 'dashboard', id: c.id })}>{c.name}</a>)}
        </nav>
      ) : null}
      <Section title={t('dash.warnings')}>
        {warnings.length === 0 ? <EmptyState>{t('dash.warningsEmpty')}</EmptyState> : (
          <ul className="list" data-testid="warnings">
            {warnings.slice(0, 12).map((w) => (
              <li key={`${w.branchId}:${w.kind}`}>
                <a href={hrefFor({ name: 'branch', id: w.branchId })}>{t('dash.warnMeetings', { branch: w.branchName, kind: te('meeting', w.kind), n: w.short })}</a>
                <span className="meta"> · {quarters.at(-1)?.label}</span>
              </li>
            ))}
            {warnings.length > 12 ? <li className="meta">… +{warnings.length - 12}</li> : null}
          </ul>
        )}
      </Section>
      <Section title={t('dash.compare')} hint={`${quarters[0].label} – ${quarters.at(-1)!.label}`}>
        <GroupedBars groups={groups} format={(v) => pct(v)} threshold={1}
          series={[{ key: 'meetings', label: t('dash.meetings'), color: '#c62828' }, { key: 'attendance', label: t('branch.col.attendance'), color: '#1e88e5' }]} />
        <p className="meta">{t('dash.completion')} · {t('dash.mastery')}：{t('state.comingSoon')}</p>
      </Section>
      <Section title={t('dash.trend')}>
        <TrendTable branches={branches} quarters={quarters} />
      </Section>
    </>
  );
}
