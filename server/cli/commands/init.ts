/**
 * `hongtu init --university NAME --admin-name NAME --login LOGIN [--committee NAME] [--branch NAME]`
 *
 * Prepares a store for production: creates the schema, the University node when there is none (named
 * on the command line), and the first university administrator — a member in an office branch (the
 * university's party office: a committee and branch made for it when the store has none) with an
 * account whose one-time password is printed once. The first sign-in with it must choose a new
 * password and set up an authenticator app. Running it again on an initialised store adds nothing
 * and says so (exit code 1): further accounts are created in the app by this administrator.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import type { GraphStore } from '../../../graph';
import { newOneTimePassword } from '../../auth/one-time-password';
import { hashPassword } from '../../auth/passwords';
import { loadConfig } from '../../config';
import { badInput, conflict } from '../../errors';

export interface InitOptions {
  university: string;
  adminName: string;
  login: string;
  committee?: string;
  branch?: string;
}

export interface InitReport {
  universityId: string;
  createdUniversity: boolean;
  branchId: string;
  memberId: string;
  loginName: string;
  oneTimePassword: string;
}

const name = (field: string, v: string | undefined, flag: string): string => {
  const t = (v ?? '').trim();
  if (!t || [...t].length > 100) throw badInput(field, `${flag} must be 1–100 characters`);
  return t;
};

export async function runInit(store: GraphStore, o: InitOptions): Promise<InitReport> {
  const university = name('university', o.university, '--university');
  const adminName = name('adminName', o.adminName, '--admin-name');
  const login = o.login?.trim().toLowerCase() ?? '';
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(login)) throw badInput('login', '--login must be 2–64 letters, digits or . _ @ - (the staff number)');
  await store.init();
  const admins = await store.listMembers({ roles: ['UNIVERSITY_ADMIN'] }, 50, null);
  for (const m of admins.items) {
    if (await store.getAccount(m.id)) {
      throw conflict(`This store is already initialised: university administrator "${m.id}" has an account. Create further accounts in the app`);
    }
  }
  if (await store.findAccountByLogin(login)) throw conflict(`Login name "${login}" is taken`);
  let u = await store.getUniversity();
  const createdUniversity = !u;
  if (!u) {
    u = { id: 'u-1', name: university };
    await store.createUniversity(u);
  }
  let branch = (await store.listBranches())[0];
  if (!branch) {
    const committeeId = `c-${randomUUID().slice(0, 8)}`;
    await store.createCommittee({ id: committeeId, name: name('committee', o.committee ?? '党委组织部', '--committee'), universityId: u.id });
    branch = { id: `b-${randomUUID().slice(0, 8)}`, name: name('branch', o.branch ?? '党委组织部党支部', '--branch'), committeeId };
    await store.createBranch(branch);
  }
  const memberId = `m-${randomUUID()}`;
  await store.createMember({
    id: memberId,
    name: adminName,
    kind: 'STAFF',
    stage: 'FULL',
    role: 'UNIVERSITY_ADMIN',
    branchId: branch.id,
    groupId: null,
    phone: null,
    idNumber: null,
  });
  const oneTimePassword = newOneTimePassword();
  await store.createAccount({
    memberId,
    loginName: login,
    status: 'ACTIVE',
    passwordHash: await hashPassword(oneTimePassword),
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: 0,
    totpSecret: null,
    totpEnabled: false,
    recoveryCodeHashes: [],
  });
  await store.appendAccess([{ id: randomUUID(), at: Date.now(), viewerId: '', action: 'ACCOUNT_CREATE', targetKind: 'Account', targetId: memberId }]);
  return { universityId: u.id, createdUniversity, branchId: branch.id, memberId, loginName: login, oneTimePassword };
}

export function register(program: Command): void {
  program
    .command('init')
    .requiredOption('--university <name>', "the university's name, e.g. 某某大学党委 (used when the store has no University yet)")
    .requiredOption('--admin-name <name>', 'name of the first university administrator')
    .requiredOption('--login <login>', 'their login name (staff number)')
    .option('--committee <name>', 'committee made for the administrator when the store has none', '党委组织部')
    .option('--branch <name>', 'branch made for the administrator when the store has none', '党委组织部党支部')
    .description('Create the schema, the University and the first university administrator account (one-time password printed once)')
    .action(async (o: InitOptions) => {
      const config = loadConfig();
      const store = await openStore(config);
      try {
        const r = await runInit(store, o);
        console.log(r.createdUniversity ? `created University ${r.universityId}` : `University ${r.universityId} already present`);
        console.log(`created university administrator ${r.memberId} (branch ${r.branchId}), login name: ${r.loginName}`);
        console.log(`one-time password (shown only now; the first sign-in sets a new password and an authenticator app):`);
        console.log(`  ${r.oneTimePassword}`);
      } catch (e) {
        console.error(`init: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await store.close().catch(() => undefined);
      }
    });
}
