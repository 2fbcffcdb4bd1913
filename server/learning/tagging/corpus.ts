/**
 * What tagging learns from: the topics and the manually tagged content (MANUAL tags only — AUTO tags
 * are our own output and must never feed back into the topic representations). Read from the store, or
 * straight from the hand-written curriculum when the store has no topics yet (fresh clone, CLI).
 */
import type { GraphStore } from '../../../graph';
import type { Topic, TopicTag } from '../../../graph';
import { courseText, questionText } from '../embed/embed-text';
import { listAllPages } from '../embed/embedding-service';

export type LabeledKind = 'Course' | 'Question';

/** One piece of content with its text and its MANUAL tags. */
export interface LabeledItem {
  kind: LabeledKind;
  id: string;
  text: string;
  tags: { topicId: string; weight: number }[];
}

export interface Corpus {
  topics: Topic[];
  items: LabeledItem[];
  /** `store`: nodes that exist in the store (their stored vectors can be reused); `seeds`: the curriculum files. */
  origin: 'store' | 'seeds';
}

const PAGE = 500;

const manual = (tags: TopicTag[]) => tags.filter((t) => t.source === 'MANUAL').map((t) => ({ topicId: t.topicId, weight: t.weight }));

/** The store's topics and every course and question, with their MANUAL tags (items with none are skipped). */
export async function loadCorpusFromStore(store: GraphStore): Promise<Corpus> {
  const [topics, courses, questions] = await Promise.all([
    store.listTopics(),
    listAllPages((after) => store.listCourses({}, PAGE, after)),
    listAllPages((after) => store.listQuestions({}, PAGE, after)),
  ]);
  const items: LabeledItem[] = [
    ...courses.map((c) => ({ kind: 'Course' as const, id: c.id, text: courseText(c), tags: manual(c.topics) })),
    ...questions.map((q) => ({ kind: 'Question' as const, id: q.id, text: questionText(q), tags: manual(q.topics) })),
  ].filter((i) => i.tags.length > 0);
  return { topics, items, origin: 'store' };
}
