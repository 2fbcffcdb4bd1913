/**
 * Editing member records (党员档案) within scope through the API: the secretary for their own branch and a
 * committee administrator for the committee's; stage dates in order and within the catalogue's waiting
 * periods (the message cites the rule), sponsors and contacts full members; each bad field named with
 * nothing written (the store read back), a stale version refused, reads and edits audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { codes, useApiWorld } from '../support/api-world';
import { dataCounts } from '../support/data-counts';

const NOW = Date.parse('2026-06-20T04:00:00Z');
const t = useApiWorld({ deps: { now: () => NOW } });
const FIELDS = 'memberId appliedAt activistAt candidateAt joinedAt fullAt sponsors { id name } contacts { id name } email version updatedByName';
const READ = `query($m: ID!) { memberRecord(memberId: $m) { ${FIELDS} } }`;
const EDIT = `mutation($i: UpdateMemberRecordInput!) { updateMemberRecord(input: $i) { ${FIELDS} } }`;
const d = (s: string) => new Date(`${s}T02:00:00Z`).toISOString();
/** The secretary asking in English (refusals come in the request's language; Chinese by default). */
const secEn = async (query: string, variables: Record<string, unknown>) =>
  t.server.gql(query, variables, await t.server.tokenFor(t.world.people.sec.id), { 'accept-language': 'en' });

beforeAll(async () => {
  await buildMember(t.store, { id: 'm-p', name: '预备党员甲', branchId: 'b-1', stage: 'PROBATIONARY' });
  await buildMember(t.store, { id: 'm-act', name: '积极分子乙', branchId: 'b-1', stage: 'ACTIVIST' });
});

const good = {
  memberId: 'm-p',
  expectVersion: 0,
  appliedAt: d('2022-03-01'),
  activistAt: d('2022-05-01'),
  candidateAt: d('2023-06-01'),
  joinedAt: d('2024-07-01'),
  sponsorIds: ['m-sec', 'm-b'],
  contactIds: ['m-cm'],
  phone: '13900001111',
  email: 'jia@example.edu',
};

describe('member records', () => {
  it("the secretary records the dates, sponsors, contacts and contact of their branch's member (audited)", async () => {
    const r = await t.as('sec')(EDIT, { i: good });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateMemberRecord).toEqual({
      memberId: 'm-p',
      appliedAt: d('2022-03-01'),
      activistAt: d('2022-05-01'),
      candidateAt: d('2023-06-01'),
      joinedAt: d('2024-07-01'),
      fullAt: null,
      sponsors: [
        { id: 'm-sec', name: '李书记' },
        { id: 'm-b', name: '李四' },
      ],
      contacts: [{ id: 'm-cm', name: '王支委' }],
      email: 'jia@example.edu',
      version: 1,
      updatedByName: '李书记',
    });
    expect((await t.store.getMembersByIds(['m-p']))[0].phone).toBe('13900001111');
    // The current stage (probationary) began on the join date.
    expect((await t.store.getMembersByIds(['m-p']))[0].stageSince).toBe(Date.parse(d('2024-07-01')));
    const actions = (await t.store.listAccess({ targetId: 'm-p', limit: 100 })).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['EDIT_MEMBER_RECORD', 'READ_MEMBER_RECORD']));
  });

  it('is read by the member themself and in scope; the phone is written to the member and read masked as usual', async () => {
    const own = await t.as('a')(READ, { m: 'm-a' });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.memberRecord).toMatchObject({ memberId: 'm-a', version: 0, updatedByName: null });
    const masked = await t.as('sec')('{ member(id: "m-p") { phone } }');
    expect(masked.body.data.member.phone).not.toBe('13900001111');
    expect(masked.body.data.member.phone).toMatch(/^139\*+1111$|\*/);
    const cadmin = await t.as('cadmin')(READ, { m: 'm-p' });
    expect(cadmin.body.data.memberRecord.version).toBe(1);
    // Outside read scope the member is as good as unknown (NOT_FOUND).
    expect(codes(await t.as('d')(READ, { m: 'm-p' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('b')(READ, { m: 'm-p' }))).toEqual(['NOT_FOUND']);
  });

  it('names each bad field, cites the rule for a waiting period, and writes nothing', async () => {
    const before = await t.store.getMemberRecords(['m-p']);
    const phoneBefore = (await t.store.getMembersByIds(['m-p']))[0].phone;
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ activistAt: d('2022-02-01') }, 'activistAt', /before appliedAt/],
      [{ candidateAt: d('2023-01-01') }, 'candidateAt', /12 months after activistAt.*pipeline\.candidate\.min-wait.*发展党员工作细则》第十三条/],
      [{ fullAt: d('2025-01-01') }, 'fullAt', /reached stage full member; .* is probationary member/],
      [{ joinedAt: d('2027-01-01') }, 'joinedAt', /future/],
      [{ sponsorIds: ['m-sec', 'm-a'] }, 'sponsorIds[1]', /not a full member/],
      [{ sponsorIds: ['m-sec', 'm-sec'] }, 'sponsorIds[1]', /twice/],
      [{ sponsorIds: ['m-p'] }, 'sponsorIds[0]', /own/],
      [{ sponsorIds: ['m-sec', 'm-b', 'm-cm'] }, 'sponsorIds'],
      [{ contactIds: ['ghost'] }, 'contactIds[0]', /does not exist/],
      [{ phone: '12345' }, 'phone'],
      [{ email: 'not-an-email' }, 'email'],
    ];
    for (const [patch, field, msg] of cases) {
      const r = await secEn(EDIT, { i: { ...good, expectVersion: 1, ...patch } });
      expect(codes(r), field).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
      if (msg) expect(r.body.errors[0].message).toMatch(msg);
    }
    // An activist cannot have a join date.
    const act = await t.as('sec')(EDIT, { i: { memberId: 'm-act', expectVersion: 0, joinedAt: d('2025-01-01') } });
    expect(act.body.errors[0].extensions.field).toBe('joinedAt');
    expect(await t.store.getMemberRecords(['m-p', 'm-act'])).toEqual(before);
    expect((await t.store.getMembersByIds(['m-p']))[0].phone).toBe(phoneBefore);
  });

  it('refuses editors out of scope and a stale version, writing nothing', async () => {
    const before = await t.store.getMemberRecords(['m-p']);
    expect(codes(await t.as('a')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('cm')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('d')(EDIT, { i: { ...good, expectVersion: 1 } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('sec')(EDIT, { i: { ...good, expectVersion: 0 } }))).toEqual(['CONFLICT']);
    expect(await t.store.getMemberRecords(['m-p'])).toEqual(before);
    // The committee administrator edits within the committee.
    const r = await t.as('cadmin')(EDIT, { i: { ...good, expectVersion: 1, email: null } });
    expect(r.body.data.updateMemberRecord).toMatchObject({ version: 2, email: null, updatedByName: '组织员' });
  });
});

describe('member records agree with the pipeline (one date per stage)', () => {
  const STEP = 'mutation($i: RecordPipelineStepInput!) { recordPipelineStep(input: $i) { milestones { id step at } } }';
  const SOURCES = `query($m: ID!) { memberRecord(memberId: $m) { ${FIELDS}
    fromPipeline { field step milestoneId at }
    conflicts { field step recordAt pipelineAt recordPeople { id } pipelinePeople { id } } } }`;
  const cst = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
  const step = async (memberId: string, name: string, day: string, extra: Record<string, unknown> = {}) => {
    const r = await t.as('sec')(STEP, { i: { memberId, step: name, at: cst(day), ...extra } });
    return r;
  };

  beforeAll(async () => {
    await buildMember(t.store, { id: 'm-pipe', name: '积极分子丙', branchId: 'b-1', stage: 'APPLICANT' });
    await buildMember(t.store, { id: 'm-rec', name: '申请人丁', branchId: 'b-1', stage: 'APPLICANT' });
    await buildMember(t.store, { id: 'm-old', name: '积极分子戊', branchId: 'b-1', stage: 'APPLICANT' });
    for (const [name, day, extra] of [
      ['APPLICATION', '2025-01-05'],
      ['TALK', '2025-01-20'],
      ['ACTIVIST', '2025-03-01', { people: ['m-cm', 'm-b'] }],
    ] as const) {
      expect((await step('m-pipe', name, day, extra ?? {})).body.errors).toBeUndefined();
    }
  });

  it('shows the dates and 培养联系人 of the recorded steps, and where each comes from', async () => {
    const r = await t.as('sec')(SOURCES, { m: 'm-pipe' });
    expect(r.body.errors).toBeUndefined();
    const rec = r.body.data.memberRecord;
    expect(rec).toMatchObject({ appliedAt: cst('2025-01-05'), activistAt: cst('2025-03-01'), candidateAt: null, version: 0, conflicts: [] });
    expect(rec.contacts.map((p: { id: string }) => p.id)).toEqual(['m-cm', 'm-b']);
    expect(rec.fromPipeline.map((x: { field: string; step: string }) => `${x.field}<-${x.step}`)).toEqual([
      'APPLIED_AT<-APPLICATION',
      'ACTIVIST_AT<-ACTIVIST',
      'CONTACTS<-ACTIVIST',
    ]);
    // The stage was reached on the step's day, not the day it was recorded.
    expect((await t.store.getMembersByIds(['m-pipe']))[0]).toMatchObject({ stage: 'ACTIVIST', stageSince: Date.parse(cst('2025-03-01')) });
  });

  it('refuses a record date or contacts that disagree with a recorded step (CONFLICT naming the field), writing nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ activistAt: cst('2025-03-02') }, 'activistAt', /pipeline step ACTIVIST recorded for 2025-03-01.*cannot say 2025-03-02/],
      [{ appliedAt: cst('2024-12-01') }, 'appliedAt', /APPLICATION/],
      [{ contactIds: ['m-cm', 'm-sec'] }, 'contactIds', /培养联系人.*ACTIVIST/],
    ];
    for (const [patch, field, msg] of cases) {
      const before = { record: await t.store.getMemberRecords(['m-pipe']), counts: await dataCounts(t.store) };
      const r = await secEn(EDIT, { i: { memberId: 'm-pipe', expectVersion: 0, ...patch } });
      expect(codes(r), field).toEqual(['CONFLICT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
      expect(r.body.errors[0].message).toMatch(msg);
      expect({ record: await t.store.getMemberRecords(['m-pipe']), counts: await dataCounts(t.store) }).toEqual(before);
    }
  });

  it('saves the record as read: the steps keep their dates and people, the record stores only its own fields', async () => {
    const read = (await t.as('sec')(READ, { m: 'm-pipe' })).body.data.memberRecord;
    const r = await t.as('sec')(EDIT, {
      i: {
        memberId: 'm-pipe',
        expectVersion: 0,
        appliedAt: read.appliedAt,
        activistAt: cst('2025-03-01', 20),
        contactIds: ['m-b', 'm-cm'],
        sponsorIds: ['m-sec'],
        email: 'bing@example.edu',
      },
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateMemberRecord).toMatchObject({ appliedAt: cst('2025-01-05'), activistAt: cst('2025-03-01'), version: 1, email: 'bing@example.edu' });
    const [stored] = await t.store.getMemberRecords(['m-pipe']);
    expect(stored).toMatchObject({ appliedAt: null, activistAt: null, contactIds: [], sponsorIds: ['m-sec'] });
  });

  it("refuses a pipeline step dated otherwise than the record (CONFLICT naming the field), then accepts the record's day", async () => {
    const saved = await t.as('sec')(EDIT, { i: { memberId: 'm-rec', expectVersion: 0, appliedAt: cst('2025-02-01', 9) } });
    expect(saved.body.errors).toBeUndefined();
    const before = await dataCounts(t.store);
    const r = await secEn(STEP, { i: { memberId: 'm-rec', step: 'APPLICATION', at: cst('2025-02-10') } });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.body.errors[0].extensions).toMatchObject({ field: 'at', recordField: 'appliedAt' });
    expect(r.body.errors[0].message).toMatch(/record \(党员档案\) gives appliedAt as 2025-02-01.*dated 2025-02-10/);
    expect((await t.store.listMilestones(['m-rec'])).get('m-rec') ?? []).toEqual([]);
    expect(await dataCounts(t.store)).toEqual(before);
    expect((await step('m-rec', 'APPLICATION', '2025-02-01')).body.errors).toBeUndefined();
    const rec = (await t.as('sec')(SOURCES, { m: 'm-rec' })).body.data.memberRecord;
    expect(rec).toMatchObject({ appliedAt: cst('2025-02-01'), conflicts: [] });
    expect(rec.fromPipeline.map((x: { field: string }) => x.field)).toEqual(['APPLIED_AT']);
  });

  it("shows a disagreement stored before the step was recorded, and saving with the step's date clears it", async () => {
    const own = Date.parse(cst('2025-01-10'));
    await t.store.saveMemberRecord(
      {
        memberId: 'm-old',
        appliedAt: own,
        activistAt: null,
        candidateAt: null,
        joinedAt: null,
        fullAt: null,
        sponsorIds: [],
        contactIds: [],
        email: null,
        version: 1,
        updatedAt: NOW,
        updatedBy: 'm-sec',
      },
      0,
    );
    // A step written past the service (as an import would), on another day.
    await t.store.addMilestone(
      {
        id: 'ms-old-1',
        memberId: 'm-old',
        step: 'APPLICATION',
        at: Date.parse(cst('2025-01-12')),
        recordedAt: NOW,
        recordedBy: 'm-sec',
        evidence: { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null },
      },
      null,
    );
    const rec = (await t.as('sec')(SOURCES, { m: 'm-old' })).body.data.memberRecord;
    expect(rec.appliedAt).toBe(cst('2025-01-12'));
    expect(rec.conflicts).toEqual([{ field: 'APPLIED_AT', step: 'APPLICATION', recordAt: cst('2025-01-10'), pipelineAt: cst('2025-01-12'), recordPeople: [], pipelinePeople: [] }]);
    const fixed = await t.as('sec')(EDIT, { i: { memberId: 'm-old', expectVersion: 1, appliedAt: rec.appliedAt } });
    expect(fixed.body.errors).toBeUndefined();
    expect((await t.as('sec')(SOURCES, { m: 'm-old' })).body.data.memberRecord.conflicts).toEqual([]);
  });
});
