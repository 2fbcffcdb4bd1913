import { useClient, useMutation } from 'urql';
import { CourseMinutesDocument, MarkStudiedDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * "Mark as studied": records a finished study session of the course for the signed-in member
 * (recordStudy, idempotent by id), then lets the page refresh plan, mastery and activity.
 */
export function StudyButton({ memberId, courseId, minutes, onStudied }: { memberId: string; courseId: string; minutes?: number; onStudied: () => void }) {
  const client = useClient();
  const { t } = useI18n();
  const [r, study] = useMutation(MarkStudiedDocument);
  const done = !!r.data;
  const mark = async () => {
    // The course's expected length stands for the time spent when none was measured.
    const length = minutes ?? (await client.query(CourseMinutesDocument, { id: courseId }).toPromise()).data?.course.minutes ?? 0;
    const res = await study({ input: { memberId, courseId, progress: 1, seconds: Math.min(86400, Math.round(length * 60)), id: `study-${memberId}-${courseId}-${Date.now()}` } });
    if (res.data) onStudied();
  };
  return (
    <>
      <button type="button" className="button button-small button-ghost" onClick={mark} disabled={done || r.fetching} data-course={courseId}>
        {done ? `✓ ${t('home.studiedNow')}` : t('home.markDone')}
      </button>
      {r.error ? <ErrorMessage error={r.error} /> : null}
    </>
  );
}
