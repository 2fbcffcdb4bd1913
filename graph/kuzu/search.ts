/**
 * Keyword search: score = Σ over terms of (2 if the title/name contains it) + (1 if the
 * summary/description does), case-insensitive for Latin letters. Terms are parameters; only the
 * label and property names (a closed list per kind) are part of the query text.
 */
import type { KuzuExecutor } from './executor';

const FIELDS = { Course: ['Course', 'title', 'summary'], Topic: ['Topic', 'name', 'description'] } as const;

const Q = Object.fromEntries(
  Object.entries(FIELDS).map(([kind, [label, main, extra]]) => [
    kind,
    `UNWIND $terms AS term
    MATCH (n:${label}) WHERE lower(n.${main}) CONTAINS term OR lower(n.${extra}) CONTAINS term
    RETURN n.id AS id, sum(CASE WHEN lower(n.${main}) CONTAINS term THEN 2 ELSE 0 END
      + CASE WHEN lower(n.${extra}) CONTAINS term THEN 1 ELSE 0 END) AS score
    ORDER BY score DESC, id LIMIT $k`,
  ]),
) as Record<keyof typeof FIELDS, string>;

export async function keywordSearch(ex: KuzuExecutor, kind: 'Course' | 'Topic', terms: string[], k: number): Promise<{ id: string; score: number }[]> {
  const clean = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
  if (clean.length === 0 || k <= 0) return [];
  const rows = await ex.read(Q[kind], { terms: clean, k });
  return rows.map((r) => ({ id: String(r.id), score: Number(r.score) }));
}
