import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { hrefFor, navigate } from '../../app/routes';
import { ScheduleMeetingDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { MEETING_KIND_VALUES, localInputValue } from './meeting-kinds';

/** Schedule (or record after the fact) a meeting of a branch: kind, title, time, length and minutes. */
export default function MeetingFormPage({ branchId, kind, period }: { branchId: string; kind: string | null; period: string | null }) {
  const { t, te } = useI18n();
  const initialKind = kind && (MEETING_KIND_VALUES as readonly string[]).includes(kind) ? kind : 'BRANCH_ASSEMBLY';
  const [form, setForm] = useState({
    kind: initialKind,
    title: `${te('meeting', initialKind)}${period ? `（${period}）` : ''}`,
    at: localInputValue(Date.now()),
    minutes: 90,
    record: '',
  });
  const [result, create] = useMutation(ScheduleMeetingDocument);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: k === 'minutes' ? Number(e.target.value) : e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({
      input: {
        id: `mt-${crypto.randomUUID()}`,
        branchId,
        kind: form.kind as never,
        title: form.title,
        at: new Date(form.at).toISOString(),
        minutes: form.minutes,
        record: form.record || null,
      },
    });
    if (r.data) navigate({ name: 'meeting', id: r.data.createMeeting.id });
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('meetings.new')}</h1>
        <a className="button button-ghost" href={hrefFor({ name: 'meetings', branchId })}>
          {t('meetings.list')}
        </a>
      </div>
      <form className="stack form" onSubmit={submit} data-testid="meeting-form">
        <label>
          {t('meetings.kind')}
          <select value={form.kind} onChange={set('kind')} name="kind">
            {MEETING_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {te('meeting', k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meetings.titleField')}
          <input required maxLength={100} value={form.title} onChange={set('title')} name="title" />
        </label>
        <label>
          {t('meetings.at')}
          <input required type="datetime-local" value={form.at} onChange={set('at')} name="at" />
        </label>
        <label>
          {t('meetings.minutes')}
          <input required type="number" min={1} max={1440} value={form.minutes} onChange={set('minutes')} name="minutes" />
        </label>
        <label>
          {t('meetings.record')}
          <textarea rows={5} maxLength={20000} value={form.record} onChange={set('record')} name="record" placeholder={t('meetings.recordHint')} />
        </label>
        {result.error ? <ErrorMessage error={result.error} /> : null}
        <button type="submit" className="button" disabled={result.fetching} data-testid="meeting-submit">
          {t('meetings.save')}
        </button>
      </form>
    </div>
  );
}
