#!/usr/bin/env node
// The `hongtu` command: runs the TypeScript CLI through tsx so no build step is needed. Help pages
// (`hongtu`, `hongtu --help`, `hongtu <command> --help`) come from server/cli/help.json, so they print at
// once without starting TypeScript or loading the stores (`npm run cli-help` rewrites the file; a test
// checks it matches the commands).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const isHelp = (a) => a === '--help' || a === '-h';
const page =
  args.length === 0 || (args.length === 1 && (isHelp(args[0]) || args[0] === 'help'))
    ? ''
    : args.length === 2 && isHelp(args[1])
      ? args[0]
      : args.length === 2 && args[0] === 'help'
        ? args[1]
        : null;
if (page !== null) {
  const pages = JSON.parse(readFileSync(path.join(root, 'server', 'cli', 'help.json'), 'utf8'));
  if (pages[page] !== undefined) {
    process.stdout.write(pages[page]);
    // Like commander: `hongtu` alone shows help and exits 1 (nothing was asked), an explicit help exits 0.
    process.exit(args.length === 0 ? 1 : 0);
  }
}
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const r = spawnSync(tsx, [path.join(root, 'server', 'cli', 'main.ts'), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
