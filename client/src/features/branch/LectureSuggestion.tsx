import type { BranchGapReportQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';

type Suggestion = NonNullable<BranchGapReportQuery['branchGaps']['suggestedLecture']>;

/** The branch's most common gap as the next party-lecture topic, with courses for it. */
export function LectureSuggestion({ suggestion }: { suggestion: Suggestion | null }) {
  const { t, te, minutes } = useI18n();
  if (!suggestion) return <EmptyState>{t('branch.suggestEmpty')}</EmptyState>;
  return (
    <div data-testid="lecture-suggestion">
      <p className="row">
        <strong style={{ fontSize: '1.1rem' }}>{suggestion.topic.name}</strong>
        <span className="chip">{te('area', suggestion.topic.area)}</span>
      </p>
      <p>{t('branch.suggestWhy', { n: suggestion.memberCount })}</p>
      <p className="meta">{suggestion.reason}</p>
      {suggestion.courses.length ? (
        <>
          <h3 style={{ marginTop: '.5rem' }}>{t('branch.courses')}</h3>
          <ul className="list">
            {suggestion.courses.slice(0, 4).map((c) => (
              <li key={c.id}>
                {c.title}{' '}
                <span className="meta">
                  · {te('courseKind', c.kind)} · {minutes(c.minutes)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
