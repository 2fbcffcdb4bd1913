#!/usr/bin/env node
// `npm test`: everything the test run needs on a fresh machine, then the whole suite.
// 1. Debian's chromium for the browser tests (installed with apt-get when missing; never downloaded by a test tool).
// 2. Lint (Biome, `npm run lint`).  3. Type check.  4. Build the client (the browser tests drive the built bundle).
// 5. vitest.  6. A representative part of the suite on the other current Node LTS lines (scripts/node-lines.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    console.error("Browser tests need Debian's chromium: run `sudo apt-get install -y chromium fonts-noto-cjk`.");
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

ensureChromium();
run('npm', ['run', 'lint']);
run('npx', ['tsc', '-p', 'tsconfig.json']);
run('npm', ['run', 'build']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
// Only for the whole suite: a run of chosen files is someone working on those files.
if (process.argv.length <= 2) run(process.execPath, ['scripts/node-lines.mjs']);
