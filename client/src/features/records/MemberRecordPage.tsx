import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { chinaDay, eventTime } from '../../app/china-time';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { MemberRecordPageDocument, type MemberRecordFieldsFragment, type MemberStage, RecordPeopleOptionsDocument, UpdateMemberRecordDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { DATE_FIELDS, type DateField, fieldOfError, type FormField, reachedDates, sourceOf } from './record-form';

interface Person {
  id: string;
  name: string;
}
interface Draft {
  dates: Record<DateField, string>;
  sponsors: [string, string];
  contacts: [string, string];
  phone: string;
  email: string;
}

const draftOf = (r: MemberRecordFieldsFragment): Draft => ({
  dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, r[f] ? chinaDay(Date.parse(r[f]!)) : ''])) as Record<DateField, string>,
  sponsors: [r.sponsors[0]?.id ?? '', r.sponsors[1]?.id ?? ''],
  contacts: [r.contacts[0]?.id ?? '', r.contacts[1]?.id ?? ''],
  phone: '',
  email: r.email ?? '',
});

/**
 * A member's record (党员档案): stage dates, sponsors (入党介绍人), 培养联系人 and contact. Everyone who may read the
 * member sees it; the branch's managers edit it. Dates dated by a recorded pipeline step are shown with their
 * source and are corrected in the pipeline, not here.
 */
export default function MemberRecordPage({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberRecordPageDocument, variables: { memberId } });
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ member, memberRecord }) => <RecordView member={member} record={memberRecord} />}
      </QueryState>
    </div>
  );
}

function RecordView({
  member,
  record,
}: {
  member: { id: string; name: string; stage: MemberStage; phone?: string | null; branch: { id: string; name: string } };
  record: MemberRecordFieldsFragment;
}) {
  const { t, te, date } = useI18n();
  const session = useSession();
  const manages = !!session && ['SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'].includes(session.role);
  const [shown, setShown] = useState(record);
  useEffect(() => setShown(record), [record]);
  const reached = reachedDates(member.stage);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="meta">
            {t('record.title')} · {member.branch.name}
          </p>
          <h1 data-testid="record-name">{member.name}</h1>
          <p className="sub">
            <span className="chip">{te('stage', member.stage)}</span>
          </p>
        </div>
        <p className="meta">
          <a href={hrefFor({ name: 'pipeline', memberId: member.id })}>{t('affairs.pipeline')}</a>
          {' · '}
          <a href={hrefFor({ name: 'profiles', memberId: member.id })} data-testid="profiles-link">
            {t('profiles.link')}
          </a>
          {' · '}
          <a href={hrefFor({ name: 'portrait', id: member.id })}>{t('portrait.title')}</a>
        </p>
      </div>
      {shown.conflicts.length ? (
        <section className="card" aria-labelledby="record-conflicts-h" data-testid="record-conflicts">
          <h2 id="record-conflicts-h">{t('record.conflicts')}</h2>
          <p className="hint">{t('record.conflictsHint')}</p>
          <ul className="list">
            {shown.conflicts.map((c) => (
              <li key={c.field} data-field={c.field}>
                <strong>{t(`record.field.${c.field}`)}</strong>：
                {c.field === 'CONTACTS'
                  ? t('record.conflictPeople', { record: c.recordPeople.map((p) => p.name).join('、'), pipeline: c.pipelinePeople.map((p) => p.name).join('、') })
                  : t('record.conflictDate', { record: c.recordAt ? date(c.recordAt) : '', pipeline: date(c.pipelineAt), step: te('step', c.step) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Section
        title={t('record.current')}
        hint={shown.version ? t('record.updated', { name: shown.updatedByName ?? '', date: shown.updatedAt ? date(shown.updatedAt) : '' }) : t('record.never')}
      >
        <dl className="record-list" data-testid="record-view">
          {reached.map((f) => {
            const src = sourceOf(shown, f);
            return (
              <div key={f} data-field={f} data-value={shown[f] ? chinaDay(Date.parse(shown[f]!)) : ''}>
                <dt>{t(`record.${f}`)}</dt>
                <dd>
                  {shown[f] ? date(shown[f]!) : t('record.none')}
                  {src ? <span className="meta"> · {t('record.fromStep', { step: te('step', src.step) })}</span> : null}
                </dd>
              </div>
            );
          })}
          <div data-field="sponsorIds">
            <dt>{t('record.sponsors')}</dt>
            <dd>{shown.sponsors.map((p) => p.name).join('、') || t('record.none')}</dd>
          </div>
          <div data-field="contactIds">
            <dt>{t('record.contacts')}</dt>
            <dd>
              {shown.contacts.map((p) => p.name).join('、') || t('record.none')}
              {sourceOf(shown, 'contactIds') ? <span className="meta"> · {t('record.fromStep', { step: te('step', 'ACTIVIST') })}</span> : null}
            </dd>
          </div>
          <div data-field="phone">
            <dt>{t('record.phone')}</dt>
            <dd>{member.phone || t('record.none')}</dd>
          </div>
          <div data-field="email">
            <dt>{t('record.email')}</dt>
            <dd>{shown.email || t('record.none')}</dd>
          </div>
        </dl>
      </Section>
      {manages ? <RecordForm member={member} record={shown} onSaved={setShown} /> : <p className="meta">{t('record.readOnly')}</p>}
    </>
  );
}

function RecordForm({
  member,
  record,
  onSaved,
}: {
  member: { id: string; stage: MemberStage; branch: { id: string } };
  record: MemberRecordFieldsFragment;
  onSaved: (r: MemberRecordFieldsFragment) => void;
}) {
  const { t, te } = useI18n();
  const ids = useId();
  const [draft, setDraft] = useState(() => draftOf(record));
  useEffect(() => setDraft(draftOf(record)), [record]);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateMemberRecordDocument);
  const [options] = useQuery({ query: RecordPeopleOptionsDocument, variables: { branchId: member.branch.id } });
  const people = useMemo(() => {
    const all = new Map<string, Person>();
    for (const p of [...(options.data?.branch.members.nodes ?? []), ...record.sponsors, ...record.contacts]) if (p.id !== member.id) all.set(p.id, p);
    return [...all.values()];
  }, [options.data, record, member.id]);
  const errField = state.error ? fieldOfError(state.error) : null;
  const errId = `${ids}-error`;
  const invalid = (f: FormField) => (errField === f ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {});
  const contactsFromStep = !!sourceOf(record, 'contactIds');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const now = Date.now();
    const dates = Object.fromEntries(
      DATE_FIELDS.map((f) => {
        // Dates from the pipeline stay with their step; an unchanged day keeps its exact time.
        if (sourceOf(record, f)) return [f, undefined];
        const day = draft.dates[f];
        if (!day) return [f, null];
        if (record[f] && chinaDay(Date.parse(record[f]!)) === day) return [f, record[f]];
        return [f, eventTime(day, 10, now)];
      }),
    );
    const r = await update({
      input: {
        memberId: member.id,
        expectVersion: record.version,
        ...dates,
        sponsorIds: draft.sponsors.filter(Boolean),
        contactIds: contactsFromStep ? undefined : draft.contacts.filter(Boolean),
        phone: draft.phone.trim() ? draft.phone.trim() : undefined,
        email: draft.email.trim(),
      },
    });
    if (r.data) {
      setSaved(true);
      onSaved(r.data.updateMemberRecord);
    }
  };
  const today = chinaDay(Date.now());
  const personSelect = (list: 'sponsors' | 'contacts', i: 0 | 1, disabled: boolean) => (
    <select
      value={draft[list][i]}
      disabled={disabled}
      data-testid={`record-${list}-${i}`}
      aria-label={t(`record.${list}N`, { n: i + 1 })}
      {...invalid(list === 'sponsors' ? 'sponsorIds' : 'contactIds')}
      onChange={(e) =>
        setDraft((d) => {
          const next = [...d[list]] as [string, string];
          next[i] = e.target.value;
          return { ...d, [list]: next };
        })
      }
    >
      <option value="">{t('record.nobody')}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
  return (
    <form className="card form" onSubmit={submit} data-testid="record-form" aria-labelledby={`${ids}-h`} noValidate>
      <h2 id={`${ids}-h`}>{t('record.edit')}</h2>
      <p className="hint">{t('record.editHint')}</p>
      {reachedDates(member.stage).map((f) => {
        const src = sourceOf(record, f);
        // A date taken from a recorded step is shown, not edited: no input, so no <label>.
        return src ? (
          <div key={f} className="field">
            {t(`record.${f}`)}
            <span className="meta" data-testid={`record-${f}-step`}>
              {record[f] ? chinaDay(Date.parse(record[f]!)) : ''} · {t('record.fromStepEdit', { step: te('step', src.step) })}
            </span>
          </div>
        ) : (
          <label key={f}>
            {t(`record.${f}`)}
            <input
              type="date"
              max={today}
              value={draft.dates[f]}
              data-testid={`record-${f}`}
              {...invalid(f)}
              onChange={(e) => setDraft((d) => ({ ...d, dates: { ...d.dates, [f]: e.target.value } }))}
            />
          </label>
        );
      })}
      <fieldset className="form-row">
        <legend>{t('record.sponsors')}</legend>
        {personSelect('sponsors', 0, false)}
        {personSelect('sponsors', 1, false)}
      </fieldset>
      <fieldset className="form-row">
        <legend>{t('record.contacts')}</legend>
        {contactsFromStep ? <p className="meta">{t('record.contactsFromStep')}</p> : null}
        {personSelect('contacts', 0, contactsFromStep)}
        {personSelect('contacts', 1, contactsFromStep)}
      </fieldset>
      <label>
        {t('record.newPhone')}
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          value={draft.phone}
          data-testid="record-phone"
          {...invalid('phone')}
          onChange={(e) => setDraft((d) => ({ ...d, phone: e.target.value }))}
        />
      </label>
      <label>
        {t('record.email')}
        <input type="email" value={draft.email} data-testid="record-email" {...invalid('email')} onChange={(e) => setDraft((d) => ({ ...d, email: e.target.value }))} />
      </label>
      <button type="submit" className="button" disabled={state.fetching} data-testid="record-save">
        {t('record.save')}
      </button>
      {state.error ? <RecordError id={errId} error={state.error} field={errField} /> : null}
      {saved && !state.error ? (
        <p role="status" data-testid="record-saved">
          {t('record.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** What was refused and why: the field by its label, what to do, the server's reason, and that nothing changed. */
function RecordError({ id, error, field }: { id: string; error: CombinedError; field: FormField | null }) {
  const { t } = useI18n();
  const code = error.graphQLErrors[0]?.extensions?.code;
  const label = field ? t(`record.${field === 'sponsorIds' ? 'sponsors' : field === 'contactIds' ? 'contacts' : field}`) : null;
  const lead =
    code === 'CONFLICT' && !field ? t('record.stale') : label ? t(code === 'CONFLICT' ? 'record.refusedPipeline' : 'record.refusedField', { field: label }) : t('record.refused');
  return (
    <div role="alert" className="error" id={id} data-testid="record-error" data-field={field ?? ''} data-code={String(code ?? '')}>
      <p>
        {lead}
        {t('record.nothingSaved')}
      </p>
      <p className="meta">{error.graphQLErrors[0]?.message ?? error.message}</p>
    </div>
  );
}
