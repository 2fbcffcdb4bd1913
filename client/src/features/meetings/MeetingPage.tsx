import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { MeetingDetailDocument, SaveAttendanceDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';

const STATUSES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
type Status = (typeof STATUSES)[number];

/** One meeting: its minutes, and attendance recorded from the branch's member list (present / excused / absent). */
export default function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t, te, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeetingDetailDocument, variables: { id: meetingId } });
  const [marks, setMarks] = useState<Record<string, Status>>({});
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(SaveAttendanceDocument);
  useEffect(() => {
    if (!data) return;
    const recorded = Object.fromEntries(data.meeting.attendance.map((a) => [a.memberId, a.status as Status]));
    setMarks(Object.fromEntries(data.meeting.branch.members.nodes.map((m) => [m.id, recorded[m.id] ?? 'PRESENT'])));
  }, [data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await save({ input: { meetingId, rows: Object.entries(marks).map(([memberId, status]) => ({ memberId, status })) } });
    if (r.data) setSaved(true);
  };
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ meeting: m }) => {
          const future = new Date(m.at).getTime() > Date.now();
          return (
            <>
              <div className="page-head">
                <div>
                  <p className="meta">{m.branch.name} · {te('meeting', m.kind)}</p>
                  <h1 data-testid="meeting-title">{m.title}</h1>
                  <p className="meta">{date(m.at, true)} · {t('meetings.minutesN', { n: m.minutes })}</p>
                </div>
                <a className="button button-ghost" href={hrefFor({ name: 'todo' })}>{t('todo.back')}</a>
              </div>
              <Section title={t('meetings.record')}>
                {m.record ? <p className="prose">{m.record}</p> : <p className="meta">{t('meetings.noRecord')}</p>}
              </Section>
              <Section title={t('meetings.attendance')}>
                {future ? <p className="meta">{t('meetings.notYet')}</p> : (
                  <form onSubmit={submit} data-testid="attendance-form">
                    <div className="table-wrap">
                      <table>
                        <thead><tr><th scope="col">{t('branch.col.name')}</th>{STATUSES.map((s) => <th key={s} scope="col">{te('attendance', s)}</th>)}</tr></thead>
                        <tbody>
                          {m.branch.members.nodes.map((p) => (
                            <tr key={p.id}>
                              <th scope="row">{p.name}</th>
                              {STATUSES.map((s) => (
                                <td key={s}>
                                  <input type="radio" name={`att-${p.id}`} aria-label={`${p.name} ${te('attendance', s)}`} checked={marks[p.id] === s}
                                    onChange={() => setMarks((x) => ({ ...x, [p.id]: s }))} data-member={p.id} data-status={s} />
                                </td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {result.error ? <ErrorMessage error={result.error} /> : null}
                    <button type="submit" className="button" disabled={result.fetching} data-testid="attendance-submit">{t('meetings.saveAttendance')}</button>
                    {saved ? <span className="chip chip-ok" role="status" data-testid="attendance-saved">{t('meetings.saved')}</span> : null}
                  </form>
                )}
              </Section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
