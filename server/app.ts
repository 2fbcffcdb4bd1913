/**
 * createApp(deps) → the yoga instance (a fetch-style handler usable by node:http). No listen here:
 * server/main.ts and `hongtu serve` listen; tests and the bench call it in-process.
 *   /graphql  the API (GraphiQL when config.graphiql)
 *   /health   liveness (200 while the process runs)
 *   /ready    readiness: the store answers (503 + JSON reasons otherwise)
 *   /calendar/<personal access token>.ics  the owner's work queue as an iCalendar feed
 *   /.well-known/jwks.json  the public key that signs portable learning profiles (404 without one)
 *   /auth/oidc/start, /auth/oidc/callback  campus single sign-on (404 when not configured)
 *   /         the built client with SPA fallback, when config.clientDir exists
 */
import { createLogger, createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { AppDeps, AppLogger } from './app-deps';
import { useJwks } from './affairs/jwks-plugin';
import { useAccessAudit } from './api/audit-plugin';
import { auditMutationReads } from './api/mutation-reads';
import { type ApiContext, createContext } from './api/context';
import { useCausalScope } from './api/causal-scope';
import { useAppErrors } from './api/errors-plugin';
import { renderOfflineGraphiQL, useOfflineGraphiQL } from './api/graphiql-offline';
import { useQueryLimits } from './api/limits';
import { useRequestLimits } from './api/limits-request';
import { usePersistedOnly } from './api/persisted-operations';
import { useSchemaPrivacy, useSecurityHeaders } from './api/security';
import { useRateLimits } from './api/security-rate-limit';
import { checkReadiness } from './api/readiness';
import { buildSchema } from './api/schema';
import { useStaticClient } from './api/static-client';
import { SignInThrottle } from './auth/lockout';
import { OidcSignIn } from './auth/oidc';
import { useOidcRoutes } from './auth/oidc-routes';
import { configurePasswordHashing } from './auth/passwords';
import { createTokenVerifier } from './auth/token-verifier';
import { authCacheFor } from './auth/auth-cache';
import { useAuthTransport } from './api/auth-plugin';
import { CSRF_HEADER } from './auth/cookies';
import { RulesEngine } from './rules/engine';
import { requirementsFromRules } from './learning/requirements';
import { calendarFeed, FEED_PATH } from './rules/ics-feed';

export type App = YogaServerInstance<Record<string, unknown>, ApiContext>;

export function createApp(deps: AppDeps): App {
  const { config } = deps;
  const logger: AppLogger = deps.logger ?? createLogger(config.logLevel);
  const schema = auditMutationReads(buildSchema(config));
  const verify = createTokenVerifier(config.jwtSecret);
  // Tokens, sessions and viewers read for one request serve the next ones until a write could change them.
  authCacheFor(deps.store, { ttlMs: config.auth.cacheMs });
  const throttle = new SignInThrottle();
  configurePasswordHashing(config.passwordHashing);
  // The catalogue is checked here, so a bad rule stops the server at start with the rule id and field.
  const rules = deps.rules ?? new RulesEngine({ store: deps.store });
  // Stage requirements are rules of the catalogue: the learner services read them, overrides applied.
  deps.learning?.learner?.readRequirementsFrom(requirementsFromRules(rules));
  const now = deps.now ?? Date.now;
  const oidc =
    deps.oidc !== undefined
      ? deps.oidc
      : config.auth.oidc
        ? new OidcSignIn(config.auth.oidc, { store: deps.store, auth: config.auth, secret: config.jwtSecret, now, log: logger })
        : null;
  const contextDeps: AppDeps = { ...deps, rules, logger, oidc };
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // The client is served from this origin (and `npm run dev` proxies), so no cross-origin access.
    cors: false,
    healthCheckEndpoint: '/health',
    landingPage: false,
    // GraphiQL sends the CSRF header, so it works with the browser's session cookie.
    graphiql: config.graphiql ? { title: '红图 Hongtu GraphQL', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) } : false,
    // GraphiQL's page and files come from this server (no CDN), so it works without the internet.
    renderGraphiQL: renderOfflineGraphiQL,
    logging: logger,
    maskedErrors: true,
    // The body limit is useRequestLimits' (server/api/limits-request.ts: 413 on a declared length past
    // config.limits.maxBodyBytes, chunked bodies counted as read). Yoga's own would pipe every body
    // through a TransformStream, a cost per request for a check already made.
    maxRequestBodySize: false,
    // Envelop assigns what this returns onto the request's initial context (no copy of it needed here).
    context: (initial) => createContext(contextDeps, initial.request, verify, throttle) as ApiContext,
    plugins: [
      useSecurityHeaders(),
      useRateLimits(config),
      useOidcRoutes(config, oidc, now),
      {
        onRequest: async ({ request, url, endResponse, fetchAPI }) => {
          const feed = FEED_PATH.exec(url.pathname);
          if (!feed || request.method !== 'GET') return;
          const r = await calendarFeed({ store: deps.store, rules, now: deps.now ?? Date.now }, feed[1]);
          endResponse(
            new fetchAPI.Response(r.body, {
              status: r.status,
              headers: {
                'content-type': r.status === 200 ? 'text/calendar; charset=utf-8' : 'text/plain; charset=utf-8',
                'cache-control': 'private, no-store',
                'referrer-policy': 'no-referrer',
              },
            }),
          );
        },
      },
      {
        onRequest: async ({ url, endResponse, fetchAPI }) => {
          if (url.pathname !== '/ready') return;
          const r = await checkReadiness(deps.store, deps.learning?.embedder ?? null);
          endResponse(
            new fetchAPI.Response(JSON.stringify(r.body), {
              status: r.status,
              headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            }),
          );
        },
      },
      useJwks(deps.affairs?.keys),
      ...(config.graphiql ? [useOfflineGraphiQL()] : []),
      useStaticClient(config.clientDir),
      useAuthTransport(),
      usePersistedOnly({ config, store: deps.store, now: deps.now }),
      ...useRequestLimits(config.limits),
      useQueryLimits({ maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost }),
      useSchemaPrivacy(config),
      useAppErrors(logger),
      useCausalScope(),
      useAccessAudit(logger, deps.store, deps.now),
    ],
  });
}
