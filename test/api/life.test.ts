/** Meetings, attendance and branchLife on a fixture where a monthly and a quarterly meeting are missing. */
import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';

const t = useApiWorld();
const INJECTION = "x'}) DETACH DELETE n //";

const CREATE = 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id kind title at minutes record branch { id } topics { topic { id } source } } }';
const ATTEND = 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id attendance { memberId status member { name phone } } } }';

// Q1 2025 in China time: 2025-01-01T00:00+08:00 .. 2025-04-01T00:00+08:00
const Q1_FROM = '2024-12-31T16:00:00Z';
const Q1_TO = '2025-03-31T16:00:00Z';

const meeting = (id: string, kind: string, at: string, extra: Record<string, unknown> = {}) => ({ id, branchId: 'b-2', kind, title: `会议${id}`, at, minutes: 90, ...extra });

describe('createMeeting and recordAttendance', () => {
  it('records the Q1 meetings of branch b-2 (theme day in February and the party lecture missing)', async () => {
    const rows = [
      meeting('mt-c1', 'BRANCH_COMMITTEE', '2025-01-10T06:00:00Z'),
      meeting('mt-c2', 'BRANCH_COMMITTEE', '2025-02-10T06:00:00Z'),
      meeting('mt-c3', 'BRANCH_COMMITTEE', '2025-03-10T06:00:00Z'),
      meeting('mt-t1', 'THEME_DAY', '2025-01-20T06:00:00Z'),
      meeting('mt-t3', 'THEME_DAY', '2025-03-20T06:00:00Z'),
      meeting('mt-a1', 'BRANCH_ASSEMBLY', '2025-03-25T06:00:00Z', { record: '学习党章，讨论发展对象。', topicIds: ['constitution.basics'] }),
    ];
    for (const i of rows) {
      const r = await t.as('cadmin')(CREATE, { i });
      expect(r.body.errors).toBeUndefined();
    }
    const a1 = await t.as('cadmin')('{ meeting(id: "mt-a1") { kind at record topics { topic { id name } source weight } } }');
    expect(a1.body).toMatchInlineSnapshot(`
      {
        "data": {
          "meeting": {
            "at": "2025-03-25T06:00:00.000Z",
            "kind": "BRANCH_ASSEMBLY",
            "record": "学习党章，讨论发展对象。",
            "topics": [
              {
                "source": "MANUAL",
                "topic": {
                  "id": "constitution.basics",
                  "name": "党章总纲",
                },
                "weight": 1,
              },
            ],
          },
        },
      }
    `);
  });

  it('records attendance, masked as usual for the reader', async () => {
    const r = await t.as('cadmin')(ATTEND, {
      i: {
        meetingId: 'mt-a1',
        rows: [
          { memberId: 'm-c', status: 'PRESENT' },
          { memberId: 'm-cadmin', status: 'EXCUSED', reason: '出差' },
        ],
      },
    });
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "recordAttendance": {
            "attendance": [
              {
                "member": {
                  "name": "王五",
                  "phone": null,
                },
                "memberId": "m-c",
                "status": "PRESENT",
              },
              {
                "member": {
                  "name": "组织员",
                  "phone": null,
                },
                "memberId": "m-cadmin",
                "status": "EXCUSED",
              },
            ],
            "id": "mt-a1",
          },
        },
      }
    `);
    await t.as('cadmin')(ATTEND, {
      i: {
        meetingId: 'mt-c1',
        rows: [
          { memberId: 'm-c', status: 'PRESENT' },
          { memberId: 'm-cadmin', status: 'ABSENT' },
        ],
      },
    });
  });

  it('stores an injection string in a title verbatim', async () => {
    const r = await t.as('sec')(CREATE, { i: { id: 'mt-inj', branchId: 'b-1', kind: 'THEME_DAY', title: INJECTION, at: '2025-05-01T02:00:00Z', minutes: 30, record: INJECTION } });
    expect(r.body.data.createMeeting).toMatchObject({ title: INJECTION, record: INJECTION });
    expect((await t.store.getMeetingsByIds(['mt-inj']))[0].title).toBe(INJECTION);
    expect((await t.store.listMembers({}, 100, null)).totalCount).toBe(8);
  });

  const BAD: [string, Record<string, unknown>, string, string | undefined][] = [
    ['an empty title', { title: '' }, 'BAD_USER_INPUT', 'title'],
    ['an over-long title', { title: '会'.repeat(101) }, 'BAD_USER_INPUT', 'title'],
    ['zero minutes', { minutes: 0 }, 'BAD_USER_INPUT', 'minutes'],
    ['an over-long record', { record: '记'.repeat(20_001) }, 'BAD_USER_INPUT', 'record'],
    ['an unknown branch', { branchId: 'b-404' }, 'NOT_FOUND', undefined],
    ['an unknown topic', { topicIds: ['nope'] }, 'NOT_FOUND', undefined],
  ];
  it.each(BAD)('rejects %s and writes nothing', async (_d, patch, code, field) => {
    const r = await t.as('uadmin')(CREATE, { i: { ...meeting('mt-bad', 'THEME_DAY', '2025-02-01T00:00:00Z'), ...patch } });
    expect(r.body.errors[0].extensions.code).toBe(code);
    if (field) expect(r.body.errors[0].extensions.field).toBe(field);
    expect(await t.store.getMeetingsByIds(['mt-bad'])).toEqual([]);
  });

  it('rejects an unknown meeting kind', async () => {
    const r = await t.as('uadmin')(CREATE, { i: meeting('mt-bad', 'PICNIC', '2025-02-01T00:00:00Z') });
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.store.getMeetingsByIds(['mt-bad'])).toEqual([]);
  });

  it('rejects attendance with an unknown member and writes none of the rows', async () => {
    const r = await t.as('cadmin')(ATTEND, {
      i: {
        meetingId: 'mt-c2',
        rows: [
          { memberId: 'm-c', status: 'PRESENT' },
          { memberId: 'm-404', status: 'PRESENT' },
        ],
      },
    });
    expect(r.body.errors[0]).toMatchObject({ message: 'Member "m-404" not found', extensions: { code: 'NOT_FOUND' } });
    expect(await t.store.listAttendance(['mt-c2'])).toEqual([]);
  });

  it('rejects attendance of someone from another branch', async () => {
    const r = await t.as('uadmin')(ATTEND, { i: { meetingId: 'mt-c2', rows: [{ memberId: 'm-d', status: 'PRESENT' }] } });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows[0].memberId' });
    expect(await t.store.listAttendance(['mt-c2'])).toEqual([]);
  });

  it('rejects attendance for a meeting that has not happened', async () => {
    await t.as('cadmin')(CREATE, { i: meeting('mt-future', 'PARTY_LECTURE', '2999-01-01T00:00:00Z') });
    const r = await t.as('cadmin')(ATTEND, { i: { meetingId: 'mt-future', rows: [{ memberId: 'm-c', status: 'PRESENT' }] } });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meetingId' });
    expect(await t.store.listAttendance(['mt-future'])).toEqual([]);
  });

  it('names an unknown meeting', async () => {
    const r = await t.as('uadmin')(ATTEND, { i: { meetingId: 'mt-404', rows: [{ memberId: 'm-c', status: 'PRESENT' }] } });
    expect(r.body.errors[0].message).toBe('Meeting "mt-404" not found');
  });
});

describe('branchLife', () => {
  it('reports held vs required per kind, attendance, and the missing meetings', async () => {
    const r = await t.as('cadmin')(
      `query($f: DateTime!, $t: DateTime!) {
      branchLife(branchId: "b-2", from: $f, to: $t) {
        branch { id } from to attendanceRate missingCount
        kinds { kind frequency applies held required present excused absent attendanceRate missing { label } }
        missing { kind period { label start end } }
      }
    }`,
      { f: Q1_FROM, t: Q1_TO },
    );
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "branchLife": {
            "attendanceRate": 0.5,
            "branch": {
              "id": "b-2",
            },
            "from": "2024-12-31T16:00:00.000Z",
            "kinds": [
              {
                "absent": 0,
                "applies": true,
                "attendanceRate": 0.5,
                "excused": 1,
                "frequency": "QUARTER",
                "held": 1,
                "kind": "BRANCH_ASSEMBLY",
                "missing": [],
                "present": 1,
                "required": 1,
              },
              {
                "absent": 1,
                "applies": true,
                "attendanceRate": 0.5,
                "excused": 0,
                "frequency": "MONTH",
                "held": 3,
                "kind": "BRANCH_COMMITTEE",
                "missing": [],
                "present": 1,
                "required": 3,
              },
              {
                "absent": 0,
                "applies": false,
                "attendanceRate": null,
                "excused": 0,
                "frequency": "MONTH",
                "held": 0,
                "kind": "GROUP_MEETING",
                "missing": [],
                "present": 0,
                "required": 0,
              },
              {
                "absent": 0,
                "applies": true,
                "attendanceRate": null,
                "excused": 0,
                "frequency": "QUARTER",
                "held": 0,
                "kind": "PARTY_LECTURE",
                "missing": [
                  {
                    "label": "2025-Q1",
                  },
                ],
                "present": 0,
                "required": 1,
              },
              {
                "absent": 0,
                "applies": true,
                "attendanceRate": null,
                "excused": 0,
                "frequency": "MONTH",
                "held": 2,
                "kind": "THEME_DAY",
                "missing": [
                  {
                    "label": "2025-02",
                  },
                ],
                "present": 0,
                "required": 3,
              },
              {
                "absent": 0,
                "applies": true,
                "attendanceRate": null,
                "excused": 0,
                "frequency": "YEAR",
                "held": 0,
                "kind": "ORG_LIFE_MEETING",
                "missing": [],
                "present": 0,
                "required": 0,
              },
              {
                "absent": 0,
                "applies": true,
                "attendanceRate": null,
                "excused": 0,
                "frequency": "YEAR",
                "held": 0,
                "kind": "DEMOCRATIC_REVIEW",
                "missing": [],
                "present": 0,
                "required": 0,
              },
            ],
            "missing": [
              {
                "kind": "PARTY_LECTURE",
                "period": {
                  "end": "2025-03-31T16:00:00.000Z",
                  "label": "2025-Q1",
                  "start": "2024-12-31T16:00:00.000Z",
                },
              },
              {
                "kind": "THEME_DAY",
                "period": {
                  "end": "2025-02-28T16:00:00.000Z",
                  "label": "2025-02",
                  "start": "2025-01-31T16:00:00.000Z",
                },
              },
            ],
            "missingCount": 2,
            "to": "2025-03-31T16:00:00.000Z",
          },
        },
      }
    `);
  });

  it('lists the meetings of the period in order', async () => {
    const r = await t.as('cadmin')('query($f: DateTime!, $t: DateTime!) { branch(id: "b-2") { meetings(from: $f, to: $t) { id } } }', { f: Q1_FROM, t: Q1_TO });
    expect(r.body.data.branch.meetings.map((m: { id: string }) => m.id)).toEqual(['mt-c1', 'mt-t1', 'mt-c2', 'mt-c3', 'mt-t3', 'mt-a1']);
  });

  it('rejects a period that ends before it starts', async () => {
    const r = await t.as('cadmin')('query($f: DateTime!, $t: DateTime!) { branchLife(branchId: "b-2", from: $f, to: $t) { missingCount } }', { f: Q1_TO, t: Q1_FROM });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
