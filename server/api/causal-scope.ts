/**
 * Runs each GraphQL execution in its request's causal scope (graph/causal.ts, created with the request's
 * context in server/api/context.ts). The scope starts under a key of the request's own and is re-keyed to
 * the member's key the moment the request's credentials verify, whatever they are (a browser session or
 * a personal access token, on any device): on a Neo4j cluster a member then reads their own writes
 * within the request and across all their consecutive requests to this server process, while other
 * callers' reads do not wait for them. Writes made before the re-key move with it (the store moves
 * their bookmarks), so the rest of the request and the member's next requests read them too.
 *
 * Before verification the caller is unknown: the read of the token or session itself runs after every
 * credential write of this process (CREDENTIALS_SCOPE; graph/neo4j/accounts.ts), so a credential issued
 * a moment ago at sign-in is found on any follower, and one not found there is read again on the leader.
 * A request without (valid) credentials keeps its own key: its reads wait for nobody else's writes, and
 * its bookmarks are dropped when it ends.
 */
import { randomUUID } from 'node:crypto';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { openCausalScope, type RekeyableScope, runInCausalScope } from '../../graph';
import type { ApiContext } from './context';

export { memberScopeKey } from '../../graph';

/** A new request's scope: a key of its own until its credentials verify. */
export const requestScope = (): RekeyableScope => openCausalScope(`request:${randomUUID()}`);

export function useCausalScope(): Plugin<ApiContext> {
  return {
    onExecute: ({ executeFn, setExecuteFn, args }) => {
      const scope = args.contextValue.causalScope;
      setExecuteFn((a) => runInCausalScope(scope, () => executeFn(a)));
      // A request whose caller never became known leaves no bookmarks behind among the members' (a bounded set).
      const release = () => scope.release();
      return { onExecuteDone: ({ result }) => (isAsyncIterable(result) ? { onEnd: release } : release()) };
    },
  };
}
