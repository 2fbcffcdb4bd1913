import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AnswerQuestionDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** What the card needs of a question (the right option is never sent before answering). */
export interface PracticeQuestion {
  id: string;
  stem: string;
  options: string[];
  topics: { topic: { id: string; name: string; area: string } }[];
}
type Question = PracticeQuestion;
const LETTERS = 'ABCDEFGH';

/**
 * One practice question: choose, submit (recordAnswer; the server decides correctness), see the explanation,
 * then ask for the next one. `onAnswered` lets the page refresh mastery, gaps and plan.
 */
export function PracticeCard({
  memberId,
  question,
  reason,
  onAnswered,
  onNext,
}: {
  memberId: string;
  question: Question;
  reason?: string;
  onAnswered: () => void;
  onNext: () => void;
}) {
  const { t, te } = useI18n();
  const [choice, setChoice] = useState<number | null>(null);
  const [result, answer] = useMutation(AnswerQuestionDocument);
  const started = useRef(Date.now());
  const feedback = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question (its id) resets the choice and the answer clock
  useEffect(() => {
    setChoice(null);
    started.current = Date.now();
  }, [question.id]);
  const outcome = result.data?.recordAnswer && result.operation?.variables.input.questionId === question.id ? result.data.recordAnswer : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (choice === null || outcome) return;
    const seconds = Math.min(86400, Math.round((Date.now() - started.current) / 1000));
    const r = await answer({ input: { memberId, questionId: question.id, choice, seconds, id: `ans-${memberId}-${question.id}-${started.current}` } });
    if (r.data) {
      onAnswered();
      requestAnimationFrame(() => feedback.current?.focus());
    }
  };
  const areas = [...new Set(question.topics.map((x) => x.topic.area))];
  return (
    <form onSubmit={submit} data-testid="practice" data-question={question.id}>
      <div className="row" style={{ marginBottom: '.25rem' }}>
        {areas.map((a) => (
          <span key={a} className="chip chip-red">
            {te('area', a)}
          </span>
        ))}
        {question.topics.slice(0, 2).map((x) => (
          <span key={x.topic.id} className="chip">
            {x.topic.name}
          </span>
        ))}
      </div>
      {reason ? (
        <p className="meta">
          {t('home.practiceWhy')}：{reason}
        </p>
      ) : null}
      <fieldset className="options" disabled={!!outcome || result.fetching}>
        <legend style={{ fontWeight: 600, marginBottom: '.4rem' }}>{question.stem}</legend>
        {question.options.map((opt, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an option is identified by its position; the answer sent is that index
          <label key={i} className={!outcome ? undefined : outcome.correctOption === i ? 'right' : 'wrong'}>
            <input type="radio" name={`q-${question.id}`} checked={choice === i} onChange={() => setChoice(i)} />
            <span>
              <b>{LETTERS[i]}.</b> {opt}
            </span>
          </label>
        ))}
      </fieldset>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {outcome ? (
        <div ref={feedback} tabIndex={-1} role="status" data-testid="answer-feedback">
          <p className={outcome.correct ? 'feedback-ok' : 'feedback-bad'}>
            {outcome.correct ? t('home.rightAnswer') : t('home.wrongAnswer', { answer: LETTERS[outcome.correctOption] })}
          </p>
          {outcome.explanation ? <p className="meta">{outcome.explanation}</p> : null}
          <p className="meta">{t('home.updated')}</p>
          <button type="button" className="button button-ghost" onClick={onNext}>
            {t('home.next')}
          </button>
        </div>
      ) : (
        <button type="submit" className="button" disabled={choice === null || result.fetching}>
          {t('home.submit')}
        </button>
      )}
    </form>
  );
}
