import { useMemo, useState } from 'react';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { filterAndSort, type MemberRow, type RowFilter, type SortKey } from './member-rows';

const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];
const KINDS = ['TEACHER', 'STUDENT', 'STAFF', 'RETIRED'];
const TAGS = ['active', 'inactive', 'accurate', 'struggling', 'regular', 'absent'] as const;

/** The branch's members: sortable columns (aria-sort), filters by stage, kind, tag and name. */
export function MembersTable({ rows }: { rows: MemberRow[] }) {
  const { t, te, pct } = useI18n();
  const [filter, setFilter] = useState<RowFilter>({ stage: '', kind: '', tag: '', name: '' });
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'stage', dir: 'asc' });
  const shown = useMemo(() => filterAndSort(rows, filter, sort.key, sort.dir), [rows, filter, sort]);
  const set = (k: keyof RowFilter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value }));
  // On a phone the table keeps its key columns (name, stage, gaps, attendance, tags); `wide` ones need a desk.
  const head = (key: SortKey, label: string, num = false, wide = false) => (
    <th
      scope="col"
      className={[num ? 'num' : '', wide ? 'col-wide' : ''].join(' ').trim() || undefined}
      aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}>
        {label}
      </button>
    </th>
  );
  return (
    <>
      <div className="toolbar" style={{ marginBottom: '.5rem' }}>
        <label className="field">
          {t('branch.filterName')}
          <input value={filter.name} onChange={set('name')} />
        </label>
        <label className="field">
          {t('branch.filterStage')}
          <select value={filter.stage} onChange={set('stage')} data-testid="filter-stage">
            <option value="">{t('branch.all')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {te('stage', s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('branch.filterKind')}
          <select value={filter.kind} onChange={set('kind')}>
            <option value="">{t('branch.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {te('kind', k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('branch.filterTag')}
          <select value={filter.tag} onChange={set('tag')}>
            <option value="">{t('branch.all')}</option>
            {TAGS.map((k) => (
              <option key={k} value={k}>
                {t(`tag.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="meta" aria-live="polite">
        {t('branch.membersCount', { n: shown.length })}
      </p>
      {shown.length === 0 ? (
        <EmptyState>{t('branch.noMatch')}</EmptyState>
      ) : (
        <ScrollRegion label={t('branch.members')}>
          <table data-testid="members-table" className="cards-on-phone">
            <thead>
              <tr>
                {head('name', t('branch.col.name'))}
                {head('stage', t('branch.col.stage'))}
                {head('kind', t('branch.col.kind'), false, true)}
                {head('role', t('branch.col.role'), false, true)}
                {head('mastery', t('branch.col.mastery'), true, true)}
                {head('gaps', t('branch.col.gaps'), true)}
                {head('attendance', t('branch.col.attendance'), true)}
                <th scope="col">{t('branch.filterTag')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={hrefFor({ name: 'portrait', id: r.id })}>{r.name}</a>
                  </td>
                  <td data-label={t('branch.col.stage')}>{te('stage', r.stage)}</td>
                  <td className="col-wide">{te('kind', r.kind)}</td>
                  <td className="col-wide">{te('role', r.role)}</td>
                  <td className="num col-wide">{r.mastery === null ? '—' : pct(r.mastery)}</td>
                  <td className="num" data-label={t('branch.col.gaps')}>
                    {r.gaps === null ? '—' : r.gaps}
                  </td>
                  <td className="num" data-label={t('branch.col.attendance')}>
                    {r.attendance === null ? '—' : pct(r.attendance)}
                  </td>
                  <td className="tags">
                    {r.tags.map((k) => (
                      <span key={k} className="chip" style={{ marginRight: 4 }}>
                        {t(`tag.${k}`)}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
