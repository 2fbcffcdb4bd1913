/**
 * The hash-chained audit log against a production-mode server (NODE_ENV=production, real Kuzu store):
 * denied attempts and every write are entries (ids and codes only, never the request body); member data
 * a mutation returns is a read; university administrators export a period as CSV (escaped, formulas
 * disarmed; the export is an entry), everyone else is FORBIDDEN. `hongtu audit verify` (run as a child
 * process, as an operator would) passes on an intact log, fails naming the first broken sequence number
 * when a row is deleted or edited in the store, passes after `hongtu audit prune`, and fails when the
 * pruning checkpoint is forged.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRecord, AuditEntry, GraphStore } from '../../graph';
import { KuzuExecutor } from '../../graph/kuzu/executor';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { codes } from '../support/api-world';
import { startTestServer } from '../support/api-server';
import { buildApiWorld } from '../support/builders';
import { childEnv } from '../support/child-env';
import { clientDocument } from '../support/persisted';
import { makeTempDir, removeTempDir } from '../support/temp-dirs';
import { PRODUCTION_ENV, useProductionWorld } from './production-world';

const t = useProductionWorld();

/** Run `fn` and return the entries it appended. */
async function appended(store: GraphStore, fn: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await store.auditHead()).seq;
  await fn();
  return store.listAudit({ afterSeq: before, limit: 1000 });
}
const brief = (e: AuditEntry) => `${e.action} ${e.viewerId || '(anonymous)'} ${e.targetKind}:${e.targetId} ${e.outcome}`.trim();

describe('denied attempts are entries', () => {
  it("a member reading another branch's member: who, which field, which id, the code", async () => {
    let code = '';
    const added = await appended(t.store, async () => {
      const r = await t.as('a')('{ member(id: "m-c") { name phone } }');
      code = String(codes(r)[0]);
      expect(r.body.data).toBeNull();
    });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
    expect(added.map(brief)).toEqual([`DENIED m-a Query.member:m-c ${code}`]);
  });

  it('an anonymous caller of a client operation: viewer left empty, the id taken from the variables', async () => {
    const added = await appended(t.store, async () => {
      const r = await t.as(null)(clientDocument('MemberHome'), { id: 'm-a' });
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    });
    expect(added.map(brief)).toEqual(['DENIED (anonymous) Query.member:m-a UNAUTHENTICATED']);
  });

  it('an anonymous document of its own, refused before it runs: a DENIED entry for the request', async () => {
    const added = await appended(t.store, async () => {
      const r = await t.as(null)('{ member(id: "m-a") { phone idNumber } }');
      expect(codes(r)).toEqual(['FORBIDDEN']);
    });
    expect(added.map(brief)).toEqual(['DENIED (anonymous) Request: FORBIDDEN']);
  });

  it('a successful read adds only its reads (no DENIED or WRITE entry)', async () => {
    const added = await appended(t.store, async () => {
      expect((await t.as('sec')('{ member(id: "m-b") { name } }')).body.errors).toBeUndefined();
    });
    expect(added.map(brief)).toEqual(['READ_MEMBER m-sec Member:m-b']);
  });
});

describe('every write is an entry; member data a mutation returns is a read', () => {
  it('updateMember by the branch secretary: WRITE with the target id and OK, and a read of the member returned', async () => {
    const added = await appended(t.store, async () => {
      const r = await t.as('sec')('mutation { updateMember(id: "m-b", input: { name: "李四新" }) { id name stage } }');
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.updateMember.name).toBe('李四新');
    });
    expect(added.map(brief).sort()).toEqual(['READ_MEMBER m-sec Member:m-b', 'WRITE m-sec Mutation.updateMember:m-b OK']);
  });

  it('a refused write is its WRITE entry with the code; nothing of the member is read or changed', async () => {
    let code = '';
    const added = await appended(t.store, async () => {
      const r = await t.as('a')('mutation { updateMember(id: "m-c", input: { name: "改名" }) { id name } }');
      code = String(codes(r)[0]);
    });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
    expect(added.map(brief)).toEqual([`WRITE m-a Mutation.updateMember:m-c ${code}`]);
    expect((await t.store.getMembersByIds(['m-c']))[0].name).toBe('王五');
  });

  it("keeps ids only: a sign-in's password and login name never reach the log", async () => {
    const password = 'never-log-this-password-7781';
    const added = await appended(t.store, async () => {
      const r = await t.as(null)(clientDocument('SignIn'), { input: { loginName: 'nobody-7781', password } });
      expect(codes(r).length).toBe(1);
    });
    expect(added.map((e) => `${e.action} ${e.targetKind}`).sort()).toEqual(['SIGN_IN_FAILED Login', 'WRITE Mutation.signIn']);
    expect(JSON.stringify(added)).not.toContain(password);
    expect(added.find((e) => e.action === 'WRITE')!.targetId).toBe('');
  });
});

describe('CSV export for university administrators', () => {
  const EXPORT = 'query ($from: DateTime!, $to: DateTime!) { auditLogExport(from: $from, to: $to) { csv rows from to } }';
  const period = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

  it.each(['a', 'sec', 'cm', 'cadmin'] as const)('%s gets FORBIDDEN and no data', async (who) => {
    const r = await t.as(who)(EXPORT, period());
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.body.data).toBeNull();
  });

  it('returns every entry of the period in order, quoted and with formulas disarmed; the export is an entry', async () => {
    // A failed sign-in stores the login name as typed: a formula aimed at whoever opens the export.
    const evil = '=hyperlink("http://x.example",1),x';
    await t.as(null)(clientDocument('SignIn'), { input: { loginName: evil, password: 'whatever-123456' } });
    const p = period();
    const stored = await t.store.listAudit({ fromAt: Date.parse(p.from), toAt: Date.parse(p.to), limit: 10_000 });
    const r = await t.as('uadmin')(EXPORT, p);
    expect(r.body.errors).toBeUndefined();
    const out = r.body.data.auditLogExport;
    expect(out.rows).toBe(stored.length);
    const lines: string[] = out.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('seq,time,viewerId,action,targetKind,targetId,outcome,hash');
    expect(lines.length).toBe(stored.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe(
      [stored[0].seq, new Date(stored[0].at).toISOString(), stored[0].viewerId, stored[0].action, stored[0].targetKind, stored[0].targetId, stored[0].outcome, stored[0].hash].join(
        ',',
      ),
    );
    expect(out.csv).toContain(`,SIGN_IN_FAILED,Login,"'=hyperlink(""http://x.example"",1),x",,`);
    const after = await t.store.listAudit({ afterSeq: stored.at(-1)!.seq, limit: 100 });
    expect(after.map(brief)).toContain(
      `EXPORT_AUDIT_LOG m-uadmin AuditLog:${new Date(Date.parse(p.from)).toISOString()}/${new Date(Date.parse(p.to)).toISOString()} ${stored.length}`,
    );
  });

  it('refuses an empty period with BAD_USER_INPUT naming `to`', async () => {
    const r = await t.as('uadmin')(EXPORT, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].extensions.field).toBe('to');
  });

  it('"who read my data" still answers from the chained log', async () => {
    await t.as('cadmin')('{ member(id: "m-c") { name } }');
    const r = await t.as('c')('{ accessRecords(memberId: "m-c", first: 1) { viewerId action targetId } }');
    expect(r.body.data.accessRecords).toEqual([{ viewerId: 'm-cadmin', action: 'READ_MEMBER', targetId: 'm-c' }]);
  });
});

describe('hongtu audit verify / prune (child processes on a stopped store)', () => {
  const DAY = 86_400_000;
  let root: string;
  let base: string;
  let n = 0;

  const cli = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['bin/hongtu.mjs', 'audit', ...args], {
      encoding: 'utf8',
      env: childEnv({ ...PRODUCTION_ENV, HONGTU_DATA_DIR: dir, HONGTU_LOG_LEVEL: 'error' }),
      timeout: 120_000,
    });
  /** A copy of the prepared store, to break one way. */
  const copy = () => {
    const dir = path.join(root, `copy-${++n}`);
    fs.cpSync(base, dir, { recursive: true });
    return dir;
  };
  const tamper = async (dir: string, query: string, params: Record<string, string | number> = {}) => {
    const ex = new KuzuExecutor(dir);
    try {
      await ex.write((tx) => tx.run(query, params));
    } finally {
      await ex.close();
    }
  };

  beforeAll(async () => {
    root = makeTempDir('hongtu-audit-cli-');
    base = path.join(root, 'kuzu');
    const store = new KuzuStore({ dir: base });
    await store.init();
    try {
      await buildApiWorld(store);
      // 300 entries past the 180-day retention, then real traffic through a production server.
      const old: AccessRecord[] = Array.from({ length: 300 }, (_, i) => ({
        id: `old-${i}`,
        at: Date.now() - 400 * DAY + i * 1000,
        viewerId: 'm-sec',
        action: 'READ_MEMBER',
        targetKind: 'Member',
        targetId: 'm-a',
      }));
      await store.appendAccess(old);
      const learner = createLearnerServices(store);
      const server = await startTestServer(store, { env: PRODUCTION_ENV, deps: { learning: { learner, hooks: learner.hooks } } });
      try {
        const token = await server.tokenFor('m-sec');
        await server.gql('{ member(id: "m-a") { name } }', {}, token);
        await server.gql('{ member(id: "m-d") { name } }', {}, token);
        await server.gql('mutation { updateMember(id: "m-b", input: { name: "李四" }) { id name } }', {}, token);
      } finally {
        await server.close();
      }
      expect((await store.auditHead()).seq).toBeGreaterThan(303);
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => {
    if (root) removeTempDir(root);
  });

  it('passes on the intact log', () => {
    const r = cli(copy(), 'verify');
    expect(r.stdout).toMatch(/^audit log OK: \d+ entries from 1 to \d+ \(checkpoint: none\)/);
    expect(r.status).toBe(0);
  }, 150_000);

  it('fails naming the sequence number when a row is deleted', async () => {
    const dir = copy();
    await tamper(dir, 'MATCH (a:AuditEntry) WHERE a.seq = $seq DELETE a', { seq: 150 });
    const r = cli(dir, 'verify');
    expect(r.stdout).toContain('audit log BROKEN at sequence 150: entry 150 is missing');
    expect(r.status).toBe(1);
  }, 150_000);

  it('fails naming the sequence number when a row is edited', async () => {
    const dir = copy();
    await tamper(dir, "MATCH (a:AuditEntry) WHERE a.seq = $seq SET a.viewerId = 'm-uadmin'", { seq: 301 });
    const r = cli(dir, 'verify', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, brokenAt: 301 });
    expect(r.status).toBe(1);
  }, 150_000);

  it('fails when the newest rows are cut off together (the head remembers)', async () => {
    const dir = copy();
    await tamper(dir, 'MATCH (a:AuditEntry) WHERE a.seq > $seq DELETE a', { seq: 302 });
    const r = cli(dir, 'verify');
    expect(r.stdout).toMatch(/BROKEN at sequence 303: entries 303–\d+ are missing/);
    expect(r.status).toBe(1);
  }, 150_000);

  it('prunes what is past retention, leaves a signed checkpoint, and verify still passes; a forged checkpoint fails', async () => {
    const dir = copy();
    const pruned = cli(dir, 'prune', '--batch', '100');
    expect(pruned.stderr).toBe('');
    expect(pruned.stdout).toContain('pruned 300 entries');
    expect(pruned.stdout).toContain('checkpoint at 300');
    const ok = cli(dir, 'verify');
    expect(ok.stdout).toMatch(/^audit log OK: \d+ entries from 301 to \d+ \(checkpoint: valid\)/);
    expect(ok.status).toBe(0);
    // Someone without the secret removes three more entries and moves the checkpoint over them.
    const forged = copy();
    fs.rmSync(forged, { recursive: true, force: true });
    fs.cpSync(dir, forged, { recursive: true });
    const ex = new KuzuExecutor(forged);
    try {
      const [row] = await ex.read('MATCH (a:AuditEntry) WHERE a.seq = 303 RETURN a.hash AS hash');
      await ex.write(async (tx) => {
        await tx.run('MATCH (a:AuditEntry) WHERE a.seq <= 303 DELETE a');
        await tx.run("MATCH (c:AuditCheckpoint {id: 'checkpoint'}) SET c.seq = 303, c.hash = $hash", { hash: String(row.hash) });
      });
    } finally {
      await ex.close();
    }
    const bad = cli(forged, 'verify');
    expect(bad.stdout).toContain('audit log BROKEN at sequence 303: the pruning checkpoint at 303 is not signed');
    expect(bad.status).toBe(1);
  }, 300_000);
});
