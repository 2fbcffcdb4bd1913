import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpPages } from './program';

const root = path.resolve(import.meta.dirname, '../..');
const cached = JSON.parse(readFileSync(path.join(root, 'server/cli/help.json'), 'utf8')) as Record<string, string>;

describe('help pages printed without starting TypeScript', () => {
  it('match the commands exactly (run `npm run cli-help` after changing a command)', () => {
    expect(cached).toEqual(helpPages());
  });

  it('bin/hongtu.mjs prints them for --help, help <command> and <command> --help', () => {
    const run = (...args: string[]) => execFileSync(process.execPath, [path.join(root, 'bin/hongtu.mjs'), ...args], { encoding: 'utf8' });
    expect(run('--help')).toBe(cached['']);
    expect(run('seed', '--help')).toBe(cached.seed);
    expect(run('help', 'export')).toBe(cached.export);
    const bare = spawnSync(process.execPath, [path.join(root, 'bin/hongtu.mjs')], { encoding: 'utf8' });
    expect(bare.status).toBe(1);
    expect(bare.stdout).toBe(cached['']);
  });
});
