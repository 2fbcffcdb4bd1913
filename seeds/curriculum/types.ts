/** Shapes of the hand-written curriculum (all text zh-CN, written by us). */
import type { Area, CourseKind } from '../../graph';

export interface TopicSeed {
  /** Top-level areas use the glossary ids; subtopics are `area.slug`, e.g. `constitution.membership`. */
  id: string;
  name: string;
  area: Area;
  /** 1–3 sentences describing what the topic covers, rich in the words a course on it would use. */
  description: string;
  parentId: string | null;
  /** Topic ids that should be learned first. */
  prerequisiteIds: string[];
  /** Stages that must master it (data for learning gaps), empty = none specifically. */
  requiredFor?: ('APPLICANT' | 'ACTIVIST' | 'CANDIDATE' | 'PROBATIONARY' | 'FULL')[];
}

export interface CourseSeed {
  id: string;
  title: string;
  /** 2–5 sentences. */
  summary: string;
  kind: CourseKind;
  minutes: number;
  /** Manual tags: subtopic id → weight (0..1]. */
  topics: Record<string, number>;
}

export interface QuestionSeed {
  id: string;
  stem: string;
  options: string[];
  /** Index into options. */
  answer: number;
  explanation: string;
  /** 0 easy .. 1 hard. */
  difficulty: number;
  /** Manual tags: subtopic id → weight. */
  topics: Record<string, number>;
}
