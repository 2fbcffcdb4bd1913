/**
 * The hand-written curriculum (seeds/curriculum) as a tagging corpus: used when the store has no topics
 * yet (fresh clone, `hongtu tag --stdin` before any seed) and by the offline evaluation.
 */
import type { Topic } from '../../../graph';
import { courses, heldOutCourseIds, heldOutQuestionIds, questions, topics } from '../../../seeds/curriculum/index';
import type { TopicSeed } from '../../../seeds/curriculum/types';
import { courseText, questionText } from '../embed/embed-text';
import type { Corpus, LabeledItem } from './corpus';

const asTopic = (t: TopicSeed): Topic => ({
  id: t.id,
  name: t.name,
  area: t.area,
  description: t.description,
  parentId: t.parentId,
  prerequisiteIds: t.prerequisiteIds,
});
const asTags = (tags: Record<string, number>) => Object.entries(tags).map(([topicId, weight]) => ({ topicId, weight }));

/** Topics, courses and questions of the curriculum with their manual labels. */
export function loadCorpusFromSeeds(): Corpus {
  const items: LabeledItem[] = [
    ...courses.map((c) => ({ kind: 'Course' as const, id: c.id, text: courseText(c), tags: asTags(c.topics) })),
    ...questions.map((q) => ({ kind: 'Question' as const, id: q.id, text: questionText(q), tags: asTags(q.topics) })),
  ];
  return { topics: topics.map(asTopic), items, origin: 'seeds' };
}

/** Ids of the courses and questions kept out of topic representations when evaluating. */
export function heldOutIds(): ReadonlySet<string> {
  return new Set<string>([...heldOutCourseIds, ...heldOutQuestionIds]);
}
