/**
 * Open the store, load the demo on first start, and listen: what `server/main.ts` and
 * `hongtu serve` both do. If the store cannot be reached at start the server still listens
 * (/ready says why, requests get UNAVAILABLE) and keeps retrying until it can.
 */
import { createServer, type Server } from 'node:http';
import { createLogger } from 'graphql-yoga';
import { openStore } from '../graph/open-store';
import type { GraphStore } from '../graph/store';
import { createApp } from './app';
import type { AppDeps, AppLogger } from './app-deps';
import type { Config } from './config';
import { ensureDemoData } from './demo-data';

const RETRY_MS = 5000;

export interface RunningServer { server: Server; store: GraphStore; url: string; close(): Promise<void> }

/** Start everything; `extra` lets callers add optional services (e.g. the learning issue's). */
export async function startServer(config: Readonly<Config>, extra: Partial<AppDeps> = {}): Promise<RunningServer> {
  const log: AppLogger = extra.logger ?? createLogger(config.logLevel);
  const store = await openStore(config);
  let stopped = false;
  const prepare = async (): Promise<boolean> => {
    try {
      await store.init();
      await ensureDemoData(store, config, log);
      return true;
    } catch (e) {
      log.error(`Store not ready (${e instanceof Error ? e.message : String(e)}); retrying every ${RETRY_MS / 1000} s`);
      return false;
    }
  };
  const retry = async (): Promise<void> => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, RETRY_MS).unref());
      if (!stopped && (await prepare())) return;
    }
  };
  if (!(await prepare())) void retry();
  const app = createApp({ config, store, logger: log, ...extra });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log.info(`Hongtu on ${url} — GraphQL at ${url}/graphql${config.graphiql ? ' (GraphiQL)' : ''}, client at ${url}/`);
  const close = async () => {
    stopped = true;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  };
  return { server, store, url, close };
}
