/**
 * The process keeps the tokens, sessions and viewers it has read (server/auth/auth-cache.ts), and that
 * never lets a credential or a role outlive a change: over real HTTP on a real Kuzu store, with the cache
 * warm (its rows trusted for a minute here, so only a heard write can empty it), a revoked token, a
 * session ended by an administrator, a disabled account and a changed role take effect on the very next
 * request, whether the change came through the API or straight through the store object; so do a
 * changed question an answer is judged against and a member renamed or moved out of the reader's branch. Access records still fail closed with the cache warm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRecord, GraphStore } from '../../graph';
import { authCacheFor } from '../../server/auth/auth-cache';
import { hashPassword } from '../../server/auth/passwords';
import { openTempStore, startTestServer, type GqlResponse, type TestServer } from '../support/api-server';
import { cookieClient, SIGN_IN } from '../support/auth-client';
import { buildApiWorld } from '../support/builders';

const READ = 'query($id: ID!) { member(id: $id) { id name } }';
const PASSWORD = 'a long and private sentence';

let plain: GraphStore;
let store: GraphStore;
let dispose: () => Promise<void>;
let server: TestServer;
/** While true, every access-record write fails (the store refuses it). */
let auditFails = false;

const codes = (r: GqlResponse): string[] => (r.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
const read = (token: string, id = 'm-a') => server.gql(READ, { id }, token);
const tokenId = (token: string) => token.split('_')[1]!;
const hits = () => authCacheFor(store).stats.hits;

beforeAll(async () => {
  const t = await openTempStore();
  plain = t.store;
  dispose = t.dispose;
  await buildApiWorld(plain);
  for (const [memberId, loginName] of [
    ['m-sec', 'sec'],
    ['m-cm', 'cm'],
  ]) {
    await plain.createAccount({
      memberId,
      loginName,
      status: 'ACTIVE',
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
      failedAttempts: 0,
      lockedUntil: 0,
      totpSecret: null,
      totpEnabled: false,
      recoveryCodeHashes: [],
    });
  }
  store = new Proxy(plain, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key === 'appendAccess') return (records: AccessRecord[]) => (auditFails ? Promise.reject(new Error('disk full')) : target.appendAccess(records));
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  // Personal access tokens (no demo login); rows trusted for a minute unless a write is heard.
  server = await startTestServer(store, { env: { HONGTU_DEV_LOGIN: '0', HONGTU_AUTH_CACHE_MS: '60000', HONGTU_RATE_SIGN_IN: '1000000' } });
});

afterAll(async () => {
  await server?.close();
  await dispose?.();
});

describe('cached tokens, sessions and viewers', () => {
  it('refuse a token revoked through the API on the very next request', async () => {
    const kept = await server.tokenFor('m-sec');
    const revoked = await server.tokenFor('m-sec');
    expect((await read(revoked)).body.data.member.name).toBe('张三');
    const before = hits();
    expect((await read(revoked)).body.data.member.name).toBe('张三');
    expect(hits()).toBeGreaterThan(before); // the second request was answered from the cache

    const r = await server.gql('mutation($id: ID!) { revokeAccessToken(id: $id) }', { id: tokenId(revoked) }, kept);
    expect(r.body).toEqual({ data: { revokeAccessToken: true } });
    const after = await read(revoked);
    expect(after.body.data).toBeNull();
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect((await plain.getAccessToken(tokenId(revoked)))!.revokedAt).toBeGreaterThan(0);
    // The owner's other token still works.
    expect((await read(kept)).body.data.member.name).toBe('张三');
  });

  it('refuse a token revoked straight through the store object (not through the API) on the very next request', async () => {
    const token = await server.tokenFor('m-b');
    const own = 'query { member(id: "m-b") { id } }';
    expect((await server.gql(own, {}, token)).body.data.member.id).toBe('m-b');
    const before = hits();
    expect((await server.gql(own, {}, token)).body.data.member.id).toBe('m-b');
    expect(hits()).toBeGreaterThan(before);

    expect(await store.revokeAccessTokens('m-b', Date.now())).toBe(1);
    expect(codes(await server.gql(own, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuse a browser session ended by an administrator on the very next request', async () => {
    const browser = cookieClient(server.url);
    expect((await browser.gql(SIGN_IN, { input: { loginName: 'sec', password: PASSWORD } })).body.data.signIn.step).toBe('SIGNED_IN');
    expect((await browser.gql(READ, { id: 'm-a' })).body.data.member.name).toBe('张三');
    const before = hits();
    expect((await browser.gql(READ, { id: 'm-a' })).body.data.member.name).toBe('张三');
    expect(hits()).toBeGreaterThan(before);

    const admin = await server.tokenFor('m-uadmin');
    const ended = await server.gql('mutation($m: ID!) { signOutEverywhere(memberId: $m) }', { m: 'm-sec' }, admin);
    expect(ended.body.data.signOutEverywhere).toBeGreaterThanOrEqual(1);
    const after = await browser.gql(READ, { id: 'm-a' });
    expect(after.body.data).toBeNull();
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuse the session and tokens of a disabled account on the very next request', async () => {
    const browser = cookieClient(server.url);
    expect((await browser.gql(SIGN_IN, { input: { loginName: 'cm', password: PASSWORD } })).body.data.signIn.step).toBe('SIGNED_IN');
    const token = await server.tokenFor('m-cm');
    expect((await browser.gql(READ, { id: 'm-a' })).body.data.member.name).toBe('张三');
    expect((await read(token)).body.data.member.name).toBe('张三');
    expect((await read(token)).body.data.member.name).toBe('张三');

    const admin = await server.tokenFor('m-uadmin');
    const r = await server.gql('mutation($m: ID!) { disableAccount(memberId: $m) { status } }', { m: 'm-cm' }, admin);
    expect(r.body).toEqual({ data: { disableAccount: { status: 'DISABLED' } } });
    expect(codes(await browser.gql(READ, { id: 'm-a' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await read(token))).toEqual(['UNAUTHENTICATED']);
    await server.gql('mutation($m: ID!) { enableAccount(memberId: $m) { status } }', { m: 'm-cm' }, admin);
  });

  it('apply a changed role on the very next request, through the API and through the store object', async () => {
    const token = await server.tokenFor('m-cm');
    // A branch committee member reads the members of their branch.
    expect((await read(token)).body.data.member.name).toBe('张三');
    const before = hits();
    expect((await read(token)).body.data.member.name).toBe('张三');
    expect(hits()).toBeGreaterThan(before);

    const admin = await server.tokenFor('m-uadmin');
    const r = await server.gql('mutation($id: ID!) { updateMember(id: $id, input: { role: MEMBER }) { role } }', { id: 'm-cm' }, admin);
    expect(r.body).toEqual({ data: { updateMember: { role: 'MEMBER' } } });
    const demoted = await read(token);
    expect(demoted.body.data).toBeNull();
    // Members outside the viewer's scope are hidden: NOT_FOUND, as for an id that does not exist.
    expect(codes(demoted)).toEqual(['NOT_FOUND']);

    await store.updateMember('m-cm', { role: 'COMMITTEE_MEMBER' });
    expect((await read(token)).body.data.member.name).toBe('张三');
  });

  it("show a member read a moment before with their changed name, and hide one moved out of the reader's branch, on the very next read", async () => {
    const sec = await server.tokenFor('m-sec');
    const admin = await server.tokenFor('m-uadmin');
    expect((await read(sec, 'm-b')).body.data.member.name).toBe('李四');
    const before = hits();
    expect((await read(sec, 'm-b')).body.data.member.name).toBe('李四');
    expect(hits()).toBeGreaterThan(before); // the member's row was kept

    const renamed = await server.gql('mutation($id: ID!) { updateMember(id: $id, input: { name: "李四新" }) { name } }', { id: 'm-b' }, admin);
    expect(renamed.body).toEqual({ data: { updateMember: { name: '李四新' } } });
    expect((await read(sec, 'm-b')).body.data.member.name).toBe('李四新');
    expect((await store.getMembersByIds(['m-b']))[0]!.name).toBe('李四新');

    const moved = await server.gql(
      'mutation($i: MoveMemberInput!) { moveMember(input: $i) { member { id } } }',
      { i: { memberId: 'm-b', toBranchId: 'b-2', reason: '工作调动' } },
      admin,
    );
    expect(moved.body.errors).toBeUndefined();
    const hidden = await read(sec, 'm-b');
    expect(hidden.body.data).toBeNull();
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect((await store.getMembersByIds(['m-b']))[0]!.branchId).toBe('b-2');

    // Straight through the store object: back to the first branch and name, seen at once.
    await store.moveMember({ id: 'tr-back', memberId: 'm-b', toBranchId: 'b-1', at: Date.now(), reason: '回到原支部' });
    await store.updateMember('m-b', { name: '李四' });
    expect((await read(sec, 'm-b')).body.data.member.name).toBe('李四');
  });

  it('judge an answer against a question changed a moment before, although the question was kept', async () => {
    const token = await server.tokenFor('m-a');
    const answer = (n: number, choice: number) =>
      server.gql(
        'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }',
        { i: { id: `ac-${n}`, memberId: 'm-a', questionId: 'q-1', choice, seconds: 5 } },
        token,
      );
    expect((await answer(1, 1)).body).toEqual({ data: { recordAnswer: { correct: true } } });
    const before = hits();
    expect((await answer(2, 1)).body).toEqual({ data: { recordAnswer: { correct: true } } });
    expect(hits()).toBeGreaterThan(before);

    const q = (await store.getQuestionsByIds(['q-1']))[0]!;
    await store.upsertQuestion({ ...q, answer: 2 });
    expect((await answer(3, 1)).body).toEqual({ data: { recordAnswer: { correct: false } } });
    expect((await answer(4, 2)).body).toEqual({ data: { recordAnswer: { correct: true } } });
    await store.upsertQuestion(q);
  });

  it('still withhold a read whose access record cannot be written, with the cache warm', async () => {
    const token = await server.tokenFor('m-sec');
    expect((await read(token)).body.data.member.name).toBe('张三');
    const before = hits();
    auditFails = true;
    try {
      const r = await read(token);
      expect(hits()).toBeGreaterThan(before);
      expect(r.body.data).toBeNull();
      expect(codes(r)).toEqual(['UNAVAILABLE']);
    } finally {
      auditFails = false;
    }
    expect((await read(token)).body.data.member.name).toBe('张三');
  });
});
