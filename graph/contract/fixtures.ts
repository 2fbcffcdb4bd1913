/**
 * A small, fixed world every contract area starts from, plus assertion helpers. Backend-neutral:
 * everything goes through the GraphStore interface.
 */
import { expect } from 'vitest';
import type { StoreErrorCode as ErrorCode } from '../errors';
import type { Course, Member, Question, Topic } from '../model';
import type { GraphStore } from '../store';

export const T0 = Date.UTC(2025, 2, 1);
export const DAY = 86_400_000;

export const TOPICS: Topic[] = [
  { id: 'constitution', name: '党章党规基本知识', area: 'constitution', description: '党章、党规的基本内容', parentId: null, prerequisiteIds: [] },
  { id: 'history', name: '党史', area: 'history', description: '中国共产党的历史', parentId: null, prerequisiteIds: [] },
  { id: 'constitution.duties', name: '党员的义务', area: 'constitution', description: '党章规定的党员八项义务', parentId: 'constitution', prerequisiteIds: [] },
  {
    id: 'constitution.rights',
    name: '党员的权利',
    area: 'constitution',
    description: '党员享有的权利及其保障',
    parentId: 'constitution',
    prerequisiteIds: ['constitution.duties'],
  },
  { id: 'history.founding', name: '建党历程', area: 'history', description: '中国共产党的创建与早期发展', parentId: 'history', prerequisiteIds: [] },
];

export const manual = (topicId: string, weight = 1) => ({ topicId, weight, source: 'MANUAL' as const, confidence: 1 });
export const auto = (topicId: string, weight: number, confidence: number) => ({ topicId, weight, source: 'AUTO' as const, confidence });

export const COURSES: Omit<Course, 'createdAt' | 'updatedAt'>[] = [
  { id: 'k-01', title: '党章学习导读', summary: '逐条解读党章总纲与党员义务。', kind: 'ARTICLE', minutes: 20, topics: [manual('constitution.duties')] },
  { id: 'k-02', title: '党史纵览', summary: '从建党到新时代的重要历程。', kind: 'VIDEO', minutes: 45, topics: [manual('history.founding', 0.8)] },
  { id: 'k-03', title: '党员权利保障', summary: '党章规定的权利，兼谈义务与权利的统一。', kind: 'LESSON', minutes: 30, topics: [manual('constitution.rights')] },
];

export const QUESTIONS: Question[] = [
  {
    id: 'q-01',
    stem: '党员必须履行几项义务？',
    options: ['六项', '八项', '十项'],
    answer: 1,
    explanation: '党章规定八项义务。',
    difficulty: 0.3,
    topics: [manual('constitution.duties')],
  },
  { id: 'q-02', stem: '中国共产党成立于哪一年？', options: ['1919', '1921', '1927'], answer: 1, explanation: '1921年。', difficulty: 0.2, topics: [manual('history.founding')] },
];

type Seed = Omit<Member, 'createdAt' | 'updatedAt'>;
const member = (id: string, name: string, kind: Member['kind'], stage: Member['stage'], role: Member['role'], branchId: string, groupId: string | null): Seed => ({
  id,
  name,
  kind,
  stage,
  role,
  branchId,
  groupId,
  since: T0,
  stageSince: T0,
  phone: null,
  idNumber: null,
});

export const MEMBERS: Seed[] = [
  member('m-01', '张三', 'STUDENT', 'FULL', 'MEMBER', 'b-1', 'g-1'),
  member('m-02', '李四', 'TEACHER', 'PROBATIONARY', 'SECRETARY', 'b-1', null),
  member('m-03', '王五', 'STUDENT', 'ACTIVIST', 'MEMBER', 'b-2', null),
  member('m-04', '赵六', 'STAFF', 'FULL', 'COMMITTEE_MEMBER', 'b-3', null),
  member('m-05', '张小明', 'STUDENT', 'APPLICANT', 'MEMBER', 'b-3', null),
];
MEMBERS[0].phone = '13800000000';
MEMBERS[0].idNumber = '110101200001011234';

/** University u-1 → committees c-1 (b-1, b-2; group g-1 in b-1), c-2 (b-3); topics, courses, questions, members. */
export async function seedWorld(s: GraphStore): Promise<void> {
  await s.createUniversity({ id: 'u-1', name: '示范大学党委' });
  await s.createCommittee({ id: 'c-1', name: '计算机学院党委', universityId: 'u-1' });
  await s.createCommittee({ id: 'c-2', name: '文学院党委', universityId: 'u-1' });
  await s.createBranch({ id: 'b-1', name: '计算机第一支部', committeeId: 'c-1' });
  await s.createBranch({ id: 'b-2', name: '计算机第二支部', committeeId: 'c-1' });
  await s.createBranch({ id: 'b-3', name: '文学院教工支部', committeeId: 'c-2' });
  await s.createGroup({ id: 'g-1', name: '第一党小组', branchId: 'b-1' });
  for (const t of TOPICS) await s.upsertTopic(t);
  for (const c of COURSES) await s.createCourse(c);
  for (const q of QUESTIONS) await s.upsertQuestion(q);
  for (const m of MEMBERS) await s.createMember(m);
}

/** Expect a StoreError with this code (and, optionally, a message matching `msg`). */
export async function expectCode(p: Promise<unknown>, code: ErrorCode, msg?: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeTruthy();
  expect((err as { code?: string }).code).toBe(code);
  if (msg) expect((err as Error).message).toMatch(msg);
}

/** Row counts that must not move when a write is rejected. */
export async function snapshot(s: GraphStore): Promise<Record<string, number>> {
  return (await s.health()).counts;
}

export const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id.localeCompare(b.id));
