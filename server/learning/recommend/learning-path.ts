/**
 * The graph path behind a recommendation, as nodes and edges the client can draw:
 * member —HAS_GAP→ gap topic ←PREREQUISITE_OF— prerequisite … ←COVERS— course.
 * Node keys are `kind:id`, so topic and course ids never collide.
 */
import type { Course } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';

export interface PathNode {
  key: string;
  kind: 'MEMBER' | 'TOPIC' | 'COURSE';
  id: string;
  label: string;
}
export interface PathEdge {
  from: string;
  to: string;
  kind: 'HAS_GAP' | 'PREREQUISITE_OF' | 'COVERS';
  label: string;
}
export interface LearningPath {
  nodes: PathNode[];
  edges: PathEdge[];
}

/**
 * `chain` runs from the topic the course covers up to the gap topic (each the prerequisite of the
 * next); `covered` are the other need topics the course covers (drawn as extra COVERS edges).
 */
export function buildPath(member: { id: string; name: string }, view: CurriculumView, course: Course, chain: string[], covered: string[]): LearningPath {
  const nodes = new Map<string, PathNode>();
  const edges: PathEdge[] = [];
  const topic = (id: string) => {
    const key = `topic:${id}`;
    if (!nodes.has(key)) nodes.set(key, { key, kind: 'TOPIC', id, label: view.topics.get(id)?.name ?? id });
    return key;
  };
  const m = `member:${member.id}`;
  nodes.set(m, { key: m, kind: 'MEMBER', id: member.id, label: member.name });
  const c = `course:${course.id}`;
  if (chain.length) edges.push({ from: m, to: topic(chain[chain.length - 1]), kind: 'HAS_GAP', label: '学习短板' });
  for (let i = chain.length - 1; i > 0; i--) {
    edges.push({ from: topic(chain[i - 1]), to: topic(chain[i]), kind: 'PREREQUISITE_OF', label: '先修' });
  }
  nodes.set(c, { key: c, kind: 'COURSE', id: course.id, label: course.title });
  const coveredIds = [...new Set([...chain.slice(0, 1), ...covered])].slice(0, 3);
  for (const id of coveredIds) edges.push({ from: c, to: topic(id), kind: 'COVERS', label: '讲授' });
  if (!chain.length && !covered.length) {
    const main = view.courseTopics.get(course.id)?.[0];
    if (main) edges.push({ from: c, to: topic(main.topicId), kind: 'COVERS', label: '讲授' });
  }
  return { nodes: [...nodes.values()], edges };
}
