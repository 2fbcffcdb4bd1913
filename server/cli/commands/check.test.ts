import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { runCheck } from './check';

const root = mkdtempSync(path.join(tmpdir(), 'hongtu-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hongtu check', () => {
  it('reports a fresh store and the schema as healthy', async () => {
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: path.join(root, 'kuzu') }));
    expect(r).toMatchObject({ backend: 'kuzu', schema: 'ok', problems: [] });
    expect(r.counts?.Member).toBe(0);
  });

  it('reports a store that cannot be opened, naming where it looked', async () => {
    const file = path.join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await runCheck(loadConfig({ HONGTU_DATA_DIR: path.join(file, 'kuzu') }));
    expect(r.backend).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(`Store (${path.join(file, 'kuzu')})`);
  });
});
