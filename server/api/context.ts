/**
 * The per-request GraphQL context: deps, a request id, fresh loaders, and the signed-in session,
 * resolved lazily so that `signIn`, `login`, `demoAccounts` and `health` work without credentials.
 *
 * Credentials, in order: `Authorization: Bearer` with a personal access token (`htpat_…`), or —
 * only while the demo login is on, never in production — a demo JWT; otherwise the session cookie,
 * which counts only with the CSRF header (server/auth/cookies.ts).
 */
import { randomUUID } from 'node:crypto';
import type { YogaInitialContext } from 'graphql-yoga';
import type { AppDeps } from '../app-deps';
import { AccessLog } from '../audit/access-log';
import type { AccessToken, AuthSession, GraphStore, RekeyableScope } from '../../graph';
import { isAccessToken, verifyAccessTokenOnce } from '../auth/access-tokens';
import { resolveSession, rotateSession } from '../auth/browser-sessions';
import { SignInThrottle } from '../auth/lockout';
import { clearSessionCookie, CSRF_HEADER, isSecureRequest, readSessionCookie, sessionCookie } from '../auth/cookies';
import type { Session } from '../auth/session';
import { bearerToken, verifyToken } from '../auth/tokens';
import { authCacheFor, type ViewerRows } from '../auth/auth-cache';
import { loadViewer, type Viewer } from '../auth/viewer';
import { forbidden, unauthenticated } from '../errors';
import { rulesFor } from '../rules/engine';
import { memberScopeKey, requestScope } from './causal-scope';
import { createLoaders, type Loaders } from './loaders';

/** How this request proved who it is. */
export type Credentials =
  | { kind: 'session'; memberId: string; session: AuthSession }
  | { kind: 'token'; memberId: string; token: AccessToken }
  | { kind: 'demo-token'; memberId: string };

export interface ApiContext extends YogaInitialContext {
  deps: AppDeps;
  requestId: string;
  loaders: Loaders;
  /**
   * The request's causal scope (server/api/causal-scope.ts): a key of its own, re-keyed to the member's
   * key as soon as the credentials verify.
   */
  causalScope: RekeyableScope;
  /** The signed-in session; UNAUTHENTICATED without valid credentials. */
  session(): Promise<Session>;
  /** The request's credentials (checked once); UNAUTHENTICATED without valid ones. */
  credentials(): Promise<Credentials>;
  /** Queue a Set-Cookie header for the response. */
  setCookie(header: string): void;
  /** Set-Cookie headers queued by resolvers (written by server/api/auth-plugin.ts). */
  readonly cookies: string[];
  /** Whether the request came over TLS (decides the cookie's Secure flag). */
  secure: boolean;
  /** Called before execution when the operation is a mutation (read-only tokens may not run one). */
  markMutation(): void;
  /** One per app: lockout and per-name serialisation of password sign-in. */
  signInThrottle: SignInThrottle;
  /**
   * Write this request's remaining access records and wait for all of them (those written early
   * too); rejects if any write failed. Called once after execution, before data leaves.
   */
  flushAudit(): Promise<void>;
  /** Members whose data a mutation's answer carries (server/api/mutation-reads.ts); recorded as reads. */
  readonly mutationReads: Set<string>;
  /**
   * Who to name in the audit log for this request: the member of valid credentials, or '' for a
   * caller without them. Never throws.
   */
  auditViewerId(): Promise<string>;
  /**
   * Start reading members a resolver is about to check against the viewer — once the token is
   * verified, in the store call that reads the viewer's own record — then their branches
   * (organization names, readable by every signed-in viewer) in the call that reads the viewer's
   * branch, and with `history` their recent history alongside. Only warms this request's loaders:
   * a member or history reaches the client only through the services' scope check and access
   * log, as before. No-op without a valid token.
   */
  prefetchMembers(ids: readonly string[], opts?: { history?: boolean }): void;
  /**
   * `start()` once the caller's credentials verify (alongside the reads of the viewer's own rows), for
   * store reads a resolver knows it will need; null without credentials, when they do not verify, or
   * when `start` throws. What it starts belongs to this request alone and may be used only after the
   * resolver's scope check has passed.
   */
  whenVerified<T>(start: () => T): Promise<T | null>;
  /**
   * Whether the caller is a developer allowed to explore the schema (introspection, "Did you
   * mean" hints) when config.introspection is off. Absent: nobody is (server/api/security.ts).
   */
  developerAccess?(): Promise<boolean>;
}

/**
 * Build the context of one request. `verify` checks the bearer token (createApp passes one
 * verifier per app, which remembers tokens already verified until they expire).
 */
export function createContext(
  deps: AppDeps,
  request: Request,
  verify: (token: string) => Promise<string> = (t) => verifyToken(deps.config.jwtSecret, t),
  signInThrottle: SignInThrottle = new SignInThrottle(),
): Omit<ApiContext, keyof YogaInitialContext> {
  const loaders = createLoaders(deps.store);
  const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const now = deps.now ?? Date.now;
  let pending: Promise<Session> | null = null;
  let audit: AccessLog | null = null;
  const { config, store } = deps;
  const cookies: string[] = [];
  const secure = isSecureRequest(request, config.auth.cookieSecure);
  const token = bearerToken(request.headers.get('authorization'));
  const cookie = token ? null : readSessionCookie(request);
  const hasCredentials = token !== null || cookie !== null;
  const checkCredentials = async (): Promise<Credentials> => {
    if (token) {
      if (isAccessToken(token)) {
        const t = await verifyAccessTokenOnce(store, request, token, now());
        return { kind: 'token', memberId: t.memberId, token: t };
      }
      // Demo JWTs: only while the demo login is on (never in production).
      if (!config.devLogin) throw unauthenticated('Invalid access token; send a personal access token (htpat_…) or sign in');
      return { kind: 'demo-token', memberId: await verify(token) };
    }
    if (cookie) {
      if (!request.headers.has(CSRF_HEADER)) {
        throw forbidden(`Requests signed in with the session cookie must carry the ${CSRF_HEADER} header`);
      }
      try {
        const s = await resolveSession(store, config.auth, cookie, now());
        return { kind: 'session', memberId: s.memberId, session: s };
      } catch (e) {
        // A cookie whose session no longer counts is cleared, so the browser stops sending it.
        cookies.push(clearSessionCookie(secure));
        throw e;
      }
    }
    throw unauthenticated('Sign in first: use the sign-in page, or send Authorization: Bearer <personal access token>');
  };
  const causalScope = requestScope();
  let checked: Promise<Credentials> | null = null;
  // Re-keyed before anyone waiting for the credentials goes on, so their store calls are the member's.
  const credentials = () =>
    (checked ??= checkCredentials().then((c) => {
      causalScope.rekey(memberScopeKey(c.memberId));
      return c;
    }));
  const verifyOnce = () => credentials().then((c) => c.memberId);
  let isMutation = false;
  const ctx = {
    deps,
    requestId,
    loaders,
    causalScope,
    cookies,
    secure,
    signInThrottle,
  } as Omit<ApiContext, keyof YogaInitialContext>;
  const session = async (): Promise<Session> => {
    const s = await signedIn();
    // Checked at every call, not once: a plugin may ask for the session before the operation is known.
    const cred = await credentials();
    if (cred.kind === 'token' && cred.token.scope === 'READ' && isMutation) {
      throw forbidden(`Access token "${cred.token.name}" is read-only; create a READ_WRITE token to make changes`);
    }
    return s;
  };
  const signedIn = () => {
    pending ??= (async () => {
      const cred = await credentials();
      const memberId = cred.memberId;
      const viewer = await cachedViewer(memberId, store, loaders);
      if (cred.kind === 'session' && cred.session.role !== viewer.role) {
        // A change of role (privilege) gets a new session id; the old one stops working.
        const next = await rotateSession(store, config.auth, cred.session, viewer.role, request.headers.get('user-agent'), now());
        cookies.push(sessionCookie(next.cookieValue, secure, next.record.expiresAt - now()));
      }
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
    if (!hasCredentials) return;
    // Registered after session()'s own wait for the token, so these loads join the viewer's batches.
    // A rejection (if any) reaches whoever loads the id next, through the loader's cache.
    verifyOnce().then(
      () => {
        for (const id of ids) {
          loaders.member
            .load(id)
            .then((m) => m && loaders.branch.load(m.branchId))
            .catch(() => undefined);
          if (opts.history) loaders.history.load(id).catch(() => undefined);
        }
      },
      () => undefined,
    );
  };
  // `start` runs one macrotask after the credentials verify: by then the viewer's own row reads (started in
  // the same microtask burst, dispatched by the loaders at the end of it) hold their read connections, so
  // the reads the resolver's scope check waits for are not queued behind the resolver's early reads.
  const whenVerified = <T>(start: () => T): Promise<T | null> =>
    hasCredentials
      ? verifyOnce()
          .then(
            () =>
              new Promise<T>((resolve, reject) =>
                setImmediate(() => {
                  try {
                    resolve(start());
                  } catch (e) {
                    reject(e);
                  }
                }),
              ),
            () => null,
          )
          .catch(() => null)
      : Promise.resolve(null);
  return Object.assign(ctx, {
    session,
    credentials,
    flushAudit,
    prefetchMembers,
    whenVerified,
    setCookie: (header: string) => {
      cookies.push(header);
    },
    mutationReads: new Set<string>(),
    auditViewerId: () => (hasCredentials ? verifyOnce().catch(() => '') : Promise.resolve('')),
    markMutation: () => {
      isMutation = true;
    },
    // Personal access tokens created with `introspect` may explore the schema (server/api/security.ts).
    developerAccess: async () => {
      const c = await credentials();
      return c.kind === 'token' && c.token.introspect;
    },
  });
}

/**
 * The viewer of `memberId`, from the rows the process keeps (server/auth/auth-cache.ts: emptied by every
 * write that could change them) or read through this request's loaders. Either way the request's
 * loaders then hold the viewer's member and branch rows, so a resolver asking for them reads nothing.
 */
async function cachedViewer(memberId: string, store: GraphStore, loaders: Loaders): Promise<Viewer> {
  const rows = await authCacheFor(store).viewerRows(memberId, async (): Promise<ViewerRows | null> => {
    const member = await loaders.member.load(memberId);
    if (!member) return null;
    const branch = await loaders.branch.load(member.branchId);
    const committeeBranches = member.role === 'COMMITTEE_ADMIN' ? (await loaders.committeeBranches.load(branch?.committeeId ?? '')).map((b) => Object.freeze({ ...b })) : null;
    return { member: Object.freeze({ ...member }), branch: branch && Object.freeze({ ...branch }), committeeBranches };
  });
  if (rows) {
    loaders.member.prime(rows.member.id, rows.member);
    if (rows.branch) loaders.branch.prime(rows.branch.id, rows.branch);
    if (rows.committeeBranches && rows.branch) loaders.committeeBranches.prime(rows.branch.committeeId, rows.committeeBranches.slice());
  }
  return loadViewer(memberId, {
    member: async () => rows?.member ?? null,
    branch: async () => rows?.branch ?? null,
    branchesOfCommittee: async () => (rows?.committeeBranches ?? []).map((b) => b.id),
  });
}
