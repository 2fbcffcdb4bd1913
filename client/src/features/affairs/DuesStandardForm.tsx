import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { chinaDay } from '../../app/china-time';
import { type DuesCategory, SetDuesStandardDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { fieldErrorOf } from './field-error';
import { fenToYuan, yuanToFen } from './money';
import { LabelledField } from './LabelledField';

const CATEGORIES: DuesCategory[] = ['EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'RELIEF'];
/** Categories whose standard is a bracket of an income base; the others pay the catalogue's fixed minimum. */
const WITH_BASE: DuesCategory[] = ['EMPLOYED', 'RETIRED'];
type Field = 'year' | 'category' | 'baseFen' | 'monthlyFen';

/**
 * A member's dues standard for a year (the branch's secretary or administrators above it): category, the monthly
 * income base, and optionally more than the standard. The catalogue's brackets give the rate; a refusal names
 * the field and nothing is saved.
 */
export function DuesStandardForm({ memberId, onDone }: { memberId: string; onDone: () => void }) {
  const { t, te } = useI18n();
  const errorId = useId();
  const [state, save] = useMutation(SetDuesStandardDocument);
  const [year, setYear] = useState(() => chinaDay(Date.now()).slice(0, 4));
  const [category, setCategory] = useState<DuesCategory>('STUDENT');
  const [base, setBase] = useState('');
  const [monthly, setMonthly] = useState('');
  const [local, setLocal] = useState<{ field: Field; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const needsBase = WITH_BASE.includes(category);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setLocal(null);
    const baseFen = needsBase && base.trim() ? yuanToFen(base) : null;
    if (needsBase && base.trim() && baseFen === null) return setLocal({ field: 'baseFen', message: t('duesStd.notAmount') });
    const monthlyFen = monthly.trim() ? yuanToFen(monthly) : null;
    if (monthly.trim() && monthlyFen === null) return setLocal({ field: 'monthlyFen', message: t('duesStd.notAmount') });
    const r = await save({ input: { memberId, year: Number(year), category, baseFen, monthlyFen } });
    if (r.data) {
      const s = r.data.setDuesStandard;
      setSaved(t('duesStd.saved', { year: s.year, amount: fenToYuan(s.monthlyFen), rule: s.ruleId, computed: fenToYuan(s.computedFen) }));
      onDone();
    }
  };
  const server = state.error && !state.fetching ? fieldErrorOf(state.error) : null;
  const err = local ?? (server ? { field: (server.root ?? '') as Field | '', message: server.message } : null);
  const known = err && (['year', 'category', 'baseFen', 'monthlyFen'] as string[]).includes(err.field) ? (err.field as Field) : null;
  const invalid = (f: Field) => (known === f ? true : undefined);
  return (
    <form className="card form" onSubmit={submit} data-testid="dues-standard-form" noValidate>
      <h2>{t('duesStd.title')}</h2>
      <p className="hint">{t('duesStd.hint')}</p>
      <LabelledField label={t('duesStd.year')} invalid={invalid('year')} errorId={errorId}>
        <input inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} data-testid="std-year" />
      </LabelledField>
      <LabelledField label={t('duesStd.category')} invalid={invalid('category')} errorId={errorId}>
        <select value={category} onChange={(e) => setCategory(e.target.value as DuesCategory)} data-testid="std-category">
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {te('duesCategory', c)}
            </option>
          ))}
        </select>
      </LabelledField>
      {needsBase ? (
        <LabelledField label={t('duesStd.base')} invalid={invalid('baseFen')} errorId={errorId}>
          <input inputMode="decimal" value={base} onChange={(e) => setBase(e.target.value)} data-testid="std-base" />
        </LabelledField>
      ) : (
        <p className="meta">{t('duesStd.baseFixed')}</p>
      )}
      <LabelledField label={t('duesStd.monthly')} invalid={invalid('monthlyFen')} errorId={errorId}>
        <input inputMode="decimal" value={monthly} onChange={(e) => setMonthly(e.target.value)} data-testid="std-monthly" />
      </LabelledField>
      <button type="submit" className="button" disabled={state.fetching} data-testid="std-submit">
        {t('duesStd.submit')}
      </button>
      {err ? (
        <div className="error" role="alert" id={errorId} data-testid="std-error" data-field={err.field}>
          <p>{known ? t('field.error', { field: t(`duesStd.field.${known}`), message: err.message }) : err.message}</p>
          <p>{t('field.nothingSaved')}</p>
        </div>
      ) : null}
      {saved ? (
        <p role="status" data-testid="std-saved">
          {saved}
        </p>
      ) : null}
    </form>
  );
}
