/**
 * Rate limits, as token buckets (capacity = the limit, refilled evenly over the window), so every
 * refusal carries the exact time until the next request is allowed:
 * - per client address, checked in onRequest before the body is read or parsed;
 * - per signed-in account, checked just before execution (the viewer is known then);
 * - sign-in attempts (`signIn`, `completeSsoSignIn`, and the demo `login`) per address, strictest, counted once per
 *   root field so aliases do not multiply attempts for free.
 * A refusal is RATE_LIMITED with `extensions.retryAfter` (seconds) and a `Retry-After` header.
 *
 * Why not @envelop/rate-limiter: it counts per resolved field after parsing and validation (the
 * address limit must come before either), and its error does not say when to retry.
 */
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config';
import type { ApiContext } from './context';

/** One bucket per key; full buckets are forgotten when the map grows. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {
    this.perMs = capacity / windowMs;
  }

  /** Take `n` tokens for `key`: 0 when allowed, else the milliseconds until they would be. */
  take(key: string, now: number, n = 1): number {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      b = { tokens: this.capacity, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    if (n > this.capacity) return this.windowMs;
    if (b.tokens >= n) {
      b.tokens -= n;
      return 0;
    }
    return Math.ceil((n - b.tokens) / this.perMs);
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.capacity) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/** Root fields that are sign-in attempts. */
export const SIGN_IN_FIELDS = new Set(['signIn', 'login', 'completeSsoSignIn']);

/** The client's address: the socket's, or with `trustProxy` the last X-Forwarded-For entry (added by our proxy). */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = request.headers.get('x-forwarded-for');
    const last = fwd?.split(',').pop()?.trim();
    if (last) return last;
  }
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}

const retrySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function rateLimitError(what: string, waitMs: number): GraphQLError {
  const retryAfter = retrySeconds(waitMs);
  return new GraphQLError(`Too many ${what}; try again in ${retryAfter} s`, {
    // `http` sets the response's status and header; yoga leaves it out of the body.
    extensions: { code: 'RATE_LIMITED', retryAfter, http: { status: 429, headers: { 'retry-after': String(retryAfter) } } },
  });
}

/** Whether the request carries credentials (a bearer token or a cookie), so the account is worth resolving. */
const hasCredentials = (request: Request) => request.headers.has('authorization') || request.headers.has('cookie');

/** Count sign-in root fields of the operation (aliases included; fragments on Mutation are not allowed at root by clients, but are counted too). */
function signInAttempts(op: OperationDefinitionNode | undefined): number {
  if (op?.operation !== 'mutation') return 0;
  return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && SIGN_IN_FIELDS.has(s.name.value)).length;
}

export function useRateLimits(config: Readonly<Config>, now: () => number = Date.now): Plugin<ApiContext> {
  const min = 60_000;
  const perAddress = new TokenBuckets(config.rateLimit.perAddressPerMinute, min);
  const perAccount = new TokenBuckets(config.rateLimit.perAccountPerMinute, min);
  const signIn = new TokenBuckets(config.rateLimit.signInPerAddressPer5Min, 5 * min);
  const refuse = (err: GraphQLError) => ({ errors: [err] });
  return {
    onRequest: ({ request, url, serverContext, endResponse, fetchAPI }) => {
      if (url.pathname !== '/graphql') return;
      const wait = perAddress.take(clientAddress(request, serverContext, config.trustProxy), now());
      if (wait === 0) return;
      const err = rateLimitError('requests from this address', wait);
      const { http: _http, ...extensions } = err.extensions;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: err.message, extensions }] }), {
          status: 429,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(extensions.retryAfter) },
        }),
      );
    },
    onExecute: async ({ args, setResultAndStopExecution }) => {
      const ctx = args.contextValue;
      const op = args.document.definitions.find(
        (d: DocumentNode['definitions'][number]): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      const attempts = signInAttempts(op);
      if (attempts > 0) {
        const wait = signIn.take(clientAddress(ctx.request, ctx, config.trustProxy), now(), attempts);
        if (wait > 0) return setResultAndStopExecution(refuse(rateLimitError('sign-in attempts from this address', wait)));
      }
      if (!hasCredentials(ctx.request)) return;
      // The account is known once the credentials verify; the viewer's own rows are not waited for here,
      // so the resolvers' reads can start beside them.
      const cred = await ctx.credentials().catch(() => null);
      if (!cred) return;
      const wait = perAccount.take(cred.memberId, now());
      if (wait > 0) setResultAndStopExecution(refuse(rateLimitError('requests from this account', wait)));
    },
  };
}
