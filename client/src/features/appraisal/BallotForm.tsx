import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { RequestBallotSignatureDocument, type AppraisalGrade } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { blindToken, randomDelayMs, toBase64, unblindSignature } from './ballot-protocol';
import { saveReceipt, sendBallotAnonymously } from './send-ballot';

const GRADES: AppraisalGrade[] = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'];
type Pending = { input: Parameters<typeof sendBallotAnonymously>[0]; sendAt: number };

/** The ballot: one grade and an optional comment per person; signed blind while signed in, sent anonymously later. */
export function BallotForm({
  roundId,
  publicKey,
  people,
  onSent,
}: {
  roundId: string;
  publicKey: string;
  people: { id: string; name: string }[];
  onSent: (receipt: string) => void;
}) {
  const { t } = useI18n();
  const [, requestSignature] = useMutation(RequestBallotSignatureDocument);
  const [grades, setGrades] = useState<Record<string, { grade: AppraisalGrade | ''; comment: string }>>({});
  const [phase, setPhase] = useState<'form' | 'signing' | 'waiting' | 'sent'>('form');
  const [pending, setPending] = useState<Pending | null>(null);
  const [left, setLeft] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const send = async (p: Pending) => {
    try {
      const receipt = await sendBallotAnonymously(p.input);
      saveReceipt(roundId, receipt);
      setPhase('sent');
      onSent(receipt);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPhase('waiting');
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: send is a new function each render; the countdown restarts only when the pending ballot changes
  useEffect(() => {
    if (phase !== 'waiting' || !pending || error) return undefined;
    const timer = setInterval(() => {
      const s = Math.max(0, Math.ceil((pending.sendAt - Date.now()) / 1000));
      setLeft(s);
      if (s === 0) {
        clearInterval(timer);
        void send(pending);
      }
    }, 500);
    return () => clearInterval(timer);
  }, [phase, pending, error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const chosen = people.flatMap((p) => {
      const g = grades[p.id];
      return g?.grade ? [{ memberId: p.id, grade: g.grade, comment: g.comment.trim() || null }] : [];
    });
    if (!chosen.length) return;
    setPhase('signing');
    const token = await blindToken(publicKey);
    const r = await requestSignature({ roundId, blindedMessage: token.blindedMessage });
    if (r.error || !r.data) {
      setError(r.error?.message ?? 'error');
      setPhase('form');
      return;
    }
    const signature = await unblindSignature(publicKey, token, r.data.requestBallotSignature);
    const p = { input: { roundId, token: toBase64(token.token), signature, grades: chosen }, sendAt: Date.now() + randomDelayMs() };
    setPending(p);
    setLeft(Math.ceil((p.sendAt - Date.now()) / 1000));
    setPhase('waiting');
  };

  if (phase === 'sent')
    return (
      <p role="status" data-testid="ballot-sent">
        {t('appraisal.sent')}
      </p>
    );
  if (phase === 'waiting' && pending) {
    return (
      <div className="card" role="status" data-testid="ballot-waiting">
        <p>{t('appraisal.waiting', { s: left })}</p>
        {error ? <p className="error">{error}</p> : null}
        <button
          type="button"
          className="button button-ghost"
          data-testid="ballot-send-now"
          onClick={() => {
            setError(null);
            void send(pending);
          }}
        >
          {t('appraisal.sendNow')}
        </button>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={submit} data-testid="ballot-form">
      <h2>{t('appraisal.ballot')}</h2>
      {people.map((p) => (
        <fieldset key={p.id} className="ballot-person" data-member={p.id}>
          <legend>{p.name}</legend>
          <select
            aria-label={p.name}
            value={grades[p.id]?.grade ?? ''}
            onChange={(e) => setGrades({ ...grades, [p.id]: { grade: e.target.value as AppraisalGrade | '', comment: grades[p.id]?.comment ?? '' } })}
          >
            <option value="">{t('appraisal.skip')}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`appraisal.grade.${g}`)}
              </option>
            ))}
          </select>
          <label>
            {t('appraisal.comment')}
            <input
              maxLength={200}
              value={grades[p.id]?.comment ?? ''}
              onChange={(e) => setGrades({ ...grades, [p.id]: { grade: grades[p.id]?.grade ?? '', comment: e.target.value } })}
            />
          </label>
        </fieldset>
      ))}
      <p className="meta">{t('appraisal.commentHint')}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={phase === 'signing'} data-testid="ballot-submit">
        {phase === 'signing' ? t('appraisal.signing') : t('appraisal.submit')}
      </button>
    </form>
  );
}
