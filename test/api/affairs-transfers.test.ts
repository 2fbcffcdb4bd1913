/**
 * Transfers over HTTP on two Hongtu instances (two stores, two servers): the internal three-step
 * flow moves membership only when the receiving branch confirms; an outgoing transfer carries a
 * consented learning profile signed by instance A, which instance B verifies against A's published
 * key; tampered, unconsented and untrusted profiles are refused.
 */
import { decodeReasons } from '../../server/i18n/reasons';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSource } from '../../server/affairs/rule-source';
import { SignJWT } from 'jose';
import { generateInstanceKeys, PROFILE_TYPE, signProfile, type ProfileContent, type ProfileTrust } from '../../server/affairs/profile';
import { buildApiWorld, buildMember } from '../support/builders';
import { type GqlResponse, openTempStore, startTestServer, type TestServer } from '../support/api-server';
import { codes } from '../support/api-world';
import type { GraphStore } from '../../graph';
import { dataCounts } from '../support/data-counts';

const NOW = Date.parse('2026-06-20T04:00:00Z');
interface Instance {
  store: GraphStore;
  server: TestServer;
  as(id: string): (q: string, v?: Record<string, unknown>) => Promise<GqlResponse>;
  dispose(): Promise<void>;
}

async function instance(deps: NonNullable<Parameters<typeof startTestServer>[1]>['deps']): Promise<Instance> {
  const t = await openTempStore();
  await buildApiWorld(t.store);
  const server = await startTestServer(t.store, { deps: { now: () => NOW, ...deps } });
  const tokens = new Map<string, string>();
  return {
    store: t.store,
    server,
    as: (id) => async (q, v) => {
      if (!tokens.has(id)) tokens.set(id, await server.tokenFor(id));
      return server.gql(q, v, tokens.get(id));
    },
    dispose: async () => {
      await server.close();
      await t.dispose();
    },
  };
}

let A: Instance;
let B: Instance;
const trust: ProfileTrust = { issuers: [] };
let keysA: Awaited<ReturnType<typeof generateInstanceKeys>>['keys'];

beforeAll(async () => {
  keysA = (await generateInstanceKeys('http://placeholder')).keys;
  A = await instance({ affairs: { rules: catalogueSource(), keys: keysA } });
  keysA.issuer = A.server.url;
  B = await instance({ affairs: { rules: catalogueSource(), trust } });
  trust.issuers.push(A.server.url);
  await A.store.upsertMastery([{ memberId: 'm-a', topicId: 'constitution.basics', p: 0.82, updatedAt: NOW - 1000 }]);
  await A.store.recordStudy({ id: 'st-1', memberId: 'm-a', courseId: 'course-1', at: NOW - 86_400_000, seconds: 900, progress: 1 });
  await A.store.addMilestone(
    {
      id: 'ms-app',
      memberId: 'm-a',
      step: 'APPLICATION',
      at: Date.parse('2024-03-01T02:00:00Z'),
      recordedAt: 0,
      recordedBy: 'm-sec',
      evidence: { meetingId: null, documentRef: '入党申请书', people: [], trainingDays: null, trainingHours: null, note: null },
    },
    null,
  );
});
afterAll(async () => {
  await A?.dispose();
  await B?.dispose();
});

const CASE = 'id kind status memberName fromBranch { id } toBranch { id } letterNumber validUntil duesPaidUntil receiptOverdue profileConsentAt steps { status by }';
const START = `mutation($i: StartTransferInput!) { startTransfer(input: $i) { ${CASE} } }`;

describe('internal transfer: initiate → committee approves → receiving branch confirms', () => {
  it('moves membership only at confirmation, each step by its owner', async () => {
    const r = await A.as('m-sec')(START, { i: { id: 'tc-1', memberId: 'm-b', kind: 'INTERNAL', toBranchId: 'b-2', reason: '转入教工支部' } });
    expect(r.body.data.startTransfer).toMatchObject({ status: 'INITIATED', fromBranch: { id: 'b-1' }, toBranch: { id: 'b-2' }, memberName: '李四' });
    expect(codes(await A.as('m-sec')('mutation { approveTransfer(id: "tc-1") { status } }'))).toEqual(['FORBIDDEN']);
    expect(codes(await A.as('m-cadmin')('mutation { confirmTransfer(id: "tc-1") { status } }'))).toEqual(['CONFLICT']);
    expect((await A.as('m-cadmin')('mutation { approveTransfer(id: "tc-1", note: "同意") { status } }')).body.data.approveTransfer.status).toBe('APPROVED');
    expect((await A.store.getMembersByIds(['m-b']))[0].branchId).toBe('b-1');
    expect(codes(await A.as('m-sec')('mutation { confirmTransfer(id: "tc-1") { status } }'))).toEqual(['FORBIDDEN']);
    const done = await A.as('m-cadmin')('mutation { confirmTransfer(id: "tc-1", note: "已接收") { status steps { status } } }');
    expect(done.body.data.confirmTransfer.steps.map((x: { status: string }) => x.status)).toEqual(['INITIATED', 'APPROVED', 'COMPLETED']);
    expect((await A.store.getMembersByIds(['m-b']))[0].branchId).toBe('b-2');
    expect((await A.store.listTransfers('m-b')).map((x) => x.id)).toEqual(['tc-1']);
  });

  it('refuses a second open transfer, a same-branch move and strangers, writing nothing', async () => {
    await A.as('m-sec')(START, { i: { id: 'tc-2', memberId: 'm-cm', kind: 'INTERNAL', toBranchId: 'b-3', reason: '调动' } });
    const before = await dataCounts(A.store);
    expect(codes(await A.as('m-sec')(START, { i: { id: 'tc-3', memberId: 'm-cm', kind: 'OUT', externalOrg: '某市委组织部', reason: '毕业' } }))).toEqual(['CONFLICT']);
    expect(codes(await A.as('m-sec')(START, { i: { memberId: 'm-a', kind: 'INTERNAL', toBranchId: 'b-1', reason: 'x' } }))).toEqual(['BAD_USER_INPUT']);
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await A.as('m-d')(START, { i: { memberId: 'm-a', kind: 'OUT', externalOrg: 'x', reason: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await A.as('m-d')('{ transfer(id: "tc-2") { id } }'))).toEqual(['NOT_FOUND']);
    expect(await dataCounts(A.store)).toEqual(before);
  });
});

const PROFILE = 'token profile { memberId name stage consentAt transferId mastery { topicId p } completedCourses { courseId title } milestones { step documentRef } }';

describe('outgoing transfer with a portable learning profile between two instances', () => {
  it('issues the letter, refuses to export before consent, then B verifies the consented profile', async () => {
    await A.as('m-sec')(START, { i: { id: 'tc-out', memberId: 'm-a', kind: 'OUT', externalOrg: '某大学研究生院党委', reason: '毕业升学' } });
    await A.as('m-cadmin')('mutation { approveTransfer(id: "tc-out") { status } }');
    const letter = await A.as('m-sec')(
      'mutation { issueTransferLetter(input: { id: "tc-out", letterNumber: "组转字〔2026〕015号", validDays: 30 }) { status letterNumber validUntil receiptOverdue } }',
    );
    expect(letter.body.data.issueTransferLetter).toEqual({
      status: 'LETTER_ISSUED',
      letterNumber: '组转字〔2026〕015号',
      validUntil: new Date(NOW + 30 * 86_400_000).toISOString(),
      receiptOverdue: false,
    });

    const refused = await A.as('m-sec')(`mutation { exportLearningProfile(transferId: "tc-out") { ${PROFILE} } }`);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors[0].message).toMatch(/not consented/);
    expect(codes(await A.as('m-sec')('mutation { consentToProfileExport(transferId: "tc-out") { id } }'))).toEqual(['FORBIDDEN']);
    const consent = await A.as('m-a')('mutation { consentToProfileExport(transferId: "tc-out") { profileConsentAt } }');
    expect(consent.body.data.consentToProfileExport.profileConsentAt).toBe(new Date(NOW).toISOString());
    const audit = await A.store.listAccess({ targetId: 'm-a', limit: 50 });
    expect(audit.map((x) => x.action)).toContain('CONSENT_PROFILE');

    const out = await A.as('m-sec')(`mutation { exportLearningProfile(transferId: "tc-out") { ${PROFILE} } }`);
    expect(out.body.errors).toBeUndefined();
    const { token, profile } = out.body.data.exportLearningProfile;
    expect(profile).toEqual({
      memberId: 'm-a',
      name: '张三',
      stage: 'ACTIVIST',
      consentAt: new Date(NOW).toISOString(),
      transferId: 'tc-out',
      mastery: [{ topicId: 'constitution.basics', p: 0.82 }],
      completedCourses: [{ courseId: 'course-1', title: '学习党章总纲' }],
      milestones: [{ step: 'APPLICATION', documentRef: '入党申请书' }],
    });
    expect((await A.store.listAccess({ targetId: 'm-a', limit: 50 })).map((x) => x.action)).toContain('EXPORT_PROFILE');
    const jwks = await (await A.server.get('/.well-known/jwks.json')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(jwks.keys[0].d).toBeUndefined();

    const IMPORT = `mutation($t: String!) { importLearningProfile(token: $t) { issuer profile { memberId mastery { topicId p } milestones { step } } } }`;
    const got = await B.as('m-sec')(IMPORT, { t: token });
    expect(got.body.data.importLearningProfile).toEqual({
      issuer: A.server.url,
      profile: { memberId: 'm-a', mastery: [{ topicId: 'constitution.basics', p: 0.82 }], milestones: [{ step: 'APPLICATION' }] },
    });

    // Tampered: the payload altered (a higher mastery) with the original signature.
    const [h, p, sig] = token.split('.');
    const body = JSON.parse(Buffer.from(p, 'base64url').toString());
    body.profile.mastery[0].p = 0.99;
    const tampered = `${h}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${sig}`;
    const t1 = await B.as('m-sec')(IMPORT, { t: tampered });
    expect(codes(t1)).toEqual(['BAD_USER_INPUT']);
    expect(t1.body.errors[0].message).toMatch(/signature does not verify/);

    // Unconsented: validly signed by A's key, but carrying no consent.
    const { consent: _consent, ...noConsent } = body.profile as ProfileContent;
    const forged = await new SignJWT({ profile: noConsent })
      .setProtectedHeader({ alg: 'EdDSA', kid: keysA.kid, typ: PROFILE_TYPE })
      .setIssuer(A.server.url)
      .setSubject('m-a')
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 86_400)
      .sign(keysA.privateKey);
    const t2 = await B.as('m-sec')(IMPORT, { t: forged });
    expect(codes(t2)).toEqual(['BAD_USER_INPUT']);
    expect(t2.body.errors[0].message).toMatch(/consent/);

    // Signed by another key claiming to be A.
    const other = (await generateInstanceKeys(A.server.url, keysA.kid)).keys;
    const impostor = await signProfile(other, 'm-a', body.profile as ProfileContent, NOW);
    expect(codes(await B.as('m-sec')(IMPORT, { t: impostor }))).toEqual(['BAD_USER_INPUT']);
    // A does not trust B (nor itself): nothing is accepted there.
    expect(codes(await A.as('m-sec')(IMPORT, { t: token }))).toEqual(['BAD_USER_INPUT']);
    // Ordinary members do not import.
    expect(codes(await B.as('m-a')(IMPORT, { t: token }))).toEqual(['FORBIDDEN']);
  });

  it('records the receipt (回执), completes the case and disables the member’s account', async () => {
    await A.store.createAccount({
      memberId: 'm-a',
      loginName: 'zhangsan',
      status: 'ACTIVE',
      passwordHash: null,
      mustChangePassword: false,
      failedAttempts: 0,
      lockedUntil: 0,
      totpSecret: null,
      totpEnabled: false,
      recoveryCodeHashes: [],
    });
    const r = await A.as('m-sec')('mutation { confirmTransfer(id: "tc-out") { status steps { status } } }');
    expect(r.body.data.confirmTransfer.steps.map((x: { status: string }) => x.status)).toEqual(['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_ISSUED', 'COMPLETED']);
    expect((await A.store.getAccount('m-a'))?.status).toBe('DISABLED');
  });
});

describe('bulk start for graduates', () => {
  it('checks every row first: one bad row writes nothing; a good batch is idempotent', async () => {
    await buildMember(A.store, { id: 'm-g1', branchId: 'b-1' });
    await buildMember(A.store, { id: 'm-g2', branchId: 'b-2' });
    await buildMember(A.store, { id: 'm-g3', branchId: 'b-3' });
    const BULK = 'mutation($i: BulkStartTransfersInput!) { bulkStartTransfers(input: $i) { id status kind } }';
    const before = await dataCounts(A.store);
    const bad = await A.as('m-cadmin')(BULK, {
      i: {
        batchId: 'grad-2026',
        kind: 'OUT',
        reason: '毕业',
        rows: [
          { memberId: 'm-g1', externalOrg: '甲单位' },
          { memberId: 'm-g3', externalOrg: '乙单位' },
        ],
      },
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.errors[0].extensions.field).toBe('rows[1].memberId');
    expect(await dataCounts(A.store)).toEqual(before);
    const i = {
      batchId: 'grad-2026',
      kind: 'OUT',
      reason: '毕业',
      rows: [
        { memberId: 'm-g1', externalOrg: '甲单位' },
        { memberId: 'm-g2', externalOrg: '乙单位' },
      ],
    };
    const ok = await A.as('m-cadmin')(BULK, { i });
    expect(ok.body.data.bulkStartTransfers).toEqual([
      { id: 'grad-2026:m-g1', status: 'INITIATED', kind: 'OUT' },
      { id: 'grad-2026:m-g2', status: 'INITIATED', kind: 'OUT' },
    ]);
    expect((await A.as('m-cadmin')(BULK, { i })).body.data.bulkStartTransfers).toHaveLength(2);
    expect((await A.store.listTransferCases({ memberIds: ['m-g1', 'm-g2'] })).length).toBe(2);
    expect(codes(await A.as('m-sec')(BULK, { i }))).toEqual(['FORBIDDEN']);
  });
});

describe('keeping an imported profile with the member, and withdrawing consent', () => {
  const KEEP = 'mutation($t: String!, $m: ID!) { keepImportedProfile(token: $t, memberId: $m) { id memberId issuer profile { memberId transferId } } }';
  const LIST = 'query($m: ID!) { importedProfiles(memberId: $m) { id issuer importedAt profile { memberId name } } }';
  let token = '';

  it('B keeps a verified profile with its member once; scoped reads, audited', async () => {
    await A.as('m-cadmin')(START, { i: { id: 'tc-c', memberId: 'm-c', kind: 'OUT', externalOrg: '某研究所党委', reason: '调离' } });
    await A.as('m-cadmin')('mutation { approveTransfer(id: "tc-c") { status } }');
    expect((await A.as('m-c')('mutation { consentToProfileExport(transferId: "tc-c") { id } }')).body.errors).toBeUndefined();
    const out = await A.as('m-cadmin')('mutation { exportLearningProfile(transferId: "tc-c") { token } }');
    token = out.body.data.exportLearningProfile.token;
    // Outside the viewer's branches, an unknown member, a bad token: refused, nothing kept.
    expect(codes(await B.as('m-d')(KEEP, { t: token, m: 'm-b' }))).toEqual(['NOT_FOUND']);
    expect(codes(await B.as('m-sec')(KEEP, { t: token, m: 'ghost' }))).toEqual(['NOT_FOUND']);
    expect((await B.as('m-sec')(KEEP, { t: `${token}x`, m: 'm-b' })).body.errors).toHaveLength(1);
    expect(await B.store.listImportedProfiles(['m-b'])).toEqual([]);
    const kept = await B.as('m-sec')(KEEP, { t: token, m: 'm-b' });
    expect(kept.body.errors).toBeUndefined();
    expect(kept.body.data.keepImportedProfile).toEqual({ id: `${A.server.url}#tc-c`, memberId: 'm-b', issuer: A.server.url, profile: { memberId: 'm-c', transferId: 'tc-c' } });
    await B.as('m-sec')(KEEP, { t: token, m: 'm-b' });
    const stored = await B.store.listImportedProfiles(['m-b']);
    expect(stored.map((p) => [p.id, p.token, p.importedBy])).toEqual([[`${A.server.url}#tc-c`, token, 'm-sec']]);
    const own = await B.as('m-b')(LIST, { m: 'm-b' });
    expect(own.body.data.importedProfiles.map((p: { profile: { name: string } }) => p.profile.name)).toEqual(['王五']);
    expect(codes(await B.as('m-d')(LIST, { m: 'm-b' }))).toEqual(['NOT_FOUND']);
    expect((await B.store.listAccess({ targetId: 'm-b', limit: 100 })).map((x) => x.action)).toEqual(expect.arrayContaining(['IMPORT_PROFILE', 'READ_LEARNING']));
  });

  it('a withdrawn consent stops further exports and is recorded; only the member withdraws, and only a consent that exists', async () => {
    expect(codes(await A.as('m-cadmin')('mutation { withdrawProfileConsent(transferId: "tc-c") { id } }'))).toEqual(['FORBIDDEN']);
    const w = await A.as('m-c')('mutation { withdrawProfileConsent(transferId: "tc-c") { profileConsentAt steps { status by } } }');
    expect(w.body.errors).toBeUndefined();
    expect(w.body.data.withdrawProfileConsent.profileConsentAt).toBeNull();
    expect(w.body.data.withdrawProfileConsent.steps.at(-1)).toEqual({ status: 'APPROVED', by: 'm-c' });
    const [c] = await A.store.getTransferCasesByIds(['tc-c']);
    // The step's note is stored as a reason code and read in the request's language.
    expect(decodeReasons(c.steps.at(-1)!.note!)).toEqual([{ code: 'TRANSFER_PROFILE_CONSENT_WITHDRAWN', params: {} }]);
    const STEPS = '{ transfer(id: "tc-c") { steps { note } } }';
    const tokenC = await A.server.tokenFor('m-c');
    expect((await A.server.gql(STEPS, {}, tokenC)).body.data.transfer.steps.at(-1).note).toBe('本人撤回导出学习档案的同意');
    expect((await A.server.gql(STEPS, {}, tokenC, { 'accept-language': 'en' })).body.data.transfer.steps.at(-1).note).toBe(
      'the member withdrew their consent to exporting their learning profile',
    );
    const refused = await A.as('m-cadmin')('mutation { exportLearningProfile(transferId: "tc-c") { token } }');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors[0].message).toMatch(/not consented/);
    const again = await A.as('m-c')('mutation { withdrawProfileConsent(transferId: "tc-c") { id } }');
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.body.errors[0].extensions.field).toBe('transferId');
    expect((await A.store.getTransferCasesByIds(['tc-c']))[0].steps).toHaveLength(c.steps.length);
    expect((await A.store.listAccess({ targetId: 'm-c', limit: 100 })).map((x) => x.action)).toContain('WITHDRAW_CONSENT');
  });

  it('a member lists their own transfer cases; others only within scope', async () => {
    const MINE = 'query($m: ID!) { memberTransfers(memberId: $m) { id status profileConsentAt } }';
    const own = await A.as('m-c')(MINE, { m: 'm-c' });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.memberTransfers).toEqual([{ id: 'tc-c', status: 'APPROVED', profileConsentAt: null }]);
    expect((await A.as('m-cadmin')(MINE, { m: 'm-c' })).body.data.memberTransfers.map((c: { id: string }) => c.id)).toEqual(['tc-c']);
    expect(codes(await A.as('m-d')(MINE, { m: 'm-c' }))).toEqual(['NOT_FOUND']);
  });

  it('the member discards a kept profile once (audited); others cannot, and a refused discard writes nothing', async () => {
    const DISCARD = 'mutation($m: ID!, $id: ID!) { discardImportedProfile(memberId: $m, id: $id) { id } }';
    const id = `${A.server.url}#tc-c`;
    const before = await dataCounts(B.store);
    expect(codes(await B.as('m-d')(DISCARD, { m: 'm-b', id }))).toEqual(['NOT_FOUND']);
    expect(codes(await B.as('m-a')(DISCARD, { m: 'm-b', id }))).toEqual(['NOT_FOUND']);
    expect(codes(await B.as('m-cm')(DISCARD, { m: 'm-b', id }))).toEqual(['FORBIDDEN']);
    const unknown = await B.as('m-b')(DISCARD, { m: 'm-b', id: 'nothing' });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.body.errors[0].message).toMatch(/nothing/);
    expect(await dataCounts(B.store)).toEqual(before);
    expect((await B.store.listImportedProfiles(['m-b'])).map((p) => p.id)).toEqual([id]);
    const done = await B.as('m-b')(DISCARD, { m: 'm-b', id });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.discardImportedProfile).toEqual([]);
    expect(await B.store.listImportedProfiles(['m-b'])).toEqual([]);
    expect(codes(await B.as('m-b')(DISCARD, { m: 'm-b', id }))).toEqual(['NOT_FOUND']);
    expect((await B.store.listAccess({ targetId: 'm-b', limit: 100 })).map((x) => x.action)).toContain('DISCARD_PROFILE');
  });
});
