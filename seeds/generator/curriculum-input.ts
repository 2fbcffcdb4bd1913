/**
 * The curriculum the generator builds on: the hand-written one in seeds/curriculum by default,
 * or any other passed in (the unit tests pass a tiny one). Validated before use so a typo in a
 * hand-written id fails loudly instead of producing dangling relationships.
 */
import { createHash } from 'node:crypto';
import type { CourseSeed, QuestionSeed, TopicSeed } from '../curriculum/types';

export interface Curriculum {
  topics: readonly TopicSeed[];
  courses: readonly CourseSeed[];
  questions: readonly QuestionSeed[];
}

/**
 * The default curriculum: the hand-written one exported by seeds/curriculum/index.ts. Imported on
 * first use only, so the generator (and its tests, which pass their own curriculum) never load it
 * unless asked.
 */
export async function loadDefaultCurriculum(): Promise<Curriculum> {
  const { topics, courses, questions } = await import('../curriculum/index');
  return { topics, courses, questions };
}

/** Throws one Error listing every problem: duplicate ids, unknown parents/prerequisites/tags, bad answers. */
export function validateCurriculum(c: Curriculum): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const t of c.topics) {
    if (ids.has(t.id)) problems.push(`duplicate topic id "${t.id}"`);
    ids.add(t.id);
  }
  for (const t of c.topics) {
    if (t.parentId !== null && !ids.has(t.parentId)) problems.push(`topic "${t.id}": unknown parent "${t.parentId}"`);
    for (const p of t.prerequisiteIds) if (!ids.has(p)) problems.push(`topic "${t.id}": unknown prerequisite "${p}"`);
  }
  const seen = new Set<string>();
  for (const item of [...c.courses, ...c.questions]) {
    if (seen.has(item.id) || ids.has(item.id)) problems.push(`duplicate id "${item.id}"`);
    seen.add(item.id);
    for (const tid of Object.keys(item.topics)) if (!ids.has(tid)) problems.push(`"${item.id}": unknown topic "${tid}"`);
  }
  for (const q of c.questions) {
    if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.options.length) {
      problems.push(`question "${q.id}": answer ${q.answer} is not an index into its ${q.options.length} options`);
    }
  }
  if (problems.length) throw new Error(`Invalid curriculum:\n- ${problems.slice(0, 50).join('\n- ')}`);
}

/** Short content hash: a generated directory is reused only if it was made from the same curriculum. */
export function hashCurriculum(c: Curriculum): string {
  return createHash('sha256')
    .update(JSON.stringify([c.topics, c.courses, c.questions]))
    .digest('hex')
    .slice(0, 16);
}
