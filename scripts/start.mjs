#!/usr/bin/env node
// `npm start`: build the client when it is missing or older than its sources, then serve
// GraphQL + client on the embedded store (server/main.ts loads the demo data on first start).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'client/dist/index.html';
const stale = !existsSync(built) || (existsSync('client/src') && newestMtime('client/src') > statSync(built).mtimeMs);
if (stale) {
  console.log('Building the client…');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const env = { HONGTU_DEV_LOGIN: '1', ...process.env };
const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['server/main.ts'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
