import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../app/useSession';
import { CreateTalkRecordDocument, TalkRecordReadsDocument, TalkRecordsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { chinaDay, eventTime } from '../../app/china-time';

/** Talk records with a member: only those the viewer may read; each read is recorded and shown to the people in it. */
export default function TalksPage({ memberId }: { memberId: string }) {
  const { t, date, locale } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TalkRecordsDocument, variables: { memberId } });
  const canWrite = session && ['SECRETARY', 'COMMITTEE_MEMBER', 'COMMITTEE_ADMIN'].includes(session.role) && session.memberId !== memberId;
  return (
    <div className="page">
      <h1>{t('talk.title')}</h1>
      <p className="meta">{t('talk.privacy')}</p>
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ talkRecords, talkKinds }) => {
          const kindName = (id: string) => talkKinds.find((k) => k.id === id)?.[locale === 'en' ? 'en' : 'zh'] ?? id;
          return (
            <>
              {talkRecords.length === 0 ? (
                <EmptyState>{t('talk.none')}</EmptyState>
              ) : (
                <ul className="todo-list" data-testid="talks">
                  {talkRecords.map((r) => (
                    <li key={r.id} className="todo-item" data-id={r.id}>
                      <strong>{kindName(r.kind)}</strong> · {date(r.at)}
                      <p>{r.summary}</p>
                      {r.followUp ? (
                        <p className="meta">
                          {t('talk.followUp')}：{r.followUp}
                        </p>
                      ) : null}
                      <div className="meta">{t('talk.with', { names: r.participants.map((p) => p.name).join('、') })}</div>
                      {session && r.participants.some((p) => p.id === session.memberId) ? <Reads id={r.id} /> : null}
                    </li>
                  ))}
                </ul>
              )}
              {canWrite ? (
                <TalkForm
                  memberId={memberId}
                  kinds={talkKinds.map((k) => ({ id: k.id, name: kindName(k.id) }))}
                  viewerId={session.memberId}
                  onDone={() => refetch({ requestPolicy: 'network-only' })}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function Reads({ id }: { id: string }) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState(false);
  const [{ data }] = useQuery({ query: TalkRecordReadsDocument, variables: { id }, pause: !open });
  return (
    <details className="meta" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="talk-reads">
      <summary>{t('talk.reads')}</summary>
      {data ? (
        <ul>
          {data.talkRecordReads.map((r) => (
            <li key={`${r.reader.id}-${r.at}`}>{t('talk.readBy', { name: r.reader.name, at: date(r.at, true) })}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function TalkForm({ memberId, viewerId, kinds, onDone }: { memberId: string; viewerId: string; kinds: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useI18n();
  const [state, create] = useMutation(CreateTalkRecordDocument);
  const [kind, setKind] = useState('YEARLY');
  const [at, setAt] = useState(() => chinaDay(Date.now()));
  const [others, setOthers] = useState('');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [forCommittee, setForCommittee] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const extra = others
      .split(/[,，\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    const r = await create({
      input: {
        subjectId: memberId,
        participantIds: [viewerId, memberId, ...extra],
        kind,
        at: eventTime(at, 12, Date.now()),
        summary,
        followUp,
        forCommittee,
      },
    });
    if (!r.error) {
      setSummary('');
      setFollowUp('');
      onDone();
    }
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="talk-form">
      <h2>{t('talk.new')}</h2>
      <label>
        {t('talk.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('talk.at')}
        <input type="date" value={at} onChange={(e) => setAt(e.target.value)} required />
      </label>
      <label>
        {t('talk.participants')}
        <input value={others} onChange={(e) => setOthers(e.target.value)} />
      </label>
      <label>
        {t('talk.summary')}
        <textarea value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} required />
      </label>
      <label>
        {t('talk.followUp')}
        <textarea value={followUp} maxLength={1000} onChange={(e) => setFollowUp(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={forCommittee} onChange={(e) => setForCommittee(e.target.checked)} /> {t('talk.forCommittee')}
      </label>
      {state.error ? (
        <p className="error" role="alert">
          {state.error.graphQLErrors[0]?.message ?? state.error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={state.fetching}>
        {t('talk.save')}
      </button>
    </form>
  );
}
