/**
 * Runs each GraphQL execution in a causal scope (graph/causal.ts) named after the caller's credentials:
 * a hash of the Authorization header, else of the Cookie header, else the request id. On a Neo4j
 * cluster the store then gives each caller read-your-writes within the request and across their
 * consecutive requests to this server process, while other callers' reads do not wait for them.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { withCausalScope } from '../../graph';
import type { ApiContext } from './context';

/** The scope key of a request: the same credentials give the same key; no credentials, a key of its own. */
export function causalKey(request: Request, requestId: string): string {
  const credential = request.headers.get('authorization') ?? request.headers.get('cookie');
  if (!credential) return `request:${requestId}`;
  return `caller:${createHash('sha256').update(credential).digest('base64url').slice(0, 22)}`;
}

export function useCausalScope(): Plugin<ApiContext> {
  return {
    onExecute: ({ executeFn, setExecuteFn, args }) => {
      const key = causalKey(args.contextValue.request, args.contextValue.requestId);
      setExecuteFn((a) => withCausalScope(key, () => executeFn(a)));
    },
  };
}
