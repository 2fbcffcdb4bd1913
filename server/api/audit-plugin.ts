/**
 * Finish the request's audit entries after execution, before data leaves:
 * - the access records its services noted (who read whose personal data; server/audit/access-log.ts),
 *   written early or now, usually in one `appendAccess` call however many members were read;
 * - members whose data a mutation's answer carries, as reads (./mutation-reads.ts);
 * - a WRITE entry per mutation field and a DENIED entry per refused query field (server/audit/request-trail.ts),
 *   except the WRITE entry of a learning event that ended without an error: that entry was committed in the
 *   event's own transaction (server/audit/write-entry.ts), and the event was acknowledged only with it;
 * - a DENIED entry for a request refused before execution (a document of its own from a caller who may
 *   only send the client's persisted operations, an unknown persisted operation): field `Request`, no
 *   viewer (the caller was not identified), the code.
 * All of it goes through the store's group commit into the hash-chained log. Reads fail closed: if one
 * cannot be written, the data is withheld and the request gets UNAVAILABLE. A WRITE or DENIED entry that
 * cannot be written does not change the answer (the write has happened; withholding its result would
 * only make the client repeat it): the entry goes to the server log at error level instead. Answers may carry personal
 * data, so no browser or proxy keeps a copy (`Cache-Control: no-store`: GET queries would otherwise land
 * in the disk cache of a shared campus PC).
 */
import { type ExecutionArgs, type ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import type { AccessRecord, GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import { DENIED_CODES, requestTrail } from '../audit/request-trail';
import { committedWriteKeys } from '../audit/write-entry';
import type { ApiContext } from './context';

async function trailOf(args: ExecutionArgs & { contextValue: ApiContext }, result: ExecutionResult): Promise<AccessRecord[]> {
  const ctx = args.contextValue;
  const operation = getOperationAST(args.document, args.operationName ?? undefined);
  if (!operation) return [];
  const errors = result.errors ?? [];
  const denied = errors.some((e) => DENIED_CODES.has(String(e.extensions?.code)));
  if (operation.operation !== 'mutation' && !denied) return [];
  const viewerId = await ctx.auditViewerId();
  if (viewerId && ctx.mutationReads.size) {
    const s = await ctx.session().catch(() => null);
    // Reading one's own data is not recorded (it would add an entry to every answer a member records).
    if (s) for (const id of ctx.mutationReads) if (id !== viewerId) s.audit.note('READ_MEMBER', 'Member', id);
  }
  return requestTrail({
    schema: args.schema,
    document: args.document,
    operation,
    variables: args.variableValues,
    errors,
    viewerId,
    at: (ctx.deps.now ?? Date.now)(),
    committedWrites: committedWriteKeys(ctx),
  });
}

/** The codes of a result refused before execution (no path: nothing ran), if it is a denial. */
function refusedCodes(result: unknown): string[] {
  if (!result || typeof result !== 'object' || Array.isArray(result) || Symbol.asyncIterator in result) return [];
  const errors = (result as ExecutionResult).errors ?? [];
  return errors
    .filter((e) => !e.path)
    .map((e) => String(e.extensions?.code ?? ''))
    .filter((c) => DENIED_CODES.has(c));
}

export function useAccessAudit(log: AppLogger, store?: Pick<GraphStore, 'appendAccess'>, now: () => number = Date.now): Plugin<ApiContext> {
  const executed = new WeakSet<Request>();
  return {
    onResultProcess: async ({ request, result }) => {
      if (!store || executed.has(request)) return;
      const codes = [...new Set(refusedCodes(result))];
      if (codes.length === 0) return;
      const rows: AccessRecord[] = codes.map((code) => ({
        id: randomUUID(),
        at: now(),
        viewerId: '',
        action: 'DENIED',
        targetKind: 'Request',
        targetId: '',
        outcome: code,
      }));
      await store.appendAccess(rows).catch((e: unknown) => log.error(`could not append audit entries ${JSON.stringify(rows)}:`, e));
    },
    onResponse: ({ request, response }) => {
      if (new URL(request.url).pathname === '/graphql' && !response.headers.has('cache-control')) {
        response.headers.set('cache-control', 'no-store');
      }
    },
    onExecute: ({ args }) => {
      executed.add(args.contextValue.request);
      return {
        onExecuteDone: async ({ result, setResult }) => {
          const ctx = args.contextValue;
          try {
            const trail = Symbol.asyncIterator in result ? [] : await trailOf(args, result);
            const trailWritten = trail.length
              ? ctx.deps.store.appendAccess(trail).catch((e: unknown) => {
                  log.error(`[${ctx.requestId}] could not append audit entries ${JSON.stringify(trail)}:`, e);
                })
              : null;
            await Promise.all([ctx.flushAudit(), trailWritten]);
          } catch (e) {
            log.error(`[${ctx.requestId}] could not append audit entries; withholding the result:`, e);
            setResult({
              data: null,
              errors: [new GraphQLError('Could not record this access; try again shortly', { extensions: { code: 'UNAVAILABLE' } })],
            });
          }
        },
      };
    },
  };
}
