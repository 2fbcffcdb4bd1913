/**
 * The production surface of the HTTP edge:
 * - security headers on every response (API, client, GraphiQL, /health, /ready): a Content
 *   Security Policy with no 'unsafe-inline' scripts and frame-ancestors 'none', nosniff, no
 *   referrer, no framing. HSTS is the TLS proxy's to send (README, "Deploying at a university").
 * - introspection and "Did you mean" hints only for callers `mayExplore` admits: everyone when
 *   config.introspection is on (default outside production), else developers — the hook
 *   `ApiContext.developerAccess` (personal access tokens scoped to it) when the context provides it.
 *   Introspection is refused as FORBIDDEN before execution; hints are cut from error messages.
 *   Validation fails before the request's context is built, so hints in validation errors stay
 *   hidden in production even for developers (they have introspection instead).
 */
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config';
import type { ApiContext } from './context';

/**
 * The one <style> element the client adds at run time: cytoscape's rule for its container
 * (`.__________cytoscape_container { position: relative; }`), allowed by its hash.
 */
export const CYTOSCAPE_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/**
 * Scripts and styles from this origin only. 'unsafe-inline' for styles only on GraphiQL's page
 * (its editor inserts <style> elements at run time); never for scripts.
 */
export function contentSecurityPolicy(opts: { inlineStyles: boolean }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${opts.inlineStyles ? "'unsafe-inline'" : CYTOSCAPE_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function useSecurityHeaders(): Plugin {
  const strict = contentSecurityPolicy({ inlineStyles: false });
  const graphiql = contentSecurityPolicy({ inlineStyles: true });
  return {
    onResponse: ({ request, response }) => {
      const isGraphiQLPage = new URL(request.url).pathname === '/graphql' && (response.headers.get('content-type') ?? '').startsWith('text/html');
      response.headers.set('content-security-policy', isGraphiQLPage ? graphiql : strict);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
    },
  };
}

const schemaAsks = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the document asks for the schema (`__schema` / `__type`; `__typename` is ordinary). Known per
 * document object: yoga's parser cache hands the same object to every request with the same text.
 */
export function asksForSchema(doc: DocumentNode): boolean {
  let known = schemaAsks.get(doc);
  if (known === undefined) schemaAsks.set(doc, (known = visitForSchema(doc)));
  return known;
}

function visitForSchema(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

const HINT = /\s*Did you mean [^?]*\?/g;
const HAS_HINT = /Did you mean /;

/** The message without "Did you mean …?" hints. */
export const withoutHints = (message: string) => message.replace(HINT, '').trim();

/** May this request see the schema? Config flag, else the developer hook (until it exists: no). */
export async function mayExplore(config: Readonly<Config>, ctx: Partial<Pick<ApiContext, 'developerAccess'>>): Promise<boolean> {
  if (config.introspection) return true;
  return ctx.developerAccess ? ctx.developerAccess().catch(() => false) : false;
}

export function useSchemaPrivacy(config: Readonly<Config>): Plugin<ApiContext> {
  const strip = (e: GraphQLError) => {
    const message = withoutHints(e.message);
    return message === e.message
      ? e
      : new GraphQLError(message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError,
          extensions: e.extensions,
        });
  };
  return {
    onExecute: async ({ args, setResultAndStopExecution }) => {
      if (!asksForSchema(args.document) || (await mayExplore(config, args.contextValue))) return;
      const op = args.document.definitions.find((d: DocumentNode['definitions'][number]): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Introspection is open only to developers with a token allowed to use it', {
            nodes: op ? [op] : undefined,
            extensions: { code: 'FORBIDDEN' },
          }),
        ],
      });
    },
    onExecutionResult: async ({ result, setResult, context }) => {
      if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
      if (!result.errors.some((e) => HAS_HINT.test(e.message))) return;
      if (await mayExplore(config, context as ApiContext)) return;
      setResult({ ...result, errors: result.errors.map((e) => strip(e as GraphQLError)) });
    },
  };
}
