import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { UpdateMinutesDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Section } from '../../ui/Section';

/** A meeting's minutes; the branch's managers can change them afterwards, and every change is listed with who and when. */
export function MinutesSection({
  meetingId,
  record,
  edits,
  canEdit,
}: {
  meetingId: string;
  record: string;
  edits: { id: string; at: string; byName: string }[];
  canEdit: boolean;
}) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(record);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateMinutesDocument);
  // What the page shows: the query's minutes, replaced by the saved ones as soon as the change is stored.
  const [shown, setShown] = useState({ record, edits });
  useEffect(() => {
    setShown({ record, edits });
  }, [record, edits]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await update({ input: { meetingId, record: text } });
    if (r.data) {
      setShown({ record: r.data.updateMeetingRecord.record, edits: r.data.updateMeetingRecord.recordEdits });
      setEditing(false);
      setSaved(true);
    }
  };
  return (
    <Section
      title={t('meetings.record')}
      actions={
        canEdit && !editing ? (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setText(shown.record);
              setEditing(true);
              setSaved(false);
            }}
            data-testid="minutes-edit"
          >
            {t('meetings.editRecord')}
          </button>
        ) : null
      }
    >
      {editing ? (
        <form onSubmit={submit} className="form" data-testid="minutes-form">
          <label>
            {t('meetings.record')}
            <textarea name="minutes" rows={6} value={text} maxLength={20_000} required onChange={(e) => setText(e.target.value)} />
          </label>
          {state.error ? <ErrorMessage error={state.error} /> : null}
          <div className="row">
            <button type="submit" className="button" disabled={state.fetching} data-testid="minutes-save">
              {t('meetings.saveRecord')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setEditing(false)}>
              {t('meetings.cancel')}
            </button>
          </div>
        </form>
      ) : shown.record ? (
        <p className="prose" data-testid="minutes-text">
          {shown.record}
        </p>
      ) : (
        <p className="meta">{t('meetings.noRecord')}</p>
      )}
      {saved ? (
        <p className="chip chip-ok" role="status" data-testid="minutes-saved">
          {t('meetings.recordSaved')}
        </p>
      ) : null}
      {shown.edits.length ? (
        <details data-testid="minutes-history">
          <summary>
            {t('meetings.edits')} ({shown.edits.length})
          </summary>
          <ul className="list">
            {shown.edits.map((e) => (
              <li key={e.id} className="meta">
                {t('meetings.editedBy', { name: e.byName, date: date(e.at, true) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Section>
  );
}
