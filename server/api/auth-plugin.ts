/**
 * The HTTP side of sign-in: Set-Cookie headers queued by resolvers go onto the response; a request
 * that carries the session cookie must pass yoga's CSRF prevention with our header (bearer-token
 * requests are not sent by browsers on their own, so they need none); and the operation's type is
 * noted before execution, so read-only access tokens cannot run mutations.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { DefinitionNode, DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { CSRF_HEADER, readSessionCookie } from '../auth/cookies';
import type { ApiContext } from './context';

export function useAuthTransport(): Plugin<ApiContext> {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  const cookiesOf = new WeakMap<Request, string[]>();
  return {
    onRequestParse(payload) {
      const { request } = payload;
      if (!request.headers.has('authorization') && readSessionCookie(request) !== null) {
        return (csrf.onRequestParse as (p: typeof payload) => void)(payload);
      }
      return undefined;
    },
    onContextBuilding: ({ context }) => {
      if (context.request && context.cookies) cookiesOf.set(context.request, context.cookies);
    },
    onExecute: ({ args }) => {
      const op = (args.document as DocumentNode).definitions.find(
        (d: DefinitionNode) => d.kind === 'OperationDefinition' && (!args.operationName || d.name?.value === args.operationName),
      );
      if (op && op.kind === 'OperationDefinition' && op.operation === 'mutation') args.contextValue.markMutation();
    },
    onResponse: ({ request, response }) => {
      for (const c of cookiesOf.get(request) ?? []) response.headers.append('set-cookie', c);
    },
  };
}
