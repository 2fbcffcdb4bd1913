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

describe('HONGTU_AUDIT_RETENTION_DAYS', () => {
  it('defaults to the 180-day floor and accepts longer periods', () => {
    expect(loadConfig({}).audit.retentionDays).toBe(180);
    expect(loadConfig({ HONGTU_AUDIT_RETENTION_DAYS: '365' }).audit.retentionDays).toBe(365);
  });

  it('refuses a shorter period, naming the variable and the floor', () => {
    expect(() => loadConfig({ HONGTU_AUDIT_RETENTION_DAYS: '30' })).toThrow(
      'HONGTU_AUDIT_RETENTION_DAYS=30 is below the 180-day floor for security logs (MLPS level 2, 等保二级); set 180 or more, or leave it unset',
    );
    expect(() => loadConfig({ HONGTU_AUDIT_RETENTION_DAYS: 'half a year' })).toThrow(/must be a whole number of days \(180–36500\), got "half a year"/);
  });

  it('signs checkpoints with HONGTU_AUDIT_SECRET, else the JWT secret', () => {
    expect(loadConfig({ HONGTU_JWT_SECRET: 'j'.repeat(40) }).audit.secret).toBe('j'.repeat(40));
    expect(loadConfig({ HONGTU_JWT_SECRET: 'j'.repeat(40), HONGTU_AUDIT_SECRET: 'a'.repeat(40) }).audit.secret).toBe('a'.repeat(40));
  });
});
