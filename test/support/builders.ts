/**
 * Test data through the store's own methods (no Cypher, no bulk files): `buildMember(store, {...})`
 * and friends, plus `buildApiWorld` — a small university with two committees, three branches and
 * one person per role, used by the API tests.
 */
import type { Branch, Committee, Course, Member, Question, Topic } from '../../graph/model';
import type { GraphStore, NewMember } from '../../graph/store';

export const T0 = Date.UTC(2025, 0, 1);

export async function buildMember(store: GraphStore, m: Partial<NewMember> & Pick<NewMember, 'id' | 'branchId'>): Promise<Member> {
  return store.createMember({
    name: `成员${m.id}`,
    kind: 'STUDENT',
    stage: 'FULL',
    role: 'MEMBER',
    groupId: null,
    phone: null,
    idNumber: null,
    since: T0,
    stageSince: T0,
    ...m,
  });
}

export async function buildTopic(store: GraphStore, t: Partial<Topic> & Pick<Topic, 'id' | 'area'>): Promise<Topic> {
  const topic: Topic = { name: `主题${t.id}`, description: '', parentId: null, prerequisiteIds: [], ...t };
  await store.upsertTopic(topic);
  return topic;
}

export async function buildCourse(store: GraphStore, c: Partial<Course> & Pick<Course, 'id'>): Promise<Course> {
  return store.createCourse({ title: `课程${c.id}`, summary: '一段简介。', kind: 'ARTICLE', minutes: 10, topics: [], ...c });
}

export async function buildQuestion(store: GraphStore, q: Partial<Question> & Pick<Question, 'id'>): Promise<Question> {
  const question: Question = {
    stem: `题目${q.id}`,
    options: ['甲', '乙', '丙'],
    answer: 1,
    explanation: '因为乙。',
    difficulty: 0.5,
    topics: [],
    ...q,
  };
  await store.upsertQuestion(question);
  return question;
}

export interface ApiWorld {
  committees: Committee[];
  branches: Branch[];
  /** By role key: uadmin, cadmin (committee c-1), sec (b-1), cm (b-1), a/b (members of b-1), c (b-2), d (b-3). */
  people: Record<'uadmin' | 'cadmin' | 'sec' | 'cm' | 'a' | 'b' | 'c' | 'd', Member>;
}

/** University u-1 → committees c-1 (branches b-1 with group g-1, b-2) and c-2 (branch b-3). */
export async function buildApiWorld(store: GraphStore): Promise<ApiWorld> {
  await store.createUniversity({ id: 'u-1', name: '红图大学党委' });
  const committees = [
    { id: 'c-1', name: '计算机学院党委', universityId: 'u-1' },
    { id: 'c-2', name: '文学院党委', universityId: 'u-1' },
  ];
  for (const c of committees) await store.createCommittee(c);
  const branches = [
    { id: 'b-1', name: '计算机学生第一党支部', committeeId: 'c-1' },
    { id: 'b-2', name: '计算机教工党支部', committeeId: 'c-1' },
    { id: 'b-3', name: '文学院学生党支部', committeeId: 'c-2' },
  ];
  for (const b of branches) await store.createBranch(b);
  await store.createGroup({ id: 'g-1', name: '第一党小组', branchId: 'b-1' });
  const people = {
    uadmin: await buildMember(store, { id: 'm-uadmin', name: '校管理员', role: 'UNIVERSITY_ADMIN', kind: 'STAFF', branchId: 'b-3' }),
    cadmin: await buildMember(store, { id: 'm-cadmin', name: '组织员', role: 'COMMITTEE_ADMIN', kind: 'TEACHER', branchId: 'b-2' }),
    sec: await buildMember(store, { id: 'm-sec', name: '李书记', role: 'SECRETARY', kind: 'TEACHER', branchId: 'b-1' }),
    cm: await buildMember(store, { id: 'm-cm', name: '王支委', role: 'COMMITTEE_MEMBER', branchId: 'b-1' }),
    a: await buildMember(store, {
      id: 'm-a',
      name: '张三',
      branchId: 'b-1',
      groupId: 'g-1',
      stage: 'ACTIVIST',
      phone: '13812345678',
      idNumber: '110101199001011234',
    }),
    b: await buildMember(store, { id: 'm-b', name: '李四', branchId: 'b-1' }),
    c: await buildMember(store, { id: 'm-c', name: '王五', branchId: 'b-2', kind: 'TEACHER' }),
    d: await buildMember(store, { id: 'm-d', name: '赵六', branchId: 'b-3' }),
  };
  await buildTopic(store, { id: 'constitution', area: 'constitution', name: '党章党规基本知识' });
  await buildTopic(store, { id: 'constitution.basics', area: 'constitution', name: '党章总纲', parentId: 'constitution' });
  await buildTopic(store, { id: 'history', area: 'history', name: '党史' });
  await buildTopic(store, { id: 'history.founding', area: 'history', name: '建党历程', parentId: 'history', prerequisiteIds: ['constitution.basics'] });
  await buildCourse(store, { id: 'course-1', title: '学习党章总纲', topics: [{ topicId: 'constitution.basics', weight: 1, source: 'MANUAL', confidence: 1 }] });
  await buildCourse(store, { id: 'course-2', title: '建党百年历程', kind: 'VIDEO', minutes: 30 });
  await buildQuestion(store, { id: 'q-1', stem: '党章总纲规定了什么？', topics: [{ topicId: 'constitution.basics', weight: 1, source: 'MANUAL', confidence: 1 }] });
  return { committees, branches, people };
}
