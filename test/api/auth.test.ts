/** Sign-in: tokens, UNAUTHENTICATED, and `login`/`demoAccounts` existing only with dev login on. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../seeds/generator/demo-accounts';
import { signToken } from '../../server/auth/tokens';
import { buildMember } from '../support/builders';
import { startTestServer } from '../support/api-server';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();

describe('without a token', () => {
  it('refuses data with UNAUTHENTICATED', async () => {
    const r = await t.as(null)('{ viewer { role } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": null,
        "errors": [
          {
            "extensions": {
              "code": "UNAUTHENTICATED",
            },
            "locations": [
              {
                "column": 3,
                "line": 1,
              },
            ],
            "message": "Sign in first: use the sign-in page, or send Authorization: Bearer <personal access token>",
            "path": [
              "viewer",
            ],
          },
        ],
      }
    `);
  });

  it('answers health, demoAccounts and login', async () => {
    expect((await t.as(null)('{ health }')).body).toEqual({ data: { health: true } });
    const accounts = await t.as(null)('{ demoAccounts { memberId role branchName committeeName } }');
    expect(accounts.body.data.demoAccounts.map((a: { role: string }) => a.role)).toEqual([
      'MEMBER',
      'MEMBER',
      'MEMBER',
      'COMMITTEE_MEMBER',
      'SECRETARY',
      'COMMITTEE_ADMIN',
      'UNIVERSITY_ADMIN',
    ]);
    expect(accounts.body.data.demoAccounts[4]).toEqual({ memberId: 'm-sec', role: 'SECRETARY', branchName: '计算机学生第一党支部', committeeName: '计算机学院党委' });
  });
});

describe('demoAccounts', () => {
  it("lists the generator's well-known people first, with what they show", async () => {
    const learner = DEMO_ACCOUNTS.find((a) => a.role === 'MEMBER')!;
    await buildMember(t.store, { id: learner.id, name: learner.name, branchId: 'b-1', stage: learner.stage });
    const r = await t.as(null)('{ demoAccounts { memberId role description } }');
    const members = r.body.data.demoAccounts.filter((a: { role: string }) => a.role === 'MEMBER');
    expect(members).toHaveLength(3);
    expect(members[0]).toEqual({ memberId: learner.id, role: 'MEMBER', description: learner.description });
    expect(members[1].description).toBeNull();
  });
});

describe('login', () => {
  it('issues a token that signs the member in', async () => {
    const r = await t.as(null)('mutation { login(memberId: "m-sec") { token memberId role expiresAt } }');
    expect(r.body.data.login).toMatchObject({ memberId: 'm-sec', role: 'SECRETARY' });
    expect(Date.parse(r.body.data.login.expiresAt)).toBeGreaterThan(Date.now());
    const me = await t.server.gql('{ viewer { member { id } readableBranchIds manageableBranchIds canManageCourses } }', {}, r.body.data.login.token);
    expect(me.body).toMatchInlineSnapshot(`
      {
        "data": {
          "viewer": {
            "canManageCourses": false,
            "manageableBranchIds": [
              "b-1",
            ],
            "member": {
              "id": "m-sec",
            },
            "readableBranchIds": [
              "b-1",
            ],
          },
        },
      }
    `);
  });

  it('names an unknown member', async () => {
    const r = await t.as(null)('mutation { login(memberId: "m-404") { token } }');
    expect(r.body.errors[0]).toMatchObject({ message: 'Member "m-404" not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('rejects malformed, foreign and expired tokens', async () => {
    const q = '{ viewer { role } }';
    expect(codes(await t.server.gql(q, {}, 'not-a-jwt'))).toEqual(['UNAUTHENTICATED']);
    const foreign = await signToken('another-secret-another-secret-0123456789', 'm-a');
    expect(codes(await t.server.gql(q, {}, foreign.token))).toEqual(['UNAUTHENTICATED']);
    const old = await signToken(t.server.config.jwtSecret, 'm-a', Date.now() - 48 * 3600_000);
    const r = await t.server.gql(q, {}, old.token);
    expect(r.body.errors[0]).toMatchObject({ message: 'Session expired; sign in again', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('does not exist when dev login is off', async () => {
    const prod = await startTestServer(t.store, { env: { HONGTU_DEV_LOGIN: '0' } });
    try {
      const login = await prod.gql('mutation { login(memberId: "m-sec") { token } }');
      expect(login.body.errors[0].message).toMatch(/^Cannot query field "login" on type "Mutation"\./);
      const fields = await prod.gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
      const names = [...fields.body.data.__schema.queryType.fields, ...fields.body.data.__schema.mutationType.fields].map((f: { name: string }) => f.name);
      expect(names).not.toContain('login');
      expect(names).not.toContain('demoAccounts');
      expect(names).toContain('viewer');
      const token = await prod.tokenFor('m-a');
      expect((await prod.gql('{ viewer { role } }', {}, token)).body).toEqual({ data: { viewer: { role: 'MEMBER' } } });
    } finally {
      await prod.close();
    }
  });
});
