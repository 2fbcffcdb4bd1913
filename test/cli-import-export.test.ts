/** `hongtu import` / `hongtu export` on real Kuzu stores in temp directories. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBulkDir } from '../graph/contract/bulk-fixture';
import { KuzuStore } from '../graph/kuzu/kuzu-store';
import { runExport } from '../server/cli/commands/export';
import { runImport } from '../server/cli/commands/import';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-cli-io-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('hongtu import / export', () => {
  it('checks every row first: bad rows are reported by file, line and field, and nothing is loaded', async () => {
    const bulk = path.join(tmp, 'bulk-bad');
    writeBulkDir(bulk);
    const members = path.join(bulk, 'Member.csv');
    fs.writeFileSync(members, fs.readFileSync(members, 'utf8').replace('CANDIDATE', 'GOD_MODE'));
    fs.appendFileSync(path.join(bulk, 'Topic.csv'), 'history,党史\n');
    const s = new KuzuStore({ dir: path.join(tmp, 'bad') });
    try {
      const err = await runImport(s, bulk).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err?.code).toBe('BAD_USER_INPUT');
      expect(err?.message).toContain('Nothing was loaded');
      expect(err?.message).toContain('Member.csv:3:stage: "GOD_MODE" is not one of APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY, FULL');
      expect(err?.message).toMatch(/Topic\.csv:\d+: 2 columns, expected 4/);
      expect(await s.isEmpty()).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('imports into an empty store, refuses a non-empty one, and exports what import reads back', async () => {
    const bulk = path.join(tmp, 'bulk');
    writeBulkDir(bulk);
    const a = new KuzuStore({ dir: path.join(tmp, 'a') });
    try {
      const r = await runImport(a, bulk);
      expect(r.counts).toMatchObject({ Member: 2, STUDIED: 2, ANSWERED: 2 });
      expect(r.rows).toBe(Object.values(r.counts).reduce((s, n) => s + n, 0));
      await expect(runImport(a, bulk)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already holds data \(2 members\)/) });
      await expect(runImport(a, path.join(tmp, 'nope'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

      // By default personal identifiers are masked as the API masks them.
      const masked = path.join(tmp, 'masked');
      const counts = await runExport(a, masked);
      expect(counts).toMatchObject({ Member: 2, BELONGS_TO: 2, ATTENDED: 2 });
      const memberCsv = fs.readFileSync(path.join(masked, 'Member.csv'), 'utf8');
      expect(memberCsv).toContain('137****0000');
      expect(memberCsv).not.toContain('13700000000');
      expect(memberCsv).toContain('导入 甲');
      expect(await a.listAccess({ viewerId: 'cli', limit: 10 })).toEqual([]);

      // In full only when asked, and then recorded in the access log.
      const out = path.join(tmp, 'out');
      expect(await runExport(a, out, { includePersonalData: true })).toEqual(counts);
      expect(fs.readFileSync(path.join(out, 'Member.csv'), 'utf8')).toContain('13700000000');
      expect(await a.listAccess({ viewerId: 'cli', limit: 10 })).toMatchObject([{ action: 'EXPORT_PERSONAL_DATA', targetKind: 'Member', targetId: '*' }]);
      await expect(runExport(a, out)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/--force/) });
      expect(await runExport(a, out, { force: true, includePersonalData: true })).toEqual(counts);

      const b = new KuzuStore({ dir: path.join(tmp, 'b') });
      try {
        await runImport(b, out);
        expect(await b.getMembersByIds(['m-91', 'm-92'])).toEqual(await a.getMembersByIds(['m-91', 'm-92']));
        expect(await b.getMemberHistory('m-91', { limit: 10 })).toEqual(await a.getMemberHistory('m-91', { limit: 10 }));
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
  });
});
