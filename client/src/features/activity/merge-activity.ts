import type { ActivityFieldsFragment } from '../../gql/graphql';

/** One line of a member's activity, whatever its source. */
export type ActivityItem =
  | { type: 'study'; id: string; at: string; title: string; progress: number; seconds: number }
  | { type: 'answer'; id: string; at: string; stem: string; correct: boolean }
  | { type: 'attendance'; id: string; at: string; kind: string; status: string };

/** Merge studies, answers and attendance into one newest-first list, at most `limit` long. */
export function mergeActivity(a: ActivityFieldsFragment, limit = 20): ActivityItem[] {
  const items: ActivityItem[] = [
    ...a.studies.map((s) => ({ type: 'study' as const, id: s.id, at: s.at, title: s.course.title, progress: s.progress, seconds: s.seconds })),
    ...a.answers.map((x) => ({ type: 'answer' as const, id: x.id, at: x.at, stem: x.question.stem, correct: x.correct })),
    ...a.attendance.map((x) => ({ type: 'attendance' as const, id: `${x.meetingId}`, at: x.at, kind: x.kind, status: x.status })),
  ];
  return items.sort((p, q) => Date.parse(q.at) - Date.parse(p.at)).slice(0, limit);
}
