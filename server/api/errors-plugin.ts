/**
 * The edge between AppError and GraphQL: an AppError (or a store's StoreError, mapped by fromStoreError) becomes a GraphQL error with
 * `extensions.code` (and its details, e.g. `field`); any other error is logged with the request id
 * and replaced by "Unexpected error." (yoga's masking would hide it too, but could not log the id).
 * Request-level input errors (variables that do not coerce, enum literals that do not exist) get
 * BAD_USER_INPUT so clients can branch on one code.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppLogger } from '../app-deps';
import { AppError, fromStoreError } from '../errors';
import { isErrorReason, renderError } from '../i18n/error-messages';
import { DEFAULT_LOCALE, type Locale, requestLocale } from '../i18n/locale';
import type { ApiContext } from './context';

const INPUT_VALIDATION = /Expected value of type|does not exist in ".*" enum|cannot represent|Expected type|got invalid value|of required type/;

function withCode(err: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: err.nodes, source: err.source, positions: err.positions, path: err.path, extensions });
}

/** Map one error of an execution result; a refusal with a reason (server/i18n/error-messages.ts) is written in `locale`. */
export function mapError(err: GraphQLError, log: AppLogger, requestId: string, locale: Locale = DEFAULT_LOCALE): GraphQLError {
  const original = fromStoreError(err.originalError) as Error | undefined;
  if (original instanceof AppError) {
    const reason = original.details?.reason;
    const message = isErrorReason(reason) ? renderError(reason, locale) : original.message;
    return withCode(err, message, { code: original.code, ...original.details });
  }
  if (original instanceof GraphQLError && original.extensions?.code) {
    return withCode(err, err.message, { ...original.extensions });
  }
  if (err.extensions?.code) return err;
  // No path: the request itself was wrong (variables that do not coerce to their types).
  if (!err.path && (!original || original instanceof GraphQLError)) return withCode(err, err.message, { code: 'BAD_USER_INPUT' });
  if (original instanceof GraphQLError) return err;
  log.error(`[${requestId}] unexpected error at ${err.path?.join('.') ?? '(request)'}:`, original ?? err);
  return withCode(err, 'Unexpected error.', { code: 'INTERNAL_SERVER_ERROR', requestId });
}

function mapResult(result: ExecutionResult, log: AppLogger, requestId: string, locale: Locale): ExecutionResult | null {
  if (!result.errors?.length) return null;
  return { ...result, errors: result.errors.map((e) => mapError(e, log, requestId, locale)) };
}

/** The errors plugin; `log` defaults to the console. */
export function useAppErrors(log: AppLogger): Plugin<ApiContext> {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (!result.length) return;
        setResult(
          result.map((e: Error) => (e instanceof GraphQLError && !e.extensions?.code && INPUT_VALIDATION.test(e.message) ? withCode(e, e.message, { code: 'BAD_USER_INPUT' }) : e)),
        );
      },
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) return;
        const mapped = mapResult(result, log, args.contextValue.requestId, requestLocale(args.contextValue));
        if (mapped) setResult(mapped);
      },
    }),
  };
}
