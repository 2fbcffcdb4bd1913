import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { MeetingDetailDocument, SaveAttendanceDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { MinutesSection } from './MinutesSection';

const STATUSES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
type Status = (typeof STATUSES)[number];
interface Mark {
  status: Status;
  reason: string;
}

/**
 * One meeting: its minutes (editable afterwards by the branch's managers, with the change history), and attendance
 * recorded from the branch's member list (present / excused / absent, with the reason for the last two).
 */
export default function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t, te, date } = useI18n();
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeetingDetailDocument, variables: { id: meetingId } });
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(SaveAttendanceDocument);
  useEffect(() => {
    if (!data) return;
    const recorded = new Map(data.meeting.attendance.map((a) => [a.memberId, a]));
    setMarks(
      Object.fromEntries(
        data.meeting.branch.members.nodes.map((m) => {
          const r = recorded.get(m.id);
          return [m.id, { status: (r?.status ?? 'PRESENT') as Status, reason: r?.reason ?? '' }];
        }),
      ),
    );
  }, [data]);
  const mark = (id: string, patch: Partial<Mark>) => setMarks((x) => ({ ...x, [id]: { ...x[id], ...patch } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const rows = Object.entries(marks).map(([memberId, m]) => ({
      memberId,
      status: m.status,
      reason: m.status === 'PRESENT' ? null : m.reason.trim() || null,
    }));
    const r = await save({ input: { meetingId, rows } });
    if (r.data) setSaved(true);
  };
  const manages = session ? session.role !== 'MEMBER' && session.role !== 'COMMITTEE_MEMBER' : false;
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ meeting: m }) => {
          const future = new Date(m.at).getTime() > Date.now();
          return (
            <>
              <div className="page-head">
                <div>
                  <p className="meta">
                    {m.branch.name} · {te('meeting', m.kind)}
                  </p>
                  <h1 data-testid="meeting-title">{m.title}</h1>
                  <p className="meta">
                    {date(m.at, true)} · {t('meetings.minutesN', { n: m.minutes })}
                  </p>
                </div>
                <a className="button button-ghost" href={hrefFor({ name: 'todo' })}>
                  {t('todo.back')}
                </a>
              </div>
              <MinutesSection meetingId={m.id} record={m.record} edits={m.recordEdits} canEdit={manages} />
              <Section title={t('meetings.attendance')} hint={future ? undefined : t('meetings.reasonPrivate')}>
                {future ? (
                  <p className="meta">{t('meetings.notYet')}</p>
                ) : (
                  <form onSubmit={submit} data-testid="attendance-form">
                    <div className="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('branch.col.name')}</th>
                            {STATUSES.map((s) => (
                              <th key={s} scope="col">
                                {te('attendance', s)}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {m.branch.members.nodes.map((p) => {
                            const cur = marks[p.id];
                            return (
                              <Fragment key={p.id}>
                                <tr>
                                  <th scope="row">{p.name}</th>
                                  {STATUSES.map((s) => (
                                    <td key={s}>
                                      <input
                                        type="radio"
                                        name={`att-${p.id}`}
                                        aria-label={`${p.name} ${te('attendance', s)}`}
                                        checked={cur?.status === s}
                                        onChange={() => mark(p.id, { status: s })}
                                        data-member={p.id}
                                        data-status={s}
                                      />
                                    </td>
                                  ))}
                                </tr>
                                {cur && cur.status !== 'PRESENT' ? (
                                  <tr className="reason-row">
                                    <td colSpan={4}>
                                      <label className="reason-field">
                                        <span className="meta">
                                          {t('meetings.reason')}
                                          {cur.status === 'EXCUSED' ? ` (${t('meetings.reasonRequired')})` : ''}
                                        </span>
                                        <input
                                          type="text"
                                          value={cur.reason}
                                          maxLength={200}
                                          required={cur.status === 'EXCUSED'}
                                          aria-label={t('meetings.reasonLabel', { name: p.name, status: te('attendance', cur.status) })}
                                          onChange={(e) => mark(p.id, { reason: e.target.value })}
                                          data-reason={p.id}
                                        />
                                      </label>
                                    </td>
                                  </tr>
                                ) : null}
                              </Fragment>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                    {result.error ? <ErrorMessage error={result.error} /> : null}
                    <button type="submit" className="button" disabled={result.fetching} data-testid="attendance-submit">
                      {t('meetings.saveAttendance')}
                    </button>
                    {saved ? (
                      <span className="chip chip-ok" role="status" data-testid="attendance-saved">
                        {t('meetings.saved')}
                      </span>
                    ) : null}
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
