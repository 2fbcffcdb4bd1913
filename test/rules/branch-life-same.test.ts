/**
 * The rules engine gives the same organizational-life figures as the hard-coded table it replaced,
 * on the generated demo world: for every branch and several ranges, per meeting kind, held,
 * required, attendance and the missing periods, read through the real API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { generateWorld } from '../../seeds/generator/index';
import { REFERENCE_DATE, cstDate } from '../../seeds/generator/scales';
import { startTestServer, type TestServer } from '../support/api-server';
import { legacyBranchLife } from '../support/legacy-branch-life';

let dir: string;
let store: KuzuStore;
let server: TestServer;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hongtu-rules-same-'));
  const world = await generateWorld({ scale: 'demo', outDir: path.join(dir, 'bulk') });
  store = new KuzuStore({ dir: path.join(dir, 'db') });
  await store.init();
  await store.bulkLoad(world.dir);
  server = await startTestServer(store, { deps: { now: () => REFERENCE_DATE + 3 * 86_400_000 } });
  const admin = (await store.listMembers({ roles: ['UNIVERSITY_ADMIN'] }, 1)).items[0];
  token = await server.tokenFor(admin.id);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const Q = `query($b: ID!, $from: DateTime!, $to: DateTime!) { branchLife(branchId: $b, from: $from, to: $to) {
  missingCount attendanceRate kinds { kind frequency applies held required present excused absent attendanceRate missing { label start end } } } }`;

const RANGES: [string, number, number][] = [
  ['window year', cstDate(2025, 11), cstDate(2026, 11)],
  ['2026-Q1', cstDate(2026, 1), cstDate(2026, 4)],
  ['2026-Q3', cstDate(2026, 7), cstDate(2026, 10)],
  ['mid-month to mid-month', cstDate(2026, 2, 15), cstDate(2026, 8, 15)],
  ['calendar 2026 (current year, current month)', cstDate(2026, 1), cstDate(2027, 1)],
];

describe('branchLife from the rules engine on the demo world', () => {
  it('equals the figures of the hard-coded table for every branch, range and original meeting kind', async () => {
    const branches = await store.listBranches();
    expect(branches.length).toBe(12);
    const now = REFERENCE_DATE + 3 * 86_400_000;
    let compared = 0;
    let missingSeen = 0;
    for (const b of branches) {
      const hasGroups = (await store.listGroups(b.id)).length > 0;
      for (const [, from, to] of RANGES) {
        const meetings = await store.listMeetings([b.id], from, to);
        const attendance = await store.listAttendance(meetings.map((m) => m.id));
        const old = legacyBranchLife({ branchId: b.id, from, to, now, hasGroups, meetings, attendance });
        const r = await server.gql(Q, { b: b.id, from: new Date(from).toISOString(), to: new Date(to).toISOString() }, token);
        expect(r.body.errors).toBeUndefined();
        const fresh = r.body.data.branchLife;
        for (const k of old.kinds) {
          const n = fresh.kinds.find((x: { kind: string }) => x.kind === k.kind);
          expect(n, `${b.id} ${k.kind}`).toBeDefined();
          expect({
            kind: n.kind,
            frequency: n.frequency,
            applies: n.applies,
            held: n.held,
            required: n.required,
            present: n.present,
            excused: n.excused,
            absent: n.absent,
            attendanceRate: n.attendanceRate,
            missing: n.missing.map((p: { label: string }) => p.label),
          }).toEqual({
            kind: k.kind,
            frequency: k.frequency,
            applies: k.applies,
            held: k.held,
            required: k.required,
            present: k.present,
            excused: k.excused,
            absent: k.absent,
            attendanceRate: k.attendanceRate,
            missing: k.missing.map((p) => p.label),
          });
          compared++;
          missingSeen += k.missing.length;
        }
        expect(fresh.attendanceRate).toBe(old.attendanceRate);
        // The new yearly rule (民主评议党员) adds its own missing years on top of the original kinds.
        const review = fresh.kinds.find((x: { kind: string }) => x.kind === 'DEMOCRATIC_REVIEW');
        expect(fresh.missingCount).toBe(old.missingCount + review.missing.length);
      }
    }
    expect(compared).toBe(12 * RANGES.length * 6);
    // The demo's weak branches miss meetings, so the comparison covers shortfalls, not only zeros.
    expect(missingSeen).toBeGreaterThan(0);
  }, 120_000);

  it('gives a whole committee over four quarters and their year, in one request, the figures recomputed from the rows, after writes and corrections too', async () => {
    const now = REFERENCE_DATE + 3 * 86_400_000;
    const quarters = [
      [cstDate(2025, 10), cstDate(2026, 1)],
      [cstDate(2026, 1), cstDate(2026, 4)],
      [cstDate(2026, 4), cstDate(2026, 7)],
      [cstDate(2026, 7), cstDate(2026, 10)],
    ];
    const periods = [...quarters, [quarters[0]![0]!, quarters[3]![1]!]] as [number, number][];
    const q = `query($id: ID!, ${periods.map((_, i) => `$f${i}: DateTime!, $t${i}: DateTime!`).join(', ')}) { committee(id: $id) { branches { id
      ${periods.map((_, i) => `p${i}: life(from: $f${i}, to: $t${i}) { missingCount attendanceRate kinds { kind held required present excused absent attendanceRate } }`).join('\n')} } } }`;
    const vars = Object.fromEntries(
      periods.flatMap(([f, t], i) => [
        [`f${i}`, new Date(f).toISOString()],
        [`t${i}`, new Date(t).toISOString()],
      ]),
    );
    // Fresh from the rows: every branch and period on its own.
    const expected = async (branchId: string, from: number, to: number) => {
      const meetings = await store.listMeetings([branchId], from, to);
      const attendance = await store.listAttendance(meetings.map((m) => m.id));
      const hasGroups = (await store.listGroups(branchId)).length > 0;
      return legacyBranchLife({ branchId, from, to, now, hasGroups, meetings, attendance });
    };
    const check = async () => {
      let compared = 0;
      let attended = 0;
      for (const c of await store.listCommittees()) {
        const r = await server.gql(q, { id: c.id, ...vars }, token);
        expect(r.body.errors).toBeUndefined();
        for (const b of r.body.data.committee.branches) {
          for (const [i, [from, to]] of periods.entries()) {
            const got = b[`p${i}`];
            const old = await expected(b.id, from, to);
            expect(got.attendanceRate, `${b.id} p${i}`).toBe(old.attendanceRate);
            for (const k of old.kinds) {
              const n = got.kinds.find((x: { kind: string }) => x.kind === k.kind);
              expect({ ...n, at: `${b.id} p${i}` }).toEqual({
                kind: k.kind,
                held: k.held,
                required: k.required,
                present: k.present,
                excused: k.excused,
                absent: k.absent,
                attendanceRate: k.attendanceRate,
                at: `${b.id} p${i}`,
              });
              attended += k.present + k.excused + k.absent;
            }
            compared++;
          }
        }
      }
      return { compared, attended };
    };
    const before = await check();
    expect(before.compared).toBe(12 * periods.length);
    expect(before.attended).toBeGreaterThan(0);
    // After writes (a meeting and its attendance), the next dashboard has them, equal to the rows again.
    const branch = (await store.listBranches())[0]!;
    const members = (await store.listMembers({ branchIds: [branch.id] }, 3)).items;
    const meetingId = `mt-same-${Date.now()}`;
    await store.createMeeting({ id: meetingId, branchId: branch.id, kind: 'THEME_DAY', title: '主题党日', at: cstDate(2026, 5, 10), minutes: 60, record: '' });
    await store.recordAttendance(
      meetingId,
      members.map((m, i) => ({ memberId: m.id, status: (['PRESENT', 'EXCUSED', 'ABSENT'] as const)[i % 3]! })),
    );
    const after = await check();
    expect(after.attended).toBe(before.attended + 2 * members.length); // its quarter and the year

    // Corrections of rows the bulk load counted: each row moves from one count to another.
    const loaded = (await store.listMeetings([branch.id], quarters[1]![0]!, quarters[1]![1]!))[0]!;
    const rows = (await store.listAttendance([loaded.id])).slice(0, 3);
    expect(rows.length).toBeGreaterThan(0);
    await store.recordAttendance(
      loaded.id,
      rows.map((r) => ({ memberId: r.memberId, status: r.status === 'PRESENT' ? ('ABSENT' as const) : ('PRESENT' as const) })),
    );
    // Concurrent writes through the API to the new meeting: new rows and corrections of its rows at once.
    const more = (await store.listMembers({ branchIds: [branch.id] }, 12)).items;
    const record = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
    const results = await Promise.all(
      more.map((m, i) =>
        server.gql(record, { input: { meetingId, rows: [i % 2 ? { memberId: m.id, status: 'EXCUSED', reason: '出差' } : { memberId: m.id, status: 'PRESENT' }] } }, token),
      ),
    );
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const corrected = await check();
    const attendees = new Set([...members, ...more].map((m) => m.id)).size;
    expect(corrected.attended).toBe(before.attended + 2 * attendees);
  }, 360_000);
});
