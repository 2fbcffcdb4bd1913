/**
 * Finish the request's access records (who read whose personal data) after execution: write what
 * is left and wait for the writes begun during execution (server/audit/access-log.ts) — usually one
 * `appendAccess` call per request however many members were read. Fail closed: if any record
 * cannot be written, the data is withheld and the request gets UNAVAILABLE. Answers may carry
 * personal data, so no browser or proxy keeps a copy (`Cache-Control: no-store`: GET queries would
 * otherwise land in the disk cache of a shared campus PC).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppLogger } from '../app-deps';
import type { ApiContext } from './context';

export function useAccessAudit(log: AppLogger): Plugin<ApiContext> {
  return {
    onResponse: ({ request, response }) => {
      if (new URL(request.url).pathname === '/graphql' && !response.headers.has('cache-control')) {
        response.headers.set('cache-control', 'no-store');
      }
    },
    onExecute: ({ args }) => ({
      onExecuteDone: async ({ setResult }) => {
        const ctx = args.contextValue;
        try {
          await ctx.flushAudit();
        } catch (e) {
          log.error(`[${ctx.requestId}] could not append access records; withholding the result:`, e);
          setResult({
            data: null,
            errors: [new GraphQLError('Could not record this access; try again shortly', { extensions: { code: 'UNAVAILABLE' } })],
          });
        }
      },
    }),
  };
}
