/**
 * Flat, index-based views of the curriculum for the simulation's inner loops: mastery lives in a
 * Float64Array per member indexed by "skill" (every non-area topic), and courses/questions carry
 * their tags as skill indices.
 */
import type { Area, MemberStage } from '../../graph';
import { MEMBER_STAGES, TOP_AREAS } from '../../graph';
import type { TopicSeed } from '../curriculum/types';
import type { Curriculum } from './curriculum-input';
import { HIDDEN_PARAMS } from './hidden-model';
import { type Rng, WeightedTable } from './rng';

export interface Tag {
  skill: number;
  weight: number;
}
export interface CourseInfo {
  id: string;
  minutes: number;
  tags: Tag[];
}
export interface QuestionInfo {
  id: string;
  difficulty: number;
  guess: number;
  tags: Tag[];
}

/** Areas a stage is expected to work on when the curriculum's `requiredFor` says nothing. */
const STAGE_NEED_AREAS: Record<MemberStage, Area[]> = {
  APPLICANT: ['constitution', 'history', 'admission'],
  ACTIVIST: ['constitution', 'history', 'admission', 'theory'],
  CANDIDATE: ['admission', 'constitution', 'discipline', 'theory'],
  PROBATIONARY: ['admission', 'discipline', 'organization', 'service'],
  FULL: ['theory', 'organization', 'affairs', 'discipline'],
};

export interface CurriculumIndex {
  skills: TopicSeed[];
  skillOf: Map<string, number>;
  prereqs: number[][];
  prereqDepth: number[];
  courses: CourseInfo[];
  questions: QuestionInfo[];
  /** Course indices covering each skill, question indices testing each skill. */
  coursesBySkill: number[][];
  questionsBySkill: number[][];
  skillsByArea: Map<Area, number[]>;
  needs: Record<MemberStage, number[]>;
  popularity: WeightedTable | null;
}

/** Build the index; `rng` only orders course popularity. */
export function indexCurriculum(c: Curriculum, rng: Rng): CurriculumIndex {
  const byId = new Map(c.topics.map((t) => [t.id, t]));
  const skills = c.topics.filter((t) => t.parentId !== null);
  const skillOf = new Map(skills.map((t, i) => [t.id, i]));
  const childrenOf = new Map<string, number[]>();
  skills.forEach((t, i) => {
    for (let p = t.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
      if (!childrenOf.has(p)) childrenOf.set(p, []);
      childrenOf.get(p)!.push(i);
    }
  });
  const toTags = (topics: Record<string, number>): Tag[] => {
    const acc = new Map<number, number>();
    for (const [tid, w] of Object.entries(topics)) {
      const own = skillOf.get(tid);
      // An area itself is no skill: its weight spreads (halved) over its subtopics.
      const targets = own !== undefined ? [[own, w]] : (childrenOf.get(tid) ?? []).map((s) => [s, w / 2]);
      for (const [s, ww] of targets) acc.set(s, Math.max(acc.get(s) ?? 0, ww));
    }
    return [...acc].map(([skill, weight]) => ({ skill, weight }));
  };
  const prereqs = skills.map((t) => t.prerequisiteIds.map((p) => skillOf.get(p)).filter((x): x is number => x !== undefined));
  const depthMemo = new Map<number, number>();
  const depth = (i: number, seen: Set<number>): number => {
    if (depthMemo.has(i)) return depthMemo.get(i)!;
    if (seen.has(i)) return 0; // a cycle in hand-written data must not hang the generator
    seen.add(i);
    const d = prereqs[i].length ? 1 + Math.max(...prereqs[i].map((p) => depth(p, seen))) : 0;
    depthMemo.set(i, d);
    return d;
  };
  const courses = c.courses.map((x) => ({ id: x.id, minutes: x.minutes, tags: toTags(x.topics) }));
  const questions = c.questions.map((q) => ({
    id: q.id,
    difficulty: q.difficulty,
    tags: toTags(q.topics),
    guess: q.options.length > 1 ? 1 / q.options.length : HIDDEN_PARAMS.answer.defaultGuess,
  }));
  const coursesBySkill = skills.map(() => [] as number[]);
  courses.forEach((x, i) => {
    for (const t of x.tags) coursesBySkill[t.skill].push(i);
  });
  const questionsBySkill = skills.map(() => [] as number[]);
  questions.forEach((x, i) => {
    for (const t of x.tags) questionsBySkill[t.skill].push(i);
  });
  const skillsByArea = new Map<Area, number[]>(TOP_AREAS.map((a) => [a, [] as number[]]));
  skills.forEach((t, i) => {
    skillsByArea.get(t.area)?.push(i);
  });
  const needs = {} as Record<MemberStage, number[]>;
  for (const stage of MEMBER_STAGES) {
    const explicit = skills.flatMap((t, i) => (t.requiredFor?.includes(stage) ? [i] : []));
    needs[stage] = explicit.length ? explicit : STAGE_NEED_AREAS[stage].flatMap((a) => skillsByArea.get(a) ?? []);
  }
  const order = rng.shuffle(courses.map((_, i) => i));
  const pop = new Array<number>(courses.length);
  order.forEach((ci, rank) => {
    pop[ci] = 1 / (rank + 1) ** HIDDEN_PARAMS.behaviour.popularityZipf;
  });
  return {
    skills,
    skillOf,
    prereqs,
    prereqDepth: skills.map((_, i) => depth(i, new Set())),
    courses,
    questions,
    coursesBySkill,
    questionsBySkill,
    skillsByArea,
    needs,
    popularity: courses.length ? new WeightedTable(pop) : null,
  };
}
