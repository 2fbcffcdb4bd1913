/**
 * The per-request GraphQL context: deps, a request id, fresh loaders, and the signed-in session,
 * resolved lazily so that `login`, `demoAccounts` and `health` work without a token.
 */
import { randomUUID } from 'node:crypto';
import type { YogaInitialContext } from 'graphql-yoga';
import type { AppDeps } from '../app-deps';
import { AccessLog } from '../audit/access-log';
import type { Session } from '../auth/session';
import { bearerToken, verifyToken } from '../auth/tokens';
import { loadViewer } from '../auth/viewer';
import { unauthenticated } from '../errors';
import { rulesFor } from '../rules/engine';
import { createLoaders, type Loaders } from './loaders';

export interface ApiContext extends YogaInitialContext {
  deps: AppDeps;
  requestId: string;
  loaders: Loaders;
  /** The signed-in session; UNAUTHENTICATED without a valid token. */
  session(): Promise<Session>;
  /**
   * Write this request's remaining access records and wait for all of them (those written early
   * too); rejects if any write failed. Called once after execution, before data leaves.
   */
  flushAudit(): Promise<void>;
  /**
   * Start reading members a resolver is about to check against the viewer — once the token is
   * verified, in the store call that reads the viewer's own record — then their branches
   * (organization names, readable by every signed-in viewer) in the call that reads the viewer's
   * branch, and with `history` their recent history alongside. Only warms this request's loaders:
   * a member or history reaches the client only through the services' scope check and access
   * log, as before. No-op without a valid token.
   */
  prefetchMembers(ids: readonly string[], opts?: { history?: boolean }): void;
}

/**
 * Build the context of one request. `verify` checks the bearer token (createApp passes one
 * verifier per app, which remembers tokens already verified until they expire).
 */
export function createContext(
  deps: AppDeps, request: Request, verify: (token: string) => Promise<string> = (t) => verifyToken(deps.config.jwtSecret, t),
): Omit<ApiContext, keyof YogaInitialContext> {
  const loaders = createLoaders(deps.store);
  const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const now = deps.now ?? Date.now;
  let pending: Promise<Session> | null = null;
  let audit: AccessLog | null = null;
  const token = bearerToken(request.headers.get('authorization'));
  let verified: Promise<string> | null = null;
  const verifyOnce = () => (verified ??= token ? verify(token) : Promise.reject(unauthenticated('Sign in first: send Authorization: Bearer <token>')));
  const session = () => {
    pending ??= (async () => {
      const memberId = await verifyOnce();
      const viewer = await loadViewer(memberId, {
        member: (id) => loaders.member.load(id),
        branch: (id) => loaders.branch.load(id),
        branchesOfCommittee: async (cid) => (await loaders.committeeBranches.load(cid)).map((b) => b.id),
      });
      audit = new AccessLog(viewer.memberId, now, { writeEarly: deps.store });
      const base = deps.logger ?? console;
      const log = {
        debug: (...a: unknown[]) => base.debug(`[${requestId}]`, ...a),
        info: (...a: unknown[]) => base.info(`[${requestId}]`, ...a),
        warn: (...a: unknown[]) => base.warn(`[${requestId}]`, ...a),
        error: (...a: unknown[]) => base.error(`[${requestId}]`, ...a),
      };
      return { viewer, store: deps.store, loaders, audit, now, log, rules: deps.rules ?? rulesFor(deps.store) };
    })();
    return pending;
  };
  const flushAudit = async () => {
    if (audit) await audit.flush(deps.store);
  };
  const prefetchMembers = (ids: readonly string[], opts: { history?: boolean } = {}) => {
    if (!token) return;
    // Registered after session()'s own wait for the token, so these loads join the viewer's batches.
    // A rejection (if any) reaches whoever loads the id next, through the loader's cache.
    verifyOnce().then(() => {
      for (const id of ids) {
        loaders.member.load(id).then((m) => m && loaders.branch.load(m.branchId)).catch(() => undefined);
        if (opts.history) loaders.history.load(id).catch(() => undefined);
      }
    }, () => undefined);
  };
  return { deps, requestId, loaders, session, flushAudit, prefetchMembers };
}
