import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const dir = mkdtempSync(path.join(tmpdir(), 'hongtu-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HONGTU_DATA_DIR', () => {
  it('names the variable and says what to do when it points at a file', () => {
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => loadConfig({ HONGTU_DATA_DIR: file })).toThrow(/HONGTU_DATA_DIR points at a file, not a directory: .*not-a-dir\. Set it to a directory/);
  });

  it('accepts a directory that does not exist yet', () => {
    expect(loadConfig({ HONGTU_DATA_DIR: path.join(dir, 'new') }).dataDir).toBe(path.join(dir, 'new'));
  });
});
