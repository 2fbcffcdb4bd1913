#!/usr/bin/env node
// `npm run dev`: the API (tsx watch server/main.ts on :4000, demo sign-in on) and the Vite dev server with
// /graphql proxied to it, together; Ctrl-C stops both.
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const api = process.env.PORT ?? '4000';
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], {
    stdio: 'inherit',
    env: { HONGTU_DEV_LOGIN: '1', ...process.env, PORT: api },
  }),
  spawn(bin('vite'), ['--config', 'client/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, HONGTU_API: `http://localhost:${api}` },
  }),
];

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
