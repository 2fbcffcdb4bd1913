/**
 * A tiny curriculum for the generator's unit tests (the real one is seeds/curriculum). Its texts
 * deliberately contain commas, quotes and a newline so the CSV round trip is exercised.
 */
import type { Area } from '../../graph';
import type { CourseSeed, QuestionSeed, TopicSeed } from '../curriculum/types';
import type { Curriculum } from './curriculum-input';

const AREAS: [Area, string][] = [
  ['constitution', '党章党规基本知识'],
  ['history', '党史'],
  ['theory', '党的创新理论'],
  ['discipline', '党规党纪与廉洁自律'],
  ['organization', '组织生活与组织制度'],
  ['admission', '发展党员工作'],
  ['affairs', '时事政治与形势政策'],
  ['service', '宗旨意识与志愿服务'],
];

const SUB: [string, string, string[], TopicSeed['requiredFor']][] = [
  ['constitution.general', '党章总纲', [], ['APPLICANT', 'ACTIVIST']],
  ['constitution.members', '党员的义务和权利', ['constitution.general'], ['ACTIVIST', 'CANDIDATE']],
  ['history.founding', '中国共产党的创建', [], ['APPLICANT']],
  ['history.reform', '改革开放史', ['history.founding'], []],
  ['theory.core', '新时代党的创新理论', [], ['FULL']],
  ['theory.practice', '理论联系实际', ['theory.core'], ['FULL']],
  ['discipline.rules', '党的纪律处分条例', [], ['PROBATIONARY', 'FULL']],
  ['discipline.integrity', '廉洁自律准则', ['discipline.rules'], ['FULL']],
  ['organization.meetings', '“三会一课”制度', [], ['PROBATIONARY', 'FULL']],
  ['organization.dues', '党费收缴', [], ['FULL']],
  ['admission.procedure', '发展党员程序', [], ['ACTIVIST', 'CANDIDATE']],
  ['admission.probation', '预备期的教育考察', ['admission.procedure'], ['CANDIDATE', 'PROBATIONARY']],
  ['affairs.policy', '形势与政策', [], []],
  ['service.volunteer', '志愿服务', [], ['PROBATIONARY']],
];

export const testTopics: TopicSeed[] = [
  ...AREAS.map(([id, name]): TopicSeed => ({ id, name, area: id, description: `${name}，是党员学习的重要内容。`, parentId: null, prerequisiteIds: [] })),
  ...SUB.map(
    ([id, name, pre, req]): TopicSeed => ({
      id,
      name,
      area: id.split('.')[0] as Area,
      parentId: id.split('.')[0],
      prerequisiteIds: pre,
      requiredFor: req,
      description: `学习“${name}”的基本内容, 理解其意义。\n结合实际加以运用。`,
    }),
  ),
];

export const testCourses: CourseSeed[] = SUB.map(
  ([id, name], i): CourseSeed => ({
    id: `c-${id.replace('.', '-')}`,
    title: `${name}专题学习`,
    summary: `本课程讲解${name}，包括"要点"和案例。`,
    kind: (['ARTICLE', 'VIDEO', 'LESSON', 'EXAM'] as const)[i % 4],
    minutes: 20 + (i % 4) * 10,
    topics: i % 3 === 0 && i + 1 < SUB.length ? { [id]: 1, [SUB[i + 1][0]]: 0.5 } : { [id]: 1 },
  }),
);

export const testQuestions: QuestionSeed[] = SUB.flatMap(([id, name]) =>
  [0.2, 0.5, 0.8].map(
    (difficulty, j): QuestionSeed => ({
      id: `q-${id.replace('.', '-')}-${j + 1}`,
      stem: `关于“${name}”，下列说法正确的是（${j + 1}）`,
      options: ['说法甲', '说法乙, 含逗号', '说法"丙"', '说法丁'],
      answer: j % 4,
      explanation: `${name}的要点。`,
      difficulty,
      topics: { [id]: 1 },
    }),
  ),
);

export const testCurriculum: Curriculum = { topics: testTopics, courses: testCourses, questions: testQuestions };
