/**
 * The composition root of a running server: open the store, load the demo on first start, build the
 * learning services, and listen — what `server/main.ts` and `hongtu serve` both do. If the store
 * cannot be reached at start the server still listens (/ready says why, requests get UNAVAILABLE)
 * and keeps retrying until it can.
 */
import { createServer, type Server } from 'node:http';
import { createLogger } from 'graphql-yoga';
import { openStore } from '../graph';
import type { GraphStore } from '../graph';
import { createApp } from './app';
import type { AppDeps, AppLogger, LearningDeps } from './app-deps';
import { loadAffairsDeps } from './affairs/instance-keys';
import type { Config } from './config';
import { loadMasteryParams, masteryParamsPath } from './learning/model/params-file';
import { createLearnerServices } from './learning/learner-services';
import { createTextServices } from './learning/text-services';
import { OidcSignIn } from './auth/oidc';
import { assertInitialised, assertStoreUsable, StartupError } from './startup';
import { createWritePath } from './write-path/index';
import { startAuditRetention } from './audit/retention-timer';

const RETRY_MS = 5000;

export interface RunningServer {
  server: Server;
  store: GraphStore;
  url: string;
  close(): Promise<void>;
}

/** First start: generate (or reuse) and bulk-load the demo world when the store is empty. */
async function loadDemoIfEmpty(store: GraphStore, config: Readonly<Config>, log: AppLogger): Promise<boolean> {
  if (!config.seedDemo) return false;
  const { ensureDemoData, bulkDirFor } = await import('../seeds/generator/index');
  const t0 = Date.now();
  const r = await ensureDemoData(store, { dir: bulkDirFor('demo', config.dataDir) });
  if (r.loaded) {
    const rows = Object.values(r.counts ?? {}).reduce((a, b) => a + b, 0);
    log.info(`Demo data loaded (first start): ${rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return r.loaded;
}

/** Start everything; `extra` overrides deps (tests, bench). */
export async function startServer(config: Readonly<Config>, extra: Partial<AppDeps> = {}): Promise<RunningServer> {
  const log: AppLogger = extra.logger ?? createLogger(config.logLevel);
  for (const note of assertStoreUsable(config)) log.warn(note);
  const plain = await openStore(config);
  // Learning events and access records are group-committed; mastery and gaps follow from the outbox
  // (server/write-path), so no event hooks run in the request.
  const params = loadMasteryParams(masteryParamsPath(config.dataDir));
  const writePath = createWritePath(plain, (s) => createLearnerServices(s, params, log), { log });
  const { store, learner } = writePath;
  const text = await createTextServices(config, store, log);
  const learning: LearningDeps = {
    tagger: text.tagger,
    search: text.search,
    embedder: text.info,
    learner,
    ...extra.learning,
  };
  let stopped = false;
  let refused: StartupError | null = null;
  const prepare = async (): Promise<boolean> => {
    try {
      await store.init();
      await assertInitialised(config, () => store.isEmpty());
      if (await loadDemoIfEmpty(store, config, log)) {
        // A bulk load brings events without their derived state: build mastery, gaps and the learning
        // summaries once now, so the first screens read maintained figures instead of computing them.
        const t0 = Date.now();
        const n = await writePath.worker.summaries.rebuild();
        log.info(`Learning summaries built for ${n} members in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      // The curriculum view every learning read starts from, loaded before the first request needs it.
      await learner.curriculum.get();
      // Every branch's figures that recommendations read (meeting topics, popularity, similar members), in
      // the background, so a member's first read does not wait for their branch's.
      const tb = Date.now();
      void store
        .listBranches()
        .then((bs) =>
          learner.branches.warm(
            bs.map((b) => b.id),
            Date.now(),
          ),
        )
        .then(
          (n) => log.info(`Branch learning figures read for ${n} branches in ${((Date.now() - tb) / 1000).toFixed(1)} s`),
          (e: unknown) => log.warn(`branch learning figures not read ahead (read on first use): ${e instanceof Error ? e.message : String(e)}`),
        );
      void text.syncEmbeddings();
      writePath.worker.kick(); // entries left by a previous run (a crash) are applied first
      // Rows from an earlier day, or of members changed while the server was down, in the background.
      const t1 = Date.now();
      void writePath.worker.summaries.refresh().then(
        (n) => log.info(`Learning summaries up to date (${n} members refreshed in ${((Date.now() - t1) / 1000).toFixed(1)} s)`),
        (e: unknown) => log.warn(`learning summaries refresh failed: ${e instanceof Error ? e.message : String(e)}`),
      );
      return true;
    } catch (e) {
      if (e instanceof StartupError) {
        refused = e;
        return false;
      }
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
  if (!(await prepare())) {
    if (refused) {
      await store.close().catch(() => undefined);
      throw refused;
    }
    void retry();
  }
  const affairs = extra.affairs ?? (await loadAffairsDeps(config, log));
  // Campus sign-on: the provider's metadata is fetched now so a wrong issuer shows in the log at start; a
  // provider that is down does not stop the server (each sign-on tries again and says so).
  const oidc =
    extra.oidc !== undefined
      ? extra.oidc
      : config.auth.oidc
        ? new OidcSignIn(config.auth.oidc, { store, auth: config.auth, secret: config.jwtSecret, now: extra.now ?? Date.now, log })
        : null;
  if (oidc) {
    void oidc.configuration().then(
      () => log.info(`Campus single sign-on: provider ${oidc.cfg.issuer} discovered`),
      (e: Error) => log.warn(`Campus single sign-on: ${e.message}; sign-ons will try again`),
    );
  }
  const app = createApp({ config, store, logger: log, ...extra, learning, affairs, oidc });
  const server = createServer(app);
  const retention = startAuditRetention(store, config.audit, log);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log.info(`Hongtu on ${url} — GraphQL at ${url}/graphql${config.graphiql ? ' (GraphiQL)' : ''}, client at ${url}/`);
  const close = async () => {
    stopped = true;
    await retention.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await writePath.close();
    await plain.close();
  };
  return { server, store, url, close };
}
