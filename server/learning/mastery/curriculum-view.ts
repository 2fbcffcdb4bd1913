/**
 * The curriculum as the learner services read it: topics, courses and questions indexed by topic,
 * loaded from the store once and kept for a short time (courses change rarely; a stale minute is
 * fine for ranking, and it saves three scans per recommendation).
 */
import type { Course, Question, Topic, TopicTag } from '../../../graph';
import type { GraphStore } from '../../../graph';

/** A course or question tag resolved to a subtopic (area-level tags are spread over the area's subtopics). */
export interface TopicWeight {
  topicId: string;
  weight: number;
}

export interface CurriculumView {
  topics: Map<string, Topic>;
  /** Subtopics (non-area topics): what mastery is tracked on. */
  leaves: Topic[];
  /** Subtopic ids per area id. */
  leavesByArea: Map<string, string[]>;
  courses: Course[];
  courseById: Map<string, Course>;
  questionById: Map<string, Question>;
  /** Subtopic weights of each course / question (tags merged, area tags spread). */
  courseTopics: Map<string, TopicWeight[]>;
  questionTopics: Map<string, TopicWeight[]>;
  /** Courses covering a subtopic, heaviest first. */
  coursesByTopic: Map<string, { course: Course; weight: number }[]>;
  questionsByTopic: Map<string, Question[]>;
}

const PAGE = 500;

async function loadAll<T extends { id: string }>(fetch: (after: string | null) => Promise<{ items: T[]; hasNextPage: boolean; endCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

/** Resolve tags to subtopic weights: the larger weight wins when MANUAL and AUTO tag the same topic. */
export function resolveTags(tags: TopicTag[], topics: Map<string, Topic>, leavesByArea: Map<string, string[]>): TopicWeight[] {
  const w = new Map<string, number>();
  const add = (id: string, x: number) => w.set(id, Math.max(w.get(id) ?? 0, Math.min(1, x)));
  for (const t of tags) {
    const topic = topics.get(t.topicId);
    if (!topic) continue;
    // The generator spreads a tag on an area over its subtopics at half weight; so do we.
    if (topic.parentId === null) for (const id of leavesByArea.get(topic.id) ?? []) add(id, t.weight / 2);
    else add(topic.id, t.weight);
  }
  return [...w].map(([topicId, weight]) => ({ topicId, weight })).sort((a, b) => b.weight - a.weight || a.topicId.localeCompare(b.topicId));
}

/** Build the indexed view from plain lists (also used by the simulator without a store). */
export function buildCurriculumView(topicList: Topic[], courses: Course[], questions: Question[]): CurriculumView {
  const topics = new Map(topicList.map((t) => [t.id, t]));
  const leaves = topicList.filter((t) => t.parentId !== null).sort((a, b) => a.id.localeCompare(b.id));
  const leavesByArea = new Map<string, string[]>();
  for (const t of leaves) leavesByArea.set(t.area, [...(leavesByArea.get(t.area) ?? []), t.id]);
  const courseTopics = new Map(courses.map((c) => [c.id, resolveTags(c.topics, topics, leavesByArea)]));
  const questionTopics = new Map(questions.map((q) => [q.id, resolveTags(q.topics, topics, leavesByArea)]));
  const coursesByTopic = new Map<string, { course: Course; weight: number }[]>();
  for (const c of courses)
    for (const tw of courseTopics.get(c.id)!) {
      coursesByTopic.set(tw.topicId, [...(coursesByTopic.get(tw.topicId) ?? []), { course: c, weight: tw.weight }]);
    }
  for (const l of coursesByTopic.values()) l.sort((a, b) => b.weight - a.weight || a.course.minutes - b.course.minutes);
  const questionsByTopic = new Map<string, Question[]>();
  for (const q of questions)
    for (const tw of questionTopics.get(q.id)!) {
      if (tw.weight >= 0.5) questionsByTopic.set(tw.topicId, [...(questionsByTopic.get(tw.topicId) ?? []), q]);
    }
  return {
    topics,
    leaves,
    leavesByArea,
    courses,
    courseById: new Map(courses.map((c) => [c.id, c])),
    questionById: new Map(questions.map((q) => [q.id, q])),
    courseTopics,
    questionTopics,
    coursesByTopic,
    questionsByTopic,
  };
}

/** Loads the view from the store and caches it for `ttlMs`. */
export class CurriculumCache {
  private pending: Promise<CurriculumView> | null = null;
  private loadedAt = 0;
  constructor(
    private readonly store: GraphStore,
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(): Promise<CurriculumView> {
    if (this.pending && this.clock() - this.loadedAt < this.ttlMs) return this.pending;
    this.loadedAt = this.clock();
    const p = this.load();
    this.pending = p;
    p.catch(() => {
      if (this.pending === p) this.pending = null;
    });
    return p;
  }

  /** Forget the cached view (after courses or tags change). */
  invalidate(): void {
    this.pending = null;
  }

  private async load(): Promise<CurriculumView> {
    const [topics, courses, questions] = await Promise.all([
      this.store.listTopics(),
      loadAll((after) => this.store.listCourses({}, PAGE, after)),
      loadAll((after) => this.store.listQuestions({}, PAGE, after)),
    ]);
    return buildCurriculumView(topics, courses, questions);
  }
}
