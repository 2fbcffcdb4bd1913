import { useQuery } from 'urql';
import { CoursePageDocument } from '../../gql/graphql';
import { hrefFor } from '../../app/routes';
import { useI18n } from '../../i18n/useI18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StudyButton } from '../member-home/StudyButton';
import { useStudyTime } from './useStudyTime';

/**
 * A course's study page: summary, what it covers and what to learn first, the outline and reading (or the
 * external material), questions to check one's understanding. Visible time on the page is recorded as study.
 */
export default function CoursePage({ courseId, memberId }: { courseId: string; memberId: string }) {
  const { t, te } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CoursePageDocument, variables: { id: courseId } });
  const seconds = useStudyTime(memberId, courseId, data?.course.minutes ?? null);
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ course }) => (
          <article className="course-page" data-testid="course-page">
            <div className="page-head">
              <div>
                <p className="meta">
                  <a href={hrefFor({ name: 'home' })}>← {t('course.back')}</a>
                </p>
                <h1>{course.title}</h1>
                <p className="meta">
                  {te('courseKind', course.kind)} · {t('course.minutes', { n: course.minutes })}
                </p>
              </div>
              <StudyButton memberId={memberId} courseId={course.id} minutes={course.minutes} onStudied={() => {}} />
            </div>
            <p className="meta" role="status" data-testid="study-time">
              {t('course.visible', { m: Math.floor(seconds / 60), s: seconds % 60, max: course.minutes })}
            </p>
            <Section title={t('course.about')}>
              <p>{course.summary}</p>
              <dl className="course-facts">
                <dt>{t('course.topics')}</dt>
                <dd data-testid="course-topics">
                  {course.topics.map((x) => (
                    <span key={x.topic.id} className="chip">
                      {x.topic.name}
                    </span>
                  ))}
                </dd>
                <dt>{t('course.prerequisites')}</dt>
                <dd data-testid="course-prerequisites">
                  {course.prerequisites.length
                    ? course.prerequisites.map((p) => (
                        <span key={p.id} className="chip">
                          {p.name}
                        </span>
                      ))
                    : t('course.noPrerequisites')}
                </dd>
              </dl>
            </Section>
            {course.content ? (
              <>
                <Section title={t('course.outline')}>
                  <ol data-testid="course-outline">
                    {course.content.outline.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ol>
                </Section>
                <Section title={t('course.reading')}>
                  <div className="reading" data-testid="course-reading">
                    {course.content.reading.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the reading's paragraphs are fixed text in a fixed order
                      <p key={i}>{p}</p>
                    ))}
                  </div>
                  {course.content.link ? (
                    <p>
                      <a href={course.content.link.url} target="_blank" rel="noopener noreferrer">
                        {course.content.link.label} ↗
                      </a>
                    </p>
                  ) : null}
                </Section>
                <Section title={t('course.check')} hint={t('course.checkHint')}>
                  <ol data-testid="course-questions">
                    {course.content.questions.map((q) => (
                      <li key={q}>{q}</li>
                    ))}
                  </ol>
                </Section>
              </>
            ) : (
              <Section title={t('course.reading')}>
                <p className="meta" data-testid="course-no-content">
                  {t('course.noContent')}
                </p>
              </Section>
            )}
          </article>
        )}
      </QueryState>
    </div>
  );
}
