/**
 * The learning summaries keep their number lists as text (schema version 13, ./summary-text.ts): Kuzu 0.11
 * checkpoints an update of a list column far more slowly than the same update as text, and the daily refresh
 * rewrites every member's row. The numbers read back are the ones written, empty lists included, and a
 * version-12 store (lists) opens as version 13 with the same figures, also after a migration stopped part way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld, T0 } from '../contract/fixtures';
import type { MemberLearning } from '../learning-summary';
import type { ExclusiveRunner } from './executor';
import { columnsOf } from './forward-rels';
import { packCounts, unpackCounts, v13SummaryText } from './summary-text';
import { SCHEMA_VERSION } from './schema';
import { withExecutor, withStore } from './test-stores';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-summary-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ROWS: MemberLearning[] = [
  { memberId: 'm-01', branchId: 'b-1', stage: 'FULL', asOf: T0, areaMilli: [812, 0, 455, 1000, 0, 0, 37, 600], required: 4, met: 2, bands: [3, 1, 0, 2], gaps: 2 },
  { memberId: 'm-02', branchId: 'b-1', stage: 'PROBATIONARY', asOf: T0, areaMilli: [100, 200, 300, 400, 500, 600, 700, 800], required: 5, met: 5, bands: [0, 0, 1, 7], gaps: 0 },
  // A member with no cells yet: empty lists.
  { memberId: 'm-03', branchId: 'b-2', stage: 'ACTIVIST', asOf: T0, areaMilli: [], required: 0, met: 0, bands: [], gaps: 0 },
];

async function seeded(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await withStore(dir, async (s) => {
    await seedWorld(s);
    await s.saveMemberLearning(ROWS);
  });
  return dir;
}

/** What a reader of the store sees: the branch rows, the member rows' stored text, which members are stale. */
const figures = (dir: string) =>
  withStore(dir, async (s) => ({
    branches: Object.fromEntries(await s.getBranchLearning(['b-1', 'b-2', 'b-3'])),
    stale: await s.listStaleMemberLearning(T0, 10),
  }));

const layout = (dir: string) =>
  withExecutor(dir, async (ex) => ({
    version: (await ex.read("MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS v"))[0].v,
    member: (await ex.ddl((r) => columnsOf(r, 'MemberLearning'))).filter((c) => /area|band/i.test(c)),
    branch: (await ex.ddl((r) => columnsOf(r, 'BranchLearning'))).filter((c) => /area|band/i.test(c)),
    text: await ex.read('MATCH (s:MemberLearning) RETURN s.memberId AS id, s.areaMilliText AS areas, s.bandsText AS bands ORDER BY id'),
  }));

const NEW_LAYOUT = {
  version: SCHEMA_VERSION,
  member: ['areaMilliText', 'bandsText'],
  branch: ['areaMilliText', 'bandsText'],
  text: [
    { id: 'm-01', areas: '812,0,455,1000,0,0,37,600', bands: '3,1,0,2' },
    { id: 'm-02', areas: '100,200,300,400,500,600,700,800', bands: '0,0,1,7' },
    { id: 'm-03', areas: '', bands: '' },
  ],
};

/** Back to version 12: the lists as INT64[] columns (an empty text as NULL, as version 6 stored an empty list). */
async function toVersion12(r: ExclusiveRunner, tables = ['MemberLearning', 'BranchLearning']): Promise<void> {
  // Kuzu evaluates both branches of a CASE: the cast gets '0' in place of the empty text it would refuse.
  const asList = (text: string) => `CASE WHEN s.${text} = '' THEN NULL ELSE CAST(string_split(CASE WHEN s.${text} = '' THEN '0' ELSE s.${text} END, ',') AS INT64[]) END`;
  const V12 = {
    MemberLearning: [
      'memberId STRING PRIMARY KEY, branchId STRING, stage STRING, asOf INT64, areaMilli INT64[], required INT64, met INT64, bands INT64[], gaps INT64',
      `s.memberId, s.branchId, s.stage, s.asOf, ${asList('areaMilliText')}, s.required, s.met, ${asList('bandsText')}, s.gaps`,
    ],
    BranchLearning: [
      'branchId STRING PRIMARY KEY, asOf INT64, members INT64, areaMilli INT64[], required INT64, met INT64, bands INT64[], gaps INT64, membersWithGaps INT64',
      `s.branchId, s.asOf, s.members, ${asList('areaMilliText')}, s.required, s.met, ${asList('bandsText')}, s.gaps, s.membersWithGaps`,
    ],
  } as const;
  for (const table of tables as (keyof typeof V12)[]) {
    const [columns, from] = V12[table];
    await r.raw(`CREATE NODE TABLE ${table}_v12(${columns})`);
    await r.raw(`COPY ${table}_v12 FROM (MATCH (s:${table}) RETURN ${from})`);
    await r.raw(`DROP TABLE ${table}`);
    await r.raw(`ALTER TABLE ${table}_v12 RENAME TO ${table}`);
  }
  await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 12");
}

describe('learning summaries stored as text (schema version 13)', () => {
  it('packs and unpacks whole numbers; the empty text and a missing value are the empty list', () => {
    expect(packCounts([812, 0, 1000])).toBe('812,0,1000');
    expect(unpackCounts('812,0,1000')).toEqual([812, 0, 1000]);
    expect([packCounts([]), unpackCounts(''), unpackCounts(null)]).toEqual(['', [], []]);
  });

  it('a new store keeps the lists as text and reads back the numbers written, empty lists included', async () => {
    const dir = await seeded('new');
    expect(await layout(dir)).toEqual(NEW_LAYOUT);
    const { branches, stale } = await figures(dir);
    expect(branches['b-1']).toMatchObject({ members: 2, areaMilli: [912, 200, 755, 1400, 500, 600, 737, 1400], bands: [3, 1, 1, 9], required: 9, met: 7, gaps: 2 });
    expect(branches['b-2']).toMatchObject({ members: 1, required: 0, met: 0, gaps: 0 });
    expect(branches['b-3']).toBeUndefined();
    expect(stale).toEqual(['m-04', 'm-05']);
  });

  const stops: [string, (r: ExclusiveRunner) => Promise<void>][] = [
    ['not started', async () => {}],
    [
      'stopped with the member table done and a partial copy of the branch table beside it',
      async (r) => {
        await v13SummaryText(r);
        await toVersion12(r, ['BranchLearning']);
        await r.raw('CREATE NODE TABLE BranchLearning_v13(branchId STRING PRIMARY KEY, asOf INT64)');
        await r.raw("CREATE (:BranchLearning_v13 {branchId: 'b-1', asOf: 0})");
      },
    ],
    [
      'stopped after the member table was copied and dropped, before the rename',
      async (r) => {
        await r.raw(
          'CREATE NODE TABLE MemberLearning_v13(memberId STRING PRIMARY KEY, branchId STRING, stage STRING, asOf INT64, areaMilliText STRING, required INT64, met INT64, bandsText STRING, gaps INT64)',
        );
        await r.raw(
          "COPY MemberLearning_v13 FROM (MATCH (s:MemberLearning) RETURN s.memberId, s.branchId, s.stage, s.asOf, CASE WHEN s.areaMilli IS NULL THEN '' ELSE list_to_string(',', s.areaMilli) END, s.required, s.met, CASE WHEN s.bands IS NULL THEN '' ELSE list_to_string(',', s.bands) END, s.gaps)",
        );
        await r.raw('DROP TABLE MemberLearning');
      },
    ],
  ];
  it.each(stops)('a version-12 store opens as version 13 with the same figures: %s', async (name, stop) => {
    const dir = await seeded(`v12-${name.replace(/\W+/g, '-')}`);
    const before = await figures(dir);
    await withExecutor(dir, (ex) =>
      ex.ddl(async (r) => {
        await toVersion12(r);
        for (const t of ['MemberLearning', 'BranchLearning']) expect(await columnsOf(r, t)).toEqual(expect.arrayContaining(['areaMilli', 'bands']));
        await stop(r);
      }),
    );
    expect(await figures(dir)).toEqual(before);
    expect(await layout(dir)).toEqual(NEW_LAYOUT);
  });
});
