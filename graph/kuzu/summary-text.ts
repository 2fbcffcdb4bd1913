/**
 * Schema version 13: the learning summaries (./learning-summary.ts) keep their number lists as text,
 * `"812,0,455"`. Kuzu 0.11 checkpoints an update of a list column far more slowly than the same update as
 * text, and the daily refresh rewrites every member's row: an update of 20,000 rows' two lists (8 and 4 numbers)
 * checkpointed in 726–2,941 ms as INT64[] and in 35–53 ms as text (6 rounds alternating; as 12 INT64 columns
 * 28–47 ms).
 * Apart from ./learning-summary.ts so the migration list (./schema.ts) can import it without a cycle.
 */
import type { ExclusiveRunner } from './executor';
import { columnsOf, tableNames } from './forward-rels';

/** A list of whole numbers as stored (schema version 13): `"812,0,455"`; the empty list is `""`. */
export const packCounts = (xs: readonly number[]): string => xs.map((x) => String(Math.trunc(x))).join(',');

/** The stored text back as numbers; `""` and null (a row of an older version) are the empty list. */
export function unpackCounts(text: unknown): number[] {
  if (typeof text !== 'string' || text === '') return [];
  return text.split(',').map(Number);
}

const asText = (list: string) => `CASE WHEN s.${list} IS NULL THEN '' ELSE list_to_string(',', s.${list}) END`;

/** The two tables as version 13 has them, and their rows from version 6's (./learning-summary.ts), lists as text. */
const V13_TABLES = {
  MemberLearning: {
    columns: 'memberId STRING PRIMARY KEY, branchId STRING, stage STRING, asOf INT64, areaMilliText STRING, required INT64, met INT64, bandsText STRING, gaps INT64',
    from: `s.memberId, s.branchId, s.stage, s.asOf, ${asText('areaMilli')}, s.required, s.met, ${asText('bands')}, s.gaps`,
  },
  BranchLearning: {
    columns: 'branchId STRING PRIMARY KEY, asOf INT64, members INT64, areaMilliText STRING, required INT64, met INT64, bandsText STRING, gaps INT64, membersWithGaps INT64',
    from: `s.branchId, s.asOf, s.members, ${asText('areaMilli')}, s.required, s.met, ${asText('bands')}, s.gaps, s.membersWithGaps`,
  },
};

/**
 * Version 13: MemberLearning and BranchLearning keep their lists as text (see the file comment). Each table is
 * rebuilt: copied into `<table>_v13` with the lists as text, dropped, and the copy renamed. (Not ALTER TABLE
 * … DROP: in Kuzu 0.11.3 the next write to a table with a dropped column, before a CHECKPOINT, kills the
 * process.) A run stopped part way is finished at the next start: a copy left alone is renamed, a partial copy
 * beside its table is made again.
 */
export async function v13SummaryText(r: ExclusiveRunner): Promise<void> {
  const have = await tableNames(r);
  for (const [table, { columns, from }] of Object.entries(V13_TABLES)) {
    const twin = `${table}_v13`;
    if (!have.has(table) && have.has(twin)) {
      await r.raw(`ALTER TABLE ${twin} RENAME TO ${table}`);
      continue;
    }
    if (!(await columnsOf(r, table)).includes('areaMilli')) continue;
    if (have.has(twin)) await r.raw(`DROP TABLE ${twin}`);
    await r.raw(`CREATE NODE TABLE ${twin}(${columns})`);
    await r.raw(`COPY ${twin} FROM (MATCH (s:${table}) RETURN ${from})`);
    await r.raw(`DROP TABLE ${table}`);
    await r.raw(`ALTER TABLE ${twin} RENAME TO ${table}`);
  }
}
